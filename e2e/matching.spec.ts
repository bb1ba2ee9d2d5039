import { demo, expect, signIn, test } from './fixtures';

/** The companies with demo member accounts that Charlie Free's suggestions may list, and who signs in for them. */
const otherSides = [
  { name: "Jeune Chambre Économique du Pays d'Aix", email: demo.jceMember },
  { name: "GEPA – Groupement des entreprises du Pays d'Aix", email: demo.gepaMember },
];

test('a member of Charlie Free accepts a suggested partner, the other side accepts, a draft partnership has both', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await signIn(page, demo.charlieFreeMember);

  // 1. « Partenaires suggérés », from the header, with the reasons of each suggestion.
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Mon espace de travail' })
    .getByRole('link', { name: 'Suggestions' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Partenaires suggérés' })).toBeVisible();
  const cards = page.getByRole('article');
  await expect(cards.first()).toBeVisible();
  const firstReasons = cards.first().getByRole('list', { name: 'Pourquoi cette suggestion' }).getByRole('listitem');
  expect(await firstReasons.count()).toBeGreaterThan(0);
  await expect(firstReasons.first()).toHaveText(/\S/);
  await expect(cards.first().getByText(/Pertinence\s*:\s*\d+\s*%/)).toBeVisible();

  // 2. The company to meet: in the first ten, or after « Voir plus » (up to thirty).
  let other: (typeof otherSides)[number] | undefined;
  for (let shown = 10; ; shown += 10) {
    await expect(cards).toHaveCount(shown);
    for (const side of otherSides) {
      if ((await page.getByRole('article', { name: side.name, exact: true }).count()) > 0) {
        other = side;
        break;
      }
    }
    if (other || shown >= 30) break;
    await page.getByRole('button', { name: 'Voir plus de suggestions' }).click();
  }
  if (!other) throw new Error('neither JCE nor GEPA among the top 30 suggestions of Charlie Free');
  const card = page.getByRole('article', { name: other.name, exact: true });
  await expect(
    card.getByRole('list', { name: 'Pourquoi cette suggestion' }).getByRole('listitem').first(),
  ).toBeVisible();

  // 3. Setting another suggestion aside needs a reason: the server says so on the field.
  const another = cards.filter({ hasNot: page.getByRole('heading', { name: other.name, exact: true }) }).first();
  const anotherName = (await another.getByRole('heading', { level: 3 }).textContent()) ?? '';
  await another.getByRole('button', { name: /^Écarter/ }).click();
  await another.getByRole('button', { name: 'Écarter la suggestion' }).click();
  await expect(another.getByText(/Dites pourquoi vous écartez cette suggestion/)).toBeVisible();
  await another.getByLabel(/Pourquoi écarter cette suggestion/).selectOption({ label: 'Pas pour le moment' });
  await another.getByRole('button', { name: 'Écarter la suggestion' }).click();
  await expect(page.getByText(/Suggestion écartée/)).toBeVisible();
  await expect(page.getByRole('article', { name: anotherName, exact: true })).toHaveCount(0);

  // 4. Accepting sends a request, with a message.
  await card.getByRole('button', { name: /^Accepter/ }).click();
  await card.getByLabel(/Message pour/).fill('Nous cherchons des entreprises pour nos ateliers de création.');
  await card.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(page.getByText(`Demande envoyée à ${other.name}.`, { exact: false })).toBeVisible();
  await expect(card.getByText('Demande envoyée', { exact: true })).toBeVisible();
  await expect(card.getByRole('button', { name: /^Accepter/ })).toHaveCount(0);

  // 5. The other side sees the request in « Mises en relation » and accepts it.
  const context = await browser.newContext({ baseURL, locale: 'fr-FR' });
  const theirs = await context.newPage();
  await signIn(theirs, other.email);
  await theirs.goto('/');
  await theirs
    .getByRole('navigation', { name: 'Mon espace de travail' })
    .getByRole('link', { name: 'Mises en relation' })
    .click();
  await expect(theirs.getByRole('heading', { level: 1, name: 'Mises en relation' })).toBeVisible();
  const received = theirs.getByRole('region', { name: /Demandes reçues/ });
  const request = received.getByRole('listitem').filter({ hasText: 'Charlie Free' }).first();
  await expect(request.getByText('En attente')).toBeVisible();
  await expect(request.getByText('Nous cherchons des entreprises pour nos ateliers de création.')).toBeVisible();
  await request.getByRole('button', { name: /^Accepter/ }).click();
  await expect(
    theirs.getByText('Demande acceptée : un partenariat en préparation est ouvert avec Charlie Free.'),
  ).toBeVisible();
  await expect(request.getByText('Acceptée', { exact: true })).toBeVisible();

  // 6. A draft partnership exists with both as partners.
  await theirs.getByRole('link', { name: 'Ouvrir le partenariat en préparation' }).click();
  await expect(theirs).toHaveURL(/\/partenariats\/[0-9a-f-]{36}$/);
  const partners = theirs.getByRole('region', { name: 'Partenaires, apports et bénéfices' });
  await expect(partners.getByRole('link', { name: 'Charlie Free', exact: true })).toBeVisible();
  await expect(partners.getByRole('link', { name: other.name, exact: true })).toBeVisible();
  const partnershipPath = new URL(theirs.url()).pathname;
  await context.close();

  // 7. Charlie Free consented to instant news: its member is told, and reaches the same partnership.
  await page.goto('/notifications');
  const news = page.getByRole('listitem').filter({ hasText: `${other.name} a accepté votre demande` });
  await expect(news).toBeVisible();
  await news.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`${partnershipPath}$`));
  await expect(page.getByRole('region', { name: 'Partenaires, apports et bénéfices' })).toContainText(other.name);
});
