import { actorIdByName, expect, test } from './fixtures';

test('an anonymous visitor searches "theatre", finds Le Petit Duc and sees no personal contact', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Rechercher').fill('theatre');
  await page.getByLabel('Rechercher').press('Enter');
  const result = page.getByRole('link', { name: 'Le Petit Duc' });
  await expect(result).toBeVisible();
  await result.click();
  await expect(page.getByRole('heading', { name: 'Le Petit Duc' })).toBeVisible();
  await expect(page.getByText(/théâtre/).first()).toBeVisible();
  // The demo contact of Le Petit Duc (fictional) is marked public, yet people never reach anonymous visitors.
  const html = await page.content();
  for (const personal of ['Inès Garcia', 'ines.garcia@demo.alliances.local', '06 00 00 00 03']) {
    expect(html).not.toContain(personal);
  }
  const api = await page.request.get(`/api/v1/actors/${await actorIdByName(page, 'Le Petit Duc')}`);
  expect((await api.json()).people).toEqual([]);
});

test('the map shows the actors of Aix-en-Provence', async ({ page }) => {
  await page.goto('/?commune=13001');
  const markers = page.locator('.actor-marker');
  await expect(markers.first()).toBeVisible();
  await markers.first().click({ force: true });
  await expect(page.locator('.leaflet-popup').getByRole('link', { name: 'Charlie Free' })).toBeVisible();
});
