import { demo, expect, signIn, test } from './fixtures';

// The Content Security Policy (src/http/security.ts) must not break the app: the pages with a map (Leaflet), charts
// (ECharts) and forms run under it without one violation.
test('the map, the dashboard charts and a form work under the Content Security Policy, with no violation', async ({
  page,
}) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  // Injected by the browser itself (not an inline script): it records what the policy blocks.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`Refused to load (CSP): ${e.violatedDirective} ${e.blockedURI}`);
    });
  });

  const home = await page.goto('/?commune=13001');
  expect(home?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(home?.headers()['x-frame-options']).toBe('DENY');
  await expect(page.locator('.actor-marker').first()).toBeVisible();

  await signIn(page, demo.animator);
  await page.goto('/tableau-de-bord');
  await expect(page.locator('.leaflet-container')).toBeVisible();
  await expect(page.locator('svg path').first()).toBeVisible();

  await page.goto('/acteurs/nouveau');
  await expect(page.getByLabel('Nom', { exact: true })).toBeVisible();

  expect(violations).toEqual([]);
});
