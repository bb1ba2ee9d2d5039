import type { Page } from '@playwright/test';
import { demo, expect, signIn, test } from './fixtures';

/** Set GUIDE_SCREENSHOTS=1 to refresh the guide's pictures (docs/guide/images/notifications-*.png). */
const screenshots = process.env.GUIDE_SCREENSHOTS === '1';
const shoot = async (page: Page, name: string, target?: ReturnType<Page['locator']>) => {
  if (!screenshots) return;
  await (target ?? page).screenshot({ path: `docs/guide/images/notifications-${name}.png` });
};

test('a member chooses, kind by kind, how to be told, and the choice is kept', async ({ page }) => {
  await signIn(page, demo.gepaMember);
  await page.goto('/compte#notifications');
  const section = page.getByRole('region', { name: 'Notifications' }).first();
  await expect(section.getByRole('row', { name: /Invitation à un événement/ })).toBeVisible();
  // Staff-only kinds are not offered to a member.
  await expect(section.getByText('Échéance de financement')).toHaveCount(0);
  const invitationWeekly = section.getByRole('radio', { name: 'Invitation à un événement : Résumé hebdomadaire' });
  await expect(invitationWeekly).toBeChecked();
  await section.getByRole('radio', { name: 'Invitation à un événement : Immédiat' }).check();
  await section.getByRole('radio', { name: 'Contenu masqué par la modération : Désactivé' }).check();
  await section.getByRole('button', { name: 'Enregistrer mes choix' }).click();
  await expect(section.getByRole('status')).toHaveText('Vos choix sont enregistrés.');
  await page.setViewportSize({ width: 1280, height: 900 });
  await shoot(page, 'preferences', section);

  await page.reload();
  await expect(page.getByRole('radio', { name: 'Invitation à un événement : Immédiat' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Contenu masqué par la modération : Désactivé' })).toBeChecked();
});

test('the admin sees the undelivered e-mails and sends one again', async ({ page }) => {
  await signIn(page, demo.admin);
  // The demo has none (no SMTP server in the tests): the empty state, from the real API.
  await page.goto('/admin/courriels');
  await expect(page.getByRole('heading', { level: 1, name: 'Courriels non distribués' })).toBeVisible();
  await expect(page.getByText('Aucun courriel non distribué')).toBeVisible();

  // The list and the retry, on answers shaped like the API's (the server side is tested in src/modules/mail).
  let retried = false;
  const letter = {
    id: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b',
    recipient: 'c***@demo.alliances.local',
    subject: '[Alliances] Invitation : atelier inter-associatif',
    attempts: 6,
    lastError: 'Message failed: 452 4.2.2 Mailbox full <c***@demo.alliances.local>',
    createdAt: '2026-11-24T08:15:00.000Z',
    deadAt: '2026-11-24T17:41:00.000Z',
  };
  await page.route('**/api/v1/admin/mail/dead-letters?*', (route) =>
    route.fulfill({
      json: retried
        ? { items: [], total: 0, page: 1, pageSize: 20 }
        : { items: [letter], total: 1, page: 1, pageSize: 20 },
    }),
  );
  await page.route(`**/api/v1/admin/mail/dead-letters/${letter.id}/retry`, (route) => {
    retried = true;
    return route.fulfill({ status: 204 });
  });
  await page.reload();
  const row = page.getByRole('row', { name: /Invitation : atelier inter-associatif/ });
  await expect(row).toContainText('c***@demo.alliances.local');
  await expect(row).toContainText('Mailbox full');
  await page.setViewportSize({ width: 1280, height: 560 });
  await shoot(page, 'non-distribues');
  await row.getByRole('button', { name: /^Renvoyer le courriel/ }).click();
  await expect(page.getByText(/est remis dans la file d’envoi/)).toBeVisible();
  await expect(page.getByText('Aucun courriel non distribué')).toBeVisible();
});
