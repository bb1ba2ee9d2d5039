// `npm run bench -- --part scheduler`: the speed-dating scheduler (issue 5) on random instances, no database.
// Two-sided and one-sided, 200 participants × 10 rounds and 1 000 × 12, T = participants / 2 (and a variant with
// T = participants / 4 where tables bind), integer interests 0–100. Times the scheduler and the greedy baseline and
// checks every constraint of the schedules.
import { greedyRounds } from '../src/modules/events/speed-dating/greedy.js';
import { buildInstance } from '../src/modules/events/speed-dating/instance.js';
import { toSchedule } from '../src/modules/events/speed-dating/rounds.js';
import { scheduleInstance } from '../src/modules/events/speed-dating/schedule.js';
import { randomInstance, violations } from '../src/modules/events/speed-dating/testing.js';
import type { MeetingRule } from '../src/modules/events/speed-dating/types.js';

export interface SchedulerCase {
  rule: MeetingRule;
  participants: number;
  rounds: number;
  tables: number;
  density: number;
  pairs: number;
  /** Scheduler (flow, colouring, rounds) in milliseconds, normalisation of the input included. */
  ms: number;
  greedyMs: number;
  meetings: number;
  interest: number;
  bound: number;
  greedyInterest: number;
  /** Both schedules satisfy every constraint. */
  valid: boolean;
  /** Time target in milliseconds (issue 5), when one applies. */
  targetMs: number | null;
}

const cases: { rule: MeetingRule; participants: number; rounds: number; tablesDivisor: number; density: number }[] = [
  { rule: 'two-sided', participants: 200, rounds: 10, tablesDivisor: 2, density: 1 },
  { rule: 'one-sided', participants: 200, rounds: 10, tablesDivisor: 2, density: 0.5 },
  { rule: 'two-sided', participants: 1000, rounds: 12, tablesDivisor: 2, density: 1 },
  { rule: 'one-sided', participants: 1000, rounds: 12, tablesDivisor: 2, density: 0.5 },
  { rule: 'two-sided', participants: 1000, rounds: 12, tablesDivisor: 4, density: 1 },
  { rule: 'one-sided', participants: 1000, rounds: 12, tablesDivisor: 4, density: 0.5 },
];

export function runScheduler(log: (line: string) => void, seed = 5): SchedulerCase[] {
  const results: SchedulerCase[] = [];
  for (const c of cases) {
    const tables = Math.floor(c.participants / c.tablesDivisor);
    const input = randomInstance({
      participants: c.participants,
      rounds: c.rounds,
      tables,
      rule: c.rule,
      density: c.density,
      maxWeight: 100,
      seed,
    });
    const started = performance.now();
    const instance = buildInstance(input);
    const schedule = scheduleInstance(instance);
    const ms = performance.now() - started;
    const greedyStarted = performance.now();
    const greedy = toSchedule(buildInstance(input), greedyRounds(instance), schedule.bound, false);
    const greedyMs = performance.now() - greedyStarted;
    const valid = violations(input, schedule).length === 0 && violations(input, greedy).length === 0;
    const result: SchedulerCase = {
      rule: c.rule,
      participants: c.participants,
      rounds: c.rounds,
      tables,
      density: c.density,
      pairs: instance.u.length,
      ms,
      greedyMs,
      meetings: schedule.rounds.reduce((s, r) => s + r.meetings.length, 0),
      interest: schedule.interest,
      bound: schedule.bound,
      greedyInterest: greedy.interest,
      valid,
      targetMs:
        c.participants === 200 && c.rounds === 10 ? 2_000 : c.participants === 1000 && c.rounds === 12 ? 20_000 : null,
    };
    results.push(result);
    log(
      `${c.rule.padEnd(9)} ${c.participants} × ${c.rounds} rounds, ${tables} tables, ${result.pairs} pairs: ` +
        `${(ms / 1000).toFixed(2)} s, interest / bound ${(result.interest / result.bound).toFixed(4)}, greedy ` +
        `${(result.greedyInterest / result.bound).toFixed(4)}${valid ? '' : ' INVALID'}`,
    );
  }
  return results;
}
