// Validation and normalisation of the scheduler's input into an Instance (indices, typed arrays, integer weights).
import { type Instance, type SchedulerInput, SchedulerInputError } from './types.js';

/** Integer weights up to this bound are used as they are; otherwise weights are scaled to `resolution` levels. */
const exactIntegerLimit = 1_000_000;
const defaultResolution = 10_000;

export function buildInstance(input: SchedulerInput, resolution = defaultResolution): Instance {
  const { participants, interests, rounds, tables, rule } = input;
  if (!Number.isInteger(rounds) || rounds < 0) throw new SchedulerInputError('rounds', 'a non-negative integer');
  if (!Number.isInteger(tables) || tables < 0) throw new SchedulerInputError('tables', 'a non-negative integer');
  if (rule !== 'two-sided' && rule !== 'one-sided') throw new SchedulerInputError('rule', "'two-sided' or 'one-sided'");
  const n = participants.length;
  const index = new Map<string, number>();
  const sides: string[] = [];
  participants.forEach((p, i) => {
    if (typeof p.id !== 'string' || index.has(p.id))
      throw new SchedulerInputError(`participants[${i}].id`, 'a unique string');
    index.set(p.id, i);
    if (!sides.includes(p.side)) sides.push(p.side);
  });
  if (rule === 'two-sided' && sides.length > 2)
    throw new SchedulerInputError('participants', `two-sided rule with ${sides.length} sides`);
  const sideA = new Uint8Array(n);
  participants.forEach((p, i) => {
    sideA[i] = p.side === sides[0] ? 1 : 0;
  });

  // Sum both directions per unordered pair; drop self pairs, same-side pairs (two-sided) and zero totals.
  const pairs = new Map<number, number>();
  interests.forEach((it, k) => {
    const a = index.get(it.a);
    const b = index.get(it.b);
    if (a === undefined) throw new SchedulerInputError(`interests[${k}].a`, `unknown participant ${it.a}`);
    if (b === undefined) throw new SchedulerInputError(`interests[${k}].b`, `unknown participant ${it.b}`);
    if (!Number.isFinite(it.weight) || it.weight < 0)
      throw new SchedulerInputError(`interests[${k}].weight`, 'a finite number ≥ 0');
    if (a === b) return;
    if (rule === 'two-sided' && sideA[a] === sideA[b]) return;
    let x = Math.min(a, b);
    let y = Math.max(a, b);
    if (rule === 'two-sided' && sideA[x] !== 1) [x, y] = [y, x];
    const key = x * n + y;
    pairs.set(key, (pairs.get(key) ?? 0) + it.weight);
  });
  const keys = [...pairs.keys()].filter((key) => (pairs.get(key) ?? 0) > 0).sort((p, q) => p - q);
  const m = keys.length;
  const u = new Int32Array(m);
  const v = new Int32Array(m);
  const weight = new Float64Array(m);
  let maxWeight = 0;
  let integral = true;
  keys.forEach((key, e) => {
    u[e] = Math.floor(key / n);
    v[e] = key % n;
    const w = pairs.get(key) ?? 0;
    weight[e] = w;
    if (w > maxWeight) maxWeight = w;
    if (!Number.isInteger(w)) integral = false;
  });
  const scale = integral && maxWeight <= exactIntegerLimit ? 1 : maxWeight > 0 ? resolution / maxWeight : 1;
  const cost = new Int32Array(m);
  for (let e = 0; e < m; e++) cost[e] = Math.round((weight[e] ?? 0) * scale);
  return { ids: participants.map((p) => p.id), n, rounds, tables, rule, sideA, u, v, weight, cost, scale };
}
