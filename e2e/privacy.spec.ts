import type { Page } from '@playwright/test';
import { actorIdByName, demo, expect, signIn, test } from './fixtures';

/** Set GUIDE_SCREENSHOTS=1 to refresh the guide's pictures (docs/guide/images/donnees-personnelles*.png). */
const screenshots = process.env.GUIDE_SCREENSHOTS === '1';
const shoot = async (page: Page, name: string, height = 1100) => {
  if (!screenshots) return;
  await page.setViewportSize({ width: 1280, height });
  await page.screenshot({ path: `docs/guide/images/${name}.png`, fullPage: false });
};

test('a member gives a consent, downloads their data and asks for erasure; staff refuse with a reason', async ({
  page,
  browser,
}) => {
  await signIn(page, demo.gepaMember);
  await page.goto('/compte');
  const section = page.getByRole('region', { name: 'Mes données personnelles' });
  await expect(section).toBeVisible();
  const contact = section.getByLabel(/Être contacté·e/);
  await expect(contact).not.toBeChecked();
  await contact.click();
  await expect(contact).toBeChecked();
  await expect(section.getByRole('status')).toHaveText('Consentement enregistré.');
  await expect(section.locator('label[for=consent-contact]')).toContainText('Accordé le');

  const download = page.waitForEvent('download');
  await section.getByRole('link', { name: 'Page lisible (HTML)' }).click();
  expect((await download).suggestedFilename()).toMatch(/^mes-donnees-alliances-\d{4}-\d{2}-\d{2}\.html$/);

  await section.getByRole('button', { name: 'Demander l’effacement de mes données' }).click();
  const dialog = page.getByRole('dialog', { name: 'Demander l’effacement ?' });
  await dialog.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(section.getByText(/Demande d’effacement envoyée le .*, en attente de traitement\./)).toBeVisible();
  await expect(section.getByRole('button', { name: 'Demander l’effacement de mes données' })).toHaveCount(0);
  await section.scrollIntoViewIfNeeded();
  await shoot(page, 'donnees-personnelles-compte', 1000);

  // The animator sees the request and the person to review, then refuses the request with a reason.
  const staff = await browser.newPage();
  await signIn(staff, demo.animator);
  await staff.goto('/admin/donnees-personnelles');
  await expect(staff.getByRole('heading', { level: 1, name: 'Données personnelles' })).toBeVisible();
  const requests = staff.getByRole('region', { name: 'Demandes d’effacement' });
  const row = requests.getByRole('row').filter({ hasText: demo.gepaMember });
  await expect(row).toBeVisible();
  const review = staff.getByRole('region', { name: /À revoir/ });
  await expect(review.getByRole('button', { name: 'Conserver' })).toHaveCount(1);
  await shoot(staff, 'donnees-personnelles');

  await row.getByRole('button', { name: 'Refuser' }).click();
  const refuse = staff.getByRole('dialog');
  await refuse.getByRole('button', { name: 'Refuser' }).click();
  await expect(refuse.getByText('Ce champ est obligatoire.')).toBeVisible();
  await refuse.getByLabel('Motif du refus').fill('Dossier de financement en cours : pièces à conserver.');
  await refuse.getByRole('button', { name: 'Refuser' }).click();
  await expect(requests.getByText('Demande refusée.')).toBeVisible();
  await expect(requests.getByText('Aucune demande en attente.')).toBeVisible();

  // « Conserver » takes the person off the list.
  await review.getByRole('button', { name: 'Conserver' }).click();
  await expect(review.getByText('Aucune personne à revoir.')).toBeVisible();

  // On an organisation's page, those who edit it record a consent collected by phone, with its source.
  await staff.goto(`/acteurs/${await actorIdByName(staff, 'Le Petit Duc')}`);
  await staff.getByRole('button', { name: 'Consentements' }).first().click();
  const consents = staff.getByRole('dialog');
  await consents.getByRole('button', { name: 'Enregistrer le consentement' }).click();
  await expect(consents.getByText('Ce champ est obligatoire.')).toBeVisible();
  await consents.getByLabel('Comment il a été recueilli').fill('appel du 12 février');
  await consents.getByRole('button', { name: 'Enregistrer le consentement' }).click();
  await expect(consents.getByRole('status')).toHaveText('Consentement enregistré.');
  await consents.getByText('Historique').first().click();
  await expect(consents.getByText(/accordé \(appel du 12 février\)/)).toBeVisible();
  await staff.close();

  await page.reload();
  await expect(page.getByText(/a été refusée : Dossier de financement en cours/)).toBeVisible();
});
