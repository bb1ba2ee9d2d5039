// Test helpers: random instances (seeded), a schedule checker and a brute-force optimum for small instances.
import type { Interest, MeetingRule, Participant, Schedule, SchedulerInput } from './types.js';

/** mulberry32: a small seeded PRNG. */
export function prng(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomInstance {
  participants: number;
  rounds: number;
  tables: number;
  rule: MeetingRule;
  /** Probability that a pair may meet. */
  density: number;
  maxWeight: number;
  seed: number;
  /** Two-sided: participants of the first side (default: half). */
  sideA?: number;
}

/** Integer weights 0..maxWeight; some pairs absent, some given in both directions. */
export function randomInstance(o: RandomInstance): SchedulerInput {
  const random = prng(o.seed);
  const firstSide = o.sideA ?? Math.ceil(o.participants / 2);
  const participants: Participant[] = Array.from({ length: o.participants }, (_, i) => ({
    id: `p${i}`,
    side: i < firstSide ? 'association' : 'company',
  }));
  const interests: Interest[] = [];
  for (let i = 0; i < o.participants; i++) {
    for (let j = i + 1; j < o.participants; j++) {
      if (o.rule === 'two-sided' && i < firstSide === j < firstSide) continue;
      if (random() >= o.density) continue;
      const weight = Math.floor(random() * (o.maxWeight + 1));
      if (random() < 0.3) {
        const half = Math.floor(weight / 2);
        interests.push({ a: `p${i}`, b: `p${j}`, weight: half }, { a: `p${j}`, b: `p${i}`, weight: weight - half });
      } else interests.push({ a: `p${i}`, b: `p${j}`, weight });
    }
  }
  return { participants, interests, rounds: o.rounds, tables: o.tables, rule: o.rule };
}

/** Mutual weights of the allowed pairs, keyed "a|b" with a < b in input order. */
export function mutualWeights(input: SchedulerInput): Map<string, number> {
  const order = new Map(input.participants.map((p, i) => [p.id, i]));
  const side = new Map(input.participants.map((p) => [p.id, p.side]));
  const weights = new Map<string, number>();
  for (const it of input.interests) {
    if (it.a === it.b) continue;
    if (input.rule === 'two-sided' && side.get(it.a) === side.get(it.b)) continue;
    const [x, y] = (order.get(it.a) ?? 0) < (order.get(it.b) ?? 0) ? [it.a, it.b] : [it.b, it.a];
    weights.set(`${x}|${y}`, (weights.get(`${x}|${y}`) ?? 0) + it.weight);
  }
  return weights;
}

/** Every constraint of issue 5; returns the violations (empty when the schedule is valid). */
export function violations(input: SchedulerInput, schedule: Schedule): string[] {
  const problems: string[] = [];
  const order = new Map(input.participants.map((p, i) => [p.id, i]));
  const weights = mutualWeights(input);
  const met = new Set<string>();
  const count = new Map<string, number>();
  let total = 0;
  if (schedule.rounds.length !== input.rounds) problems.push(`${schedule.rounds.length} rounds`);
  for (const round of schedule.rounds) {
    if (round.meetings.length > input.tables) problems.push(`round ${round.round}: ${round.meetings.length} tables`);
    const seated = new Set<string>();
    round.meetings.forEach((m, k) => {
      if (m.table !== k + 1) problems.push(`round ${round.round}: table ${m.table} at position ${k}`);
      const [x, y] = (order.get(m.a) ?? 0) < (order.get(m.b) ?? 0) ? [m.a, m.b] : [m.b, m.a];
      const key = `${x}|${y}`;
      const w = weights.get(key);
      if (w === undefined || w <= 0) problems.push(`round ${round.round}: ${key} not allowed`);
      else if (w !== m.weight) problems.push(`round ${round.round}: ${key} weight ${m.weight} ≠ ${w}`);
      if (met.has(key)) problems.push(`${key} meet twice`);
      met.add(key);
      for (const p of [m.a, m.b]) {
        if (seated.has(p)) problems.push(`round ${round.round}: ${p} double-booked`);
        seated.add(p);
        count.set(p, (count.get(p) ?? 0) + 1);
      }
      total += m.weight;
    });
    const breaks = input.participants.map((p) => p.id).filter((id) => !seated.has(id));
    if (JSON.stringify(breaks) !== JSON.stringify(round.breaks)) problems.push(`round ${round.round}: breaks`);
  }
  for (const [p, c] of count) if (c > input.rounds) problems.push(`${p}: ${c} meetings`);
  if (Math.abs(total - schedule.interest) > 1e-9 * Math.max(1, total))
    problems.push(`interest ${schedule.interest} ≠ ${total}`);
  return problems;
}

/** Best total weight of a set of allowed pairs with degree ≤ R and at most R·T pairs (branch and bound). */
export function bruteForceOptimum(input: SchedulerInput): number {
  const index = new Map(input.participants.map((p, i) => [p.id, i]));
  const edges = [...mutualWeights(input)]
    .filter(([, w]) => w > 0)
    .map(([key, w]) => {
      const [a, b] = key.split('|') as [string, string];
      return { a: index.get(a) ?? 0, b: index.get(b) ?? 0, w };
    })
    .sort((p, q) => q.w - p.w);
  const suffix = edges.map((_, k) => edges.slice(k).reduce((s, e) => s + e.w, 0));
  const degree = new Array<number>(input.participants.length).fill(0);
  const limit = input.rounds * input.tables;
  let best = 0;
  const visit = (k: number, taken: number, value: number) => {
    if (value > best) best = value;
    if (k === edges.length || taken === limit || value + (suffix[k] ?? 0) <= best) return;
    const e = edges[k];
    if (!e) return;
    if ((degree[e.a] ?? 0) < input.rounds && (degree[e.b] ?? 0) < input.rounds) {
      degree[e.a] = (degree[e.a] ?? 0) + 1;
      degree[e.b] = (degree[e.b] ?? 0) + 1;
      visit(k + 1, taken + 1, value + e.w);
      degree[e.a] = (degree[e.a] ?? 0) - 1;
      degree[e.b] = (degree[e.b] ?? 0) - 1;
    }
    visit(k + 1, taken, value);
  };
  visit(0, 0, 0);
  return best;
}
