import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { demo, expect, signIn, test } from './fixtures';

/** Set GUIDE_SCREENSHOTS=1 to refresh the guide's pictures (docs/guide/images/imports-*.png). */
const screenshots = process.env.GUIDE_SCREENSHOTS === '1';
const shoot = async (page: Page, name: string) => {
  if (screenshots) await page.screenshot({ path: `docs/guide/images/imports-${name}.png`, fullPage: true });
};

/** The RNA fixture with one quirk per line: rejected lines, and a Gardanne association named like an actor below. */
const rnaFile = path.resolve('src/modules/imports/rna/fixtures/waldec-quirks.csv');

test('an animator imports an RNA file from the web, reads the report and settles the match to check', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const csrf = await signIn(page, demo.animator);
  // An actor of Gardanne named like the file's line 19, without an RNA number: the import cannot tell, it asks.
  const actor = await page.request.post('/api/v1/actors', {
    headers: { 'x-csrf-token': csrf },
    data: { family: 'association', name: 'Association 14', communeCode: '13041' },
  });
  expect(actor.status()).toBe(201);

  // 1. « Imports » among the staff's tools.
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Mon espace de travail' }).getByRole('link', { name: 'Imports' }).click();
  // Other specs of the same server may have imported before: the list is not checked empty.
  await expect(page.getByRole('heading', { level: 1, name: 'Imports des registres' })).toBeVisible();

  // 2. The file, the Pays d'Aix, then upload and start.
  await page.getByLabel('Fichier du RNA (CSV)').setInputFiles(rnaFile);
  await expect(page.getByLabel('Territoire', { exact: true })).toHaveValue('pays-d-aix');
  await shoot(page, 'liste');
  await page.getByRole('button', { name: 'Déposer et lancer l’import' }).click();

  // 3. The run's page follows it to the end, then shows the report.
  await expect(page.getByRole('heading', { level: 1, name: /^Import RNA du / })).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: /Import terminé\u202f: \d+ lignes traitées\./ }),
  ).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  const counters = page.getByRole('region', { name: 'Rapport' });
  await expect(counters.getByText('Rejetés')).toBeVisible();
  const rejected = page.getByRole('region', { name: 'Lignes rejetées' });
  await expect(rejected.getByRole('row', { name: /^14 Date invalide/ })).toBeVisible();
  await expect(rejected.getByRole('row', { name: /^8 / })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Télécharger les lignes rejetées (CSV)' })).toBeVisible();
  await shoot(page, 'rapport');

  // The list now holds the run, done (newest first: the first row of this file is this run).
  await page.getByRole('link', { name: 'Tous les imports' }).click();
  const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'waldec-quirks.csv', exact: true }) });
  await expect(row.first().getByRole('cell', { name: 'Terminé', exact: true })).toBeVisible();

  // 4. The match to check: side by side, decided with the keyboard.
  await page.getByRole('link', { name: 'Rapprochements à vérifier' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rapprochements à vérifier' })).toBeVisible();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'ASSOCIATION 14' }) });
  await expect(card.getByRole('row', { name: /Commune Gardanne Gardanne/ })).toBeVisible();
  await expect(card.getByRole('link', { name: 'Association 14' })).toBeVisible();
  await shoot(page, 'rapprochements');
  await card.getByRole('button', { name: 'Même organisation\u202f: fusionner' }).focus();
  await page.keyboard.press('Enter');
  await expect(
    page.getByText('Fusion faite\u202f: «\u00a0ASSOCIATION 14\u00a0» rejoint l’acteur existant.'),
  ).toBeVisible();
  await expect(page.getByText('Aucun rapprochement à vérifier.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

  // The actor now carries the register's RNA number.
  const merged = await (await page.request.get(`/api/v1/actors/${(await actor.json()).id}`)).json();
  expect(merged.rna).toMatch(/^W\d{9}$/);
});

test('a member has no imports link and is refused the pages', async ({ page }) => {
  await signIn(page, demo.gepaMember);
  await page.goto('/');
  await expect(page.getByRole('navigation', { name: 'Mon espace de travail' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Imports' })).toHaveCount(0);
  await page.goto('/admin/imports');
  await expect(page.getByRole('heading', { level: 1, name: 'Accès réservé' })).toBeVisible();
});

/** A register file of `rows` Villeurbanne associations (outside the Pays d'Aix: read, counted, skipped). */
function bigRnaFile(rows: number): string {
  const [header, , sample] = readFileSync(path.resolve('src/modules/imports/rna/fixtures/real-waldec.csv'), 'latin1')
    .split('\n')
    .map((l) => l.replace(/\r$/, ''));
  const body = Array.from({ length: rows }, (_, i) =>
    sample?.replace(/^W012000002/, `W69${String(i).padStart(7, '0')}`),
  );
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'alliances-e2e-rna-')), 'rna_waldec_69.csv');
  writeFileSync(file, `${header}\n${body.join('\n')}\n`, 'latin1');
  return file;
}

test('a large file: the run page shows its live progress, then the report', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, demo.animator);
  await page.goto('/admin/imports');
  const file = bigRnaFile(300_000);
  // The browser reads the file as it sends it: removed once the test is over, passed or failed.
  try {
    await followLargeImport(page, file);
  } finally {
    rmSync(path.dirname(file), { recursive: true, force: true });
  }
});

async function followLargeImport(page: Page, file: string) {
  await page.getByLabel('Fichier du RNA (CSV)').setInputFiles(file);
  await page.getByRole('button', { name: 'Déposer et lancer l’import' }).click();
  const bar = page.getByRole('progressbar', { name: 'Progression' });
  await expect(bar).toBeVisible({ timeout: 30_000 });
  await expect(bar).toHaveAttribute('aria-valuetext', /^[\d,]+\s[kMG]?o sur [\d,]+\sMo lus \(\d+\s%\)$/);
  await expect(page.getByText(/lignes par seconde/)).toBeVisible();
  const done = page.getByRole('status').filter({ hasText: /Import terminé\u202f: 300\u202f000 lignes traitées\./ });
  // Once a few batches are in, for the guide's picture (a fast server may have finished by the next poll, and then
  // both the count and the announcement show: the first of them is enough).
  await expect(
    page
      .getByText(/^[1-9][\d\u202f]* lignes traitées$/)
      .or(done)
      .first(),
  ).toBeVisible({ timeout: 30_000 });
  await shoot(page, 'progression');
  await expect(done).toBeVisible({ timeout: 90_000 });
  await expect(bar).toHaveCount(0);
  await expect(
    page.getByRole('region', { name: 'Rapport' }).getByText('Ignorés (hors périmètre ou non diffusibles)'),
  ).toBeVisible();
}
