// The benchmark's results as Markdown: printed, and written between markers into docs/benchmarks.md (the prose
// around the markers is maintained by hand and kept as it is).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import type { DatabaseKind } from '../src/db/client.js';
import type { Checks, CopyReference, SeedResult } from './engines.js';
import type { CopyTiming, ImportBenchResult } from './imports.js';
import type { MatchingChecks, MatchingSeed, RefreshTiming, SuggestionTimings } from './matching.js';
import type { Stats } from './measure.js';
import type { SchedulerCase } from './scheduler.js';

export interface Machine {
  date: string;
  cpu: string;
  cores: number;
  ramGiB: number;
  os: string;
  node: string;
  loadBefore: number[];
  loadAfter: number[];
}

/** The machine a run is measured on, with its load average before the run. */
export function machineNow(): Omit<Machine, 'loadAfter'> {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
  const debian = fs.existsSync('/etc/debian_version')
    ? ` (Debian ${fs.readFileSync('/etc/debian_version', 'utf8').trim()})`
    : '';
  return {
    date: execFileSync('date', { encoding: 'utf8' }).trim(),
    cpu: cpuinfo.match(/^model name\s*:\s*(.+)$/m)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown CPU',
    cores: os.cpus().length,
    ramGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `Linux ${os.release()}${debian}`,
    node: process.versions.node,
    loadBefore: os.loadavg(),
  };
}

export interface QueryResult {
  key: string;
  label: string;
  path: string;
  /** The tsquery the database resolved the words to (actor_search_query), when there are words. */
  tsquery: string | null;
  total: number;
  http: Stats;
  service: Stats;
}

export interface EngineResult {
  kind: DatabaseKind;
  actors: number;
  location: string;
  version: string;
  settings: Record<string, string>;
  machine: Machine;
  warmups: number;
  runs: number;
  seed: SeedResult | null;
  copy: CopyReference | null;
  checks: Checks;
  bare: Stats;
  queries: QueryResult[];
  /** p95 target in milliseconds, when one applies to this engine and size. */
  target: number | null;
}

export const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const int = (x: number) => Math.round(x).toLocaleString('en').replaceAll(',', ' ');
const ratio = (x: number) => (x >= 100 ? `×${x.toFixed(0)}` : `×${x.toFixed(1)}`);
const seconds = (x: number) => `${(x / 1000).toFixed(1)} s`;

type Align = 'left' | 'right' | 'center';

/** A Markdown table padded as the formatter (biome) writes it, so that `npm run lint` accepts the page as generated. */
export function table(header: string[], align: Align[], rows: string[][]): string[] {
  const width = (text: string) => [...text].length;
  const widths = header.map((h, i) => Math.max(3, width(h), ...rows.map((row) => width(row[i] ?? ''))));
  const pad = (text: string, i: number) => {
    const room = (widths[i] ?? 0) - width(text);
    if (align[i] === 'right') return ' '.repeat(room) + text;
    if (align[i] === 'center') return ' '.repeat(Math.floor(room / 2)) + text + ' '.repeat(Math.ceil(room / 2));
    return text + ' '.repeat(room);
  };
  const line = (cells: string[]) => `| ${cells.map((c, i) => pad(c, i)).join(' | ')} |`;
  const rule = widths.map((w, i) =>
    align[i] === 'right' ? `${'-'.repeat(w - 1)}:` : align[i] === 'center' ? `:${'-'.repeat(w - 2)}:` : '-'.repeat(w),
  );
  return [line(header), `| ${rule.join(' | ')} |`, ...rows.map(line)];
}

export const engineTitle = (kind: DatabaseKind) => (kind === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL server');

export function engineSection(r: EngineResult): string {
  const lines: string[] = [];
  const m = r.machine;
  lines.push(`### ${engineTitle(r.kind)}: ${int(r.actors)} actors`, '');
  lines.push(
    `Run of ${m.date}: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM, ${m.os}, Node.js ${m.node}; load average ` +
      `${m.loadBefore.map((x) => x.toFixed(2)).join(' / ')} before, ${m.loadAfter.map((x) => x.toFixed(2)).join(' / ')} after ` +
      `(1/5/15 min). ${r.version}.`,
    '',
    `Settings: ${Object.entries(r.settings)
      .map(([k, v]) => `\`${k}=${v}\``)
      .join(', ')}.`,
    '',
    `${r.warmups} warm-ups then ${r.runs} timed sequential requests per query (one keep-alive connection), ` +
      'page 1 of 20 results with the facets, anonymous caller.',
    '',
  );
  const header = [
    'query',
    'request',
    'total returned',
    'HTTP p50',
    'HTTP p95',
    'HTTP p99',
    'HTTP mean',
    'service p50',
    'service p95',
    'p50 / bare p50',
  ];
  const align: Align[] = ['left', 'left', ...header.slice(2).map((): Align => 'right')];
  const target = r.target;
  if (target !== null) {
    header.push(`p95 ≤ ${target} ms`);
    align.push('center');
  }
  const rows = r.queries.map((q) => {
    const words = q.tsquery === null ? '' : ` → \`${q.tsquery.replaceAll('|', '\\|')}\``;
    const row = [
      q.label,
      `\`${q.path}\`${words}`,
      int(q.total),
      ms(q.http.p50),
      ms(q.http.p95),
      ms(q.http.p99),
      ms(q.http.mean),
      ms(q.service.p50),
      ms(q.service.p95),
      ratio(q.http.p50 / r.bare.p50),
    ];
    if (target !== null) row.push(q.http.p95 <= target ? 'yes' : '**no**');
    return row;
  });
  const bare = ['bare Fastify route (reference)', '`GET /` → `{}`', '', ms(r.bare.p50), ms(r.bare.p95)];
  bare.push(ms(r.bare.p99), ms(r.bare.mean), '', '', '×1');
  if (target !== null) bare.push('');
  lines.push(
    ...table(header, align, [...rows, bare]),
    '',
    'Times in milliseconds. "total returned" is the `total` of the answer: exact up to 10 000 actors in the directory, ' +
      'an estimate above (see below).',
    '',
  );
  if (r.seed && r.copy) {
    const s = r.seed;
    const c = r.copy;
    const rate = (n: number, t: number) => `${int((n / t) * 1000)} rows/s`;
    const seeding =
      `seeding: INSERT … SELECT in chunks of ${int(s.chunk)} into \`actors\` ` +
      '(generation, 2 generated columns, 12 indexes, foreign key, 2 statement triggers)';
    lines.push(
      ...table(
        ['bulk load', 'time', 'rate', 'ratio to COPY'],
        ['left', 'right', 'right', 'right'],
        [
          [seeding, seconds(s.insertMs), rate(s.actors, s.insertMs), ratio(s.insertMs / c.copyMs)],
          ['then VACUUM ANALYZE (whole database)', seconds(s.vacuumMs), '', ''],
          [
            `reference: generating the same rows alone (\`COPY (SELECT …) TO\`, ${(c.bytes / 2 ** 20).toFixed(0)} MiB)`,
            seconds(c.generateMs),
            rate(s.actors, c.generateMs),
            '',
          ],
          [
            'reference: `COPY … FROM` of those rows into a plain table (no index, no trigger, no generated column)',
            seconds(c.copyMs),
            rate(s.actors, c.copyMs),
            '×1',
          ],
        ],
      ),
      '',
    );
  } else {
    lines.push('Seeding not measured in this run (`--keep` reused an already seeded database).', '');
  }
  const k = r.checks;
  const families = Object.entries(k.familyCounts)
    .sort((a, b) => b[1] - a[1])
    .map(([f, n]) => `${f} ${((100 * n) / k.actors).toFixed(1)} %`)
    .join(', ');
  lines.push(
    `Data checks: ${int(k.actors)} rows, facet total ${int(k.facetTotal)}` +
      `${k.facetTotal === k.actors ? ' (matches)' : ' (**MISMATCH**)'}; lexemes in actor_lexemes ${int(k.lexemes)}; ` +
      `'jazz' counted ${int(k.jazzLexeme)} by the trigger, ${int(k.jazzActors)} by a scan` +
      `${k.jazzLexeme === k.jazzActors ? ' (matches)' : ' (**MISMATCH**)'}; ${families}; ` +
      `${((100 * k.withCommune) / k.actors).toFixed(1)} % with a commune, ` +
      `${((100 * k.pilotTerritory) / k.actors).toFixed(1)} % in the Pays d'Aix.`,
  );
  return lines.join('\n');
}

export interface MatchingResult {
  kind: DatabaseKind;
  actors: number;
  version: string;
  machine: Machine;
  /** The needs and offers' seeding (null when kept from a previous run), and the actors' (null likewise). */
  seed: MatchingSeed | null;
  actorSeed: SeedResult | null;
  checks: MatchingChecks;
  warmups: number;
  runs: number;
  bare: Stats;
  suggestions: SuggestionTimings;
  refreshes: RefreshTiming[];
  targets: { suggestionP95Ms: number; refreshMs: number } | null;
  /** Wall time of this engine's whole run (seeding included), filled at the end. */
  totalMs?: number;
}

const yesNo = (ok: boolean) => (ok ? 'yes' : '**no**');

export function matchingSection(r: MatchingResult): string {
  const m = r.machine;
  const s = r.suggestions;
  const t = r.targets;
  const lines: string[] = [];
  lines.push(`### Matchmaking, ${engineTitle(r.kind)}: ${int(r.actors)} actors`, '');
  lines.push(
    `Run of ${m.date}: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM, ${m.os}, Node.js ${m.node}; load average ` +
      `${m.loadBefore.map((x) => x.toFixed(2)).join(' / ')} before, ${m.loadAfter.map((x) => x.toFixed(2)).join(' / ')} after ` +
      `(1/5/15 min). ${r.version}.`,
    '',
    `Top 10 suggestions for one need (\`GET /api/v1/matching/suggestions?subjectKind=need&subjectId=…&top=10\`, ` +
      `an animator's API token), rotating over ${s.needs} open needs (${s.communes} communes, ${s.resources} ` +
      `resources sought; ${s.returned[0]} to ${s.returned[1]} suggestions each): ${r.warmups} warm-ups then ` +
      `${r.runs} timed sequential requests per line.`,
    '',
  );
  const header = ['measured', 'p50', 'p95', 'p99', 'mean', 'p50 / bare p50'];
  const align: Align[] = ['left', 'right', 'right', 'right', 'right', 'right'];
  if (t) {
    header.push(`p95 ≤ ${t.suggestionP95Ms} ms`);
    align.push('center');
  }
  const row = (label: string, x: Stats, target: boolean) => {
    const cells = [label, ms(x.p50), ms(x.p95), ms(x.p99), ms(x.mean), ratio(x.p50 / r.bare.p50)];
    if (t) cells.push(target ? yesNo(x.p95 <= t.suggestionP95Ms) : '');
    return cells;
  };
  lines.push(
    ...table(header, align, [
      row('HTTP: top 10 for one need', s.http, true),
      row('service: `suggestPartners()` (subject, exclusions, score, cards, reasons)', s.service, false),
      row('query: `scoreCandidates()` alone (retrieval and full score)', s.query, false),
      row('bare Fastify route (reference)', r.bare, false),
    ]),
    '',
    'Times in milliseconds.',
    '',
  );
  if (r.refreshes.length > 0) {
    const rheader = [
      'refresh of the stored suggestions',
      'actors',
      'concurrency',
      'time',
      'per actor',
      'stored',
      'mutual',
    ];
    const ralign: Align[] = ['left', 'right', 'right', 'right', 'right', 'right', 'right'];
    if (t) {
      rheader.push(`≤ ${t.refreshMs / 1000} s`);
      ralign.push('center');
    }
    lines.push(
      ...table(
        rheader,
        ralign,
        r.refreshes.map((x) => {
          const cells = [
            x.scope === 'directory'
              ? `a whole directory of ${int(x.directoryActors)} actors`
              : `${int(x.actors)} actors of this directory of ${int(x.directoryActors)}`,
            int(x.actors),
            String(x.concurrency),
            seconds(x.ms),
            `${ms(x.ms / Math.max(1, x.actors))} ms`,
            int(x.suggestions),
            int(x.newMutual),
          ];
          if (t) cells.push(x.actors >= 10_000 ? yesNo(x.ms <= t.refreshMs) : '');
          return cells;
        }),
      ),
      '',
      '"stored": suggestions written to `partner_suggestions`; "mutual": pairs newly announced (both in the other\'s ' +
        'top list) by this run.',
      '',
    );
  }
  if (r.seed) {
    const x = r.seed;
    const actorChunk = r.actorSeed
      ? `; a chunk of ${int(r.actorSeed.chunk)} actors of the seeding above took ` +
        `${seconds((r.actorSeed.insertMs * Math.min(r.actorSeed.chunk, r.actors)) / r.actors)}, trigger included`
      : '';
    lines.push(
      `Seeding: ${int(x.needs)} open needs and ${int(x.offers)} open offers (INSERT … SELECT per ${int(x.chunk)} ` +
        `actors, the statement triggers rebuilding their actors' match profiles and terms, \`needs_offers\` analysed ` +
        `after each) in ${seconds(x.insertMs)}. \`match_profiles_refresh()\` of ${int(x.sampleActors)} actors (what ` +
        `the trigger on \`actors\` runs for each chunk of the actors' seeding), run again afterwards: ` +
        `${seconds(x.profilesSampleMs)}${actorChunk}. VACUUM ANALYZE of the three tables ${seconds(x.vacuumMs)}.`,
      '',
    );
  } else {
    lines.push('Seeding of the needs and offers not measured in this run (kept from a previous run).', '');
  }
  const c = r.checks;
  lines.push(
    `Data checks: ${int(c.profiles)} match profiles for ${int(r.actors)} actors` +
      `${c.profiles === r.actors ? ' (matches)' : ' (**MISMATCH**)'}, ${int(c.terms)} match terms ` +
      `(${(c.terms / Math.max(1, c.profiles)).toFixed(1)} per actor); profiles with offered resources ${int(c.withOffer)}, ` +
      `actors with an open offer ${int(c.openOffers)}${c.withOffer === c.openOffers ? ' (matches)' : ' (**MISMATCH**)'}; ` +
      `with sought resources ${int(c.withNeed)}, with an open need ${int(c.openNeeds)}` +
      `${c.withNeed === c.openNeeds ? ' (matches)' : ' (**MISMATCH**)'}.` +
      (r.totalMs === undefined ? '' : ` Whole run of this engine (seeding included): ${seconds(r.totalMs)}.`),
  );
  return lines.join('\n');
}

const start = (key: string, by: string) => `<!-- bench:${key}:start (generated by ${by}) -->`;
const end = (key: string) => `<!-- bench:${key}:end -->`;

/** Replaces a generated block in the document (appending it when absent), keeping everything else. */
export function writeSection(
  file: string,
  kind: string,
  section: string,
  template: string,
  by = 'npm run bench',
): void {
  let doc = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : template;
  const block = `${start(kind, by)}\n${section}\n${end(kind)}`;
  const from = doc.indexOf(`<!-- bench:${kind}:start `);
  const to = doc.indexOf(end(kind));
  if (from >= 0 && to > from) {
    doc = doc.slice(0, from) + block + doc.slice(to + end(kind).length);
  } else {
    doc = `${doc.trimEnd()}\n\n${block}\n`;
  }
  fs.writeFileSync(file, doc);
}

export interface SchedulerRun {
  machine: Omit<Machine, 'loadAfter' | 'loadBefore'>;
  seed: number;
  cases: SchedulerCase[];
}

/** The speed-dating scheduler (issue 5): time, interest against the flow optimum / bound, greedy baseline. */
export function schedulerSection(r: SchedulerRun): string {
  const m = r.machine;
  const lines: string[] = [];
  lines.push(
    `Run of ${m.date}: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM, ${m.os}, Node.js ${m.node}. Random ` +
      `instances (mulberry32, seed ${r.seed}), integer interests 0–100 per pair, 30 % of them split over both ` +
      'directions; two-sided: two equal sides, every cross pair allowed; one-sided: each pair allowed with ' +
      'probability 0.5.',
    '',
  );
  lines.push(
    ...table(
      [
        'rule',
        'participants × rounds',
        'tables',
        'pairs',
        'meetings',
        'time',
        'target',
        'interest / bound',
        'greedy / bound',
        'greedy time',
        'valid',
      ],
      ['left', 'right', 'right', 'right', 'right', 'right', 'center', 'right', 'right', 'right', 'center'],
      r.cases.map((c) => [
        c.rule,
        `${int(c.participants)} × ${c.rounds}`,
        int(c.tables),
        int(c.pairs),
        int(c.meetings),
        c.ms < 1000 ? `${ms(c.ms)} ms` : seconds(c.ms),
        c.targetMs === null ? '' : `≤ ${c.targetMs / 1000} s: ${yesNo(c.ms <= c.targetMs)}`,
        c.interest === c.bound ? '1 (equal)' : (c.interest / c.bound).toFixed(4),
        (c.greedyInterest / c.bound).toFixed(4),
        `${ms(c.greedyMs)} ms`,
        yesNo(c.valid),
      ]),
    ),
    '',
    'Bound: two-sided, the min-cost-flow optimum (« 1 (equal) »: the schedule’s interest equals it exactly); ' +
      'one-sided, half the optimum of the same flow on the bipartite double cover. "valid": every constraint checked ' +
      'on both schedules (no pair twice, nobody double-booked, ≤ T tables per round, ≤ R meetings each, allowed ' +
      'pairs only, interest = sum of the weights).',
  );
  return lines.join('\n');
}

/** The register import (issue 6): each run beside COPY of the same file, with the importing process's peak memory. */
export function importSection(r: ImportBenchResult): string {
  const lines = [
    `Run of ${r.date}: ${r.machine}, ${r.version}; batches of ${r.batch ?? "the CLI's default (2 000)"} lines to write or 50 000 items; ` +
      `load average ${r.load.before.map((x) => x.toFixed(2)).join(' / ')} before, ` +
      `${r.load.after.map((x) => x.toFixed(2)).join(' / ')} after (1 / 5 / 15 min).`,
    '',
  ];
  // The COPY into `actors` (worst case only) gets its own ratio column.
  const withActors = r.scenarios.some((s) => s.actorsCopy);
  const rows: string[][] = [];
  for (const s of r.scenarios) {
    const copyRate = (s.copy.rows / s.copy.ms) * 1000;
    const actorsRate = s.actorsCopy && (s.actorsCopy.rows / s.actorsCopy.ms) * 1000;
    const ratios = (rate: number) => [
      (rate / copyRate).toFixed(3),
      ...(withActors ? [actorsRate ? (rate / actorsRate).toFixed(3) : ''] : []),
    ];
    const reference = (label: string, c: CopyTiming) => {
      const rate = (c.rows / c.ms) * 1000;
      return [label, int(c.rows), seconds(c.ms), int(rate), ...ratios(rate), '', '', ''];
    };
    rows.push([s.title, ...reference('COPY into a bare table', s.copy)]);
    if (s.actorsCopy) rows.push(['', ...reference("COPY into the directory's actors table", s.actorsCopy)]);
    for (const t of s.imports) {
      const rate = (t.rows / t.wallMs) * 1000;
      const c = t.counters;
      rows.push([
        '',
        t.label,
        int(t.rows),
        `${seconds(t.wallMs)} (run ${seconds(t.runMs)})`,
        int(rate),
        ...ratios(rate),
        `${int(t.maxRssMiB)} MiB`,
        seconds(t.cpuMs),
        `${int(c.created)} / ${int(c.updated)} / ${int(c.unchanged)} / ${int(c.skipped)} / ${int(c.rejected)}`,
      ]);
    }
  }
  lines.push(
    ...table(
      [
        'file',
        'load',
        'rows',
        'time',
        'rows/s',
        'of COPY',
        ...(withActors ? ['of actors COPY'] : []),
        'peak RSS',
        'CPU (Node)',
        'created / updated / unchanged / skipped / rejected',
      ],
      [
        'left',
        'left',
        'right',
        'right',
        'right',
        'right',
        ...(withActors ? ['right' as const] : []),
        'right',
        'right',
        'right',
      ],
      rows,
    ),
  );
  lines.push(
    '',
    'Files: ' +
      r.scenarios
        .map((s) => `${s.key} ${int(s.file.rows)} rows, ${(s.file.bytes / 2 ** 20).toFixed(0)} MiB`)
        .join('; ') +
      '. Time: the whole command (`npm run cli -- import rna`, Node.js start-up and SHA-256 included; « run »: ' +
      "import_runs.started_at → finished_at); rows/s over that time. Peak RSS: the importing process's maxRSS at " +
      "its exit. CPU (Node): the importing process's user + system time (the server's is apart).",
  );
  return lines.join('\n');
}
