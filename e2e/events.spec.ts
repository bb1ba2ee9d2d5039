import type { Browser, Locator, Page } from '@playwright/test';
import { demo, expect, signIn, test } from './fixtures';

/** Set GUIDE_SCREENSHOTS=1 to refresh the guide's pictures (docs/guide/images/evenements-*.png). */
const screenshots = process.env.GUIDE_SCREENSHOTS === '1';
const shoot = async (page: Page, name: string) => {
  if (screenshots) await page.screenshot({ path: `docs/guide/images/evenements-${name}.png`, fullPage: true });
};
/** One section of the page only. */
const shootPart = async (part: Locator, name: string) => {
  if (screenshots) await part.screenshot({ path: `docs/guide/images/evenements-${name}.png` });
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

test('an animator creates a workshop; members register, the waiting list moves up; attendance is marked; minutes record a decision creating an action; organisations are invited', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const csrf = await signIn(page, demo.animator);

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

  // 6. The minutes: notes, then a decision that creates an action of a programme's plan. The workshop has no
  // programme: the animator picks « Envies d'Alliances » (demo), or one created here when the demo has none.
  const programmes = (await (await page.request.get('/api/v1/programmes')).json()) as {
    items: { id: string; name: string }[];
  };
  let programme = programmes.items.find((p) => /^Envies d.Alliances$/.test(p.name)) ?? programmes.items[0];
  if (!programme) {
    const res = await page.request.post('/api/v1/programmes', {
      headers: { 'x-csrf-token': csrf },
      data: { name: 'Envies d’Alliances', startsOn: '2016-09-01', endsOn: '2030-12-31' },
    });
    expect(res.status()).toBe(201);
    programme = (await res.json()) as { id: string; name: string };
  }
  const minutes = page.getByRole('region', { name: 'Compte rendu' });
  await minutes
    .getByLabel('Notes', { exact: true })
    .fill('Douze associations présentes, trois besoins de bénévoles partagés.');
  await minutes.getByRole('button', { name: 'Enregistrer les notes' }).click();
  await expect(minutes.getByText('Notes enregistrées.')).toBeVisible();
  const form = minutes.getByRole('form', { name: 'Ajouter une décision / un suivi' });
  await form.getByLabel('Type', { exact: true }).selectOption({ label: 'Décision' });
  await form.getByLabel('Texte', { exact: true }).fill('Créer une bourse commune de bénévoles');
  await form.getByRole('checkbox', { name: 'Créer une action du plan' }).check();
  await expect(form.getByLabel('Titre de l’action')).toHaveValue('Créer une bourse commune de bénévoles');
  // Without a programme, the server's error is shown on the programme's field, and nothing is recorded.
  await form.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await expect(form.getByLabel('Programme', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(minutes.getByText('Aucune décision consignée.')).toBeVisible();
  await form.getByLabel('Programme', { exact: true }).selectOption({ label: programme.name });
  await form.getByLabel('Titre de l’action').fill('Lancer la bourse commune de bénévoles');
  const due = dayAhead(90);
  await form.getByLabel('Échéance').fill(due);
  await form.getByRole('combobox', { name: 'Organisation responsable' }).fill('GEPA');
  await page.getByRole('option', { name: /GEPA/ }).first().click();
  await shootPart(form, 'compte-rendu-formulaire');
  await form.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await expect(minutes.getByText('Ajouté au compte rendu.')).toBeVisible();
  const decisions = minutes.getByRole('list', { name: 'Décisions' });
  await expect(decisions.getByText('Créer une bourse commune de bénévoles')).toBeVisible();
  await expect(
    decisions.getByRole('link', { name: 'Action du plan\u202f: Lancer la bourse commune de bénévoles' }),
  ).toHaveAttribute('href', `/programmes/${programme.id}/plan`);
  await shootPart(minutes, 'compte-rendu');
  // The action is in the programme's plan, linked to the event, and knows the decision that created it.
  const plan = (await (await page.request.get(`/api/v1/programmes/${programme.id}/actions`)).json()) as {
    items: {
      title: string;
      dueOn: string | null;
      ownerName: string | null;
      links: { kind: string; id: string }[];
      fromDecision: { text: string } | null;
    }[];
  };
  const action = plan.items.find((a) => a.title === 'Lancer la bourse commune de bénévoles');
  expect(action?.dueOn).toBe(due);
  expect(action?.ownerName).toMatch(/^GEPA/);
  expect(action?.links).toContainEqual(expect.objectContaining({ kind: 'event', id: url.split('/').pop() }));
  expect(action?.fromDecision?.text).toBe('Créer une bourse commune de bénévoles');
  // A registered member reads the minutes, without the form.
  await gepa.reload();
  const gepaMinutes = gepa.getByRole('region', { name: 'Compte rendu' });
  await expect(gepaMinutes.getByText('Créer une bourse commune de bénévoles')).toBeVisible();
  await expect(gepaMinutes.getByRole('form')).toHaveCount(0);

  // 7. Invitations: the animator invites Charlie Free (whose member cancelled); its member is told on the page.
  const invitations = page.getByRole('region', { name: 'Invitations' });
  await invitations.getByRole('combobox', { name: 'Organisation', exact: true }).fill('Charlie');
  await page
    .getByRole('option', { name: /Charlie Free/ })
    .first()
    .click();
  await invitations.getByRole('button', { name: 'Ajouter à la liste' }).click();
  await invitations.getByRole('button', { name: 'Envoyer les invitations' }).click();
  await expect(invitations.getByText('1 nouvelle invitation.')).toBeVisible();
  await expect(
    invitations
      .getByRole('list', { name: 'Organisations invitées' })
      .getByRole('listitem')
      .filter({ hasText: 'Charlie Free' }),
  ).toContainText('pas encore inscrite');
  await shootPart(invitations, 'invitations');
  // Inviting it again changes nothing, and says so.
  await invitations.getByRole('combobox', { name: 'Organisation', exact: true }).fill('Charlie');
  await page
    .getByRole('option', { name: /Charlie Free/ })
    .first()
    .click();
  await invitations.getByRole('button', { name: 'Ajouter à la liste' }).click();
  await invitations.getByRole('button', { name: 'Envoyer les invitations' }).click();
  await expect(invitations.getByText('Aucune nouvelle invitation. 1 invitation existait déjà.')).toBeVisible();
  await expect(invitations.getByRole('list', { name: 'Organisations invitées' }).getByRole('listitem')).toHaveCount(1);
  await charlie.reload();
  await expect(charlie.getByText('Votre organisation est invitée à cet événement.')).toBeVisible();

  if (screenshots) {
    await page.goto('/evenements');
    await expect(page.getByRole('link', { name: title })).toBeVisible();
    await shoot(page, 'liste');
  }

  for (const p of [charlie, gepa, jce]) await p.context().close();
});
