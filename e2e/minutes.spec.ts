import { expect, test } from '@playwright/test';

// Staff correct a decision after the meeting: its text, its links, the action of the plan it relates to.

test('staff edit a minutes item in place', async ({ page }) => {
  const login = await page.request.post('/api/v1/auth/login', {
    data: { email: 'animatrice@demo.alliances.local', password: 'alliances-demo' },
  });
  const csrf = (await login.json()).csrfToken as string;
  const headers = { 'x-csrf-token': csrf };
  const programmes = (await (await page.request.get('/api/v1/programmes')).json()) as { items: { id: string }[] };
  const programmeId = programmes.items[0]?.id as string;
  const partnerships = (await (await page.request.get('/api/v1/partnerships')).json()) as {
    items: { id: string; title: string }[];
  };
  const p = partnerships.items[0] as { id: string; title: string };
  const d = new Date(Date.now() + 20 * 86400_000).toISOString().slice(0, 10);
  const ev = await page.request.post('/api/v1/events', {
    headers,
    data: {
      kind: 'interAssociationWorkshop',
      title: 'Atelier édition CR',
      startsAt: `${d}T15:00:00Z`,
      endsAt: `${d}T17:00:00Z`,
      programmeId,
    },
  });
  expect(ev.status()).toBe(201);
  const eventId = (await ev.json()).id as string;
  const act = await page.request.post(`/api/v1/programmes/${programmeId}/actions`, {
    headers,
    data: { title: 'Action à lier' },
  });
  expect(act.status(), await act.text()).toBe(201);
  const item = await page.request.post(`/api/v1/events/${eventId}/minutes/items`, {
    headers,
    data: { kind: 'decision', text: 'Texte initial', partnershipId: p.id },
  });
  expect(item.status()).toBe(201);
  await page.goto(`/evenements/${eventId}`);
  const minutes = page.getByRole('region', { name: 'Compte rendu' });
  await expect(minutes.getByRole('link', { name: `Partenariat\u202f: ${p.title}` })).toBeVisible();
  // Escape cancels, the focus back on « Modifier ».
  const edit = minutes.getByRole('button', { name: 'Modifier «\u00a0Texte initial\u00a0»' });
  await edit.focus();
  await page.keyboard.press('Enter');
  const form = minutes.getByRole('form', { name: 'Modifier «\u00a0Texte initial\u00a0»' });
  await expect(form.getByLabel('Texte')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(form).toHaveCount(0);
  await expect(edit).toBeFocused();
  await page.keyboard.press('Enter');
  await form.getByLabel('Texte').fill('Texte modifié');
  await form.getByRole('button', { name: `Retirer le lien «\u00a0Partenariat\u202f: ${p.title}\u00a0»` }).click();
  await form.getByLabel('Action du plan liée').selectOption({ label: 'Action à lier' });
  await form.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(minutes.getByText('Élément modifié.')).toBeVisible();
  await expect(minutes.getByText('Texte modifié')).toBeVisible();
  await expect(minutes.getByRole('link', { name: `Partenariat\u202f: ${p.title}` })).toHaveCount(0);
  await expect(minutes.getByRole('link', { name: 'Action du plan\u202f: Action à lier' })).toBeVisible();
  await expect(minutes.getByRole('button', { name: 'Modifier «\u00a0Texte modifié\u00a0»' })).toBeFocused();
});
