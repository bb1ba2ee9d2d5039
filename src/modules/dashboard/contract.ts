// Shared by server and web: the programme's dashboard (issue 8, point 3), for readers (staff and the steering
// committee) and, with public figures only, for anyone. The answer is `Dashboard` (figures.ts), checked here.
import { z } from 'zod';
import { readers } from '../../auth/roles.js';
import { defineRoute, idParams } from '../../http/contract.js';
import { allianceStatuses } from '../alliances/vocabulary.js';
import { challengeStatuses } from '../dialogue/vocabulary.js';
import { type EvaluationDimension, evaluationDimensions } from '../evaluation/vocabulary.js';
import { eventKinds } from '../events/vocabulary.js';
import { partnershipModes, partnershipSteps } from '../partnerships/vocabulary.js';
import { actorFamilies } from '../reference/families.js';
import type { Dashboard } from './figures.js';
import { audiences, figureFilters } from './filters.js';

const count = z.number().int().min(0);
const amount = z.number();
const nullableScore = z.number().nullable();
const eventCounts = { held: count, attendance: count };
// Readers only: the public gets the secured amounts alone (figures/funding.ts).
const fundingAmounts = { requested: amount.optional(), secured: amount, paid: amount.optional() };
const volunteerAmounts = { hours: amount, value: amount, unvaluedHours: amount };

const contributionCounts = { proposals: count, comments: count, supports: count, pledges: count };

const participationFiguresSchema = z.object({
  totals: z.object({ ...contributionCounts, contributions: count, participants: count }),
  byFamily: z.array(z.object({ family: z.enum(actorFamilies), ...contributionCounts })),
  byCommune: z.array(z.object({ code: z.string().nullable(), name: z.string().nullable(), ...contributionCounts })),
  byChallenge: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      status: z.enum(challengeStatuses).exclude(['draft']),
      territoryId: z.uuid().nullable(),
      territoryName: z.string().nullable(),
      ...contributionCounts,
      answered: count,
      accepted: count,
      converted: count,
    }),
  ),
});

const dimensionScores = z.object(
  Object.fromEntries(evaluationDimensions.map((d) => [d, nullableScore])) as Record<
    EvaluationDimension,
    typeof nullableScore
  >,
);

const evaluationFiguresSchema = z.object({
  evaluatedPartnerships: count,
  evaluations: count,
  responses: count,
  dimensions: dimensionScores,
  overall: nullableScore,
  byYear: z.array(
    z.object({
      year: z.number().int(),
      evaluatedPartnerships: count,
      responses: count,
      dimensions: dimensionScores,
      overall: nullableScore,
    }),
  ),
  indicators: z.array(
    z.object({
      key: z.string(),
      labelFr: z.string(),
      labelEn: z.string(),
      unitFr: z.string(),
      unitEn: z.string(),
      baseline: z.number().nullable(),
      target: z.number().nullable(),
      measured: z.number().nullable(),
      evaluations: count,
    }),
  ),
  objectives: z.object({
    total: count,
    met: count,
    partlyMet: count,
    notMet: count,
    metPercent: z.number().nullable(),
  }),
  balance: z.object({
    responses: count,
    average: z.number().nullable(),
    distribution: z.tuple([count, count, count, count, count]),
  }),
});

export const dashboardSchema = z.object({
  programme: z.object({ id: z.uuid(), name: z.string() }),
  audience: z.enum(audiences),
  filters: z.object({
    territoryId: z.uuid().nullable(),
    phaseId: z.uuid().nullable(),
    year: z.number().int().nullable(),
  }),
  territories: z.array(z.object({ id: z.uuid().nullable(), name: z.string() })),
  phases: z.array(z.object({ id: z.uuid(), name: z.string(), startsOn: z.string(), endsOn: z.string() })),
  years: z.array(z.number().int()),
  keyFigures: z.object({
    participants: count,
    directoryActors: count,
    partnerships: count,
    alliances: count,
    eventsHeld: count,
    attendance: count,
    fundingSecured: amount,
    volunteerValue: amount,
    averageScore: nullableScore,
    dialogueContributions: count,
  }),
  actors: z.object({
    participants: z.array(z.object({ family: z.enum(actorFamilies), territoryId: z.uuid().nullable(), count })),
    participantsTotal: count,
    participantsByYear: z.array(z.object({ year: z.number().int(), count })),
    directory: z.array(z.object({ family: z.enum(actorFamilies), count })),
    directoryTotal: count,
  }),
  partnerships: z.object({
    total: count,
    byModeAndStep: z.array(z.object({ mode: z.enum(partnershipModes), step: z.enum(partnershipSteps), count })),
    byModeAndYear: z.array(z.object({ mode: z.enum(partnershipModes), year: z.number().int(), count })),
    byModeAndPhase: z.array(z.object({ mode: z.enum(partnershipModes), phaseId: z.uuid(), count })),
  }),
  alliances: z.object({
    total: count,
    byStatus: z.array(z.object({ status: z.enum(allianceStatuses), count })),
    averageMembers: z.number().nullable(),
    alliances: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        status: z.enum(allianceStatuses),
        members: count,
        partnerships: count,
        startsOn: z.string().nullable(),
      }),
    ),
  }),
  events: z.object({
    ...eventCounts,
    byKind: z.array(z.object({ kind: z.enum(eventKinds), ...eventCounts })),
    byYear: z.array(z.object({ year: z.number().int(), ...eventCounts })),
    byPhase: z.array(z.object({ phaseId: z.uuid(), ...eventCounts })),
  }),
  funding: z.object({
    ...fundingAmounts,
    byYear: z.array(z.object({ year: z.number().int(), ...fundingAmounts })),
    budget: z.object({ forecast: amount, funded: amount, expected: amount, remaining: amount }).optional(),
  }),
  volunteers: z.object({
    ...volunteerAmounts,
    byYear: z.array(z.object({ year: z.number().int(), ...volunteerAmounts })),
    byPhase: z.array(z.object({ phaseId: z.uuid(), ...volunteerAmounts })),
  }),
  evaluation: evaluationFiguresSchema,
  sdgs: z.object({
    bySdg: z.array(
      z.object({
        number: z.number().int(),
        labelFr: z.string(),
        labelEn: z.string(),
        color: z.string(),
        actors: count,
        partnerships: count,
        projects: count,
        alliances: count,
      }),
    ),
    covered: count,
  }),
  map: z.object({
    communes: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        latitude: z.number(),
        longitude: z.number(),
        actors: count,
        partnerships: count,
        events: count,
      }),
    ),
  }),
  dialogue: participationFiguresSchema,
}) satisfies z.ZodType<Dashboard>;

export const dashboardRoutes = {
  get: defineRoute({
    method: 'GET',
    path: '/api/v1/programmes/:id/dashboard',
    summary: 'The programme’s dashboard: every figure, for a territory, a phase or a year',
    tags: ['dashboard'],
    access: readers,
    params: idParams,
    query: figureFilters,
    response: dashboardSchema,
  }),
  getPublic: defineRoute({
    method: 'GET',
    path: '/api/v1/public/programmes/:id/dashboard',
    summary: 'The programme’s public dashboard: published partnerships and alliances, no personal data',
    tags: ['dashboard'],
    access: 'public',
    params: idParams,
    query: figureFilters,
    response: dashboardSchema,
  }),
};
