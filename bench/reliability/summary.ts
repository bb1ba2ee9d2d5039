// The recorded requests as figures: per route, per action and overall, with the reference routes beside them.
import { type Stats, stats } from '../measure.js';
import { ms, table } from '../report.js';
import type { Action, Sample } from './users.js';

export interface Row {
  action: Action | 'all';
  route: string;
  requests: number;
  business: number;
  errors: number;
  latency: Stats;
}

function row(action: Row['action'], route: string, samples: Sample[]): Row {
  return {
    action,
    route,
    requests: samples.length,
    business: samples.filter((s) => s.outcome === 'business').length,
    errors: samples.filter((s) => s.outcome === 'error').length,
    latency: stats(samples.map((s) => s.end - s.start)),
  };
}

const groupBy = <K>(samples: Sample[], key: (s: Sample) => K) => {
  const groups = new Map<K, Sample[]>();
  for (const s of samples) groups.set(key(s), [...(groups.get(key(s)) ?? []), s]);
  return groups;
};

/** The actions as the report names them. */
const actionNames: Record<Action, string> = {
  'sign-in': 'connexion',
  browse: 'consultation',
  search: 'recherche',
  edit: 'modification',
  register: 'inscription',
  reference: 'référence',
};

const userActions: Action[] = ['browse', 'search', 'edit', 'register'];

/** Rows per route of each action, then one per action, then the users' whole traffic, then the references. */
export function summarise(samples: Sample[]): Row[] {
  const rows: Row[] = [];
  const users = samples.filter((s) => userActions.includes(s.action));
  for (const action of userActions) {
    const ofAction = users.filter((s) => s.action === action);
    const routes = groupBy(ofAction, (s) => s.route);
    if (routes.size > 1) for (const [route, group] of routes) rows.push(row(action, route, group));
    rows.push(row(action, routes.size > 1 ? 'toutes' : ([...routes.keys()][0] ?? ''), ofAction));
  }
  rows.push(row('all', 'utilisateurs simulés', users));
  for (const [route, group] of groupBy(
    samples.filter((s) => s.action === 'reference'),
    (s) => s.route,
  ))
    rows.push(row('reference', route, group));
  return rows;
}

/** The Markdown table of the report; `seconds` is the timed window (for the requests per second). */
export function rowsTable(rows: Row[], seconds: number, reference: Row | undefined): string {
  const p95 = reference?.latency.p95;
  return table(
    [
      'Action',
      'Route',
      'Requêtes',
      'req/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'max ms',
      'p95 ÷ réf.',
      '4xx métier',
      'Erreurs',
    ],
    ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    rows.map((r) => [
      r.action === 'all' ? '**tout**' : actionNames[r.action],
      r.route,
      String(r.requests),
      (r.requests / seconds).toFixed(1),
      ms(r.latency.p50),
      ms(r.latency.p95),
      ms(r.latency.p99),
      ms(r.latency.max),
      p95 && r.action !== 'reference' ? `×${(r.latency.p95 / p95).toFixed(1)}` : '',
      String(r.business),
      String(r.errors),
    ]),
  ).join('\n');
}

/** The errors, grouped by route, status and the start of their detail: what to look at when a run fails. */
export function errorLines(samples: Sample[], limit = 20): string[] {
  const groups = groupBy(
    samples.filter((s) => s.outcome === 'error'),
    (s) => `${s.route} → ${s.status || 'network'} ${s.detail.slice(0, 160).replaceAll('\n', ' ')}`,
  );
  return [...groups.entries()]
    .sort((a, b) => b[1].length - a[1].length)
    .slice(0, limit)
    .map(([key, group]) => `${group.length} × ${key}`);
}
