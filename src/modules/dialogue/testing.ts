// Test helpers of the territorial dialogue: a programme with two pilot territories, organisations of several
// families with a signed-in member each, a citizen, an observer, an animator; and a small HTTP client.
import { afterAll, beforeAll, expect } from 'vitest';
import { createTestApp } from '../../../tests/app.js';
import { type SignedIn, signedInAs } from '../../../tests/auth.js';
import { actors } from '../actors/schema.js';
import { programmes, programmeTerritories } from '../programmes/schema.js';
import type { ChallengeInput, ProposalInput } from './contract.js';

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export interface DialogueWorld {
  programmeId: string;
  aix: string;
  pertuis: string;
  /** Organisations: Ville de Pertuis and Ville d'Aix (public authorities), two associations, two companies. */
  town: string;
  otherTown: string;
  assoc: string;
  assoc2: string;
  company: string;
  company2: string;
  animator: SignedIn;
  townMember: SignedIn;
  otherTownMember: SignedIn;
  assocMember: SignedIn;
  assoc2Member: SignedIn;
  companyMember: SignedIn;
  company2Member: SignedIn;
  citizen: SignedIn;
  observer: SignedIn;
}

export async function dialogueWorld(t: TestApp): Promise<DialogueWorld> {
  const { db } = t;
  const tag = Math.random().toString(36).slice(2, 8);
  const [programme] = await db
    .insert(programmes)
    .values({ slug: `dialogue-${tag}`, name: 'Programme du dialogue', startsOn: '2017-01-01', endsOn: '2030-12-31' })
    .returning({ id: programmes.id });
  if (!programme) throw new Error('programme not inserted');
  const territories = await db
    .insert(programmeTerritories)
    .values([
      { programmeId: programme.id, name: 'Aix-en-Provence', communeCodes: ['13001'], position: 0 },
      { programmeId: programme.id, name: 'Pertuis', communeCodes: ['84089'], position: 1 },
    ])
    .returning({ id: programmeTerritories.id });
  const rows = await db
    .insert(actors)
    .values([
      { family: 'publicAuthority', name: `Ville de Pertuis ${tag}`, communeCode: '84089' },
      { family: 'publicAuthority', name: `Ville d’Aix ${tag}`, communeCode: '13001' },
      { family: 'association', name: `Jardins partagés ${tag}`, communeCode: '84089' },
      { family: 'association', name: `Culture pour tous ${tag}`, communeCode: '13001' },
      { family: 'company', name: `Primeurs du Luberon ${tag}`, communeCode: '84089' },
      { family: 'company', name: `Transports Durance ${tag}`, communeCode: '84089' },
    ])
    .returning({ id: actors.id });
  const [town, otherTown, assoc, assoc2, company, company2] = rows.map((r) => r.id) as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return {
    programmeId: programme.id,
    aix: territories[0]?.id ?? '',
    pertuis: territories[1]?.id ?? '',
    town,
    otherTown,
    assoc,
    assoc2,
    company,
    company2,
    animator: await signedInAs(db, 'animator'),
    townMember: await signedInAs(db, 'member', town),
    otherTownMember: await signedInAs(db, 'member', otherTown),
    assocMember: await signedInAs(db, 'member', assoc),
    assoc2Member: await signedInAs(db, 'member', assoc2),
    companyMember: await signedInAs(db, 'member', company),
    company2Member: await signedInAs(db, 'member', company2),
    citizen: await signedInAs(db, 'citizen'),
    observer: await signedInAs(db, 'observer'),
  };
}

/** A day relative to today (UTC is enough: tests use margins of days). */
export const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

export const challengeOf = (w: DialogueWorld, overrides: Partial<ChallengeInput> = {}): ChallengeInput => ({
  programmeId: w.programmeId,
  territoryId: w.pertuis,
  title: 'Des circuits courts alimentaires autour de Pertuis',
  summary: 'Rapprocher producteurs et cantines.',
  context: 'Les cantines de Pertuis servent 2 000 repas par jour.',
  figures: [{ label: 'Repas servis par jour', value: '2 000', source: 'Ville de Pertuis, 2024' }],
  themes: ['food-short-circuits'],
  sdgs: [2, 12],
  contributionsCloseOn: inDays(30),
  answeringActorId: w.town,
  status: 'open',
  ...overrides,
});

export const proposalOf = (overrides: Partial<ProposalInput> = {}): ProposalInput => ({
  title: 'Une légumerie partagée',
  description: 'Une légumerie pour préparer les légumes des producteurs locaux pour les cantines.',
  whoActs: 'Les maraîchers et une association d’insertion',
  needs: 'Un local équipé',
  modes: ['economicCooperation'],
  ...overrides,
});

/** Calls the dialogue's API as someone (or anonymously) and returns status and JSON body. */
export function client(t: TestApp) {
  const call = async (method: string, url: string, who?: SignedIn, payload?: unknown) => {
    const res = await t.app.inject({
      method: method as 'GET',
      url: `/api/v1/dialogue${url}`,
      headers: who?.headers ?? {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return { status: res.statusCode, body: res.body ? res.json() : null };
  };
  return {
    call,
    /** Expects a 2xx and returns the id. */
    ok: async (method: string, url: string, who: SignedIn, payload?: unknown): Promise<string> => {
      const res = await call(method, url, who, payload);
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
      return (res.body as { id?: string; proposalId?: string }).id ?? '';
    },
  };
}

export type Client = ReturnType<typeof client>;

/** A test file's app, dialogue world and client: made before its tests, closed after them. */
export function dialogueSuite() {
  const suite = {} as { t: TestApp; w: DialogueWorld; api: Client };
  beforeAll(async () => {
    suite.t = await createTestApp();
    suite.w = await dialogueWorld(suite.t);
    suite.api = client(suite.t);
  });
  afterAll(() => suite.t.close());
  return suite;
}
