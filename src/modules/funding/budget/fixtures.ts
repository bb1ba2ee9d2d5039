// Test data for the budget: a programme with two territories, a funder and a partner, and applications and
// contributions inserted straight into their tables (the applications' services are another part's).
import type { Db } from '../../../db/client.js';
import { users } from '../../accounts/schema.js';
import type { CurrentUser } from '../../accounts/service.js';
import { actors } from '../../actors/schema.js';
import { contributions, partnerships } from '../../partnerships/schema.js';
import type { ContributionNature } from '../../partnerships/vocabulary.js';
import { programmes, programmeTerritories } from '../../programmes/schema.js';
import { fundingApplications } from '../applications/schema.js';
import type { ApplicationStatus } from '../vocabulary.js';

export interface BudgetFixture {
  /** An animator, acting for the services. */
  staff: CurrentUser;
  programmeId: string;
  otherProgrammeId: string;
  aix: string;
  pertuis: string;
  funderId: string;
  partnerId: string;
  /** An application of the programme: status, amounts, year. */
  application(status: ApplicationStatus, amountRequested: number, amountGranted?: number | null): Promise<string>;
  /** A contribution of the partner to a partnership, worth `value` (null: no value), financial unless said. */
  contribution(value: number | null, nature?: ContributionNature): Promise<string>;
}

export async function budgetFixture(db: Db): Promise<BudgetFixture> {
  const [programme, other] = await db
    .insert(programmes)
    .values([
      { slug: `budget-${Math.random()}`, name: 'Programme budget', startsOn: '2017-01-01', endsOn: '2020-12-31' },
      { slug: `autre-${Math.random()}`, name: 'Autre programme', startsOn: '2017-01-01', endsOn: '2020-12-31' },
    ])
    .returning({ id: programmes.id });
  if (!programme || !other) throw new Error('programmes not inserted');
  const [aix, pertuis] = await db
    .insert(programmeTerritories)
    .values([
      { programmeId: programme.id, name: 'Aix-en-Provence', communeCodes: ['13001'], position: 0 },
      { programmeId: programme.id, name: 'Pertuis', communeCodes: ['84089'], position: 1 },
    ])
    .returning({ id: programmeTerritories.id });
  const [funder, partner] = await db
    .insert(actors)
    .values([
      { family: 'company', name: 'Fondation Test' },
      { family: 'company', name: 'Partenaire Test' },
    ])
    .returning({ id: actors.id });
  if (!aix || !pertuis || !funder || !partner) throw new Error('fixture not inserted');
  const [partnership] = await db
    .insert(partnerships)
    .values({ title: 'Partenariat test', mode: 'support' })
    .returning({ id: partnerships.id });
  const [user] = await db
    .insert(users)
    .values({ email: `budget-${Math.random()}@test.local`, displayName: 'Animatrice', role: 'animator' })
    .returning({ id: users.id });
  if (!user) throw new Error('user not inserted');
  let n = 0;
  return {
    staff: { id: user.id, email: '', displayName: 'Animatrice', role: 'animator', actorId: null, locale: 'fr' },
    programmeId: programme.id,
    otherProgrammeId: other.id,
    aix: aix.id,
    pertuis: pertuis.id,
    funderId: funder.id,
    partnerId: partner.id,
    async application(status, amountRequested, amountGranted = null) {
      const [row] = await db
        .insert(fundingApplications)
        .values({
          title: `Dossier ${++n} (${status})`,
          funderActorId: funder.id,
          programmeId: programme.id,
          year: 2018,
          amountRequested,
          status,
          amountGranted,
        })
        .returning({ id: fundingApplications.id });
      if (!row) throw new Error('application not inserted');
      return row.id;
    },
    async contribution(value, nature = 'financial') {
      const [row] = await db
        .insert(contributions)
        .values({
          partnershipId: partnership?.id,
          actorId: partner.id,
          nature,
          description: `Apport ${++n}`,
          value,
        })
        .returning({ id: contributions.id });
      if (!row) throw new Error('contribution not inserted');
      return row.id;
    },
  };
}
