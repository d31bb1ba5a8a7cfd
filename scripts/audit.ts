import { spawnSync } from 'node:child_process';
import { readAuditReport } from './audit-report';

// CI's dependency check: fails on high or critical advisories in production dependencies; when the
// registry cannot be asked, says so loudly and lets the run go on (the check cannot prove anything).
const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 120_000 });
const verdict = readAuditReport(run.stdout ?? '');

if (verdict.kind === 'unavailable') {
  console.warn(`WARNING: dependency advisories NOT checked: the registry did not answer npm audit: ${verdict.reason}`);
} else if (verdict.kind === 'clean') {
  const { low = 0, moderate = 0 } = verdict.counts;
  console.log(`Dependency advisories: none high or critical in production dependencies (${low} low, ${moderate} moderate).`);
} else {
  console.error('Dependency advisories: high or critical advisories in production dependencies:');
  for (const p of verdict.packages) console.error(`  ${p.severity.padEnd(8)} ${p.name}: ${p.title}`);
  console.error('Upgrade them (npm audit --omit=dev shows the fixes), pin the new versions and run the tests.');
  process.exit(1);
}
