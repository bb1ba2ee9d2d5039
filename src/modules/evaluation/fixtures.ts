// Test data for evaluations: a programme with two pilot territories (Aix 13001, Pertuis 84089), four partners, three
// partnerships (one in Aix and published, one in Pertuis, one outside the programme's area) inserted straight into
// their tables, and the services' own writes for evaluations.
import type { Db } from '../../db/client.js';
import { users } from '../accounts/schema.js';
import type { CurrentUser } from '../accounts/service.js';
import { actors } from '../actors/schema.js';
import { partnershipPartners, partnerships } from '../partnerships/schema.js';
import type { PartnershipMode } from '../partnerships/vocabulary.js';
import { programmePhases, programmes, programmeTerritories } from '../programmes/schema.js';
import type { IndicatorInput, MeasurementInput, ResponseInput } from './contract.js';
import { answerEvaluation, measureIndicator, openEvaluation, setIndicators } from './service.js';
import { type EvaluationDimension, evaluationDimensions } from './vocabulary.js';

export interface EvaluationFixture {
  /** An animator, acting for the services. */
  staff: CurrentUser;
  programmeId: string;
  aixTerritory: string;
  pertuisTerritory: string;
  /** 2016-09-01 → 2017-12-31. */
  seedingPhase: string;
  /** Aix: the association and the company; Pertuis: the company and the town; elsewhere: two others. */
  actors: { asso: string; company: string; pertuisCompany: string; town: string; farA: string; farB: string };
  /** Aix (support, published), Pertuis (economic cooperation, not published), outside the area. */
  partnerships: { aix: string; pertuis: string; far: string };
  /** Another partnership, inserted straight into its tables. */
  partnership(title: string, communes: string[], partners: string[], published: boolean): Promise<string>;
  open(partnershipId: string, year: number): Promise<string>;
  answer(evaluationId: string, actorId: string, input: ResponseInput): Promise<void>;
  /** Staff choose the indicators, then enter the measures given (as the partners would). */
  indicators(evaluationId: string, chosen: (IndicatorInput & MeasurementInput)[]): Promise<void>;
}

/** A response giving the scores listed (dimension order of `evaluationDimensions`; null = « je ne sais pas »). */
export function answerOf(scores: (number | null)[], extra: Partial<Omit<ResponseInput, 'scores'>> = {}): ResponseInput {
  return {
    scores: Object.fromEntries(evaluationDimensions.map((d, i) => [d, { score: scores[i] ?? null }])) as Record<
      EvaluationDimension,
      { score: number | null }
    >,
    balance: 3,
    ...extra,
  };
}

export async function evaluationFixture(db: Db): Promise<EvaluationFixture> {
  const [programme] = await db
    .insert(programmes)
    .values({ slug: `eval-${Math.random()}`, name: 'Programme évalué', startsOn: '2016-09-01', endsOn: '2020-12-31' })
    .returning({ id: programmes.id });
  if (!programme) throw new Error('programme not inserted');
  const [aix, pertuis] = await db
    .insert(programmeTerritories)
    .values([
      { programmeId: programme.id, name: 'Aix-en-Provence', communeCodes: ['13001'], position: 0 },
      { programmeId: programme.id, name: 'Pertuis', communeCodes: ['84089'], position: 1 },
    ])
    .returning({ id: programmeTerritories.id });
  const [phase] = await db
    .insert(programmePhases)
    .values({ programmeId: programme.id, name: 'Amorçage', startsOn: '2016-09-01', endsOn: '2017-12-31', position: 0 })
    .returning({ id: programmePhases.id });
  const rows = await db
    .insert(actors)
    .values([
      { family: 'association', name: 'Association aixoise', communeCode: '13001' },
      { family: 'company', name: 'Entreprise aixoise', communeCode: '13001' },
      { family: 'company', name: 'Entreprise pertuisienne', communeCode: '84089' },
      { family: 'publicAuthority', name: 'Ville test', communeCode: '84089' },
      { family: 'association', name: 'Association lointaine' },
      { family: 'company', name: 'Entreprise lointaine' },
    ])
    .returning({ id: actors.id });
  const [asso, company, pertuisCompany, town, farA, farB] = rows.map((r) => r.id);
  if (!aix || !pertuis || !phase || !asso || !company || !pertuisCompany || !town || !farA || !farB) {
    throw new Error('fixture not inserted');
  }
  const partnership = async (
    title: string,
    mode: PartnershipMode,
    communes: string[],
    partners: string[],
    published: boolean,
  ) => {
    const [row] = await db
      .insert(partnerships)
      .values({ title, mode, communeCodes: communes, publishedAt: published ? new Date() : null })
      .returning({ id: partnerships.id });
    if (!row) throw new Error('partnership not inserted');
    await db.insert(partnershipPartners).values(partners.map((actorId) => ({ partnershipId: row.id, actorId })));
    return row.id;
  };
  const [user] = await db
    .insert(users)
    .values({ email: `eval-${Math.random()}@test.local`, displayName: 'Animatrice', role: 'animator' })
    .returning({ id: users.id });
  if (!user) throw new Error('user not inserted');
  const staff: CurrentUser = {
    id: user.id,
    email: '',
    displayName: 'Animatrice',
    role: 'animator',
    actorId: null,
    locale: 'fr',
  };
  return {
    staff,
    programmeId: programme.id,
    aixTerritory: aix.id,
    pertuisTerritory: pertuis.id,
    seedingPhase: phase.id,
    actors: { asso, company, pertuisCompany, town, farA, farB },
    partnerships: {
      aix: await partnership('Partenariat aixois', 'support', ['13001'], [asso, company], true),
      pertuis: await partnership(
        'Partenariat pertuisien',
        'economicCooperation',
        ['84089'],
        [pertuisCompany, town],
        false,
      ),
      far: await partnership('Partenariat lointain', 'support', ['75056'], [farA, farB], true),
    },
    partnership: (title, communes, partners, published) => partnership(title, 'support', communes, partners, published),
    open: (partnershipId, year) => openEvaluation(db, staff, partnershipId, { year }),
    answer: (evaluationId, actorId, input) => answerEvaluation(db, staff, evaluationId, actorId, input),
    indicators: async (evaluationId, chosen) => {
      await setIndicators(db, staff, evaluationId, { indicators: chosen });
      for (const { key, measured, evidence } of chosen) {
        if (measured !== undefined || evidence) {
          await measureIndicator(db, staff, evaluationId, key, { measured, evidence });
        }
      }
    },
  };
}
