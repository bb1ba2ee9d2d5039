// Test data for the dashboard's figures: a programme with two pilot territories (Aix-en-Provence 13001, Pertuis 84089)
// and two phases, and records inside and outside its area, inserted straight into their tables, so that every figure
// has exact values to check (figures.test.ts gives them). Another programme's records must never count.
import type { Db } from '../../db/client.js';
import { users } from '../accounts/schema.js';
import { actors } from '../actors/schema.js';
import { allianceMembers, alliances } from '../alliances/schema.js';
import { eventRegistrations, events } from '../events/schema.js';
import { fundingApplications, fundingPayments } from '../funding/applications/schema.js';
import { budgetLineSources, budgetLines, volunteerLogs, volunteerRates } from '../funding/budget/schema.js';
import { partnershipPartners, partnerships } from '../partnerships/schema.js';
import {
  programmeEvents,
  programmeParticipants,
  programmePhases,
  programmes,
  programmeTerritories,
} from '../programmes/schema.js';
import { projects } from '../projects/schema.js';

export interface DashboardFixture {
  programmeId: string;
  otherProgrammeId: string;
  aix: string;
  pertuis: string;
  /** Amorçage 2016-09-01 → 2017-12-31, Déploiement 2018-01-01 → 2019-12-31. */
  seeding: string;
  deployment: string;
  /** An actor with a person's-looking name, to check that no name leaks. */
  citizenName: string;
}

const one = <T>(rows: T[]): T => {
  const [row] = rows;
  if (!row) throw new Error('fixture row not inserted');
  return row;
};

export async function dashboardFixture(db: Db): Promise<DashboardFixture> {
  const tag = Math.random().toString(36).slice(2, 8);
  const programme = one(
    await db
      .insert(programmes)
      .values({ slug: `tdb-${tag}`, name: 'Programme tableau de bord', startsOn: '2016-09-01', endsOn: '2019-12-31' })
      .returning({ id: programmes.id }),
  );
  const other = one(
    await db
      .insert(programmes)
      .values({ slug: `autre-${tag}`, name: 'Autre programme', startsOn: '2016-09-01', endsOn: '2019-12-31' })
      .returning({ id: programmes.id }),
  );
  const [aix, pertuis] = await db
    .insert(programmeTerritories)
    .values([
      { programmeId: programme.id, name: 'Aix-en-Provence', communeCodes: ['13001'], position: 0 },
      { programmeId: programme.id, name: 'Pertuis', communeCodes: ['84089'], position: 1 },
    ])
    .returning({ id: programmeTerritories.id });
  const [seeding, deployment] = await db
    .insert(programmePhases)
    .values([
      { programmeId: programme.id, name: 'Amorçage', startsOn: '2016-09-01', endsOn: '2017-12-31', position: 0 },
      { programmeId: programme.id, name: 'Déploiement', startsOn: '2018-01-01', endsOn: '2019-12-31', position: 1 },
    ])
    .returning({ id: programmePhases.id });
  if (!aix || !pertuis || !seeding || !deployment) throw new Error('fixture not inserted');

  const citizenName = `Camille Testeuse ${tag}`;
  const [a1, a2, a3, a4, a5, funder, citizen] = await db
    .insert(actors)
    .values([
      { family: 'association', name: 'Asso Aix', communeCode: '13001', sdgs: [4, 11] },
      { family: 'company', name: 'Entreprise Aix', communeCode: '13001', sdgs: [8] },
      { family: 'association', name: 'Asso Pertuis', communeCode: '84089', sdgs: [12] },
      { family: 'publicAuthority', name: 'Mairie de Pertuis', communeCode: '84089' },
      { family: 'company', name: 'Entreprise Marseille', communeCode: '13055' },
      { family: 'company', name: 'Fondation Marseille', communeCode: '13055' },
      { family: 'citizen', name: citizenName, communeCode: '13055' },
    ])
    .returning({ id: actors.id });
  if (!a1 || !a2 || !a3 || !a4 || !a5 || !funder || !citizen) throw new Error('actors not inserted');

  await db.insert(programmeParticipants).values([
    { programmeId: programme.id, actorId: a1.id, territoryId: aix.id, joinedOn: '2016-10-01' },
    { programmeId: programme.id, actorId: a2.id, territoryId: aix.id, joinedOn: '2018-02-01' },
    { programmeId: programme.id, actorId: a3.id, territoryId: pertuis.id, joinedOn: '2017-03-01' },
    { programmeId: programme.id, actorId: a5.id, territoryId: null, joinedOn: null },
    { programmeId: other.id, actorId: a4.id },
  ]);

  const [pr1] = await db
    .insert(projects)
    .values([
      { title: 'Projet Aix', status: 'inProgress', communeCodes: ['13001'], sdgs: [4], startsOn: '2017-01-01' },
      { title: 'Brouillon Pertuis', status: 'draft', communeCodes: ['84089'], sdgs: [1], startsOn: '2017-01-01' },
    ])
    .returning({ id: projects.id });
  const [al1, al2] = await db
    .insert(alliances)
    .values([
      { name: 'Alliance Pertuis', status: 'active', sdgs: [12, 13], startsOn: '2018-01-15' },
      {
        name: 'Alliance Aix',
        status: 'forming',
        sdgs: [11],
        communeCodes: ['13001'],
        startsOn: '2017-09-01',
        publishedAt: new Date('2017-10-01T10:00:00Z'),
      },
    ])
    .returning({ id: alliances.id });
  if (!pr1 || !al1 || !al2) throw new Error('fixture not inserted');
  await db.insert(allianceMembers).values([
    { allianceId: al1.id, actorId: a3.id },
    { allianceId: al1.id, actorId: a5.id },
    { allianceId: al2.id, actorId: a1.id },
    { allianceId: al2.id, actorId: a2.id },
  ]);

  const published = new Date('2017-04-01T10:00:00Z');
  const [p1, p2, p3, p4, p5] = await db
    .insert(partnerships)
    .values([
      // Aix, through its partners; published; serves the project (SDG 4).
      {
        title: 'P1',
        mode: 'support',
        currentStep: 'run',
        startsOn: '2017-03-01',
        projectId: pr1.id,
        publishedAt: published,
      },
      // Pertuis, through its partners; in the Pertuis alliance (SDGs 12, 13).
      { title: 'P2', mode: 'economicCooperation', currentStep: 'contract', startsOn: '2018-05-01', allianceId: al1.id },
      // Outside the area.
      { title: 'P3', mode: 'support', currentStep: 'preparePartners', startsOn: '2017-02-01' },
      // Abandoned: never counted.
      { title: 'P4', mode: 'societalInnovation', currentStep: 'evaluate', startsOn: '2017-02-01', status: 'abandoned' },
      // Pertuis by its commune, partners elsewhere; published.
      {
        title: 'P5',
        mode: 'responsiblePractices',
        currentStep: 'framePartnership',
        startsOn: '2017-06-01',
        communeCodes: ['84089'],
        publishedAt: published,
      },
    ])
    .returning({ id: partnerships.id });
  if (!p1 || !p2 || !p3 || !p4 || !p5) throw new Error('partnerships not inserted');
  await db.insert(partnershipPartners).values([
    { partnershipId: p1.id, actorId: a1.id },
    { partnershipId: p1.id, actorId: a2.id },
    { partnershipId: p2.id, actorId: a3.id },
    { partnershipId: p2.id, actorId: a4.id },
    { partnershipId: p3.id, actorId: a5.id },
    { partnershipId: p3.id, actorId: funder.id },
    { partnershipId: p4.id, actorId: a3.id },
    { partnershipId: p4.id, actorId: a2.id },
    { partnershipId: p5.id, actorId: a5.id },
    { partnershipId: p5.id, actorId: citizen.id },
  ]);

  const event = (
    kind: (typeof events.$inferInsert)['kind'],
    startsAt: string,
    communeCode: string,
    status: (typeof events.$inferInsert)['status'] = 'planned',
  ) => ({
    kind,
    title: `${kind} ${startsAt}`,
    startsAt: new Date(startsAt),
    endsAt: new Date(new Date(startsAt).getTime() + 2 * 3600_000),
    communeCode,
    status,
  });
  const [e1, e2, e3, e4, e5, e6] = await db
    .insert(events)
    .values([
      event('launchMeeting', '2016-11-15T10:00:00+01:00', '13001', 'held'),
      event('interAssociationWorkshop', '2017-04-10T14:00:00+02:00', '84089'),
      event('steeringCommittee', '2018-03-01T10:00:00+01:00', '13001', 'held'),
      event('openForum', '2017-05-01T10:00:00+02:00', '84089', 'cancelled'),
      event('speedDating', '2099-06-01T10:00:00+02:00', '84089'),
      event('launchMeeting', '2017-01-10T10:00:00+01:00', '13001', 'held'),
    ])
    .returning({ id: events.id });
  if (!e1 || !e2 || !e3 || !e4 || !e5 || !e6) throw new Error('events not inserted');
  await db.insert(programmeEvents).values([
    { eventId: e1.id, programmeId: programme.id, territoryId: aix.id },
    { eventId: e2.id, programmeId: programme.id, territoryId: pertuis.id },
    { eventId: e3.id, programmeId: programme.id, territoryId: null },
    { eventId: e4.id, programmeId: programme.id, territoryId: pertuis.id },
    { eventId: e5.id, programmeId: programme.id, territoryId: pertuis.id },
    { eventId: e6.id, programmeId: other.id },
  ]);
  const people = await db
    .insert(users)
    .values(
      Array.from({ length: 6 }, (_, i) => ({
        email: `tdb-${tag}-${i}@test.local`,
        displayName: `Personne ${i}`,
        role: 'member' as const,
      })),
    )
    .returning({ id: users.id });
  const checkedIn = new Date('2016-11-15T10:05:00+01:00');
  const registration = (eventId: string, user: number, attended: boolean, cancelled = false) => ({
    eventId,
    userId: people[user]?.id as string,
    status: cancelled ? ('cancelled' as const) : ('registered' as const),
    checkedInAt: attended ? checkedIn : null,
  });
  await db.insert(eventRegistrations).values([
    // E1: 3 attended, 1 absent, 1 cancelled although checked in → attendance 3.
    registration(e1.id, 0, true),
    registration(e1.id, 1, true),
    registration(e1.id, 2, true),
    registration(e1.id, 3, false),
    registration(e1.id, 4, true, true),
    // E2: 2; E3: 1; the cancelled E4's and the other programme's E6 never count.
    registration(e2.id, 0, true),
    registration(e2.id, 1, true),
    registration(e3.id, 0, true),
    registration(e4.id, 0, true),
    registration(e6.id, 0, true),
  ]);

  const application = (
    year: number,
    territoryId: string | null,
    status: (typeof fundingApplications.$inferInsert)['status'],
    amountRequested: number,
    amountGranted: number | null = null,
    programmeId: string = programme.id,
  ) => ({
    title: `Dossier ${year} ${status} ${amountRequested}`,
    funderActorId: funder.id,
    programmeId,
    territoryId,
    year,
    status,
    amountRequested,
    amountGranted,
  });
  const [fa1, , fa3] = await db
    .insert(fundingApplications)
    .values([
      application(2017, aix.id, 'granted', 10_000, 8_000),
      application(2017, null, 'submitted', 5_000),
      application(2018, pertuis.id, 'reported', 20_000, 15_000),
      application(2018, null, 'drafting', 3_000),
      application(2017, null, 'refused', 4_000),
      application(2017, null, 'granted', 50_000, 50_000, other.id),
    ])
    .returning({ id: fundingApplications.id });
  if (!fa1 || !fa3) throw new Error('applications not inserted');
  await db.insert(fundingPayments).values([
    { applicationId: fa1.id, receivedOn: '2017-06-01', amount: 5_000 },
    { applicationId: fa1.id, receivedOn: '2017-12-01', amount: 1_000 },
    { applicationId: fa3.id, receivedOn: '2018-07-01', amount: 15_000 },
  ]);
  const line = one(
    await db
      .insert(budgetLines)
      .values({
        programmeId: programme.id,
        year: 2017,
        territoryId: aix.id,
        category: 'production',
        label: 'Ateliers',
        forecast: 12_000,
      })
      .returning({ id: budgetLines.id }),
  );
  await db
    .insert(budgetLineSources)
    .values({ lineId: line.id, kind: 'application', applicationId: fa1.id, amount: 8_000 });

  await db.insert(volunteerRates).values([
    { programmeId: programme.id, year: 2017, hourlyRate: 15 },
    { programmeId: programme.id, year: 2018, hourlyRate: 20 },
  ]);
  await db.insert(volunteerLogs).values([
    { programmeId: programme.id, territoryId: aix.id, role: 'bénévole', workedOn: '2017-03-10', hours: 10 },
    { programmeId: programme.id, territoryId: pertuis.id, role: 'bénévole', workedOn: '2018-02-01', hours: 5 },
    { programmeId: programme.id, territoryId: null, role: 'administrateur', workedOn: '2017-11-01', hours: 4 },
    { programmeId: other.id, territoryId: null, role: 'bénévole', workedOn: '2017-11-01', hours: 100 },
  ]);

  return {
    programmeId: programme.id,
    otherProgrammeId: other.id,
    aix: aix.id,
    pertuis: pertuis.id,
    seeding: seeding.id,
    deployment: deployment.id,
    citizenName,
  };
}
