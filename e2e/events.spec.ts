import type { Browser, Page } from '@playwright/test';
import { demo, expect, signIn, test } from './fixtures';

/** Set GUIDE_SCREENSHOTS=1 to refresh the guide's pictures (docs/guide/images/evenements-*.png). */
const screenshots = process.env.GUIDE_SCREENSHOTS === '1';
const shoot = async (page: Page, name: string) => {
  if (screenshots) await page.screenshot({ path: `docs/guide/images/evenements-${name}.png`, fullPage: true });
};

/** A member signed in in a browser context of their own, on the event's page. */
async function memberOn(browser: Browser, baseURL: string | undefined, email: string, url: string) {
  const context = await browser.newContext({ baseURL, locale: 'fr-FR' });
  const page = await context.newPage();
  await signIn(page, email);
  await page.goto(url);
  return page;
}

/** `YYYY-MM-DD` of a day some weeks ahead. */
function dayAhead(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

test('an animator creates a workshop; members register, the waiting list moves up; attendance is marked', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, demo.animator);

  // 1. « Événements » is in the main navigation, public; the demo events are listed.
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Événements' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Événements' })).toBeVisible();
  await page.getByRole('link', { name: 'Passés' }).click();
  await expect(page.getByRole('link', { name: /réunion de lancement/i }).first()).toBeVisible();
  await page.getByRole('link', { name: 'À venir' }).click();

  // 2. The form: an inter-association workshop with two seats, in the future, with a timed agenda.
  await page.getByRole('link', { name: 'Nouvel événement' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouvel événement' })).toBeVisible();
  // The test server starts on an empty copy of the demo data: the title is unique.
  const title = 'Atelier inter-associatif : mutualiser nos bénévoles';
  const day = dayAhead(30);
  await page.getByLabel('Type d’événement').selectOption({ label: 'Atelier inter-associatif' });
  await page.getByLabel('Intitulé', { exact: true }).fill(title);
  await page.getByLabel('Présentation').fill('Mutualiser nos bénévoles : retours d’expérience et outils.');
  await page.getByLabel('Début', { exact: true }).fill(`${day}T15:00`);
  await page.getByLabel('Fin', { exact: true }).fill(`${day}T18:30`);
  await page.getByLabel('Lieu', { exact: true }).fill('Maison de la vie associative, salle 2');
  await page.getByLabel('Nombre de places').fill('2');
  await page.getByRole('button', { name: 'Ajouter une séquence' }).click();
  await expect(page.getByLabel('Heure (séquence 1)')).toBeFocused();
  await page.getByLabel('Heure (séquence 1)').fill('15:00');
  await page.getByLabel('Intitulé (séquence 1)').fill('Accueil');
  await page.getByRole('button', { name: 'Ajouter une séquence' }).click();
  await page.getByLabel('Heure (séquence 2)').fill('15:30');
  await page.getByLabel('Intitulé (séquence 2)').fill('Table ronde');
  await page.getByLabel('Intervenants (séquence 2)').fill('Marie Dupont, Karim Benali');
  await page.getByRole('button', { name: 'Ajouter une séquence' }).click();
  await page.getByLabel('Heure (séquence 3)').fill('15:10');
  await page.getByLabel('Intitulé (séquence 3)').fill('Tour de table');
  // Reordering by keyboard-reachable buttons: the third row goes up, between the other two.
  await page.getByRole('button', { name: 'Monter la séquence 3' }).click();
  await expect(page.getByLabel('Intitulé (séquence 2)')).toHaveValue('Tour de table');
  await shoot(page, 'formulaire');

  // The server's field error (end before start) is shown on its field.
  await page.getByLabel('Fin', { exact: true }).fill(`${day}T14:00`);
  await page.getByRole('button', { name: 'Créer l’événement' }).click();
  await expect(page.getByText('Le formulaire contient des erreurs')).toBeVisible();
  await expect(page.getByLabel('Fin', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Fin', { exact: true }).fill(`${day}T18:30`);
  await page.getByRole('button', { name: 'Créer l’événement' }).click();

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const url = new URL(page.url()).pathname;
  expect(url).toMatch(/^\/evenements\/[0-9a-f-]{36}$/);
  await expect(page.getByText(/, 15\sh\s–\s18\sh\s30$/)).toBeVisible();
  await expect(page.getByText('2 places sur 2')).toBeVisible();
  const agenda = page.getByRole('region', { name: 'Programme' });
  await expect(agenda.getByRole('row')).toHaveCount(4);
  await expect(agenda.getByRole('row').nth(3)).toContainText('Marie Dupont, Karim Benali');

  // 3. Three members register, each in their own browser; the third waits.
  const charlie = await memberOn(browser, baseURL, demo.charlieFreeMember, url);
  await charlie.getByRole('button', { name: 'S’inscrire' }).click();
  await expect(charlie.getByText('Inscrit·e', { exact: true })).toBeVisible();

  const gepa = await memberOn(browser, baseURL, demo.gepaMember, url);
  await gepa.getByRole('button', { name: 'S’inscrire' }).click();
  await expect(gepa.getByText('Inscrit·e', { exact: true })).toBeVisible();

  const jce = await memberOn(browser, baseURL, demo.jceMember, url);
  await expect(jce.getByText('complet — liste d’attente')).toBeVisible();
  await jce.getByRole('button', { name: /^S’inscrire/ }).click();
  await expect(jce.getByText('Sur liste d’attente (position 1)')).toBeVisible();
  // A member sees the organisations and the counts, never the people.
  await expect(jce.getByRole('heading', { name: 'Organisations inscrites' })).toBeVisible();
  await expect(jce.getByRole('columnheader', { name: 'Personne' })).toHaveCount(0);

  // 4. Charlie Free's member cancels: the seat goes to the first on the waiting list.
  await charlie.getByRole('button', { name: 'Se désinscrire' }).click();
  await expect(charlie.getByText('Votre inscription est annulée.')).toBeVisible();
  await expect(charlie.getByRole('button', { name: 'S’inscrire' })).toBeVisible();

  await jce.reload();
  await expect(jce.getByText('Inscrit·e', { exact: true })).toBeVisible();
  await expect(jce.getByText('Une place s’est libérée : vous êtes inscrit·e.')).toBeVisible();

  // 5. The animator sees the people and marks one present.
  await page.reload();
  const people = page.getByRole('region', { name: 'Participants' });
  await expect(people.getByRole('row')).toHaveCount(3);
  const gepaRow = people.getByRole('row').filter({ hasText: 'GEPA' });
  const present = gepaRow.getByRole('checkbox');
  await expect(present).not.toBeChecked();
  await present.check();
  await expect(present).toBeChecked();
  await expect(page.getByText(/1 présence notée/)).toBeVisible();
  await page.reload();
  await expect(
    page
      .getByRole('region', { name: 'Participants' })
      .getByRole('row')
      .filter({ hasText: 'GEPA' })
      .getByRole('checkbox'),
  ).toBeChecked();
  await shoot(page, 'fiche');

  if (screenshots) {
    await page.goto('/evenements');
    await expect(page.getByRole('link', { name: title })).toBeVisible();
    await shoot(page, 'liste');
  }

  for (const p of [charlie, gepa, jce]) await p.context().close();
});
