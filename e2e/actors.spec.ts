import { actorIdByName, demo, expect, signIn, test } from './fixtures';

test('an animator creates a company: an invalid SIRET is refused on its field, then the corrected one saves', async ({
  page,
}) => {
  await signIn(page, demo.animator);
  await page.goto('/acteurs/nouveau');
  await page.getByLabel('Famille').selectOption('company');
  await page.getByLabel('Nom', { exact: true }).fill('Atelier Solidaire du Test');
  const siret = page.getByLabel('SIRET');
  await siret.fill('73282932000075');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(siret).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/SIRET invalide/)).toBeVisible();
  await expect(page).toHaveURL(/\/acteurs\/nouveau$/);
  const before = await page.request.get('/api/v1/actors?q=Atelier%20Solidaire%20du%20Test');
  expect((await before.json()).total).toBe(0);

  await siret.fill('73282932000074');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('heading', { name: 'Atelier Solidaire du Test' })).toBeVisible();
  const after = await page.request.get('/api/v1/actors?q=Atelier%20Solidaire%20du%20Test');
  expect((await after.json()).total).toBe(1);
});

test('a member of Charlie Free cannot edit Fontaine Obscure: no button, and the API answers 403', async ({ page }) => {
  const csrf = await signIn(page, demo.charlieFreeMember);
  const fontaine = await actorIdByName(page, 'Fontaine Obscure');
  await page.goto(`/acteurs/${fontaine}`);
  await expect(page.getByRole('heading', { name: 'Fontaine Obscure' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Modifier' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Modifier' })).toHaveCount(0);

  const current = await (await page.request.get(`/api/v1/actors/${fontaine}`)).json();
  const res = await page.request.put(`/api/v1/actors/${fontaine}`, {
    headers: { 'x-csrf-token': csrf },
    data: { family: current.family, name: 'Fontaine Obscure (modifiée)' },
  });
  expect(res.status()).toBe(403);

  // Their own organisation, on the other hand, can be edited.
  await page.goto(`/acteurs/${await actorIdByName(page, 'Charlie Free')}`);
  await expect(
    page.getByRole('link', { name: 'Modifier' }).or(page.getByRole('button', { name: 'Modifier' })),
  ).toBeVisible();
});
