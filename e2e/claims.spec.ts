import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { APIRequestContext, APIResponse, Page } from '@playwright/test';
import { rnaRow, writeRnaFile } from '../src/modules/imports/rna/testing';
import { actorIdByName, demo, demoPassword, expect, signIn, test } from './fixtures';
import { lastMailedLink } from './mail-log';

/** Set GUIDE_SCREENSHOTS=1 to refresh the guide's pictures (docs/guide/images/revendiquer-*.png). */
const screenshots = process.env.GUIDE_SCREENSHOTS === '1';
const shoot = async (page: Page, name: string) => {
  if (screenshots) await page.screenshot({ path: `docs/guide/images/revendiquer-${name}.png`, fullPage: true });
};

const name = 'Compagnie du Grand Cours';

/** An animator imports a one-line RNA file through the API: association n with its website, unclaimed. */
async function importAssociation(request: APIRequestContext, n: number, title: string, site: string): Promise<void> {
  const login = await request.post('/api/v1/auth/login', { data: { email: demo.animator, password: demoPassword } });
  const headers = { 'x-csrf-token': (await login.json()).csrfToken as string };
  const dir = await mkdtemp(path.join(tmpdir(), 'alliances-claims-'));
  let upload: APIResponse;
  try {
    const file = path.join(dir, 'rna_waldec_claims.csv');
    await writeRnaFile(file, [rnaRow('waldec', n, { titre: title, siteweb: site, adrs_codeinsee: '13001' })], {
      layout: 'waldec',
    });
    upload = await request.post('/api/v1/imports/uploads?fileName=rna_waldec_claims.csv', {
      headers: { ...headers, 'content-type': 'text/csv' },
      data: await readFile(file),
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  expect(upload.status()).toBe(201);
  const run = await request.post('/api/v1/imports/runs', {
    headers,
    data: { source: 'rna', fileUploadId: (await upload.json()).id, territory: 'pays-d-aix' },
  });
  expect(run.status()).toBe(202);
  const runId = (await run.json()).id as string;
  await expect
    .poll(async () => (await (await request.get(`/api/v1/imports/runs/${runId}`, { headers })).json()).status)
    .toBe('done');
  await request.post('/api/v1/auth/logout', { headers });
}

test('a visitor claims an imported association with an address at its website, then edits its page', async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await importAssociation(request, 4242, name, 'www.grand-cours.fr');
  const actorId = await actorIdByName(page, name);

  // 1. The actor's page says where it comes from and offers to claim it.
  await page.goto(`/acteurs/${actorId}`);
  const notice = page.getByRole('complementary', { name: 'Revendiquer la fiche' });
  await expect(
    notice.getByText(
      /^Fiche pré-remplie depuis le Répertoire national des associations le \d{1,2} \S+ \d{4} — pas encore revendiquée\.$/,
    ),
  ).toBeVisible();
  await shoot(page, 'fiche');
  await notice.getByRole('link', { name: 'Revendiquer cette fiche' }).click();

  // 2. The claim page names the expected domain; another domain is refused on the field.
  await expect(page.getByRole('heading', { level: 1, name: 'Revendiquer la fiche' })).toBeVisible();
  await expect(page.getByText('Domaine attendu\u202f: grand-cours.fr', { exact: false })).toBeVisible();
  const email = page.getByLabel('Votre adresse e-mail à ce domaine');
  await email.fill('direction@gmail.com');
  await page.getByRole('button', { name: 'Recevoir le lien' }).click();
  await expect(
    page.getByText(
      'L’adresse doit être au domaine du site de l’organisation (grand-cours.fr) ou à l’un de ses sous-domaines.',
    ),
  ).toBeVisible();
  await expect(email).toBeFocused();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await shoot(page, 'formulaire');
  await email.fill('direction@grand-cours.fr');
  await page.getByRole('button', { name: 'Recevoir le lien' }).click();
  await expect(page.getByText(/^C’est envoyé\. Si l’adresse peut revendiquer la fiche/)).toBeVisible();

  // 3. The mailed link creates the member account.
  const link = lastMailedLink(/http:\/\/\S+\/revendiquer\/[A-Za-z0-9_-]{43}/);
  expect(link).not.toBeNull();
  await page.goto(new URL(link as string).pathname);
  await expect(page.getByRole('heading', { level: 1, name: 'Créer votre compte de membre' })).toBeVisible();
  await expect(page.getByText('direction@grand-cours.fr')).toBeVisible();
  await page.getByLabel('Votre nom').fill('Dominique Direction');
  // The password rules are checked on leaving the field; the error goes as soon as it is fixed.
  const password = page.getByLabel('Nouveau mot de passe');
  await password.fill('court');
  await password.blur();
  const tooShort = page.getByText('Le mot de passe doit compter au moins 10 caractères.');
  await expect(tooShort).toBeVisible();
  await password.fill('notre fiche, notre réseau');
  await expect(tooShort).toHaveCount(0);
  await page.getByLabel('Répétez le mot de passe').fill('notre fiche, notre réseau');
  await shoot(page, 'compte');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();

  // 4. Back on its page, signed in as its member: claimed, and editable.
  await expect(page).toHaveURL(`/acteurs/${actorId}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText(/pas encore revendiquée/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Modifier' }).click();
  await page.getByLabel('Présentation').fill('Compagnie de théâtre du cours Mirabeau, créations et ateliers.');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page).toHaveURL(`/acteurs/${actorId}`);
  await expect(
    page.getByText('Compagnie de théâtre du cours Mirabeau, créations et ateliers.', { exact: true }),
  ).toBeVisible();

  // The link worked once.
  await page.goto(new URL(link as string).pathname);
  await expect(page.getByText('Lien invalide ou expiré.')).toBeVisible();
});

test('staff invite an imported organisation to claim its page from the page itself', async ({ page, request }) => {
  await importAssociation(request, 4243, 'Chorale des Platanes', 'chorale-platanes.fr');
  await signIn(page, demo.animator);
  await page.goto(`/acteurs/${await actorIdByName(page, 'Chorale des Platanes')}`);
  const notice = page.getByRole('complementary', { name: 'Revendiquer la fiche' });
  await expect(notice.getByText(/pas encore revendiquée/)).toBeVisible();
  await expect(notice.getByRole('link', { name: 'Revendiquer cette fiche' })).toHaveCount(0);
  await notice.getByRole('link', { name: 'Inviter l’organisation à revendiquer sa fiche' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Invitations' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: /Organisation/ })).toHaveValue('Chorale des Platanes');
  await expect(page.getByLabel('Rôle')).toHaveValue('member');
});

test('too many requests for one address are refused in the reader’s language, on the address field', async ({
  page,
  request,
}) => {
  await importAssociation(request, 4244, 'Fanfare du Pont de l’Arc', 'fanfare-pont-arc.fr');
  const actorId = await actorIdByName(page, 'Fanfare du Pont de l’Arc');
  await page.addInitScript(() => localStorage.setItem('locale', 'en'));
  const ask = async () => {
    await page.goto(`/acteurs/${actorId}/revendiquer`);
    await page.getByLabel('Your e-mail address at this domain').fill('chef@fanfare-pont-arc.fr');
    await page.getByRole('button', { name: 'Send me the link' }).click();
  };
  for (let i = 0; i < 3; i++) {
    await ask();
    await expect(page.getByText(/^Sent\./)).toBeVisible();
  }
  await ask();
  const email = page.getByLabel('Your e-mail address at this domain');
  await expect(page.getByText('Too many requests for this address: try again in an hour.')).toBeVisible();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toBeFocused();
});
