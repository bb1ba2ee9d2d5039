// The CI dependency audit's decision (scripts/audit-dependencies.ts) on the documents npm audit really prints.
import { describe, expect, it } from 'vitest';
import { auditVerdict } from '../scripts/audit-dependencies.js';

const counts = (high: number, critical: number) => ({
  metadata: { vulnerabilities: { info: 0, low: 2, moderate: 1, high, critical, total: 3 + high + critical } },
});

describe('dependency audit verdict', () => {
  it('passes without high or critical advisories (low and moderate ones are reported by npm only)', () => {
    expect(auditVerdict(counts(0, 0)).outcome).toBe('clean');
  });

  it('fails on a high or a critical advisory, naming the package and the advisory', () => {
    const verdict = auditVerdict({
      ...counts(1, 0),
      vulnerabilities: {
        'un-paquet': {
          severity: 'high',
          via: [{ title: 'Prototype pollution', url: 'https://github.com/advisories/GHSA-xxxx' }],
        },
        'qui-en-depend': { severity: 'high', via: ['un-paquet'] },
        'sans-gravite': { severity: 'low', via: [{ title: 'Minor', url: 'https://x' }] },
      },
    });
    expect(verdict).toEqual({
      outcome: 'vulnerable',
      findings: [
        'high un-paquet: Prototype pollution https://github.com/advisories/GHSA-xxxx',
        'high qui-en-depend: via un-paquet',
      ],
    });
    expect(auditVerdict(counts(0, 1)).outcome).toBe('vulnerable');
  });

  it('only warns when the audit endpoint refuses or cannot be reached, and fails on any other npm error', () => {
    const refused = {
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
    };
    expect(auditVerdict(refused).outcome).toBe('unreachable');
    expect(
      auditVerdict({ error: { code: 'ENOTFOUND', summary: 'getaddrinfo ENOTFOUND registry.npmjs.org' } }).outcome,
    ).toBe('unreachable');
    expect(
      auditVerdict({ error: { code: 'ENOLOCK', summary: 'This command requires an existing lockfile.' } }),
    ).toEqual({
      outcome: 'failed',
      reason: 'This command requires an existing lockfile.',
    });
  });
});
