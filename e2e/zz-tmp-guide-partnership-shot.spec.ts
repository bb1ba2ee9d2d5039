// Temporary: refreshes docs/guide/images/partenariats-fiche.png after the demo partnerships moved into 2017–2018.
import { demo, expect, signIn, test } from './fixtures';

test('guide picture of a partnership page', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, demo.animator);
  const title = 'Réemploi des outils de taille Pellenc par un chantier d’insertion';
  const res = await page.request.get(`/api/v1/partnerships?q=${encodeURIComponent(title)}`);
  const body = (await res.json()) as { items: { id: string; title: string }[] };
  const id = body.items.find((p) => p.title === title)?.id;
  await page.goto(`/partenariats/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: 'docs/guide/images/partenariats-fiche.png', fullPage: true });
});
