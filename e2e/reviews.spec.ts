import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { demo, expect, signIn, test } from './fixtures';

/** Set GUIDE_SCREENSHOTS=1 to refresh the guide's pictures (docs/guide/images/bilan-*.png). */
const screenshots = process.env.GUIDE_SCREENSHOTS === '1';
const shoot = async (page: Page, name: string, fullPage = false) => {
  if (screenshots) await page.screenshot({ path: `docs/guide/images/bilan-${name}.png`, fullPage });
};

async function demoProgramme(page: Page): Promise<{ id: string; slug: string }> {
  const res = await page.request.get('/api/v1/programmes');
  const body = (await res.json()) as { items: { id: string; slug: string; name: string }[] };
  const found = body.items.find((p) => p.name === "Envies d'Alliances");
  if (!found) throw new Error('demo programme not found');
  return found;
}

test('the animator writes the 2018 review’s introduction, downloads its PDF and publishes it; an anonymous visitor reads it', async ({
  page,
  browser,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, demo.animator);
  const programme = await demoProgramme(page);

  // From the programme's page to its review, then to the year 2018.
  await page.goto(`/programmes/${programme.id}`);
  await page.getByRole('link', { name: 'Bilan annuel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Bilan \d{4} — Envies d'Alliances$/ })).toBeVisible();
  await page.getByLabel('Année').selectOption('2018');
  await expect(page.getByRole('heading', { level: 1, name: "Bilan 2018 — Envies d'Alliances" })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '1. Contexte' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '9. Perspectives 2019' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '6. Dialogue territorial' })).toBeVisible();
  if (screenshots) {
    // The guide's picture of the territorial dialogue's part, its chart drawn (when the year has contributions).
    const dialogue = page.locator('#bilan-dialogue');
    await dialogue.scrollIntoViewIfNeeded();
    for (const img of await dialogue.locator('.review-chart img').all())
      await expect(img).toHaveJSProperty('complete', true);
    await dialogue.screenshot({ path: 'docs/guide/images/bilan-dialogue.png' });
  }
  await expect(page.getByText('Non publié')).toBeVisible();

  // The introduction, written and saved: it opens the document.
  const introduction = 'L’année de la consolidation, sur les trois territoires pilotes (e2e).';
  await page.getByLabel('Introduction').fill(introduction);
  await page.getByRole('button', { name: 'Enregistrer les textes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Textes enregistrés.' })).toBeVisible();
  const document = page.locator('.review-document');
  await expect(document.getByRole('heading', { level: 2, name: 'Introduction' })).toBeVisible();
  await expect(document.getByText(introduction)).toBeVisible();

  // The PDF, downloaded: a PDF file named after the programme and the year.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Télécharger en PDF' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`bilan-2018-${programme.slug}.pdf`);
  const file = await download.path();
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');

  // Published: the public page shows it to anyone.
  await page.getByRole('button', { name: 'Publier le bilan' }).click();
  await expect(page.getByText(/^Publié le /)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Retirer la publication' })).toBeVisible();

  const visitor = await browser.newPage();
  await visitor.setViewportSize({ width: 1280, height: 900 });
  // Found from the programme's page, which anyone may read: its published reviews are linked there.
  await visitor.goto(`/programmes/${programme.id}`);
  await expect(visitor.getByText('Bilans publiés')).toBeVisible();
  await visitor.getByRole('link', { name: 'Bilan 2018' }).click();
  await expect(visitor).toHaveURL(new RegExp(`/bilans/${programme.slug}/2018$`));
  await expect(visitor.getByRole('heading', { level: 1, name: 'Bilan 2018' })).toBeVisible();
  await expect(visitor.getByText(introduction)).toBeVisible();
  await expect(visitor.getByRole('link', { name: 'Télécharger en PDF' })).toBeVisible();
  await expect(visitor.getByRole('heading', { level: 2, name: '5. Partenariats et alliances' })).toBeVisible();
  // A review not published is not shown.
  await visitor.goto(`/bilans/${programme.slug}/2019`);
  await expect(visitor.getByText('Ce bilan n’est pas publié.')).toBeVisible();

  // The guide's pictures: the demo 2017 review, for the team and in public.
  if (screenshots) {
    await page.getByLabel('Année').selectOption('2017');
    await expect(page.getByRole('heading', { level: 1, name: "Bilan 2017 — Envies d'Alliances" })).toBeVisible();
    await expect(page.locator('.review-chart img').first()).toBeVisible();
    await shoot(page, 'equipe');
    await visitor.goto(`/bilans/${programme.slug}/2017`);
    await expect(visitor.getByRole('heading', { level: 1, name: 'Bilan 2017' })).toBeVisible();
    await visitor.waitForLoadState('networkidle');
    await shoot(visitor, 'public');
  }
  await visitor.close();
});
