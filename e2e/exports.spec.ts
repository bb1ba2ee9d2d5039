import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { demo, expect, signIn, test } from './fixtures';

/** Set GUIDE_SCREENSHOTS=1 to refresh the guide's pictures (docs/guide/images/exports-*.png). */
const screenshots = process.env.GUIDE_SCREENSHOTS === '1';
const shoot = async (page: Page, name: string) => {
  if (screenshots) await page.screenshot({ path: `docs/guide/images/exports-${name}.png` });
};

/** The names of every result of the directory as it is filtered now, page after page. */
async function listedNames(page: Page): Promise<string[]> {
  const names: string[] = [];
  const results = page.locator('.result h3 a');
  for (;;) {
    await expect(results.first()).toBeVisible();
    const shown = await results.allTextContents();
    names.push(...shown);
    const next = page.getByRole('navigation', { name: 'Pages de résultats' }).getByRole('link', { name: 'Suivante' });
    if ((await next.count()) === 0) return names;
    await next.click();
    await expect(results.first()).not.toHaveText(shown[0] ?? '');
  }
}

test('a visitor filters the directory by family and commune and downloads exactly those actors as CSV', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  const filters = page.getByRole('complementary', { name: 'Filtres' });
  await filters.getByRole('checkbox', { name: /^Association/ }).check();
  await expect(page).toHaveURL(/family=association/);
  await filters.locator('summary', { hasText: 'Commune' }).click();
  await filters.getByRole('checkbox', { name: /^Aix-en-Provence/ }).check();
  await expect(page).toHaveURL(/commune=13001/);

  const exporter = page.getByRole('group', { name: 'Exporter' });
  await expect(exporter).toBeVisible();
  const heading = page.locator('#results-heading');
  await expect(heading).toHaveText(/\d+ acteurs?/);
  // The results and the export's count follow the URL by separate requests: compare them once both have settled.
  const headingCount = async () => Number((await heading.textContent())?.replace(/\D/g, ''));
  const exportCount = async () =>
    Number((await exporter.textContent())?.match(/\)\s*([\d\s\u202f\u00a0]+)ligne/)?.[1]?.replace(/\D/g, ''));
  await expect.poll(async () => (await headingCount()) === (await exportCount())).toBe(true);
  const total = await headingCount();
  await expect(exporter).toContainText(`${total} ligne`);
  const csvLink = exporter.getByRole('link', { name: /CSV/ });
  await expect(csvLink).toHaveAttribute('href', /\/api\/v1\/actors\/export\.csv\?.*family=association.*commune=13001/);
  await shoot(page, 'annuaire');

  // Keyboard: the link is reached and followed with Enter.
  await csvLink.focus();
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^annuaire-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = fs.readFileSync((await download.path()) ?? '', 'utf8');
  expect(text.startsWith('\ufeffNom;Famille;')).toBe(true);
  const [header = [], ...rows] = parse(text, { delimiter: ';', bom: true }) as string[][];
  const at = (name: string) => header.indexOf(name);
  const names = rows.map((r) => r[at('Nom')]);
  expect(rows.every((r) => r[at('Famille')] === 'Association' && r[at('Commune')] === 'Aix-en-Provence')).toBe(true);
  expect(names).toEqual(await listedNames(page));
  expect(names).toHaveLength(total);

  const xlsx = page.waitForEvent('download');
  await page.getByRole('group', { name: 'Exporter' }).getByRole('link', { name: /XLSX/ }).click();
  expect((await xlsx).suggestedFilename()).toMatch(/^annuaire-\d{4}-\d{2}-\d{2}\.xlsx$/);
});

test('an animator finds the export on the partnerships, events and funding applications lists', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, demo.animator);
  for (const [url, path] of [
    ['/partenariats?mode=support', /\/api\/v1\/partnerships\/export\.xlsx\?mode=support$/],
    [
      '/evenements?type=interAssociationWorkshop',
      /\/api\/v1\/events\/export\.xlsx\?kind=interAssociationWorkshop&from=/,
    ],
    ['/financements/dossiers?statut=granted', /\/api\/v1\/funding\/applications\/export\.xlsx\?status=granted$/],
  ] as const) {
    await page.goto(url);
    const link = page.getByRole('group', { name: 'Exporter' }).getByRole('link', { name: /XLSX/ });
    await expect(link).toHaveAttribute('href', path);
    if (url.startsWith('/financements')) await shoot(page, 'dossiers');
  }

  // A list behind sign-in is fetched: the file comes as a download...
  await page.goto('/partenariats?mode=support');
  const exporter = page.getByRole('group', { name: 'Exporter' });
  const downloading = page.waitForEvent('download');
  await exporter.getByRole('link', { name: /CSV/ }).click();
  expect((await downloading).suggestedFilename()).toMatch(/^partenariats-\d{4}-\d{2}-\d{2}\.csv$/);
  // ...and once the session has expired, the refusal is said on the page, which stays.
  await page.context().clearCookies();
  await exporter.getByRole('link', { name: /XLSX/ }).click();
  await expect(page.getByRole('alert')).toContainText('Votre session a expiré');
  await expect(page).toHaveURL(/\/partenariats\?mode=support$/);
});

test('the past events are exported latest first, as the list shows them', async ({ page }) => {
  await page.goto('/evenements?quand=passes');
  const link = page.getByRole('group', { name: 'Exporter' }).getByRole('link', { name: /CSV/ });
  await expect(link).toHaveAttribute('href', /\/api\/v1\/events\/export\.csv\?until=.*&order=desc$/);
  const titles = await page.locator('.event-card h3').allTextContents();
  expect(titles.length).toBeGreaterThan(1);
  const downloading = page.waitForEvent('download');
  await link.click();
  const text = fs.readFileSync((await (await downloading).path()) ?? '', 'utf8');
  const [header = [], ...rows] = parse(text, { delimiter: ';', bom: true }) as string[][];
  expect(rows.map((r) => r[header.indexOf('Titre')])).toEqual(titles);
});
