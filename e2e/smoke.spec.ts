import { expect, test } from '@playwright/test';

test('the home page answers in French and switches to English', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Alliances' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
