import { describe, expect, it } from 'vitest';
import { macroAverage, ndcgAt, precisionAt, recallAt, reciprocalRank, scoreQuery } from './metrics.js';

const rel = (...ids: string[]) => new Set(ids);

describe('ranking metrics of the matching harness', () => {
  const ranked = ['a', 'x', 'b', 'y', 'z', 'c', 'w'];

  it('precision@k counts the relevant among the first k, over k even when the list is shorter', () => {
    expect(precisionAt(ranked, rel('a', 'b', 'c'), 5)).toBeCloseTo(2 / 5);
    expect(precisionAt(ranked, rel('a', 'b', 'c'), 1)).toBe(1);
    expect(precisionAt(['a'], rel('a'), 5)).toBeCloseTo(1 / 5);
    expect(precisionAt(ranked, rel('q'), 5)).toBe(0);
    expect(precisionAt(ranked, rel('a'), 0)).toBe(0);
  });

  it('recall@k is the share of the relevant found in the first k', () => {
    expect(recallAt(ranked, rel('a', 'b', 'c'), 5)).toBeCloseTo(2 / 3);
    expect(recallAt(ranked, rel('a', 'b', 'c'), 10)).toBe(1);
    expect(recallAt(ranked, rel('a', 'b', 'c', 'q'), 10)).toBeCloseTo(3 / 4);
    expect(recallAt(ranked, rel(), 10)).toBe(0);
  });

  it('nDCG@k discounts by log2(rank + 1) against the ideal ordering', () => {
    // Relevant at ranks 1 and 3 of 2 relevant: (1 + 1/2) / (1 + 1/log2(3)).
    expect(ndcgAt(ranked, rel('a', 'b'), 10)).toBeCloseTo(1.5 / (1 + 1 / Math.log2(3)), 10);
    // One relevant at rank 2: 1/log2(3).
    expect(ndcgAt(ranked, rel('x'), 10)).toBeCloseTo(1 / Math.log2(3), 10);
    // A perfect list scores 1; a relevant id beyond k counts nothing.
    expect(ndcgAt(['a', 'b'], rel('a', 'b'), 10)).toBe(1);
    expect(ndcgAt(ranked, rel('w'), 5)).toBe(0);
    // More relevant ids than k: the ideal has k of them, so k relevant in the first k is perfect.
    expect(ndcgAt(['a', 'b'], rel('a', 'b', 'c'), 2)).toBe(1);
  });

  it('reciprocal rank, one query’s scores and their macro-average', () => {
    expect(reciprocalRank(ranked, rel('b', 'c'))).toBeCloseTo(1 / 3);
    expect(reciprocalRank(ranked, rel('q'))).toBe(0);
    const hit = scoreQuery(['p', 'q'], rel('q'));
    expect(hit).toEqual({ p5: 0.2, r10: 1, ndcg10: 1 / Math.log2(3), mrr: 0.5 });
    const miss = scoreQuery(['p', 'q'], rel('r'));
    expect(miss).toEqual({ p5: 0, r10: 0, ndcg10: 0, mrr: 0 });
    const mean = macroAverage([hit, miss]);
    expect(mean.p5).toBeCloseTo(0.1);
    expect(mean.r10).toBeCloseTo(0.5);
    expect(mean.ndcg10).toBeCloseTo(0.5 / Math.log2(3));
    expect(mean.mrr).toBeCloseTo(0.25);
    expect(macroAverage([])).toEqual({ p5: 0, r10: 0, ndcg10: 0, mrr: 0 });
  });
});
