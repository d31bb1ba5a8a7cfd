/** What `npm audit --json` said, reduced to the three answers CI acts on. */
export type AuditVerdict =
  | { kind: 'unavailable'; reason: string }
  | { kind: 'clean'; counts: Record<string, number> }
  | { kind: 'advisories'; counts: Record<string, number>; packages: { name: string; severity: string; title: string }[] };

type Report = {
  auditReportVersion?: number;
  message?: string;
  error?: { code?: string; summary?: string; detail?: string };
  statusCode?: number;
  metadata?: { vulnerabilities?: Record<string, number> };
  vulnerabilities?: Record<string, { name: string; severity: string; via: (string | { title?: string })[] }>;
};

const failing = new Set(['high', 'critical']);

/**
 * Tells "the registry gave no answer" (offline, a mirror without the advisory endpoint: npm prints
 * an error object) apart from "the registry answered" (a version 2 report), and in the second case
 * whether any production dependency has a high or critical advisory.
 */
export function readAuditReport(stdout: string): AuditVerdict {
  let report: Report;
  try {
    report = JSON.parse(stdout) as Report;
  } catch {
    return { kind: 'unavailable', reason: `npm audit printed no report (${stdout.trim().slice(0, 120) || 'no output'})` };
  }
  if (report.auditReportVersion !== 2 || !report.metadata?.vulnerabilities) {
    const reason = report.message || report.error?.summary || report.error?.code || 'npm audit printed an error instead of a report';
    return { kind: 'unavailable', reason: report.statusCode ? `${reason} (HTTP ${report.statusCode})` : reason };
  }
  const counts = report.metadata.vulnerabilities;
  const packages = Object.values(report.vulnerabilities ?? {})
    .filter((v) => failing.has(v.severity))
    .map((v) => ({
      name: v.name,
      severity: v.severity,
      title: v.via.map((via) => (typeof via === 'string' ? `via ${via}` : (via.title ?? ''))).filter(Boolean).join('; '),
    }));
  return packages.length > 0 ? { kind: 'advisories', counts, packages } : { kind: 'clean', counts };
}
