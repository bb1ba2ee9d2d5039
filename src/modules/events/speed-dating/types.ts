// Speed dating (issue 5): the scheduler's input and output, and their normalised internal form.

export interface Participant {
  id: string;
  /** e.g. 'association' | 'company'; any string. Under the two-sided rule there must be at most two sides. */
  side: string;
}

/** Interest between two participants. Given in both directions, the two weights are added (mutual interest). */
export interface Interest {
  a: string;
  b: string;
  weight: number;
}

export type MeetingRule = 'two-sided' | 'one-sided';

export interface SchedulerInput {
  participants: Participant[];
  interests: Interest[];
  rounds: number;
  tables: number;
  rule: MeetingRule;
}

export interface Meeting {
  a: string;
  b: string;
  /** 1-based table number within the round. */
  table: number;
  weight: number;
}

export interface Round {
  /** 1-based. */
  round: number;
  meetings: Meeting[];
  /** Participants without a meeting in this round, in input order. */
  breaks: string[];
}

export interface Schedule {
  rounds: Round[];
  /** Total interest of the meetings held (sum of their weights). */
  interest: number;
  /**
   * Two-sided: the flow optimum (interest = bound). One-sided: the double-cover upper bound (see README in the docs).
   * Both in the input's units, computed on the integer-scaled weights (exact when weights are integers ≤ 10⁶).
   */
  bound: number;
  /** True when the schedule is proven optimal (two-sided). */
  optimal: boolean;
}

/** Bad scheduler input: names the field. */
export class SchedulerInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'SchedulerInputError';
  }
}

/** Participants as indices 0..n-1 (input order), allowed pairs as parallel typed arrays (u < v, or u on side A). */
export interface Instance {
  ids: string[];
  n: number;
  rounds: number;
  tables: number;
  rule: MeetingRule;
  /** Two-sided: true for the participants of the first side (the side of the first participant). */
  sideA: Uint8Array;
  u: Int32Array;
  v: Int32Array;
  /** Original weights (sum of both directions). */
  weight: Float64Array;
  /** Integer-scaled weights used by the flow (weight × scale, rounded). */
  cost: Int32Array;
  scale: number;
}
