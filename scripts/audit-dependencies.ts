// CI's dependency audit: fails when `npm audit` reports a high or critical advisory in any dependency (runtime or
// development: the build tools make the bundle that ships). When the registry's audit endpoint itself cannot be
// reached or refuses the request (a mirror without it answers 405), the audit cannot be done: a loud warning, and a
// pass, unless AUDIT_STRICT=1 (a CI that does reach the registry should set it).
import { spawnSync } from 'node:child_process';

type Severity = 'info' | 'low' | 'moderate' | 'high' | 'critical';

/** The parts of `npm audit --json` (report version 2, or npm's error document) that decide. */
export interface AuditReport {
  metadata?: { vulnerabilities?: Partial<Record<Severity, number>> };
  vulnerabilities?: Record<string, { severity: Severity; via: (string | { title?: string; url?: string })[] }>;
  /** Set when npm could not get an answer from the audit endpoint. */
  statusCode?: number;
  message?: string;
  error?: { code?: string; summary?: string };
}

export type Verdict =
  | { outcome: 'clean'; counts: Partial<Record<Severity, number>> }
  | { outcome: 'vulnerable'; findings: string[] }
  | { outcome: 'unreachable'; reason: string }
  | { outcome: 'failed'; reason: string };

const networkCodes = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENETUNREACH']);

export function auditVerdict(report: AuditReport): Verdict {
  const counts = report.metadata?.vulnerabilities;
  if (counts) {
    const findings = Object.entries(report.vulnerabilities ?? {})
      .filter(([, v]) => v.severity === 'high' || v.severity === 'critical')
      .map(([name, v]) => {
        const advisories = v.via.map((via) => (typeof via === 'string' ? `via ${via}` : `${via.title} ${via.url}`));
        return `${v.severity} ${name}: ${advisories.join('; ')}`;
      });
    if (findings.length || (counts.high ?? 0) + (counts.critical ?? 0) > 0) return { outcome: 'vulnerable', findings };
    return { outcome: 'clean', counts };
  }
  const reason = report.message ?? report.error?.summary ?? 'no report';
  const code = report.error?.code ?? '';
  if (report.statusCode !== undefined || networkCodes.has(code) || /audit endpoint/i.test(reason)) {
    return { outcome: 'unreachable', reason };
  }
  return { outcome: 'failed', reason };
}

function main() {
  const run = spawnSync('npm', ['audit', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  let report: AuditReport;
  try {
    report = JSON.parse(run.stdout || '{}') as AuditReport;
  } catch {
    report = { message: `unreadable npm audit output: ${run.stderr.trim().split('\n').at(-1) ?? ''}` };
  }
  const verdict = auditVerdict(report);
  switch (verdict.outcome) {
    case 'clean':
      console.log(`dependency audit: no high or critical advisory (${JSON.stringify(verdict.counts)})`);
      return 0;
    case 'vulnerable':
      console.error('dependency audit: high or critical advisories:');
      for (const finding of verdict.findings) console.error(`  ${finding}`);
      return 1;
    case 'unreachable': {
      const banner = '!'.repeat(100);
      console.error(`${banner}\n!! WARNING: dependency audit NOT DONE: the registry's audit endpoint is unreachable`);
      console.error(`!! (${verdict.reason}).\n!! Run \`npm audit --audit-level=high\` where the registry answers.`);
      console.error(banner);
      return process.env.AUDIT_STRICT === '1' ? 1 : 0;
    }
    case 'failed':
      console.error(`dependency audit: npm audit failed: ${verdict.reason}`);
      return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main();
