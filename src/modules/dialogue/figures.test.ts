// The participation figures on a small fixture inserted straight into the tables: two pilot territories (Aix-en-Provence
// 13001, Pertuis 84089), three challenges that count (Aix, Pertuis closed at the end of 2017, a programme-wide one on
// Pertuis's commune), a draft and another programme's challenge that never count, hidden content that never counts, and
// the animation team's contributions (no organisation, family 'association'), which are animation, not participation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/db.js';
import type { Database, Db } from '../../db/client.js';
import { users } from '../accounts/schema.js';
import { actors } from '../actors/schema.js';
import { type Audience, type FigureFilters, resolveScope } from '../dashboard/scope.js';
import { programmes, programmeTerritories } from '../programmes/schema.js';
import { projects } from '../projects/schema.js';
import { participationFigures } from './figures.js';
import { challenges, proposalComments, proposalPledges, proposalSupports, proposals } from './schema.js';

interface Fixture {
  programmeId: string;
  aix: string;
  pertuis: string;
  /** Challenges: Aix (open), Pertuis (closed 2017-12-20), programme-wide on Pertuis's commune (posted in 2018). */
  c1: string;
  c2: string;
  c3: string;
}

const at = (iso: string) => new Date(iso);

function ids<T extends { id: string }>(rows: T[], n: number): string[] {
  if (rows.length !== n) throw new Error('fixture rows not inserted');
  return rows.map((r) => r.id);
}

async function fixture(db: Db): Promise<Fixture> {
  const tag = Math.random().toString(36).slice(2, 8);
  const [programmeId, otherId] = ids(
    await db
      .insert(programmes)
      .values([
        { slug: `dlg-${tag}`, name: 'Programme dialogue', startsOn: '2016-09-01', endsOn: '2019-12-31' },
        { slug: `dlg-autre-${tag}`, name: 'Autre programme', startsOn: '2016-09-01', endsOn: '2019-12-31' },
      ])
      .returning({ id: programmes.id }),
    2,
  ) as [string, string];
  const [aix, pertuis] = ids(
    await db
      .insert(programmeTerritories)
      .values([
        { programmeId, name: 'Aix-en-Provence', communeCodes: ['13001'], position: 0 },
        { programmeId, name: 'Pertuis', communeCodes: ['84089'], position: 1 },
      ])
      .returning({ id: programmeTerritories.id }),
    2,
  ) as [string, string];
  // u1 association (Aix), u2 citizen (no commune), u3 company (Pertuis), u4 public authority (Pertuis), u5 whose
  // only contributions are on a hidden proposal, u6 an animator (the team: never counted).
  const [u1, u2, u3, u4, u5, u6] = ids(
    await db
      .insert(users)
      .values(
        [1, 2, 3, 4, 5, 6].map((n) => ({
          email: `dlg${n}-${tag}@example.org`,
          displayName: `Personne ${n}`,
          role: n === 2 ? ('citizen' as const) : n === 6 ? ('animator' as const) : ('member' as const),
        })),
      )
      .returning({ id: users.id }),
    6,
  ) as [string, string, string, string, string, string];
  const [c1, c2, c3, c4, c5] = ids(
    await db
      .insert(challenges)
      .values(
        (
          [
            {
              programmeId,
              territoryId: aix,
              title: 'Circuits courts',
              status: 'open',
              createdAt: at('2017-01-10T09:00Z'),
            },
            {
              programmeId,
              territoryId: pertuis,
              title: 'Maintien à domicile',
              status: 'closed',
              closingNote: 'Merci',
              createdAt: at('2017-01-20T09:00Z'),
              closedAt: at('2017-12-20T09:00Z'),
            },
            {
              programmeId,
              title: 'Mobilités',
              communeCodes: ['84089'],
              status: 'open',
              createdAt: at('2018-01-05T09:00Z'),
            },
            { programmeId, territoryId: aix, title: 'Brouillon', status: 'draft', createdAt: at('2017-01-11T09:00Z') },
            { programmeId: otherId, title: 'Ailleurs', status: 'open', createdAt: at('2017-01-11T09:00Z') },
          ] satisfies Omit<typeof challenges.$inferInsert, 'contributionsCloseOn'>[]
        )
          // The deadline does not matter to the figures.
          .map((c) => ({ ...c, contributionsCloseOn: '2019-12-31' })),
      )
      .returning({ id: challenges.id }),
    5,
  ) as [string, string, string, string, string];
  const [project] = ids(
    await db
      .insert(projects)
      .values({ title: 'Épicerie paysanne', status: 'inProgress' })
      .returning({ id: projects.id }),
    1,
  );
  const [assocId, companyId, authorityId] = ids(
    await db
      .insert(actors)
      .values([
        { name: `Association ${tag}`, family: 'association', communeCode: '13001' },
        { name: `Entreprise ${tag}`, family: 'company', communeCode: '84089' },
        { name: `Ville ${tag}`, family: 'publicAuthority', communeCode: '84089' },
      ])
      .returning({ id: actors.id }),
    3,
  ) as [string, string, string];
  // Frozen on each contribution: supports and pledges name the organisation `actorId`, proposals and comments
  // `authorActorId` (author()).
  const association = { family: 'association' as const, communeCode: '13001', actorId: assocId };
  const citizen = { family: 'citizen' as const, communeCode: null, actorId: null };
  const company = { family: 'company' as const, communeCode: '84089', actorId: companyId };
  const authority = { family: 'publicAuthority' as const, communeCode: '84089', actorId: authorityId };
  const team = { family: 'association' as const, communeCode: null, actorId: null };
  const author = <T extends { actorId: string | null }>({ actorId, ...rest }: T) => ({
    ...rest,
    authorActorId: actorId,
  });
  const [p1, p2, p3, p4, p5, p6, p7] = ids(
    await db
      .insert(proposals)
      .values([
        {
          challengeId: c1,
          title: 'P1',
          authorUserId: u1,
          ...author(association),
          createdAt: at('2017-04-01T10:00Z'),
          outcome: 'accepted',
          outcomeReason: 'Oui',
          answeredAt: at('2017-06-01T10:00Z'),
          projectId: project,
          convertedAt: at('2018-01-10T10:00Z'),
        },
        // 23:30 UTC on 31 December 2017 is 1 January 2018 in Paris.
        { challengeId: c1, title: 'P2', authorUserId: u2, ...author(citizen), createdAt: at('2017-12-31T23:30Z') },
        {
          challengeId: c1,
          title: 'P3 masquée',
          authorUserId: u5,
          ...author(association),
          createdAt: at('2017-05-01T10:00Z'),
          hiddenAt: at('2017-05-02T10:00Z'),
          hiddenReason: 'Hors sujet',
        },
        {
          challengeId: c2,
          title: 'P4',
          authorUserId: u3,
          ...author(company),
          createdAt: at('2017-05-02T10:00Z'),
          outcome: 'notRetained',
          outcomeReason: 'Non',
          answeredAt: at('2017-12-01T10:00Z'),
        },
        { challengeId: c3, title: 'P5', authorUserId: u4, ...author(authority), createdAt: at('2018-02-01T10:00Z') },
        {
          challengeId: c4,
          title: 'P6 brouillon',
          authorUserId: u1,
          ...author(association),
          createdAt: at('2017-04-01T10:00Z'),
        },
        {
          challengeId: c5,
          title: 'P7 ailleurs',
          authorUserId: u1,
          ...author(association),
          createdAt: at('2017-04-01T10:00Z'),
        },
      ])
      .returning({ id: proposals.id }),
    7,
  ) as [string, string, string, string, string, string, string];
  await db.insert(proposalComments).values([
    { proposalId: p1, authorUserId: u4, ...author(authority), body: 'Bravo', createdAt: at('2017-04-02T10:00Z') },
    {
      proposalId: p1,
      authorUserId: u3,
      ...author(company),
      body: 'Insulte',
      createdAt: at('2017-04-02T11:00Z'),
      hiddenAt: at('2017-04-03T10:00Z'),
    },
    { proposalId: p4, authorUserId: u1, ...author(association), body: 'Oui', createdAt: at('2017-05-03T10:00Z') },
    {
      proposalId: p3,
      authorUserId: u5,
      ...author(association),
      body: 'Sur masquée',
      createdAt: at('2017-05-01T11:00Z'),
    },
    { proposalId: p1, authorUserId: u6, ...author(team), body: 'L’équipe relaie', createdAt: at('2017-04-02T12:00Z') },
  ]);
  await db.insert(proposalSupports).values([
    { proposalId: p1, userId: u2, ...citizen, createdAt: at('2017-04-03T10:00Z') },
    { proposalId: p1, userId: u3, ...company, createdAt: at('2017-04-04T10:00Z') },
    { proposalId: p4, userId: u1, ...association, createdAt: at('2017-05-04T10:00Z') },
    { proposalId: p5, userId: u1, ...association, createdAt: at('2018-02-02T10:00Z') },
    { proposalId: p3, userId: u5, ...association, createdAt: at('2017-05-01T12:00Z') },
    { proposalId: p6, userId: u3, ...company, createdAt: at('2017-04-04T10:00Z') },
    { proposalId: p7, userId: u3, ...company, createdAt: at('2017-04-04T10:00Z') },
    { proposalId: p4, userId: u6, ...team, createdAt: at('2017-05-04T11:00Z') },
  ]);
  await db.insert(proposalPledges).values([
    { proposalId: p1, userId: u3, ...company, resources: ['premises'], createdAt: at('2017-04-05T10:00Z') },
    { proposalId: p6, userId: u3, ...company, resources: ['premises'], createdAt: at('2017-04-05T10:00Z') },
    { proposalId: p2, userId: u5, ...association, resources: ['skills'], createdAt: at('2018-03-01T10:00Z') },
    { proposalId: p5, userId: u6, ...team, resources: ['skills'], createdAt: at('2018-03-01T11:00Z') },
  ]);
  return { programmeId, aix, pertuis, c1, c2, c3 };
}

const counts = (proposals: number, comments: number, supports: number, pledges: number) => ({
  proposals,
  comments,
  supports,
  pledges,
});

describe('participation figures of the territorial dialogue', () => {
  let database: Database;
  let f: Fixture;
  const figures = async (filters: FigureFilters = {}, audience: Audience = 'readers') =>
    participationFigures(
      database.db,
      await resolveScope(database.db, { programmeId: f.programmeId, audience, ...filters }),
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    f = await fixture(database.db);
  });
  afterAll(() => database.close());

  it('counts every visible contribution of the programme’s open and closed challenges, by kind, family and commune', async () => {
    const all = await figures();
    // Hidden proposals and comments, and what was said on a hidden proposal, never count; nor drafts nor others; nor
    // the animation team's comment, support and pledge (u6 is not among the participants).
    expect(all.totals).toEqual({ ...counts(4, 2, 4, 2), contributions: 12, participants: 5 });
    expect(all.byFamily).toEqual([
      { family: 'association', ...counts(1, 1, 2, 1) },
      { family: 'company', ...counts(1, 0, 1, 1) },
      { family: 'publicAuthority', ...counts(1, 1, 0, 0) },
      { family: 'citizen', ...counts(1, 0, 1, 0) },
    ]);
    expect(all.byCommune).toEqual([
      { code: '13001', name: 'Aix-en-Provence', ...counts(1, 1, 2, 1) },
      { code: '84089', name: 'Pertuis', ...counts(2, 1, 1, 1) },
      { code: null, name: null, ...counts(1, 0, 1, 0) },
    ]);
    expect(all.byChallenge).toEqual([
      {
        id: f.c1,
        title: 'Circuits courts',
        status: 'open',
        territoryId: f.aix,
        territoryName: 'Aix-en-Provence',
        ...counts(2, 1, 2, 2),
        answered: 1,
        accepted: 1,
        converted: 1,
      },
      {
        id: f.c2,
        title: 'Maintien à domicile',
        status: 'closed',
        territoryId: f.pertuis,
        territoryName: 'Pertuis',
        ...counts(1, 1, 1, 0),
        answered: 1,
        accepted: 0,
        converted: 0,
      },
      {
        id: f.c3,
        title: 'Mobilités',
        status: 'open',
        territoryId: null,
        territoryName: null,
        ...counts(1, 0, 1, 0),
        answered: 0,
        accepted: 0,
        converted: 0,
      },
    ]);
  });

  it('counts a year as Paris days: the last evening of December in UTC belongs to the next year', async () => {
    const y2017 = await figures({ year: 2017 });
    expect(y2017.totals).toEqual({ ...counts(2, 2, 3, 1), contributions: 8, participants: 4 });
    // The challenge posted in 2018 is not listed in 2017; answers and conversions count on their own day.
    expect(y2017.byChallenge.map((c) => [c.title, c.proposals, c.answered, c.accepted, c.converted])).toEqual([
      ['Circuits courts', 1, 1, 1, 0],
      ['Maintien à domicile', 1, 1, 0, 0],
    ]);
    const y2018 = await figures({ year: 2018 });
    expect(y2018.totals).toEqual({ ...counts(2, 0, 1, 1), contributions: 4, participants: 4 });
    expect(y2018.byFamily).toEqual([
      { family: 'association', ...counts(0, 0, 1, 1) },
      { family: 'publicAuthority', ...counts(1, 0, 0, 0) },
      { family: 'citizen', ...counts(1, 0, 0, 0) },
    ]);
    // The challenge closed in December 2017 is not listed in 2018.
    expect(y2018.byChallenge.map((c) => [c.title, c.proposals, c.supports, c.converted])).toEqual([
      ['Circuits courts', 1, 0, 1],
      ['Mobilités', 1, 1, 0],
    ]);
  });

  it('takes a territory’s challenges, and the programme-wide ones on its communes', async () => {
    const pertuis = await figures({ territoryId: f.pertuis });
    expect(pertuis.byChallenge.map((c) => c.title)).toEqual(['Maintien à domicile', 'Mobilités']);
    expect(pertuis.totals).toEqual({ ...counts(2, 1, 2, 0), contributions: 5, participants: 3 });
    const aix = await figures({ territoryId: f.aix });
    expect(aix.byChallenge.map((c) => c.title)).toEqual(['Circuits courts']);
    expect(aix.totals).toEqual({ ...counts(2, 1, 2, 2), contributions: 7, participants: 5 });
  });

  it('gives the public the same counts, and no person', async () => {
    const readers = await figures({ year: 2017 });
    const people = await figures({ year: 2017 }, 'public');
    expect(people).toEqual(readers);
    expect(JSON.stringify(people)).not.toContain('Personne');
  });
});
