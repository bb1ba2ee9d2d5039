import { actorIdByName, demo, expect, signIn, test } from './fixtures';

const needTitle = 'Salle de répétition pour la création 2027';
const premisesCompany = "GEPA – Groupement des entreprises du Pays d'Aix";

/** A tiny PDF standing for the signed agreement (the server checks its type, not its signatures). */
const agreementPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

test('an animator turns Le Petit Duc’s need into a support partnership, runs its five steps and publishes it', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signIn(page, demo.animator);
  const petitDuc = await actorIdByName(page, 'Le Petit Duc');

  // 1. Le Petit Duc's need for a rehearsal room.
  await page.goto(`/besoins-offres/nouveau?acteur=${petitDuc}`);
  await page.getByRole('radio', { name: 'Besoin' }).check();
  await page.getByLabel('Titre').fill(needTitle);
  await page.getByLabel('Description').fill('Une salle de 80 m² libre trois soirs par semaine pour répéter.');
  await page.getByRole('checkbox', { name: 'Locaux' }).check();
  await page.getByRole('checkbox', { name: 'Soutien (mécénat, subvention, don)' }).check();
  await page.getByRole('button', { name: 'Publier' }).click();
  await expect(page.getByRole('heading', { name: needTitle })).toBeVisible();
  const needUrl = page.url();

  // 2. A meeting with the company that offers premises, in its contact log.
  await page.goto(`/acteurs/${await actorIdByName(page, premisesCompany)}`);
  const journal = page.getByRole('region', { name: 'Journal des échanges' });
  await journal.getByRole('button', { name: 'Consigner un échange' }).click();
  await page.getByLabel('Type d’échange').selectOption({ label: 'Rendez-vous' });
  await page.getByLabel('Objet').fill('Prêt de la salle de réunion au Petit Duc');
  await page.getByLabel('Personnes présentes').fill('Responsable RSE du GEPA, directrice du Petit Duc');
  await page.getByLabel('Notes').fill('La salle est libre le soir ; convention de mécénat en nature à préparer.');
  await page.getByRole('button', { name: 'Enregistrer l’échange' }).click();
  await expect(page.getByText('Échange enregistré.')).toBeVisible();
  await expect(journal.getByRole('heading', { name: 'Prêt de la salle de réunion au Petit Duc' })).toBeVisible();

  // 3. A partnership opened from the need, in mode support, with the company as second partner.
  await page.goto(needUrl);
  await page.getByRole('link', { name: 'Ouvrir un partenariat' }).click();
  await expect(page).toHaveURL(/\/partenariats\/nouveau\?besoin=/);
  await expect(page.getByLabel('Intitulé')).toHaveValue(needTitle);
  await expect(page.getByLabel('Mode de partenariat')).toHaveValue('support');
  const second = page.getByRole('combobox', { name: 'Partenaire 2' });
  await second.fill('GEPA');
  await page.getByRole('option', { name: /GEPA/ }).first().click();
  await page.getByRole('button', { name: 'Ouvrir le partenariat' }).click();
  await expect(page).toHaveURL(/\/partenariats\/[0-9a-f-]{36}$/);
  const partnershipUrl = page.url();
  const currentStep = page.locator('.stepper li[aria-current="step"]');
  await expect(currentStep).toContainText('Préparer chaque partenaire');

  // 4. The five steps; the contract step wants the signed agreement attached.
  const next = page.getByRole('button', { name: 'Passer à l’étape suivante' });
  await next.click();
  await expect(currentStep).toContainText('Préparer le partenariat');
  await next.click();
  await expect(currentStep).toContainText('Contractualiser');
  await next.click();
  await expect(page.getByText(/Joignez la convention de partenariat signée/)).toBeVisible();
  await expect(currentStep).toContainText('Contractualiser');

  await page.getByLabel('Joindre un document').setInputFiles({
    name: 'convention-petit-duc-gepa.pdf',
    mimeType: 'application/pdf',
    buffer: agreementPdf,
  });
  await page.getByLabel('Nature du document').selectOption({ label: 'Convention de partenariat' });
  await page.getByRole('button', { name: 'Envoyer le document' }).click();
  await expect(page.getByRole('link', { name: 'Télécharger convention-petit-duc-gepa.pdf' })).toBeVisible();
  await next.click();
  await expect(currentStep).toContainText('Mettre en œuvre');
  await next.click();
  await expect(currentStep).toContainText('Évaluer');

  // 5. Not public until both partners consent.
  const partnershipId = partnershipUrl.split('/').pop() ?? '';
  const anonymous = await browser.newContext();
  expect(
    (await anonymous.request.get(new URL(`/api/v1/partnerships/${partnershipId}`, page.url()).href)).status(),
  ).toBe(404);
  const consents = page.getByRole('checkbox', { name: 'Accord pour publier' });
  await expect(consents).toHaveCount(2);
  await consents.nth(0).check();
  await expect(consents.nth(0)).toBeChecked();
  await consents.nth(1).check();
  await expect(page.getByText(/Publié dans la vitrine depuis le/)).toBeVisible();

  // 6. On the board of its mode, in the last column.
  await page.goto('/partenariats/tableau?mode=support');
  const evaluate = page.getByRole('region', { name: /Évaluer/ });
  await expect(evaluate.getByRole('link', { name: needTitle })).toBeVisible();

  // 7. On the public showcase, for a visitor without an account.
  const visitor = await anonymous.newPage();
  await visitor.goto(new URL('/vitrine', page.url()).href);
  await expect(visitor.getByRole('link', { name: needTitle })).toBeVisible();
  await anonymous.close();
});
