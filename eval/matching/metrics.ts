// Ranking metrics of the matching harness, with binary relevance: a ranked list of actor ids against the set of ids
// judged relevant for the query. Each is computed per query, then averaged over queries (macro-average).

/** Share of the first k results that are relevant (the list counts as k long even when it is shorter). */
export function precisionAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (k <= 0) return 0;
  return ranked.slice(0, k).filter((id) => relevant.has(id)).length / k;
}

/** Share of the relevant ids found in the first k results; 0 when nothing is relevant. */
export function recallAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (relevant.size === 0) return 0;
  return ranked.slice(0, k).filter((id) => relevant.has(id)).length / relevant.size;
}

/**
 * Normalised discounted cumulative gain at k: the gains 1/log2(rank + 1) of the relevant results in the first k,
 * over those of the ideal list (every relevant id first, at most k of them).
 */
export function ndcgAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  const ideal = Math.min(k, relevant.size);
  if (ideal === 0) return 0;
  const gain = (rank: number) => 1 / Math.log2(rank + 1);
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => {
    if (relevant.has(id)) dcg += gain(i + 1);
  });
  let idcg = 0;
  for (let rank = 1; rank <= ideal; rank++) idcg += gain(rank);
  return dcg / idcg;
}

/** 1 / the rank of the first relevant result (0 when none is in the list). */
export function reciprocalRank(ranked: readonly string[], relevant: ReadonlySet<string>): number {
  const i = ranked.findIndex((id) => relevant.has(id));
  return i < 0 ? 0 : 1 / (i + 1);
}

export interface QueryScores {
  p5: number;
  r10: number;
  ndcg10: number;
  mrr: number;
}

/** The harness's metrics of one query. */
export function scoreQuery(ranked: readonly string[], relevant: ReadonlySet<string>): QueryScores {
  return {
    p5: precisionAt(ranked, relevant, 5),
    r10: recallAt(ranked, relevant, 10),
    ndcg10: ndcgAt(ranked, relevant, 10),
    mrr: reciprocalRank(ranked, relevant),
  };
}

/** Macro-average: the mean of each metric over the queries (zeros when there is none). */
export function macroAverage(scores: readonly QueryScores[]): QueryScores {
  const mean = (key: keyof QueryScores) =>
    scores.length === 0 ? 0 : scores.reduce((sum, s) => sum + s[key], 0) / scores.length;
  return { p5: mean('p5'), r10: mean('r10'), ndcg10: mean('ndcg10'), mrr: mean('mrr') };
}
