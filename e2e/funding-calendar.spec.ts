import type { Page } from '@playwright/test';
import { parisDayAhead } from './days';
import { actorIdByName, demo, expect, signIn, test } from './fixtures';

/** Set GUIDE_SCREENSHOTS=1 to refresh the guide's picture (docs/guide/images/financements-echeances.png). */
const screenshots = process.env.GUIDE_SCREENSHOTS === '1';
const shoot = async (page: Page, name: string) => {
  if (screenshots) await page.screenshot({ path: `docs/guide/images/financements-${name}.png`, fullPage: true });
};

test('the team sees the deadlines to come; a call, the territories it suits; a programme, its calls', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const csrf = await signIn(page, demo.animator);
  const headers = { 'x-csrf-token': csrf };
  const region = await actorIdByName(page, "Région Provence-Alpes-Côte d'Azur");
  const title = 'Économie circulaire à Pertuis (e2e)';
  const created = await page.request.post('/api/v1/funding/calls', {
    headers,
    data: {
      funderActorId: region,
      title,
      themes: ['circular-economy'],
      communeCodes: ['84089'],
      eligibleFamilies: ['association'],
      opensOn: parisDayAhead(-10),
      closesOn: parisDayAhead(5),
    },
  });
  expect(created.status()).toBe(201);
  const call = (await created.json()) as { id: string };

  // The page of deadlines: the call in the list with its days left, a link to its page.
  await page.goto('/financements/echeances');
  await expect(page.getByRole('heading', { level: 1, name: 'Échéances des financements' })).toBeVisible();
  const list = page.getByRole('region', { name: 'Échéances à venir et en retard' });
  const row = list.getByRole('row').filter({ hasText: title });
  await expect(row).toContainText('dans 5 jours');
  await expect(row).toContainText('Clôture d’appel à projets');
  // The demo's deadlines are in 2017–2019: the calls are closed, but Pertuis' final report, due on 31 March 2019 and
  // never sent, is still owed.
  const late = list.getByRole('row').filter({ hasText: 'Rapport final' });
  await expect(late).toContainText('31 mars 2019');
  await expect(late).toContainText('En retard');
  await expect(list.getByRole('row').filter({ hasText: 'AAP Économie circulaire Région–ADEME' })).toHaveCount(0);

  // Only the reports: the call leaves the list; back to every kind.
  await page.getByLabel('Type d’échéance').selectOption('reportDue');
  await expect(list.getByRole('row').filter({ hasText: title })).toHaveCount(0);
  await page.getByLabel('Type d’échéance').selectOption('');
  await expect(row).toBeVisible();
  await shoot(page, 'echeances');

  // The link leads to the call's page, which lists the projects and territories it suits.
  await row.getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/financements/appels/${call.id}$`));
  await expect(page.getByRole('heading', { level: 3, name: 'Territoires des programmes' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Pertuis — Envies d.Alliances$/ })).toBeVisible();

  // The programme's page: the call under Pertuis, with its closing date.
  await page.getByRole('link', { name: /^Pertuis — Envies d.Alliances$/ }).click();
  const suited = page.getByRole('region', { name: 'Appels à projets correspondants' });
  await expect(suited.getByRole('link', { name: title })).toBeVisible();
});
