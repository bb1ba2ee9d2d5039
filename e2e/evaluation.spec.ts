import type { Page } from '@playwright/test';
import { demo, expect, signIn, test } from './fixtures';

/** Set GUIDE_SCREENSHOTS=1 to refresh the guide's pictures (docs/guide/images/evaluation-*.png). */
const screenshots = process.env.GUIDE_SCREENSHOTS === '1';
const shoot = async (page: Page, name: string) => {
  if (screenshots) await page.screenshot({ path: `docs/guide/images/evaluation-${name}.png`, fullPage: true });
};

async function partnershipId(page: Page, title: string): Promise<string> {
  const res = await page.request.get(`/api/v1/partnerships?q=${encodeURIComponent(title)}`);
  const body = (await res.json()) as { items: { id: string; title: string }[] };
  const found = body.items.find((p) => p.title === title);
  if (!found) throw new Error(`no partnership titled ${title}`);
  return found.id;
}

test('the member of Charlie Free answers the 2018 questionnaire; the animator sees the scores and compares partnerships', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, demo.charlieFreeMember);
  const id = await partnershipId(page, 'Captation vidéo des concerts de Charlie Free');

  // From the partnership's page, the evaluation: 2018 is open, the radio has answered, Charlie Free not yet.
  await page.goto(`/partenariats/${id}`);
  await page.getByRole('link', { name: 'Évaluation', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Évaluation du partenariat' })).toBeVisible();
  await expect(page.getByRole('link', { name: '2018' })).toHaveAttribute('aria-current', 'page');
  const form = page.getByRole('form', { name: 'Questionnaire de Charlie Free' });
  await expect(form).toBeVisible();
  // Last year's objective is suggested again.
  await expect(form.getByLabel('Objectif 1', { exact: true })).toHaveValue(
    'Des captations de qualité pour faire connaître les musiciens',
  );

  // Sending without every dimension answered names the missing ones.
  await form.getByRole('button', { name: 'Envoyer la réponse' }).click();
  await expect(form.getByRole('group', { name: 'Performance' })).toContainText('Choisissez une note');

  // Radio groups answer to the keyboard: « 3 » then one to the right is « 4 ».
  const performance = form.getByRole('group', { name: 'Performance' });
  await performance.getByLabel('3', { exact: true }).check();
  await page.keyboard.press('ArrowRight');
  await expect(performance.getByLabel('4', { exact: true })).toBeChecked();
  await form.getByRole('group', { name: 'Cohérence' }).getByLabel('4', { exact: true }).check();
  await form.getByRole('group', { name: 'Efficience' }).getByLabel('3', { exact: true }).check();
  await form.getByRole('group', { name: 'Pertinence' }).getByLabel(/^5/).check();
  await form.getByRole('group', { name: 'Contribution sociétale' }).getByLabel('Je ne sais pas').check();
  await form.getByRole('group', { name: 'Clarté et sens' }).getByLabel('4', { exact: true }).check();
  await form.getByLabel('Commentaire (facultatif)').nth(0).fill('Douze concerts captés, bien diffusés.');
  await form.getByLabel(/^Objectif 1.*résultat$/).selectOption({ label: 'Atteint' });
  await form.getByRole('group', { name: 'Équilibre de la relation' }).getByLabel('Équilibré').check();
  await shoot(page, 'questionnaire');
  await form.getByRole('button', { name: 'Envoyer la réponse' }).click();
  await expect(form.getByRole('status')).toHaveText('Merci\u202f! Votre réponse est enregistrée.');
  // The year's scores now count both partners: performance (75 + 75) / 2, societal contribution the radio's alone.
  const scores = page.getByRole('table', { name: 'Moyenne sur 100 des partenaires qui ont répondu' });
  await expect(scores.getByRole('row').nth(1)).toContainText('2 sur 2');

  // The animator reads the answers and the scores, and compares the partnerships of 2018.
  await page.context().clearCookies();
  await signIn(page, demo.animator);
  await page.goto(`/partenariats/${id}/evaluation?annee=2018`);
  const answers = page.getByRole('region', { name: 'Réponses des partenaires' });
  await expect(answers).toContainText('Douze concerts captés, bien diffusés.');
  await expect(answers.getByRole('heading', { name: 'Charlie Free' })).toBeVisible();
  // Performance 75, coherence 75, efficiency 62,5, relevance 87,5, societal contribution 50, clarity 75: 70,8 overall.
  const row = page
    .getByRole('table', { name: 'Moyenne sur 100 des partenaires qui ont répondu' })
    .getByRole('row')
    .nth(1);
  const cells = row.getByRole('cell');
  await expect(cells).toHaveCount(8);
  const expected = ['2 sur 2', '75', '75', '62,5', '87,5', '50', '75', '70,8'];
  for (const [n, text] of expected.entries()) await expect(cells.nth(n)).toHaveText(text);
  await shoot(page, 'notes');

  await page.goto('/evaluations');
  await expect(page.getByRole('heading', { level: 1, name: 'Évaluations des partenariats' })).toBeVisible();
  await page.getByLabel('Année évaluée').selectOption('2017');
  const compared = page.getByRole('table', { name: 'Notes sur 100 des partenariats évalués en 2017' });
  await expect(compared.getByRole('row')).toHaveCount(5);
  await expect(compared.getByRole('row').nth(1)).toContainText('Résidences d’artistes');
  await page.getByLabel('Mode de partenariat').selectOption({ label: 'Soutien (mécénat, subvention, don)' });
  await expect(compared.getByRole('row')).toHaveCount(2);
  await page.getByLabel('Mode de partenariat').selectOption({ label: 'Tous les modes' });
  await shoot(page, 'comparaison');
});
