import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromiumArgs, findChromium } from '../chromium';

const run = promisify(execFile);

export type LighthouseResult = {
  url: string;
  scores: Record<string, number | null>;
  failing: { category: string; id: string; title: string; score: number | null; displayValue?: string }[];
};

type Report = {
  categories: Record<string, { title: string; score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { title: string; score: number | null; scoreDisplayMode: string; displayValue?: string }>;
};

/**
 * Lighthouse's CLI (pinned 12.2.3; 13 needs Node 22) on the mobile profile, against the system
 * Chromium. The CLI launches Chromium itself through chrome-launcher (CHROME_PATH, --chrome-flags).
 */
export async function runLighthouse(url: string): Promise<LighthouseResult> {
  const chrome = findChromium();
  if (!chrome) throw new Error('No Chromium found (set CHROMIUM_PATH, or install Debian\'s chromium package)');
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-lighthouse-'));
  const out = path.join(dir, 'report.json');
  const flags = ['--headless=new', ...chromiumArgs.filter((f) => f !== '--disable-gpu'), '--disable-dev-shm-usage'].join(' ');
  try {
    await run(
      process.execPath,
      [
        path.join('node_modules', 'lighthouse', 'cli', 'index.js'),
        url,
        '--quiet',
        '--output=json',
        `--output-path=${out}`,
        `--chrome-flags=${flags}`,
        '--only-categories=performance,accessibility,best-practices,seo',
        '--form-factor=mobile',
        '--max-wait-for-load=60000',
      ],
      { env: { ...process.env, CHROME_PATH: chrome }, maxBuffer: 16 << 20, timeout: 180_000 },
    );
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    const scores: Record<string, number | null> = {};
    const failing: LighthouseResult['failing'] = [];
    for (const [id, category] of Object.entries(report.categories)) {
      scores[id] = category.score === null ? null : Math.round(category.score * 100);
      for (const ref of category.auditRefs) {
        const audit = report.audits[ref.id];
        if (!audit || ['notApplicable', 'manual', 'informative'].includes(audit.scoreDisplayMode)) continue;
        if (audit.score !== null && audit.score >= 0.9) continue;
        if (audit.score === null && audit.scoreDisplayMode !== 'error') continue;
        failing.push({ category: id, id: ref.id, title: audit.title, score: audit.score, displayValue: audit.displayValue });
      }
    }
    return { url, scores, failing };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
