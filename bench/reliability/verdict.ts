// What the fault run checks and reports: the requests sorted by phase around the outage, the recovery time, and the
// broken rules (none when the service fails cleanly and recovers by itself).
import { stats } from '../measure.js';
import { ms, table } from '../report.js';
import type { Sample } from './users.js';

export interface Outage {
  /** Milliseconds since the run's origin: users start looping, stop asked, server down, start asked, server up. */
  loadFrom: number;
  stopAt: number;
  downAt: number;
  startAt: number;
  upAt: number;
  /** The users' requests and the /api/health probes. */
  samples: Sample[];
  recoveryLimitMs: number;
  timeoutMs: number;
  serverExit: { code: number | null; signal: string | null } | null;
}

/** A stack frame, a source path or a dependency's path: what an answer must never show. */
const stackTrace = /\n\s+at |node_modules|\/src\/|\.[cm]?[jt]s:\d+/;

/** Why a failed request is not a clean 503 problem document, or null when it is one. */
function unclean(s: Sample): string | null {
  if (s.status === 0) return `no answer (${s.detail.split(':')[0]})`;
  if (s.status !== 503) return `status ${s.status}`;
  if (!s.contentType.includes('application/problem+json')) return `503 as ${s.contentType || 'no content type'}`;
  if (stackTrace.test(s.detail)) return '503 showing a stack trace';
  try {
    if ((JSON.parse(s.detail) as { status?: unknown }).status !== 503) return '503 whose problem says another status';
  } catch {
    return '503 whose body is not a whole JSON document';
  }
  return null;
}

const failed = (s: Sample) => s.outcome === 'error';

export function outageReport(o: Outage, text: { header: string }) {
  const violations: string[] = [];
  const users = o.samples.filter((s) => s.action !== 'reference');
  const health = o.samples.filter((s) => s.action === 'reference');
  const recoveredBy = o.upAt + o.recoveryLimitMs;

  const before = o.samples.filter((s) => s.end < o.stopAt && failed(s));
  if (before.length) violations.push(`${before.length} failed request(s) before the outage`);
  const reasons = new Map<string, number>();
  for (const s of o.samples.filter(failed)) {
    const why = unclean(s);
    if (why) reasons.set(`${s.route}: ${why}`, (reasons.get(`${s.route}: ${why}`) ?? 0) + 1);
  }
  for (const [why, n] of reasons) violations.push(`${n} × ${why}`);
  const late = o.samples.filter((s) => s.start >= recoveredBy && failed(s));
  if (late.length)
    violations.push(`${late.length} failure(s) more than ${o.recoveryLimitMs / 1000} s after the restart`);
  const afterOk = users.filter((s) => s.start >= recoveredBy && !failed(s));
  if (afterOk.length === 0) violations.push('no successful request after the restart');
  const healthDown = health.filter((s) => s.start >= o.downAt && s.end <= o.startAt);
  const health503 = healthDown.filter((s) => s.status === 503);
  if (health503.length === 0) violations.push('/api/health never answered 503 while the database was down');
  if (o.serverExit) violations.push(`the server process ended (${JSON.stringify(o.serverExit)})`);

  const lastFailure = Math.max(...o.samples.filter(failed).map((s) => s.end));
  const firstSuccess = users.find((s) => s.start >= o.upAt && !failed(s));
  const phases = [
    { name: 'avant l’arrêt', from: Number.NEGATIVE_INFINITY, to: o.stopAt },
    { name: 'base arrêtée', from: o.stopAt, to: o.upAt },
    { name: `reprise (${o.recoveryLimitMs / 1000} premières s)`, from: o.upAt, to: recoveredBy },
    { name: 'ensuite', from: recoveredBy, to: Number.POSITIVE_INFINITY },
  ];
  const rows = phases.map((p) => {
    const ofPhase = users.filter((s) => s.start >= p.from && s.start < p.to);
    const fails = ofPhase.filter(failed);
    const clean = fails.filter((s) => unclean(s) === null);
    const latency = stats(ofPhase.map((s) => s.end - s.start));
    return [
      p.name,
      String(ofPhase.length),
      String(ofPhase.length - fails.length),
      String(clean.length),
      String(fails.length - clean.length),
      ms(latency.p95),
      ms(latency.max),
    ];
  });
  const seconds = (t: number) => `${(t / 1000).toFixed(1).replace('.', ',')} s`;
  const lines = [
    text.header,
    '',
    ...table(
      [
        'Requêtes des utilisateurs lancées…',
        'Requêtes',
        'Réussies',
        '503 propres',
        'Autres échecs',
        'p95 ms',
        'max ms',
      ],
      ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
      rows,
    ),
    '',
    `- Arrêt demandé ${seconds(o.stopAt - o.loadFrom)} après le début de la charge, base arrêtée ` +
      `${seconds(o.downAt - o.stopAt)} plus tard ; redémarrage demandé à ${seconds(o.startAt - o.loadFrom)}, base ` +
      `prête à ${seconds(o.upAt - o.loadFrom)}.`,
    `- \`/api/health\` pendant que la base était arrêtée : ${health503.length} réponses 503 sur ${healthDown.length} ` +
      `sondes.`,
    `- Première requête réussie après le redémarrage : ${
      firstSuccess ? `${seconds(firstSuccess.end - o.upAt)} après que la base a été prête` : 'aucune'
    } ; ${
      lastFailure > o.upAt
        ? `dernier échec ${seconds(lastFailure - o.upAt)} après`
        : 'aucun échec une fois la base prête'
    } (sans redémarrer le serveur).`,
    `- Processus du serveur : ${o.serverExit ? `arrêté (${JSON.stringify(o.serverExit)})` : 'resté en marche'}.`,
    '',
    violations.length === 0
      ? '**Vérifié** : aucun échec avant la panne, chaque échec est un 503 `application/problem+json` sans trace de pile, ' +
        'aucune requête sans réponse, et le service s’est rétabli seul.'
      : `**Échec** :\n\n${violations.map((v) => `- ${v}`).join('\n')}`,
  ];
  return { section: lines.join('\n'), violations };
}
