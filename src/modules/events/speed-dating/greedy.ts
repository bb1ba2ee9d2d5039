// The greedy round-by-round baseline: each round, the heaviest allowed pairs among free participants, up to T.
import { buildInstance } from './instance.js';
import { toSchedule } from './rounds.js';
import type { Instance, Schedule, SchedulerInput } from './types.js';

/** Edge indices by decreasing weight (ties: input order of the pair), a deterministic order. */
export function byWeight(instance: Instance): Int32Array {
  const order = Int32Array.from({ length: instance.u.length }, (_, e) => e);
  const { weight } = instance;
  return order.sort((p, q) => (weight[q] as number) - (weight[p] as number) || p - q);
}

export function greedyRounds(instance: Instance): Int32Array {
  const { n, rounds, tables, u, v } = instance;
  const round = new Int32Array(u.length).fill(-1);
  const degree = new Int32Array(n);
  const busy = new Int32Array(n).fill(-1);
  const order = byWeight(instance);
  for (let r = 0; r < rounds; r++) {
    let held = 0;
    for (let k = 0; k < order.length && held < tables; k++) {
      const e = order[k] as number;
      if ((round[e] as number) >= 0) continue;
      const a = u[e] as number;
      const b = v[e] as number;
      if (busy[a] === r || busy[b] === r || (degree[a] as number) >= rounds || (degree[b] as number) >= rounds)
        continue;
      round[e] = r;
      busy[a] = r;
      busy[b] = r;
      degree[a] = (degree[a] as number) + 1;
      degree[b] = (degree[b] as number) + 1;
      held++;
    }
  }
  return round;
}

/** The greedy baseline as a schedule; `bound` is left at 0 (see scheduleSpeedDating for the bound). */
export function scheduleGreedy(input: SchedulerInput): Schedule {
  const instance = buildInstance(input);
  return toSchedule(instance, greedyRounds(instance), 0, false);
}
