import type { Browser, Locator } from '@playwright/test';
import { actorIdByName, demo, expect, signIn, test } from './fixtures';

/** Set GUIDE_SCREENSHOTS=1 to refresh the guide's pictures (docs/guide/images/speed-dating-*.png). */
const screenshots = process.env.GUIDE_SCREENSHOTS === '1';
const shoot = async (part: Locator, name: string) => {
  if (screenshots) await part.screenshot({ path: `docs/guide/images/speed-dating-${name}.png` });
};

/** A member in a browser context of their own, registered to the event through the API, on the event's page. */
async function participant(browser: Browser, baseURL: string | undefined, email: string, url: string) {
  const context = await browser.newContext({ baseURL, locale: 'fr-FR' });
  const page = await context.newPage();
  const csrf = await signIn(page, email);
  const res = await page.request.post(`/api/v1${url.replace('/evenements', '/events')}/registrations`, {
    headers: { 'x-csrf-token': csrf },
  });
  expect(res.status()).toBe(201);
  await page.goto(url);
  return page;
}

const dayAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test('an animator sets up a speed dating; participants give wishes; the schedule is computed and printed', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });

  // 0. Two associations and two companies: the observer account becomes the member of a second association (the
  //    demo has one association member), and is put back at the end.
  const admin = await (await browser.newContext({ baseURL })).newPage();
  const adminCsrf = await signIn(admin, demo.admin);
  const users = (await (await admin.request.get('/api/v1/users')).json()) as { items: { id: string; email: string }[] };
  const copil = users.items.find((u) => u.email === demo.observer);
  if (!copil) throw new Error('no observer account');
  const azoth = await actorIdByName(admin, 'Azoth Studio');
  const patch = (data: object) =>
    admin.request.patch(`/api/v1/users/${copil.id}`, { data, headers: { 'x-csrf-token': adminCsrf } });
  expect((await patch({ role: 'member', actorId: azoth })).status()).toBe(200);

  try {
    // 1. The animator creates a speed-dating event.
    await signIn(page, demo.animator);
    await page.goto('/evenements/nouveau');
    const title = 'Speed dating associations et entreprises du Pays d’Aix';
    const day = dayAhead(40);
    await page.getByLabel('Type d’événement').selectOption({ label: 'Speed dating' });
    await page.getByLabel('Intitulé', { exact: true }).fill(title);
    await page.getByLabel('Début', { exact: true }).fill(`${day}T18:00`);
    await page.getByLabel('Fin', { exact: true }).fill(`${day}T20:00`);
    await page.getByRole('button', { name: 'Créer l’événement' }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const url = new URL(page.url()).pathname;

    // 2. Two associations and two companies register.
    const charlie = await participant(browser, baseURL, demo.charlieFreeMember, url);
    const members = [charlie];
    for (const email of [demo.observer, demo.gepaMember, demo.jceMember]) {
      members.push(await participant(browser, baseURL, email, url));
    }

    // 3. Settings: 2 tables, 2 rounds of 7 minutes, associations × companies.
    await page.reload();
    const section = page.getByRole('region', { name: 'Speed dating' });
    await section.getByLabel('Tables').fill('2');
    await section.getByLabel('Tours').fill('2');
    await section.getByLabel('Durée d’un tour (minutes)').fill('7');
    await section.getByLabel('Changement de table (minutes)').fill('3');
    await section.getByLabel('Intérêt d’une rencontre').selectOption({ label: 'Les souhaits des participants' });
    await section.getByRole('button', { name: 'Enregistrer les paramètres' }).click();
    await expect(section.getByText('Paramètres enregistrés.')).toBeVisible();
    const sides = section.getByRole('region', { name: 'Participants et côtés' });
    await expect(sides.getByRole('row')).toHaveCount(5);
    const sideOf = (name: string) => sides.getByRole('row').filter({ hasText: name }).getByRole('cell').nth(1);
    await expect(sideOf('Charlie Free')).toHaveText('A');
    await expect(sideOf('Azoth Studio')).toHaveText('A');
    await expect(sideOf('GEPA')).toHaveText('B');

    // 4. Charlie Free's member says whom they want to meet, with the keyboard-reachable selects.
    await charlie.reload();
    const wishes = charlie.getByRole('form', { name: 'Qui souhaitez-vous rencontrer\u202f?' });
    await expect(wishes.getByRole('combobox')).toHaveCount(2);
    await wishes.getByLabel(/Souhait pour GEPA/).selectOption({ label: '3 — prioritaire' });
    await wishes.getByLabel(/Souhait pour Jeune Chambre/).selectOption({ label: '1 — si possible' });
    await wishes.getByRole('button', { name: 'Enregistrer mes souhaits' }).click();
    await expect(wishes.getByText('Souhaits enregistrés.')).toBeVisible();
    await shoot(wishes, 'souhaits');
    // 5. The animator enters Azoth Studio's paper form, then computes the schedule: the grid of rounds × tables, the
    //    optimum and the greedy baseline.
    await page.reload();
    await section.getByRole('button', { name: 'Saisir les souhaits de Azoth Studio — Olivia Observatrice' }).click();
    const paper = section.getByRole('form', {
      name: 'Souhaits de Azoth Studio — Olivia Observatrice (formulaire papier)',
    });
    await paper.getByLabel(/Souhait pour Jeune Chambre/).selectOption({ label: '2 — souhaité' });
    await paper.getByLabel(/Souhait pour GEPA/).selectOption({ label: '1 — si possible' });
    await paper.getByRole('button', { name: 'Enregistrer ces souhaits' }).click();
    await expect(paper.getByText('Souhaits enregistrés.')).toBeVisible();
    await expect(sideOf('Azoth Studio').locator('xpath=following-sibling::td[1]')).toHaveText('2 / 0');
    await section.getByRole('button', { name: 'Calculer le planning' }).click();
    const plan = section.getByRole('region', { name: 'Planning' });
    await expect(plan.getByText(/Intérêt total 7 sur un optimum de 7 \(100\s%\)\s; référence gloutonne/)).toBeVisible();
    await expect(plan.getByRole('row')).toHaveCount(3);
    await expect(plan.getByRole('row').nth(1)).toContainText('Tour 1');
    await expect(plan.getByRole('row').nth(1)).toContainText('18\u00a0h – 18\u00a0h\u00a007');
    await expect(plan.getByRole('row').nth(2)).toContainText('18\u00a0h\u00a010');
    await expect(plan.getByRole('cell').filter({ hasText: 'Charlie Free' }).filter({ hasText: 'GEPA' })).toHaveCount(1);
    await expect(plan.getByRole('cell').filter({ hasText: 'Azoth Studio' }).filter({ hasText: 'Jeune' })).toHaveCount(
      1,
    );
    await shoot(section, 'planning');

    // 6. Table sheets, one per table.
    await plan.getByRole('link', { name: 'Imprimer les fiches de table' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Table 1' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Table 2' })).toBeVisible();

    // 7. Charlie Free's member sees their personal schedule: organisations only, never the people's names.
    await charlie.reload();
    const mine = charlie.getByRole('region', { name: 'Mon programme' }).first();
    await expect(mine.getByRole('row')).toHaveCount(3);
    await expect(mine).toContainText('GEPA');
    await expect(mine).not.toContainText('Paul Entreprise');
    await expect(mine.getByText(/une fois l’événement commencé/)).toBeVisible();
    await shoot(mine, 'mon-programme');
    await mine.getByRole('link', { name: 'Imprimer mon programme' }).click();
    await expect(charlie.getByRole('heading', { level: 1, name: 'Mon programme' })).toBeVisible();
    for (const m of members) await m.context().close();
  } finally {
    await patch({ role: 'observer', actorId: null });
  }
});
