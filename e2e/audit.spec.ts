import type { Page } from '@playwright/test';
import { actorIdByName, demo, expect, signIn, test } from './fixtures';

/** Set GUIDE_SCREENSHOTS=1 to refresh the guide's picture (docs/guide/images/journal-audit.png). */
const screenshots = process.env.GUIDE_SCREENSHOTS === '1';
const shoot = async (page: Page, name: string) => {
  if (!screenshots) return;
  // Tall enough for the filters and the first rows of the table.
  await page.setViewportSize({ width: 1280, height: 1150 });
  await page.screenshot({ path: `docs/guide/images/${name}.png`, fullPage: false });
};

test('the admin reads who signed in and who read personal data, filters the log and exports it', async ({
  page,
  browser,
}) => {
  // The animator signs in and opens an actor's page (its people are personal data).
  const animator = await browser.newPage();
  await signIn(animator, demo.animator);
  const actorId = await actorIdByName(animator, 'Charlie Free');
  expect((await animator.request.get(`/api/v1/actors/${actorId}`)).status()).toBe(200);
  await animator.close();

  await signIn(page, demo.admin);
  await page.goto('/admin/journal');
  await expect(page.getByRole('heading', { level: 1, name: 'Journal d’audit' })).toBeVisible();
  const table = page.getByRole('table');
  const readRow = table.getByRole('row').filter({ hasText: 'GET /api/v1/actors/:id' }).first();
  await expect(readRow).toContainText('Lecture de données personnelles');
  await expect(readRow).toContainText('Animateur·rice');
  await expect(readRow).toContainText(actorId);

  // Only sign-ins: the admin's and the animator's, never a concrete address nor a password.
  await page.getByLabel('Type d’action').selectOption({ label: 'Connexion et mot de passe' });
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page).toHaveURL(/type=signIn/);
  await expect(table.getByRole('row').filter({ hasText: 'Lecture de données personnelles' })).toHaveCount(0);
  await expect(table.getByRole('row').filter({ hasText: 'POST /api/v1/auth/login' }).first()).toBeVisible();
  await page.getByLabel('Type d’action').selectOption('');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await shoot(page, 'journal-audit');

  // The file holds the same filters.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /CSV/ }).click();
  expect((await download).suggestedFilename()).toMatch(/^journal-audit-\d{4}-\d{2}-\d{2}\.csv$/);

  // Nothing to show: the empty state.
  await page.getByLabel('Action contient').fill('aucune-action-de-ce-nom');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page.getByText('Aucune entrée ne correspond à ces filtres.')).toBeVisible();
});
