import { describe, expect, it } from 'vitest';
import { readAuditReport } from './audit-report';

// Shapes printed by npm 11's `npm audit --json`.
const report = (vulnerabilities: Record<string, unknown>, counts: Record<string, number>) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities,
    metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0, ...counts }, dependencies: {} },
  });

describe('readAuditReport', () => {
  it('calls a registry without the advisory endpoint unavailable, not clean', () => {
    const out = JSON.stringify({
      message: '405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
      error: { summary: '', detail: '' },
    });
    expect(readAuditReport(out)).toEqual({ kind: 'unavailable', reason: expect.stringMatching(/405 Method Not Allowed.*\(HTTP 405\)/) });
  });

  it('calls an unreachable registry unavailable', () => {
    const out = JSON.stringify({ message: 'request to http://127.0.0.1:9/… failed, reason: connect ECONNREFUSED', error: { summary: '', detail: '' } });
    expect(readAuditReport(out)).toMatchObject({ kind: 'unavailable', reason: expect.stringMatching(/ECONNREFUSED/) });
    expect(readAuditReport('')).toMatchObject({ kind: 'unavailable' });
  });

  it('passes a report with only low and moderate advisories', () => {
    const out = report({ 'left-pad': { name: 'left-pad', severity: 'moderate', via: [{ title: 'ReDoS' }] } }, { moderate: 1, total: 1 });
    expect(readAuditReport(out)).toEqual({ kind: 'clean', counts: expect.objectContaining({ moderate: 1 }) });
  });

  it('fails on high and critical advisories and names the packages', () => {
    const out = report(
      {
        lodash: { name: 'lodash', severity: 'critical', via: [{ title: 'Prototype Pollution in lodash' }] },
        'some-wrapper': { name: 'some-wrapper', severity: 'high', via: ['lodash'] },
        ok: { name: 'ok', severity: 'low', via: [{ title: 'minor' }] },
      },
      { low: 1, high: 1, critical: 1, total: 3 },
    );
    const verdict = readAuditReport(out);
    expect(verdict.kind).toBe('advisories');
    expect(verdict.kind === 'advisories' && verdict.packages).toEqual([
      { name: 'lodash', severity: 'critical', title: 'Prototype Pollution in lodash' },
      { name: 'some-wrapper', severity: 'high', title: 'via lodash' },
    ]);
  });
});
