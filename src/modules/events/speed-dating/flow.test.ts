import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MinCostFlow } from './flow.js';

/** Best total of a partial assignment (each row and column at most once) by enumeration. */
function bestAssignment(weights: number[][]): number {
  const n = weights.length;
  const used = new Array<boolean>(n).fill(false);
  const visit = (row: number): number => {
    if (row === n) return 0;
    let best = visit(row + 1);
    for (let col = 0; col < n; col++) {
      if (used[col]) continue;
      used[col] = true;
      best = Math.max(best, (weights[row]?.[col] ?? 0) + visit(row + 1));
      used[col] = false;
    }
    return best;
  };
  return visit(0);
}

describe('MinCostFlow.augmentNegative', () => {
  it('finds the maximum-weight assignment, stopping at non-negative paths', () => {
    const matrix = fc.integer({ min: 1, max: 6 }).chain((n) =>
      fc.array(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: n, maxLength: n }), {
        minLength: n,
        maxLength: n,
      }),
    );
    fc.assert(
      fc.property(matrix, (weights) => {
        const n = weights.length;
        const flow = new MinCostFlow(2 * n + 2, n * n + 2 * n);
        const s = 2 * n;
        const t = 2 * n + 1;
        const potential = new Float64Array(2 * n + 2);
        for (let i = 0; i < n; i++) {
          flow.addEdge(s, i, 1, 0);
          flow.addEdge(n + i, t, 1, 0);
          for (let j = 0; j < n; j++) {
            const w = weights[i]?.[j] ?? 0;
            flow.addEdge(i, n + j, 1, -w);
            potential[n + j] = Math.min(potential[n + j] as number, -w);
          }
        }
        for (let j = 0; j < n; j++) potential[t] = Math.min(potential[t] as number, potential[n + j] as number);
        const result = flow.augmentNegative(s, t, n, potential);
        expect(0 - result.cost).toBe(bestAssignment(weights));
        expect(result.flow).toBeLessThanOrEqual(n);
      }),
      { numRuns: 200 },
    );
  });

  it('respects the flow limit', () => {
    const flow = new MinCostFlow(4, 5);
    flow.addEdge(0, 1, 5, -3);
    flow.addEdge(0, 2, 5, -1);
    flow.addEdge(1, 3, 5, 0);
    flow.addEdge(2, 3, 5, 0);
    const potential = Float64Array.from([0, -3, -1, -3]);
    expect(flow.augmentNegative(0, 3, 7, potential)).toEqual({ flow: 7, cost: -17 });
  });
});
