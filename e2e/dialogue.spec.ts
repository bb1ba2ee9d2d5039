import type { Page } from '@playwright/test';
import { demo, expect, signIn, test } from './fixtures';

/** Set GUIDE_SCREENSHOTS=1 to refresh the guide's pictures (docs/guide/images/dialogue-*.png). */
const screenshots = process.env.GUIDE_SCREENSHOTS === '1';
const shoot = async (page: Page, name: string) => {
  if (screenshots) await page.screenshot({ path: `docs/guide/images/dialogue-${name}.png`, fullPage: true });
};

const citizen = 'citoyenne@demo.alliances.local';
const townMember = 'mairie-pertuis@demo.alliances.local';
const gepa = "GEPA – Groupement des entreprises du Pays d'Aix";
const proposalTitle = 'Une légumerie solidaire pour les cantines de Pertuis';

/** Signs out whoever was signed in, then signs in as `email` (the next page load reads the new session). */
async function signInAs(page: Page, email: string) {
  await page.context().clearCookies();
  await signIn(page, email);
}

test('a citizen answers the Pertuis challenge; a company supports it and brings premises; the town accepts it; the animator makes it a flagship project', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });

  // Anyone sees the open challenges, with their deadline and counts, and is invited to sign in to take part.
  await page.goto('/dialogue');
  await expect(page.getByRole('heading', { level: 1, name: 'Dialogue territorial' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Lire la charte de participation' })).toHaveAttribute('href', '/charte');
  const card = page
    .locator('.dialogue-card')
    .filter({ has: page.getByRole('link', { name: /Pertuis/ }) })
    .first();
  await expect(card.getByText(/Contributions jusqu’au/)).toBeVisible();
  await shoot(page, 'liste');
  await card.getByRole('link', { name: /Pertuis/ }).click();
  // A client-side navigation: page.url() may still be the list's right after the click, so wait for the new URL.
  await expect(page).toHaveURL(/\/dialogue\/defis\/[0-9a-f-]{36}$/);
  const challengeUrl = page.url();
  await expect(page.getByRole('heading', { level: 2, name: 'Du défi au partenariat' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Créer un compte citoyen' })).toHaveAttribute('href', '/inscription');

  // The citizen proposes an answer, in her own name.
  await signInAs(page, citizen);
  await page.goto(challengeUrl);
  await page.getByRole('button', { name: 'Publier la proposition' }).click();
  await expect(page.getByLabel('Titre de la proposition')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Titre de la proposition').fill(proposalTitle);
  await page
    .getByLabel('Ce que vous proposez')
    .fill(
      'Laver, éplucher et couper les légumes des maraîchers du Val de Durance pour les cantines, avec des salariés en insertion.',
    );
  await page.getByLabel('Qui agirait').fill('Une association d’insertion, avec les maraîchers et la cuisine centrale.');
  await page
    .getByLabel('Ce dont elle a besoin')
    .fill('Un local réfrigéré de 200 m², du matériel de découpe, un camion.');
  await page
    .getByRole('group', { name: 'Modes de partenariat envisagés' })
    .getByLabel(/Coopération économique/)
    .check();
  await page.getByRole('button', { name: 'Publier la proposition' }).click();
  await expect(page.getByRole('heading', { level: 1, name: proposalTitle })).toBeVisible();
  await expect(page.locator('.dialogue-byline')).toContainText('Citoyen·ne');
  await expect(page.locator('.dialogue-byline')).not.toContainText('Camille');
  await expect(page.getByText('En attente de réponse').first()).toBeVisible();
  await expect(page).toHaveURL(/\/dialogue\/propositions\/[0-9a-f-]{36}$/);
  const proposalUrl = page.url();

  // The company's member supports it for GEPA and says it can lend premises.
  await signInAs(page, demo.gepaMember);
  await page.goto(proposalUrl);
  const support = page.getByRole('button', { name: 'Soutenir' });
  await expect(support).toHaveAttribute('aria-pressed', 'false');
  await support.click();
  await expect(page.getByRole('status').filter({ hasText: 'Votre soutien est enregistré.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Retirer mon soutien' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('1 soutien', { exact: true })).toBeVisible();
  const supporters = page.locator('.dialogue-supports .dialogue-people');
  await expect(supporters.getByRole('link', { name: gepa })).toBeVisible();

  const pledge = page.getByRole('form', { name: 'Ce que je peux apporter' });
  await pledge.getByRole('button', { name: 'Enregistrer ce que je peux apporter' }).click();
  await expect(pledge.getByRole('alert')).toBeVisible();
  await pledge
    .getByRole('group', { name: /Ressources/ })
    .getByLabel('Locaux')
    .check();
  await pledge.getByLabel('Précisez').fill('Un entrepôt de 250 m² dans la zone d’activités de Pertuis, prêté un an.');
  await pledge.getByRole('button', { name: 'Enregistrer ce que je peux apporter' }).click();
  await expect(page.getByText('Merci\u202f! Votre apport est enregistré.')).toBeVisible();
  const pledges = page.locator('.dialogue-pledges .dialogue-people');
  await expect(pledges).toContainText('Locaux');
  await expect(pledges.getByRole('link', { name: gepa })).toBeVisible();
  await expect(pledges.getByRole('link', { name: 'Voir l’offre' })).toBeVisible();

  // The town (the answering authority) accepts it, with a reason.
  await signInAs(page, townMember);
  await page.goto(proposalUrl);
  const answer = page.getByRole('region', { name: 'Répondre à la proposition' });
  await answer.getByRole('button', { name: 'Enregistrer la réponse' }).click();
  await expect(answer.getByLabel('Motif de la réponse')).toHaveAttribute('aria-invalid', 'true');
  await answer.getByRole('radio', { name: 'Retenue', exact: true }).check();
  await answer
    .getByLabel('Motif de la réponse')
    .fill('La ville soutient la légumerie : elle sert l’objectif de 50 % de produits locaux dans les cantines.');
  await answer.getByRole('button', { name: 'Enregistrer la réponse' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /La réponse/ })).toBeVisible();
  await expect(page.locator('.dialogue-answer')).toContainText('Retenue');
  await expect(page.locator('.dialogue-answer')).toContainText('50 % de produits locaux dans les cantines');

  // Closing the challenge is refused while other proposals still wait for an answer: the page says so.
  await page.goto(challengeUrl);
  const close = page.getByRole('region', { name: 'Clore le défi' });
  await expect(close.getByText(/attend(ent)? encore une réponse/)).toBeVisible();
  await close.getByLabel('Mot de clôture').fill('Merci à toutes et à tous pour vos propositions.');
  await close.getByRole('button', { name: 'Clore le défi' }).click();
  await expect(close.getByRole('alert')).toContainText('sans réponse');
  await expect(page.locator('.page-head').getByText('Ouvert', { exact: true })).toBeVisible();

  // The animator turns it into a flagship project carried by an association of Pertuis.
  await signInAs(page, demo.animator);
  await page.goto(proposalUrl);
  const conversion = page.getByRole('region', { name: 'Transformer en partenariat' });
  await expect(conversion.getByLabel('Un projet phare')).toBeChecked();
  await conversion.getByRole('combobox', { name: 'Association porteuse 1' }).fill('CBE Sud');
  await page
    .getByRole('option', { name: /CBE Sud Luberon/ })
    .first()
    .click();
  await shoot(page, 'proposition');
  await conversion.getByRole('button', { name: 'Transformer' }).click();

  // The project page names the supporters as interested actors and links back to the proposal.
  await expect(page).toHaveURL(/\/projets\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: proposalTitle })).toBeVisible();
  await expect(page.getByRole('link', { name: 'CBE Sud Luberon' }).first()).toBeVisible();
  const interested = page.getByRole('region', { name: 'Acteurs intéressés' });
  await expect(interested.getByRole('link', { name: gepa })).toBeVisible();
  await expect(page.getByText(/Issu du dialogue territorial/)).toContainText('Pertuis');
  await shoot(page, 'projet');
  await page.getByRole('link', { name: new RegExp(proposalTitle) }).click();
  await expect(page.getByRole('heading', { level: 1, name: proposalTitle })).toBeVisible();
  await expect(page.getByText('Devenue le projet phare')).toBeVisible();

  // The challenge's page shows the way: proposed, accepted, flagship project.
  await page.goto(challengeUrl);
  const path = page.getByRole('region', { name: 'Du défi au partenariat' });
  const step = path
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: proposalTitle }) })
    .first();
  await expect(step).toContainText('Retenue');
  await expect(step).toContainText('réponse du');
  await expect(step).toContainText('Projet phare');
  await expect(step.getByRole('link', { name: proposalTitle }).first()).toBeVisible();
  await shoot(page, 'defi');
  if (screenshots) {
    // A closed challenge of the demo: its closing word and the way of its proposals to partnerships.
    await page.goto('/dialogue?statut=closed');
    await page.getByRole('link', { name: /culture dans les quartiers/ }).click();
    await page
      .getByRole('region', { name: 'Du défi au partenariat' })
      .screenshot({ path: 'docs/guide/images/dialogue-chemin.png' });
  }
});

test('a company’s member may open the challenge form, but only public authorities and animators post: the form says so', async ({
  page,
}) => {
  await signIn(page, demo.gepaMember);
  await page.goto('/dialogue');
  await page.getByRole('link', { name: 'Nouveau défi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouveau défi' })).toBeVisible();
  // Nothing filled: the server's messages on the fields, the focus on the first one.
  await page.getByRole('button', { name: 'Enregistrer le défi' }).click();
  await expect(page.getByLabel('Programme', { exact: true })).toBeFocused();
  await page.getByLabel('Programme', { exact: true }).selectOption({ label: "Envies d'Alliances" });
  await page.getByLabel('Territoire', { exact: true }).selectOption({ label: 'Pertuis' });
  await page.getByLabel('Titre du défi').fill('Des zones d’activités plus sobres en énergie');
  await page.getByLabel('Contributions jusqu’au').fill('2027-06-30');
  await page.getByRole('button', { name: 'Enregistrer le défi' }).click();
  await expect(page.getByRole('alert')).toContainText('membres d’une collectivité');
});
