import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scheduleGreedy } from './greedy.js';
import { scheduleSpeedDating } from './schedule.js';
import { bruteForceOptimum, randomInstance, violations } from './testing.js';
import { SchedulerInputError } from './types.js';

const instanceArb = (maxParticipants: number, maxRounds: number, maxTables: number) =>
  fc.record({
    participants: fc.integer({ min: 0, max: maxParticipants }),
    rounds: fc.integer({ min: 0, max: maxRounds }),
    tables: fc.integer({ min: 0, max: maxTables }),
    density: fc.constantFrom(0.2, 0.5, 0.8, 1),
    maxWeight: fc.constantFrom(0, 1, 3, 100),
    seed: fc.integer(),
    sideA: fc.option(fc.integer({ min: 0, max: maxParticipants }), { nil: undefined }),
  });

describe('scheduleSpeedDating: constraints', () => {
  for (const rule of ['two-sided', 'one-sided'] as const) {
    it(`${rule}: no pair twice, nobody double-booked, ≤ T per round, ≤ R each, allowed pairs, interest = sum`, () => {
      fc.assert(
        fc.property(instanceArb(30, 8, 12), (o) => {
          const input = randomInstance({ ...o, rule });
          const { schedule, greedy } = scheduleSpeedDating(input);
          expect(violations(input, schedule)).toEqual([]);
          expect(violations(input, greedy)).toEqual([]);
          expect(schedule.interest).toBeLessThanOrEqual(schedule.bound);
          expect(greedy.interest).toBeLessThanOrEqual(schedule.bound);
        }),
        { numRuns: 150 },
      );
    });
  }
});

describe('two-sided: exact optimum', () => {
  it('equals the flow optimum and the brute-force optimum on small instances; greedy ≤ optimum', () => {
    fc.assert(
      fc.property(instanceArb(10, 3, 3), (o) => {
        // At most 5 per side.
        const sideA = Math.min(5, o.sideA ?? 5);
        const input = randomInstance({ ...o, rule: 'two-sided', sideA });
        input.participants = input.participants.slice(0, sideA + 5);
        const ids = new Set(input.participants.map((p) => p.id));
        input.interests = input.interests.filter((it) => ids.has(it.a) && ids.has(it.b));
        const { schedule, greedy } = scheduleSpeedDating(input);
        expect(violations(input, schedule)).toEqual([]);
        expect(schedule.optimal).toBe(true);
        expect(schedule.interest).toBe(schedule.bound);
        expect(schedule.interest).toBe(bruteForceOptimum(input));
        expect(greedy.interest).toBeLessThanOrEqual(schedule.interest);
      }),
      { numRuns: 300 },
    );
  });

  it('reaches the flow optimum on larger instances, tables binding or not', () => {
    fc.assert(
      fc.property(instanceArb(80, 10, 40), (o) => {
        const input = randomInstance({ ...o, rule: 'two-sided' });
        const { schedule } = scheduleSpeedDating(input);
        expect(violations(input, schedule)).toEqual([]);
        expect(schedule.interest).toBe(schedule.bound);
      }),
      { numRuns: 60 },
    );
  });

  it('non-integer weights: optimal up to the weights’ scaling', () => {
    const input = randomInstance({
      participants: 40,
      rounds: 4,
      tables: 8,
      rule: 'two-sided',
      density: 0.7,
      maxWeight: 100,
      seed: 7,
    });
    for (const it of input.interests) it.weight = it.weight / 7;
    const { schedule, greedy } = scheduleSpeedDating(input);
    expect(violations(input, schedule)).toEqual([]);
    expect(Math.abs(schedule.interest - schedule.bound)).toBeLessThan(1e-3 * schedule.bound);
    expect(greedy.interest).toBeLessThanOrEqual(schedule.interest + 1e-9);
  });
});

describe('one-sided: bound and quality', () => {
  it('the bound is at least the brute-force b-matching optimum on small instances', () => {
    fc.assert(
      fc.property(instanceArb(9, 3, 3), (o) => {
        const input = randomInstance({ ...o, rule: 'one-sided' });
        const { schedule } = scheduleSpeedDating(input);
        const best = bruteForceOptimum(input);
        expect(schedule.interest).toBeLessThanOrEqual(best);
        expect(best).toBeLessThanOrEqual(schedule.bound + 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('reaches ≥ 95 % of the bound on a seeded sample of moderate instances', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const participants = 40 + 10 * seed;
      const input = randomInstance({
        participants,
        rounds: 3 + (seed % 6),
        tables: Math.floor(participants / (seed % 2 ? 2 : 3)),
        rule: 'one-sided',
        density: [0.1, 0.3, 1][seed % 3] ?? 1,
        maxWeight: 100,
        seed,
      });
      const { schedule } = scheduleSpeedDating(input);
      expect(violations(input, schedule)).toEqual([]);
      expect(schedule.interest / schedule.bound, `seed ${seed}`).toBeGreaterThanOrEqual(0.95);
    }
  });
});

describe('scheduleSpeedDating: behaviour', () => {
  it('is deterministic for the same input', () => {
    for (const rule of ['two-sided', 'one-sided'] as const) {
      const input = randomInstance({
        participants: 25,
        rounds: 4,
        tables: 5,
        rule,
        density: 0.6,
        maxWeight: 5,
        seed: 3,
      });
      expect(scheduleSpeedDating(input)).toEqual(scheduleSpeedDating(structuredClone(input)));
    }
  });

  it('gives breaks to the odd one out', () => {
    const input = {
      participants: [
        { id: 'a1', side: 'association' },
        { id: 'a2', side: 'association' },
        { id: 'c1', side: 'company' },
      ],
      interests: [
        { a: 'a1', b: 'c1', weight: 3 },
        { a: 'c1', b: 'a2', weight: 2 },
        { a: 'a1', b: 'a2', weight: 100 },
      ],
      rounds: 2,
      tables: 5,
      rule: 'two-sided' as const,
    };
    const { schedule } = scheduleSpeedDating(input);
    expect(schedule.interest).toBe(5);
    expect(schedule.rounds.map((r) => r.breaks.length)).toEqual([1, 1]);
    // One-sided, the triangle a1–a2–c1 needs three rounds: with two, the lightest pair is left out (Vizing).
    const oneSided = scheduleSpeedDating({ ...input, rule: 'one-sided' }).schedule;
    expect(oneSided.interest).toBe(103);
    expect(oneSided.bound).toBe(105);
  });

  it('adds the two directions of interest', () => {
    const { schedule } = scheduleSpeedDating({
      participants: [
        { id: 'x', side: 's' },
        { id: 'y', side: 't' },
      ],
      interests: [
        { a: 'x', b: 'y', weight: 2 },
        { a: 'y', b: 'x', weight: 3 },
      ],
      rounds: 1,
      tables: 1,
      rule: 'two-sided',
    });
    expect(schedule.rounds[0]?.meetings).toEqual([{ a: 'x', b: 'y', table: 1, weight: 5 }]);
  });

  it('greedy baseline alone respects the constraints', () => {
    const input = randomInstance({
      participants: 30,
      rounds: 5,
      tables: 6,
      rule: 'one-sided',
      density: 0.5,
      maxWeight: 10,
      seed: 11,
    });
    expect(violations(input, scheduleGreedy(input))).toEqual([]);
  });

  it('rejects bad input naming the field', () => {
    const participants = [
      { id: 'a', side: 'association' },
      { id: 'b', side: 'company' },
    ];
    const base = { participants, interests: [], rounds: 2, tables: 1, rule: 'two-sided' as const };
    const field = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return error instanceof SchedulerInputError ? error.field : 'other';
      }
      return null;
    };
    expect(field(() => scheduleSpeedDating({ ...base, rounds: -1 }))).toBe('rounds');
    expect(field(() => scheduleSpeedDating({ ...base, tables: 1.5 }))).toBe('tables');
    expect(field(() => scheduleSpeedDating({ ...base, interests: [{ a: 'a', b: 'z', weight: 1 }] }))).toBe(
      'interests[0].b',
    );
    expect(field(() => scheduleSpeedDating({ ...base, interests: [{ a: 'a', b: 'b', weight: -1 }] }))).toBe(
      'interests[0].weight',
    );
    expect(
      field(() => scheduleSpeedDating({ ...base, participants: [...participants, { id: 'c', side: 'media' }] })),
    ).toBe('participants');
    expect(
      field(() => scheduleSpeedDating({ ...base, participants: [...participants, { id: 'a', side: 'company' }] })),
    ).toBe('participants[2].id');
  });
});
