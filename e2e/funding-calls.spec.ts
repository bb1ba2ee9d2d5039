import { demo, expect, signIn, test } from './fixtures';

test('an animator edits a closed call: its SDGs stay, no application is prepared for it, amounts say what they are', async ({
  page,
}) => {
  await signIn(page, demo.animator);
  await page.goto('/financements/appels');
  await page.getByRole('link', { name: 'AAP Économie circulaire Région–ADEME' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'AAP Économie circulaire Région–ADEME' })).toBeVisible();
  const facts = page.getByRole('region', { name: 'Présentation' });
  await expect(facts).toContainText('Consommation et production responsables');
  // Closed: no application to prepare for it any more.
  await expect(page.getByRole('link', { name: 'Modifier' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Préparer un dossier' })).toHaveCount(0);
  // Each application's amount says whether it was requested or granted.
  const applications = page.getByRole('region', { name: 'Dossiers qui répondent à cet appel' });
  await expect(applications.getByText(/accordé\u202f: /)).toHaveCount(1);
  await expect(applications.getByText(/demandé\u202f: /)).toHaveCount(1);

  // Saved through its form, untouched, the call keeps its SDGs; one more checked is kept too.
  await page.getByRole('link', { name: 'Modifier' }).click();
  const sdgs = page.getByRole('group', { name: 'Objectifs de développement durable' });
  await expect(sdgs.getByRole('checkbox', { name: /Consommation et production responsables/ })).toBeChecked();
  await sdgs.getByRole('checkbox', { name: /Partenariats pour la réalisation des objectifs/ }).check();
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'AAP Économie circulaire Région–ADEME' })).toBeVisible();
  await expect(facts).toContainText('Consommation et production responsables');
  await expect(facts).toContainText('Partenariats pour la réalisation des objectifs');
});
