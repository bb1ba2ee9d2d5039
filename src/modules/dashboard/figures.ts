// The dashboard's figures (issue 8, point 3), each computed by ONE function over a resolved scope, and reused by the
// annual review: what the charts of the web page and the pictures of the PDF show are the same numbers.
//
// Conventions shared by every figure:
// - `byYear` is per calendar year of the record's own date (oldest first, only years with something);
// - `byPhase` is per phase of the programme whose dates hold the record's date (in the phases' order, every phase
//   listed, zeros included, so that the charts of two scopes line up);
// - the public audience counts public records only (published partnerships and alliances, projects past their draft)
//   and never names a person: no figure below carries a person's name, e-mail or phone, whatever the audience.

import type { AllianceStatus } from '../alliances/vocabulary.js';
import type { ParticipationFigures } from '../dialogue/figures.js';
import type { EvaluationFigures } from '../evaluation/figures.js';
import type { EventKind } from '../events/vocabulary.js';
import type { PartnershipMode, PartnershipStep } from '../partnerships/vocabulary.js';
import type { ActorFamily } from '../reference/families.js';
import type { ResolvedScope } from './scope.js';

export type { ParticipationFigures } from '../dialogue/figures.js';
export type { EvaluationFigures } from '../evaluation/figures.js';

/** A programme's phase, as the `byPhase` series name them. */
export interface PhaseRef {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
}

/** A pilot territory of the programme; null id = programme-wide (no territory). */
export interface TerritoryRef {
  id: string | null;
  name: string;
}

// ---------------------------------------------------------------------------------------------------------------------
// Actors

export interface ActorsFigure {
  /** Programme participants (pilot groups) by family × pilot territory (territoryId null: programme-wide). */
  participants: { family: ActorFamily; territoryId: string | null; count: number }[];
  participantsTotal: number;
  /** Participants by year they joined (joined date known only). */
  participantsByYear: { year: number; count: number }[];
  /** Actors of the directory located in the scope's area (the chosen territory, else the programme's), by family. */
  directory: { family: ActorFamily; count: number }[];
  directoryTotal: number;
}

// ---------------------------------------------------------------------------------------------------------------------
// Partnerships

export interface PartnershipsFigure {
  /** Partnerships in scope (not abandoned), by the year they start (or, without a start date, were created). */
  total: number;
  byModeAndStep: { mode: PartnershipMode; step: PartnershipStep; count: number }[];
  byModeAndYear: { mode: PartnershipMode; year: number; count: number }[];
  byModeAndPhase: { mode: PartnershipMode; phaseId: string; count: number }[];
}

// ---------------------------------------------------------------------------------------------------------------------
// Alliances

export interface AllianceRow {
  id: string;
  name: string;
  status: AllianceStatus;
  /** Direct members and partners of its partnerships, each actor once. */
  members: number;
  partnerships: number;
  startsOn: string | null;
}

export interface AlliancesFigure {
  total: number;
  byStatus: { status: AllianceStatus; count: number }[];
  /** Mean members per alliance, one decimal; null without alliance. */
  averageMembers: number | null;
  alliances: AllianceRow[];
}

// ---------------------------------------------------------------------------------------------------------------------
// Events

export interface EventCounts {
  /** Events held (ended or marked held, not cancelled). */
  held: number;
  /** Checked-in, not cancelled registrations of events not cancelled. */
  attendance: number;
}

export interface EventsFigure extends EventCounts {
  byKind: ({ kind: EventKind } & EventCounts)[];
  byYear: ({ year: number } & EventCounts)[];
  byPhase: ({ phaseId: string } & EventCounts)[];
}

// ---------------------------------------------------------------------------------------------------------------------
// Funding

/** Readers see every amount; the public only what is secured (requests and payments are the funders' business). */
export interface FundingAmounts {
  /** Amount requested by the applications past drafting (submitted, granted, refused, reported); readers only. */
  requested?: number;
  /** Amount granted by the applications secured (granted, reported). */
  secured: number;
  /** Payments received on them; readers only. */
  paid?: number;
}

export interface FundingFigure extends FundingAmounts {
  /** Per budget year (exercice) of the applications. */
  byYear: ({ year: number } & FundingAmounts)[];
  /** The programme's budget in scope (budgetFigures): forecast, funded, expected and left to find; readers only. */
  budget?: { forecast: number; funded: number; expected: number; remaining: number };
}

// ---------------------------------------------------------------------------------------------------------------------
// Volunteer valuation

export interface VolunteerAmounts {
  hours: number;
  /** Euros: hours × the year's rate for the role, else the year's default (valuedHours, budget/volunteers.ts). */
  value: number;
  /** Hours with no rate at all: not valued, shown apart (« non valorisées »), as the budget page does. */
  unvaluedHours: number;
}

export interface VolunteersFigure extends VolunteerAmounts {
  byYear: ({ year: number } & VolunteerAmounts)[];
  byPhase: ({ phaseId: string } & VolunteerAmounts)[];
}

// ---------------------------------------------------------------------------------------------------------------------
// SDGs

export interface SdgRow {
  number: number;
  labelFr: string;
  labelEn: string;
  color: string;
  actors: number;
  partnerships: number;
  projects: number;
  alliances: number;
}

export interface SdgsFigure {
  /** Every SDG of the reference, in number order, zeros included. */
  bySdg: SdgRow[];
  /** SDGs with at least one record. */
  covered: number;
}

// ---------------------------------------------------------------------------------------------------------------------
// Map

export interface CommuneCount {
  code: string;
  name: string;
  latitude: number;
  longitude: number;
  actors: number;
  partnerships: number;
  events: number;
}

export interface MapFigure {
  /** Communes of the area with at least one record and known coordinates, by code. */
  communes: CommuneCount[];
}

// ---------------------------------------------------------------------------------------------------------------------
// The whole dashboard

export interface KeyFigures {
  participants: number;
  directoryActors: number;
  partnerships: number;
  alliances: number;
  eventsHeld: number;
  attendance: number;
  fundingSecured: number;
  volunteerValue: number;
  /** Evaluation overall score 0–100, one decimal; null when nothing was evaluated. */
  averageScore: number | null;
  /** Contributions to the territorial dialogue (proposals, comments, supports, pledges), hidden ones never. */
  dialogueContributions: number;
}

export interface Dashboard {
  programme: { id: string; name: string };
  audience: ResolvedScope['audience'];
  /** The filters applied (echoed) and what the selects offer. */
  filters: { territoryId: string | null; phaseId: string | null; year: number | null };
  territories: TerritoryRef[];
  phases: PhaseRef[];
  years: number[];
  keyFigures: KeyFigures;
  actors: ActorsFigure;
  partnerships: PartnershipsFigure;
  alliances: AlliancesFigure;
  events: EventsFigure;
  funding: FundingFigure;
  volunteers: VolunteersFigure;
  evaluation: EvaluationFigures;
  sdgs: SdgsFigure;
  map: MapFigure;
  /** The territorial dialogue's participation (dialogue/figures.ts). */
  dialogue: ParticipationFigures;
}

export { actorFigures } from './figures/actors.js';
export { allianceFigures } from './figures/alliances.js';
export { dashboard } from './figures/dashboard.js';
export { eventFigures } from './figures/events.js';
export { fundingFigures } from './figures/funding.js';
export { mapFigures } from './figures/map.js';
export { partnershipFigures } from './figures/partnerships.js';
export { programmePhasesOf, programmeTerritoriesOf } from './figures/programme.js';
export { sdgFigures } from './figures/sdgs.js';
export { volunteerFigures } from './figures/volunteers.js';
