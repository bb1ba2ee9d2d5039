// Test helpers of matchmaking: a small territory with a planted complementary pair among distractors, and what the tests read back (mails, notifications, problems).
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { createTestApp } from '../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../tests/auth.js';
import type { Db } from '../../db/client.js';
import { outbox } from '../accounts/schema.js';
import type { CurrentUser } from '../accounts/service.js';
import { actorData } from '../actors/fixtures.js';
import { createActor } from '../actors/service.js';
import { needOfferData } from '../needs-offers/fixtures.js';
import { createNeedOffer } from '../needs-offers/service.js';
import { setMatchmakingChoice } from '../notifications/preferences.js';
import { notifications } from '../notifications/schema.js';
import type { NotificationChoice } from '../notifications/vocabulary.js';
import { openPartnership } from '../partnerships/service.js';

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export interface World {
  animator: SignedIn;
  /** Le Petit Duc (association, Aix) needs a rehearsal room; Les Ateliers du Tholonet (company, 9 km) offer one. */
  duc: string;
  hall: string;
  ducNeed: string;
  hallOffer: string;
  /** Distractors: a bank and a town in Pertuis, a choir in Aix, a hall in Nice, an unrelated association. */
  bank: string;
  town: string;
  choir: string;
  far: string;
  other: string;
  /** A theatre offering premises in Aix, already Le Petit Duc's partner: never suggested to it. */
  partner: string;
}

/** Creates actors and needs or offers through the services (so the match profiles are kept by the triggers). */
export function planter(db: Db, by: CurrentUser) {
  return {
    actor: (overrides: Parameters<typeof actorData>[0]) => createActor(db, by, actorData(overrides)),
    item: (actorId: string, overrides: Parameters<typeof needOfferData>[1]) =>
      createNeedOffer(db, by, needOfferData(actorId, overrides)),
  };
}

/** Fills a fresh database with the world above. */
export async function plantWorld(db: Db): Promise<World> {
  const animator = await signedInAs(db, 'animator');
  const by = animator.user;
  const { actor, item } = planter(db, by);

  const duc = await actor({
    name: 'Le Petit Duc',
    description: 'Salle de concert et école de musique à Aix-en-Provence.',
    themes: ['culture-art'],
    sdgs: [4],
    contributions: ['association.contribution.domain-expertise'],
  });
  const hall = await actor({
    family: 'company',
    name: 'Les Ateliers du Tholonet',
    communeCode: '13109',
    description: 'Lieu de fabrique artistique.',
    themes: ['culture-art'],
    sdgs: [4],
  });
  const bank = await actor({
    family: 'company',
    name: 'Banque Solidaire',
    communeCode: '84089',
    themes: ['circular-economy'],
    contributions: ['company.contribution.means'],
  });
  const town = await actor({
    family: 'publicAuthority',
    name: 'Ville de Pertuis',
    communeCode: '84089',
    themes: ['circular-economy'],
    contributions: ['publicAuthority.contribution.political-backing'],
  });
  const choir = await actor({ name: 'Chorale du Pays d’Aix', themes: ['culture-art'] });
  const far = await actor({ family: 'company', name: 'Hangar Niçois', communeCode: '06088' });
  const other = await actor({ name: 'Autre association', communeCode: '13041', themes: ['health-care'] });
  const partner = await actor({ family: 'company', name: 'Théâtre Partenaire', themes: ['culture-art'] });

  const ducNeed = await item(duc, {
    title: 'Salle de répétition',
    description: 'Une salle de répétition pour nos musiciens, deux soirs par semaine.',
    themes: ['culture-art'],
  });
  const hallOffer = await item(hall, {
    kind: 'offer',
    title: 'Salle de répétition équipée',
    description: 'Une salle de répétition insonorisée, prêtée aux musiciens du territoire.',
    themes: ['culture-art'],
    communeCodes: ['13109'],
  });
  await item(bank, { kind: 'offer', title: 'Prêts solidaires', resources: ['money'], communeCodes: ['84089'] });
  await item(choir, { title: 'Choristes bénévoles', resources: ['volunteers'], themes: ['culture-art'] });
  await item(far, { kind: 'offer', title: 'Entrepôt à Nice', communeCodes: ['06088'] });
  await item(partner, {
    kind: 'offer',
    title: 'Salle de répétition au théâtre',
    description: 'Une salle de répétition pour les musiciens.',
    themes: ['culture-art'],
  });
  await openPartnership(db, by, {
    title: 'Le Petit Duc au théâtre',
    summary: 'Résidence de musiciens.',
    mode: 'support',
    themes: [],
    communeCodes: [],
    partners: [{ actorId: duc }, { actorId: partner }],
  });
  return { animator, duc, hall, ducNeed, hallOffer, bank, town, choir, far, other, partner };
}

/** A member of an organisation with its matchmaking consent (off: no settings row at all). */
export async function member(db: Db, actorId: string, choice: NotificationChoice | null = null): Promise<SignedIn> {
  const who = await signedInAs(db, 'member', actorId);
  if (choice) await setMatchmakingChoice(db, who.user, choice);
  return who;
}

export const suggestionsUrl = (kind: string, id: string, top = 10) =>
  `/api/v1/matching/suggestions?subjectKind=${kind}&subjectId=${id}&top=${top}`;

export const notificationsOf = (db: Db, userId: string) =>
  db.select().from(notifications).where(eq(notifications.userId, userId));

export const mailsTo = (db: Db, email: string) => db.select().from(outbox).where(eq(outbox.recipient, email));

/** A problem document (400: the request's shape, 422: the service's rules) naming a field, with its code. */
export function expectProblem(
  res: { status: number; body: unknown; type: string },
  status: 400 | 409 | 422,
  field: string,
  code?: string,
) {
  expect(res.status).toBe(status);
  expect(res.type).toContain('application/problem+json');
  const issues = (res.body as { errors?: { field: string; code: string }[] }).errors ?? [];
  expect(issues.map((i) => i.field)).toContain(field);
  if (code) expect(issues.find((i) => i.field === field)?.code).toBe(code);
}
