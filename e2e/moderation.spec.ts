import type { Browser, Page } from '@playwright/test';
import { demo, demoPassword, expect, signIn, test } from './fixtures';
import { lastMailedLink } from './mail-log';

/** Set GUIDE_SCREENSHOTS=1 to refresh the guide's pictures (docs/guide/images/moderation-*.png, inscription-*.png). */
const screenshots = process.env.GUIDE_SCREENSHOTS === '1';
const shoot = async (page: Page, name: string, fullPage = true) => {
  if (screenshots) await page.screenshot({ path: `docs/guide/images/${name}.png`, fullPage });
};

const citizen = 'citoyenne@demo.alliances.local';

/**
 * A proposal of the citizen (Camille, of Pertuis) on the open Pertuis challenge, created for this run: the test hides
 * it, so a demo proposal would be gone when the test is repeated on the same database (`--repeat-each`).
 */
async function citizenProposal(browser: Browser, title: string): Promise<string> {
  const author = await browser.newPage();
  const csrf = await signIn(author, citizen);
  const list = await author.request.get('/api/v1/dialogue/challenges?pageSize=100');
  const challenges = ((await list.json()) as { items: { id: string; title: string; status: string }[] }).items;
  const pertuis = challenges.find((c) => c.status === 'open' && c.title.includes('Pertuis'));
  if (!pertuis) throw new Error('no open challenge about Pertuis');
  const res = await author.request.post(`/api/v1/dialogue/challenges/${pertuis.id}/proposals`, {
    headers: { 'x-csrf-token': csrf },
    data: {
      title,
      description: 'Un petit marché de producteurs en fin de journée, à la sortie des trains et des bus.',
      whoActs: '',
      needs: '',
      modes: [],
    },
  });
  expect(res.status()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  await author.close();
  return id;
}

test('a member reports a citizen’s proposal, the animator hides it with a reason, the public no longer sees it', async ({
  page,
  browser,
}, testInfo) => {
  const repeat = testInfo.repeatEachIndex ? ` (${testInfo.repeatEachIndex + 1})` : '';
  const proposalTitle = `Un marché de producteurs le jeudi soir devant la gare${repeat}`;
  const id = await citizenProposal(browser, proposalTitle);
  await signIn(page, demo.gepaMember);
  await page.goto(`/dialogue/propositions/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: proposalTitle })).toBeVisible();

  // The report dialog: reasons as radio buttons, « Autre motif » needs details, Escape closes.
  await page.getByRole('button', { name: 'Signaler ce contenu aux animateurs' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Signaler un contenu' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Signaler ce contenu aux animateurs' }).first().click();
  await dialog.getByRole('radio', { name: 'Autre motif' }).check();
  await dialog.getByRole('button', { name: 'Envoyer le signalement' }).click();
  await expect(dialog.getByText('Précisez le motif du signalement.')).toBeVisible();
  await dialog.getByRole('radio', { name: 'Publicité ou spam' }).check();
  await dialog.getByLabel('Précisions').fill('Le texte renvoie vers le site d’un commerce.');
  await shoot(page, 'moderation-signalement', false);
  await dialog.getByRole('button', { name: 'Envoyer le signalement' }).click();
  await expect(dialog.getByText('Merci, votre signalement a été transmis aux animateurs.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Fermer' }).click();

  // A second report of the same content by the same person is refused, with a clear message.
  await page.getByRole('button', { name: 'Signaler ce contenu aux animateurs' }).first().click();
  await dialog.getByRole('radio', { name: 'Hors sujet' }).check();
  await dialog.getByRole('button', { name: 'Envoyer le signalement' }).click();
  await expect(dialog.getByText(/Vous avez déjà signalé ce contenu/)).toBeVisible();
  await page.keyboard.press('Escape');

  // The animator: the queue counts it in the menu, hides it with a reason.
  const staff = await browser.newPage();
  await signIn(staff, demo.animator);
  await staff.goto('/moderation');
  await expect(staff.getByRole('link', { name: /Modération/ })).toContainText('1');
  const item = staff.getByRole('listitem', { name: `Proposition · ${proposalTitle}`, exact: true });
  await expect(item).toContainText('Le texte renvoie vers le site d’un commerce.');
  await expect(item).toContainText('Publicité ou spam');
  await expect(item).toContainText('Citoyen·ne de Pertuis (Camille Citoyenne)');
  await shoot(staff, 'moderation-file');
  await item.getByRole('button', { name: 'Masquer' }).click();
  await item.getByRole('button', { name: 'Confirmer le masquage' }).click();
  await expect(item.getByText('Ce champ est obligatoire.')).toBeVisible();
  await item.getByLabel(/Motif de la décision/).fill('Publicité pour un commerce, contraire à la charte.');
  await item.getByRole('button', { name: 'Confirmer le masquage' }).click();
  await expect(staff.getByText('Aucun signalement en attente')).toBeVisible();
  await staff.getByRole('link', { name: 'Traités' }).click();
  // One notice of the hidden content, with its date and reason (the controls own it).
  await expect(
    item.getByText(/^Masqué par la modération le .+\u202f: Publicité pour un commerce, contraire à la charte\.$/),
  ).toHaveCount(1);
  await item.getByRole('link', { name: 'Historique de modération' }).click();
  await expect(
    staff.getByText(/Masqué le .* par Anne Animatrice|Masqué le .*: Publicité pour un commerce/),
  ).toBeVisible();
  await staff.close();

  // An anonymous visitor no longer finds it.
  const visitor = await browser.newPage();
  await visitor.goto(`/dialogue/propositions/${id}`);
  // Wait for the page's answer (an alert) first: before it loads, no heading is there either.
  await expect(visitor.getByRole('alert')).toBeVisible();
  await expect(visitor.getByRole('heading', { level: 1, name: proposalTitle })).toHaveCount(0);
  const list = await visitor.request.get('/api/v1/dialogue/proposals?pageSize=100');
  expect(((await list.json()) as { items: { id: string }[] }).items.map((p) => p.id)).not.toContain(id);
  await visitor.close();
});

test('a citizen signs up, accepting the code of conduct, and chooses a password from the e-mailed link', async ({
  page,
}, testInfo) => {
  // A new address for each repeat on the same database: a known address gets no new link.
  const email = `lea.habitante${testInfo.repeatEachIndex || ''}@exemple.fr`;
  await page.goto('/charte');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Charte de participation au dialogue territorial' }),
  ).toBeVisible();
  await shoot(page, 'moderation-charte');
  await page.getByRole('link', { name: /Inscrivez-vous comme citoyen·ne/ }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Inscription citoyenne' })).toBeVisible();
  await page.getByRole('button', { name: 'M’inscrire' }).click();
  await expect(page.getByText('Vous devez accepter la charte de participation pour vous inscrire.')).toBeVisible();
  await expect(page.getByLabel('Adresse e-mail')).toBeFocused();
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Votre nom ou pseudonyme').fill('Léa Habitante');
  await page.getByRole('combobox', { name: 'Commune' }).fill('Pertuis');
  await page
    .getByRole('option', { name: /Pertuis/ })
    .first()
    .click();
  await page.getByLabel(/J’ai lu et j’accepte la charte/).check();
  await shoot(page, 'inscription-formulaire');
  await page.getByRole('button', { name: 'M’inscrire' }).click();
  await expect(page.getByText(/Demande enregistrée/)).toBeVisible();

  const link = lastMailedLink(/http\S*\/invitation\/[A-Za-z0-9_-]+/);
  expect(link).not.toBeNull();
  await page.goto(new URL(link ?? '').pathname);
  await expect(page.getByText('Citoyen·ne')).toBeVisible();
  await expect(page.getByLabel('Votre nom')).toHaveValue('Léa Habitante');
  await page.locator('#new-password').fill(demoPassword);
  await page.locator('#confirm-password').fill(demoPassword);
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page).toHaveURL(/\/dialogue$/);
  // The header: the dialogue is there, the organisations' workspace is not.
  await expect(page.getByRole('link', { name: 'Dialogue territorial' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Mises en relation' })).toHaveCount(0);

  await page.goto('/compte');
  await expect(page.getByRole('heading', { name: 'Ma commune' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Commune' })).toHaveValue('Pertuis');
  await shoot(page, 'inscription-compte');
  await page.getByRole('button', { name: 'Retirer ma commune' }).click();
  await expect(page.getByText('Commune retirée.')).toBeVisible();
});
