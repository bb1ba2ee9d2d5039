import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceColours, colourEdges } from './colouring.js';

/** A random simple bipartite graph of maximum degree ≤ R. */
const bipartite = fc
  .record({
    left: fc.integer({ min: 1, max: 15 }),
    right: fc.integer({ min: 1, max: 15 }),
    rounds: fc.integer({ min: 1, max: 6 }),
  })
  .chain(({ left, right, rounds }) =>
    fc
      .array(fc.tuple(fc.integer({ min: 0, max: left - 1 }), fc.integer({ min: 0, max: right - 1 })), {
        maxLength: 120,
      })
      .map((pairs) => {
        const degree = new Array<number>(left + right).fill(0);
        const seen = new Set<string>();
        const edges: [number, number][] = [];
        for (const [a, b] of pairs) {
          const key = `${a}|${b}`;
          if (seen.has(key) || (degree[a] ?? 0) >= rounds || (degree[left + b] ?? 0) >= rounds) continue;
          seen.add(key);
          degree[a] = (degree[a] ?? 0) + 1;
          degree[left + b] = (degree[left + b] ?? 0) + 1;
          edges.push([a, left + b]);
        }
        return { vertices: left + right, rounds, edges };
      }),
  );

describe('colourEdges + balanceColours', () => {
  it('colours every edge of a bipartite graph of max degree ≤ R with R colours, properly and equitably', () => {
    fc.assert(
      fc.property(bipartite, ({ vertices, rounds, edges }) => {
        const u = Int32Array.from(edges, ([a]) => a);
        const v = Int32Array.from(edges, ([, b]) => b);
        const colouring = colourEdges(
          vertices,
          u,
          v,
          rounds,
          Int32Array.from(edges, (_, k) => k),
        );
        const size = balanceColours(u, v, rounds, colouring);
        const { colour } = colouring;
        const used = new Set<string>();
        for (let e = 0; e < edges.length; e++) {
          const c = colour[e] as number;
          expect(c).toBeGreaterThanOrEqual(0);
          for (const x of [u[e], v[e]]) {
            expect(used.has(`${x}|${c}`)).toBe(false);
            used.add(`${x}|${c}`);
          }
        }
        const sizes = [...size];
        expect(sizes.reduce((s, x) => s + x, 0)).toBe(edges.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        for (let c = 0; c < rounds; c++) expect(size[c]).toBe([...colour].filter((x) => x === c).length);
      }),
      { numRuns: 300 },
    );
  });
});
