// The speed-dating scheduler (issue 5): maximise the total interest of the meetings held over R rounds of T tables.
//
// Two-sided: a maximum-weight b-matching (degree ≤ R, at most R·T meetings) by min-cost flow
//   source → side A (cap R) → pair (cap 1, cost −w) → side B (cap R) → sink, total flow ≤ R·T,
// then an equitable R-edge-colouring of the chosen meetings (König + Kempe-chain balancing): exactly optimal.
// One-sided: the same flow on the bipartite double cover (each participant x as x′ and x″; pair {x,y} gives x′→y″
//   and y′→x″; total ≤ 2·R·T): half its optimum is an upper bound (any schedule doubles into a feasible double-cover
//   flow), equal to the best half-integral (fractional) b-matching. Meetings are taken by (flow value, weight),
//   coloured with R colours (edges no Kempe chain fits are dropped), balanced, then free seats are filled greedily.
import { balanceColours, colourEdges } from './colouring.js';
import { MinCostFlow } from './flow.js';
import { byWeight, greedyRounds } from './greedy.js';
import { buildInstance } from './instance.js';
import { toSchedule } from './rounds.js';
import type { Instance, Schedule, SchedulerInput } from './types.js';

export interface SchedulerResult {
  schedule: Schedule;
  /** The greedy round-by-round baseline on the same input. */
  greedy: Schedule;
}

/** Flow optimum of the two-sided instance: chosen edges and the optimum in integer-scaled units. */
export function twoSidedOptimum(instance: Instance): { chosen: Uint8Array; optimum: number } {
  const { n, rounds, tables, u, v, cost } = instance;
  const m = u.length;
  const s = n;
  const t = n + 1;
  const flow = new MinCostFlow(n + 2, m + n);
  const edgeOf = new Int32Array(m);
  for (let e = 0; e < m; e++) edgeOf[e] = flow.addEdge(u[e] as number, v[e] as number, 1, -(cost[e] as number));
  for (let x = 0; x < n; x++) {
    if (instance.sideA[x]) flow.addEdge(s, x, rounds, 0);
    else flow.addEdge(x, t, rounds, 0);
  }
  // Initial potentials: shortest distances in the DAG s → A → B → t.
  const potential = new Float64Array(n + 2);
  for (let e = 0; e < m; e++) {
    const b = v[e] as number;
    potential[b] = Math.min(potential[b] as number, -(cost[e] as number));
  }
  for (let x = 0; x < n; x++)
    if (!instance.sideA[x]) potential[t] = Math.min(potential[t] as number, potential[x] as number);
  const result = flow.augmentNegative(s, t, rounds * tables, potential);
  const chosen = new Uint8Array(m);
  for (let e = 0; e < m; e++) chosen[e] = flow.flowOn(edgeOf[e] as number) > 0 ? 1 : 0;
  return { chosen, optimum: result.cost === 0 ? 0 : -result.cost };
}

/** Double-cover flow: the upper bound (integer-scaled units, halved) and each pair's flow value 0, 1 or 2. */
export function oneSidedBound(instance: Instance): { value: Uint8Array; bound: number } {
  const { n, rounds, tables, u, v, cost } = instance;
  const m = u.length;
  const s = 2 * n;
  const t = 2 * n + 1;
  const flow = new MinCostFlow(2 * n + 2, 2 * m + 2 * n);
  const forward = new Int32Array(m);
  const backward = new Int32Array(m);
  const potential = new Float64Array(2 * n + 2);
  for (let e = 0; e < m; e++) {
    const a = u[e] as number;
    const b = v[e] as number;
    const c = cost[e] as number;
    forward[e] = flow.addEdge(a, n + b, 1, -c);
    backward[e] = flow.addEdge(b, n + a, 1, -c);
    potential[n + a] = Math.min(potential[n + a] as number, -c);
    potential[n + b] = Math.min(potential[n + b] as number, -c);
  }
  for (let x = 0; x < n; x++) {
    flow.addEdge(s, x, rounds, 0);
    flow.addEdge(n + x, t, rounds, 0);
    potential[t] = Math.min(potential[t] as number, potential[n + x] as number);
  }
  const result = flow.augmentNegative(s, t, 2 * rounds * tables, potential);
  const value = new Uint8Array(m);
  for (let e = 0; e < m; e++) value[e] = flow.flowOn(forward[e] as number) + flow.flowOn(backward[e] as number);
  return { value, bound: result.cost === 0 ? 0 : -result.cost / 2 };
}

/** Colours the chosen edges into rounds (heaviest first), balances the rounds; returns the round of each edge. */
function assignRounds(instance: Instance, chosen: Uint8Array, order: Int32Array): Int32Array {
  const { n, rounds, u, v } = instance;
  const picked = Int32Array.from(Array.prototype.filter.call(order, (e: number) => chosen[e] === 1) as number[]);
  const round = new Int32Array(u.length).fill(-1);
  if (rounds === 0) return round;
  const su = new Int32Array(picked.length);
  const sv = new Int32Array(picked.length);
  picked.forEach((e, k) => {
    su[k] = u[e] as number;
    sv[k] = v[e] as number;
  });
  const colouring = colourEdges(
    n,
    su,
    sv,
    rounds,
    Int32Array.from(picked, (_, k) => k),
  );
  balanceColours(su, sv, rounds, colouring);
  picked.forEach((e, k) => {
    round[e] = colouring.colour[k] as number;
  });
  return round;
}

/** Fills free seats: unused pairs by weight, into any round where both are free and a table is left. */
function fill(instance: Instance, round: Int32Array, order: Int32Array): void {
  const { n, rounds, tables, u, v } = instance;
  const degree = new Int32Array(n);
  const busy = new Uint8Array(n * rounds);
  const held = new Int32Array(rounds);
  for (let e = 0; e < round.length; e++) {
    const r = round[e] as number;
    if (r < 0) continue;
    degree[u[e] as number] = (degree[u[e] as number] as number) + 1;
    degree[v[e] as number] = (degree[v[e] as number] as number) + 1;
    busy[(u[e] as number) * rounds + r] = 1;
    busy[(v[e] as number) * rounds + r] = 1;
    held[r] = (held[r] as number) + 1;
  }
  for (let k = 0; k < order.length; k++) {
    const e = order[k] as number;
    if ((round[e] as number) >= 0) continue;
    const a = u[e] as number;
    const b = v[e] as number;
    if ((degree[a] as number) >= rounds || (degree[b] as number) >= rounds) continue;
    for (let r = 0; r < rounds; r++) {
      if ((held[r] as number) >= tables || busy[a * rounds + r] || busy[b * rounds + r]) continue;
      round[e] = r;
      busy[a * rounds + r] = 1;
      busy[b * rounds + r] = 1;
      held[r] = (held[r] as number) + 1;
      degree[a] = (degree[a] as number) + 1;
      degree[b] = (degree[b] as number) + 1;
      break;
    }
  }
}

export function scheduleInstance(instance: Instance): Schedule {
  const order = byWeight(instance);
  if (instance.rule === 'two-sided') {
    const { chosen, optimum } = twoSidedOptimum(instance);
    const round = assignRounds(instance, chosen, order);
    for (let e = 0; e < round.length; e++)
      if (chosen[e] && (round[e] as number) < 0) throw new Error('bipartite colouring failed');
    return toSchedule(instance, round, optimum / instance.scale, true);
  }
  const { value, bound } = oneSidedBound(instance);
  // Degree-feasible selection, by flow value then weight (order is by weight; a stable pass per value).
  const { n, rounds, tables, u, v } = instance;
  const chosen = new Uint8Array(u.length);
  const degree = new Int32Array(n);
  let count = 0;
  for (const level of [2, 1]) {
    for (let k = 0; k < order.length && count < rounds * tables; k++) {
      const e = order[k] as number;
      if (value[e] !== level) continue;
      const a = u[e] as number;
      const b = v[e] as number;
      if ((degree[a] as number) >= rounds || (degree[b] as number) >= rounds) continue;
      chosen[e] = 1;
      degree[a] = (degree[a] as number) + 1;
      degree[b] = (degree[b] as number) + 1;
      count++;
    }
  }
  const round = assignRounds(instance, chosen, order);
  fill(instance, round, order);
  return toSchedule(instance, round, bound / instance.scale, false);
}

/** Schedules the meetings, with the greedy round-by-round baseline beside. Deterministic for the same input. */
export function scheduleSpeedDating(input: SchedulerInput): SchedulerResult {
  const instance = buildInstance(input);
  const schedule = scheduleInstance(instance);
  const greedy = toSchedule(instance, greedyRounds(instance), schedule.bound, false);
  return { schedule, greedy };
}
