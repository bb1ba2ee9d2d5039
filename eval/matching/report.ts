// The harness's results as Markdown: printed, and written between the `bench:eval-matching` markers of
// docs/benchmarks.md by bench/report.ts's writeSection (the prose around the markers is kept as it is).
import { macroAverage, type QueryScores } from './metrics.js';
import { componentsLine, type QueryResult } from './run.js';

export interface SetResult {
  key: 'seeds' | 'synthetic';
  title: string;
  size: string;
  results: QueryResult[];
}

export interface RunInfo {
  date: string;
  cpu: string;
  cores: number;
  node: string;
  seconds: number;
}

const f = (x: number) => x.toFixed(3);

/** A Markdown table padded as biome formats it, so that `npm run lint` accepts the page as generated. */
export function table(header: string[], right: boolean[], rows: string[][]): string[] {
  const width = (text: string) => [...text].length;
  const widths = header.map((h, i) => Math.max(3, width(h), ...rows.map((row) => width(row[i] ?? ''))));
  const pad = (text: string, i: number) => {
    const room = (widths[i] ?? 0) - width(text);
    return right[i] ? ' '.repeat(room) + text : text + ' '.repeat(room);
  };
  const line = (cells: string[]) => `| ${cells.map((c, i) => pad(c, i)).join(' | ')} |`;
  const rule = widths.map((w, i) => (right[i] ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w)));
  return [line(header), `| ${rule.join(' | ')} |`, ...rows.map(line)];
}

const scoreCells = (s: QueryScores) => [f(s.p5), f(s.r10), f(s.ndcg10), f(s.mrr)];

export function summaryTable(sets: SetResult[]): string[] {
  const all = sets.flatMap((s) => s.results);
  const rows = sets.map((s) => [
    s.title,
    s.size,
    String(s.results.length),
    ...scoreCells(macroAverage(s.results.map((r) => r.scores))),
  ]);
  rows.push(['overall', '', String(all.length), ...scoreCells(macroAverage(all.map((r) => r.scores)))]);
  return table(
    ['set', 'data', 'queries', 'precision@5', 'recall@10', 'nDCG@10', 'MRR'],
    [false, false, true, true, true, true, true],
    rows,
  );
}

const rankText = (rank: number | null) => (rank === null ? 'not retrieved' : `#${rank}`);

/** One row per query: its scores and where each relevant actor landed. */
export function perQueryTable(results: QueryResult[]): string[] {
  return table(
    ['query', 'relevant', 'P@5', 'R@10', 'nDCG@10', 'ranks of the relevant actors'],
    [false, true, true, true, true, false],
    results.map((r) => [
      r.query.id,
      String(r.query.relevant.size),
      ...scoreCells(r.scores).slice(0, 3),
      r.relevantRanks
        .slice()
        .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9))
        .map((x) => `${x.name} ${rankText(x.rank)}`)
        .join(', '),
    ]),
  );
}

/** The synthetic set's misses: where the planted partner landed, and who came first. */
export function missesList(results: QueryResult[]): string[] {
  const missed = results.filter((r) => r.scores.r10 < 1);
  if (!missed.length) return ['No miss: every planted partner is in its need’s top 10.'];
  return missed.map((r) => {
    const x = r.relevantRanks[0];
    const first = r.pool[0];
    return (
      `- ${r.query.id}: ${x?.name} ${rankText(x?.rank ?? null)}` +
      `${x?.candidate ? ` (${componentsLine(x.candidate)})` : ''}; first: ${first?.name}` +
      `${first ? ` (${componentsLine(first.candidate)})` : ''}`
    );
  });
}

export function matchingSection(run: RunInfo, sets: SetResult[]): string {
  const lines = [
    `Run of ${run.date}: ${run.cpu}, ${run.cores} cores, Node.js ${run.node}, PGlite (embedded), ` +
      `${run.seconds.toFixed(0)} s in all. Metrics are macro-averages over the queries; MRR (mean reciprocal rank of ` +
      'the first relevant actor) is given as well.',
    '',
    ...summaryTable(sets),
    '',
  ];
  for (const s of sets) {
    if (s.key === 'seeds') {
      lines.push(`Per query, « ${s.title} »:`, '', ...perQueryTable(s.results), '');
    } else {
      lines.push(`Misses of « ${s.title} » (planted partner outside the top 10):`, '', ...missesList(s.results), '');
    }
  }
  const mismatches = sets.flatMap((s) => s.results).filter((r) => r.mismatch).length;
  lines.push(
    mismatches
      ? `**${mismatches} queries where suggestPartners' top 10 differs from the scored pool's first 10.**`
      : 'Check: for every query, suggestPartners’ top 10 is the scored pool’s first 10.',
  );
  return lines.join('\n');
}
