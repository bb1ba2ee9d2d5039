import { parisDayAhead as dayAhead } from './days';
import { demo, expect, signIn, test } from './fixtures';

/** The « Financé » cell of a budget line's row (columns: year, line, forecast, committed, actual, funded…). */
const fundedCell = (row: ReturnType<import('@playwright/test').Page['getByRole']>) => row.getByRole('cell').nth(5);

test('an animator records a call, links an application for Pertuis to the budget, marks it granted: the budget and the deadlines follow', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, demo.animator);
  const callTitle = 'Circuits courts alimentaires en Luberon (e2e)';
  const applicationTitle = 'Pertuis : légumerie solidaire (e2e)';

  // The call, recorded through its form.
  await page.goto('/financements/appels/nouveau');
  await page.getByRole('combobox', { name: 'Financeur' }).fill('Région Provence');
  await page
    .getByRole('option', { name: /Région Provence-Alpes-Côte d.Azur/ })
    .first()
    .click();
  await page.getByLabel('Intitulé').fill(callTitle);
  await page.getByLabel('Date d’ouverture').fill(dayAhead(-5));
  await page.getByLabel('Date de clôture').fill(dayAhead(12));
  await page.getByRole('button', { name: 'Enregistrer l’appel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: callTitle })).toBeVisible();
  const callUrl = page.url();

  // The deadlines now hold its closing date.
  await page.goto('/financements/echeances');
  const deadlines = page.getByRole('region', { name: 'Échéances à venir et en retard' });
  await expect(deadlines.getByRole('row').filter({ hasText: callTitle })).toContainText('dans 12 jours');

  // An application answering it, for the Pertuis territory of the programme.
  await page.goto(callUrl);
  await page.getByRole('link', { name: 'Préparer un dossier' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouveau dossier de financement' })).toBeVisible();
  await page.getByLabel('Intitulé').fill(applicationTitle);
  await page.getByLabel('Programme', { exact: true }).selectOption({ label: "Envies d'Alliances" });
  await page.getByLabel('Territoire', { exact: true }).selectOption({ label: 'Pertuis' });
  await page.getByLabel('Exercice', { exact: true }).fill('2019');
  await page.getByLabel('Montant demandé (€)').fill('18 000');
  await page.getByRole('button', { name: 'Créer le dossier' }).click();
  await expect(page.getByRole('heading', { level: 1, name: applicationTitle })).toBeVisible();
  const applicationUrl = page.url();

  // A report owed to the funder: a second deadline.
  const reports = page.getByRole('region', { name: 'Comptes rendus au financeur' });
  await reports.getByLabel('Intitulé').fill('Bilan de la légumerie');
  await reports.getByLabel('Échéance').fill(dayAhead(40));
  await reports.getByRole('button', { name: 'Ajouter le compte rendu' }).click();
  await expect(reports).toContainText('Bilan de la légumerie');

  // The budget: Pertuis's 2019 production line takes the application as a source; nothing is funded yet.
  await page.goto('/financements/budget?du=2019&au=2019');
  const line = page
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: /^Modifier la ligne .*Production.*Pertuis/ }) });
  await expect(line).toHaveCount(1);
  const fundedBefore = ((await fundedCell(line).textContent()) ?? '').trim();
  await line.getByRole('button', { name: /^Modifier la ligne/ }).click();
  const form = page.getByRole('region', { name: 'Modifier la ligne' });
  await form.getByRole('button', { name: 'Ajouter une source' }).click();
  const sourceRows = form.locator('.budget-source-row');
  const added = sourceRows.last();
  const applicationChoice = added.getByLabel(/^Dossier/);
  const value = await applicationChoice.locator('option', { hasText: applicationTitle }).getAttribute('value');
  await applicationChoice.selectOption(value ?? '');
  await added.getByLabel(/^Montant/).fill('15 000');
  await form.getByRole('button', { name: 'Enregistrer la ligne' }).click();
  await expect(line).toContainText(applicationTitle);
  await expect(fundedCell(line)).toHaveText(fundedBefore);

  // Submitted, then granted with an amount.
  await page.goto(applicationUrl);
  await page.getByRole('button', { name: 'Marquer déposé' }).click();
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page.getByText('Déposé (étape actuelle)')).toBeVisible();
  await page.getByRole('button', { name: 'Marquer accordé' }).click();
  await page.getByLabel('Montant accordé (€)').fill('15 000');
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page.getByText('Accordé (étape actuelle)')).toBeVisible();

  // The budget's « Financé » column now counts the grant.
  await page.goto('/financements/budget?du=2019&au=2019');
  await expect(fundedCell(line)).not.toHaveText(fundedBefore);
  await expect(fundedCell(line)).toContainText('15 000,00');

  // And the report's deadline is in the calendar.
  await page.goto('/financements/echeances');
  await expect(deadlines.getByRole('row').filter({ hasText: applicationTitle })).toContainText('dans 40 jours');
});
