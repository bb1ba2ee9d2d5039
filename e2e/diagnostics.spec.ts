import type { Page } from '@playwright/test';
import { actorIdByName, demo, expect, signIn, test } from './fixtures';

/** Set GUIDE_SCREENSHOTS=1 to refresh the guide's pictures (docs/guide/images/diagnostic-*.png). */
const screenshots = process.env.GUIDE_SCREENSHOTS === '1';
const shoot = async (page: Page, name: string) => {
  if (screenshots) await page.screenshot({ path: `docs/guide/images/diagnostic-${name}.png`, fullPage: true });
};

test('the member of Charlie Free takes the association diagnostic again and sees its scores, changes and suggestions linking to matching', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, demo.charlieFreeMember);
  const actorId = await actorIdByName(page, 'Charlie Free');

  // From the organisation's page, the diagnostic of 2017 (demo data) with its scores.
  await page.goto(`/acteurs/${actorId}`);
  await page.getByRole('link', { name: 'Diagnostic', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Diagnostic de Charlie Free' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Résultats du 14 mars 2017' })).toBeVisible();
  await expect(page.getByRole('meter', { name: 'Score global' })).toHaveAttribute('value', '44');
  await expect(page.getByRole('meter', { name: 'Mix de financement' })).toHaveAttribute('value', '40');
  await shoot(page, 'premier');

  // Again, one axis per step.
  await page.getByRole('button', { name: 'Refaire le diagnostic' }).click();
  await expect(page.getByText('Étape 1 sur 3')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Ressources humaines' })).toBeFocused();
  // It starts from the answers of 2017, every question answered.
  await expect(page.getByText('13 réponses sur 13', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Nombre de bénévoles réguliers')).toHaveValue('35');
  await page.getByLabel('Nombre de bénévoles réguliers').fill('45');
  // The unit is read with the field.
  const employees = page.getByLabel('Nombre de salariés (en équivalents temps plein)');
  await expect(employees).toHaveAccessibleDescription(/ETP/);
  await employees.fill('1,5');
  await page
    .getByRole('group', { name: /compétences nécessaires/ })
    .getByLabel('Pour l’essentiel')
    .check();
  // A radio group answers to the arrow keys: « Rare » (the answer of 2017) then one down is « Régulier ».
  const governance = page.getByRole('group', { name: /Renouvellement de la gouvernance/ });
  await expect(governance.getByLabel('Rare, la relève n’est pas identifiée')).toBeChecked();
  await governance.getByLabel('Rare, la relève n’est pas identifiée').focus();
  await page.keyboard.press('ArrowDown');
  await expect(governance.getByLabel('Régulier')).toBeChecked();
  await page.getByRole('button', { name: 'Étape suivante' }).click();

  await expect(page.getByText('Étape 2 sur 3')).toBeVisible();
  await page.getByLabel('Part des subventions publiques dans vos ressources').fill('45');
  await page.getByLabel('Part des financements privés').fill('40');
  await page.getByLabel('Part des ressources propres').fill('30');
  await page.getByLabel('Nombre de financeurs différents').fill('6');
  await page.getByRole('group', { name: 'Réserves (fonds propres)' }).getByLabel('De trois à six mois').check();
  // Shares over 100 %: the server's message on the question, and nothing saved.
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  const own = page.getByLabel('Part des ressources propres');
  await expect(own).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Ensemble, les parts de vos ressources dépassent 100\u202f%.')).toBeVisible();
  await page.getByLabel('Part des financements privés').fill('20');
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(page.getByText(/Brouillon enregistré le .* \(13 réponses sur 13\)/)).toBeVisible();
  await shoot(page, 'formulaire');
  // After an error fixed on this step, the next step still starts at its heading.
  await page.getByRole('button', { name: 'Étape suivante' }).click();

  await expect(page.getByText('Étape 3 sur 3')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Alliances' })).toBeFocused();
  await page.getByLabel('Nombre de partenariats suivis').fill('4');
  await page
    .getByRole('group', { name: /Appartenance à des réseaux/ })
    .getByLabel(/avec des responsabilités/)
    .check();
  await page
    .getByRole('group', { name: 'Ancrage territorial' })
    .getByLabel(/Acteur sollicité/)
    .check();
  await page
    .getByRole('group', { name: 'Ouverture aux entreprises' })
    .getByLabel(/partenariats suivis/)
    .check();
  await page.getByRole('button', { name: 'Terminer et voir les résultats' }).click();

  // Results: scores per axis, the change since 2017, the history, suggestions linking to matching.
  await expect(page.getByText('Diagnostic terminé.')).toBeVisible();
  await expect(page.getByRole('meter', { name: 'Score global' })).toHaveAttribute('value', '75');
  await expect(page.getByText('+31 depuis le 14 mars 2017')).toBeVisible();
  await expect(page.getByRole('meter', { name: 'Alliances' })).toHaveAttribute('value', '92');
  const suggestions = page.locator('.diagnostic-suggestion');
  await expect(suggestions).toHaveCount(2);
  await expect(suggestions.first()).toContainText('Pratiques responsables');
  await expect(suggestions.first()).toContainText('Pourquoi\u202f? Ressources humaines\u202f: 67/100.');
  await expect(suggestions.nth(1)).toContainText('Innovation sociétale');
  const history = page.getByRole('region', { name: 'Historique' });
  await expect(history.getByRole('row')).toHaveCount(3);
  await shoot(page, 'resultats');

  await suggestions.first().getByRole('link', { name: 'Voir les partenaires suggérés' }).click();
  await expect(page).toHaveURL(new RegExp(`/suggestions\\?subjectKind=actor&subjectId=${actorId}`));
  await expect(page.getByRole('heading', { level: 1, name: 'Partenaires suggérés' })).toBeVisible();
});

test('the steering committee lists completed diagnostics and filters them', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, demo.observer);
  await page.goto('/');
  await page.getByRole('link', { name: 'Diagnostics', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Diagnostics' })).toBeVisible();
  const table = page.getByRole('table');
  await expect(table.getByRole('link', { name: 'Charlie Free' }).first()).toBeVisible();
  await expect(table.getByRole('link', { name: /GEPA/ })).toBeVisible();
  await shoot(page, 'liste');
  // Lowest overall score first: who needs support most (GEPA's 42 in the demo).
  await page.getByLabel('Trier par').selectOption({ label: 'Score le plus bas' });
  await expect(page).toHaveURL(/tri=score/);
  await expect(table.getByRole('row').nth(1).getByRole('link')).toHaveText(/GEPA/);
  await page.getByLabel('Type de diagnostic').selectOption({ label: 'Entreprise' });
  await expect(page).toHaveURL(/type=company/);
  await expect(table.getByRole('link', { name: 'Charlie Free' })).toHaveCount(0);
  await expect(table.getByRole('link', { name: /GEPA/ })).toBeVisible();
  await page.getByLabel('Terminés jusqu’au').fill('2017-01-31');
  await expect(page.getByText('Aucun diagnostic terminé ne correspond à ces critères.')).toBeVisible();
});

test('a company member saves a first draft, then discards it after confirming', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, demo.jceMember);
  const actorId = await actorIdByName(page, "Jeune Chambre Économique du Pays d'Aix");
  await page.goto(`/acteurs/${actorId}/diagnostic`);
  await expect(page.getByText('Étape 1 sur 4')).toBeVisible();
  await expect(page.getByText('0 réponse sur 12', { exact: true })).toBeVisible();
  await page.getByRole('group', { name: 'Stratégie RSE' }).getByLabel('Pas de démarche').check();
  await expect(page.getByText('1 réponse sur 12', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(page.getByText(/Brouillon enregistré le .* \(1 réponse sur 12\)\./)).toBeVisible();

  // Back later: the draft can be resumed or discarded; discarding asks first.
  await page.reload();
  await expect(page.getByText('Un brouillon est en cours\u202f: 1 réponse sur 12.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reprendre le diagnostic' })).toBeVisible();
  let question = '';
  page.once('dialog', (dialog) => {
    question = dialog.message();
    void dialog.dismiss();
  });
  await page.getByRole('button', { name: 'Abandonner le brouillon' }).click();
  expect(question).toBe('Abandonner ce brouillon\u202f? Ses réponses seront perdues.');
  await expect(page.getByText('Un brouillon est en cours\u202f: 1 réponse sur 12.')).toBeVisible();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Abandonner le brouillon' }).click();
  await expect(page.getByText('Brouillon abandonné.')).toBeVisible();
  await expect(page.getByText(/Un brouillon est en cours/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Commencer le diagnostic' })).toBeVisible();
});
