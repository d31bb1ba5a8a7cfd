import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export type Tool = { binary: string; pkg: string };

// nginx-light: the smallest Debian build of nginx, and static files are all the baseline needs.
export const BENCH_TOOLS: Tool[] = [
  { binary: 'wrk', pkg: 'wrk' },
  { binary: 'nginx', pkg: 'nginx-light' },
];

// Debian puts nginx in /usr/sbin, which a non-root PATH usually leaves out.
const SBIN = ['/usr/local/sbin', '/usr/sbin', '/sbin'];

export function findBinary(name: string, searchPath = process.env.PATH ?? '', exists: (file: string) => boolean = existsSync): string | null {
  const dirs = [...searchPath.split(path.delimiter).filter(Boolean), ...SBIN];
  for (const dir of dirs) {
    const file = path.join(dir, name);
    if (exists(file)) return file;
  }
  return null;
}

export type ToolPlan = { kind: 'ready' } | { kind: 'install'; packages: string[]; command: string } | { kind: 'ask'; message: string };

export function planToolInstall({ missing, isRoot, hasAptGet }: { missing: Tool[]; isRoot: boolean; hasAptGet: boolean }): ToolPlan {
  if (missing.length === 0) return { kind: 'ready' };
  const packages = missing.map((t) => t.pkg);
  const names = missing.map((t) => t.binary).join(' and ');
  if (!hasAptGet) {
    return { kind: 'ask', message: `The bench needs ${names} and this machine has no apt-get to install them with. Install ${names} and run it again.` };
  }
  const command = `apt-get install -y ${packages.join(' ')}`;
  if (!isRoot) {
    return {
      kind: 'ask',
      message: `The bench needs ${names} (Debian packages ${packages.join(', ')}). Install them with:\n  sudo sh -c 'apt-get update && ${command}'\nthen run npm run bench again.`,
    };
  }
  return { kind: 'install', packages, command };
}

const LOG = '/tmp/blogstead-bench-tools-install.log';

function aptGet(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `${command} >>${LOG} 2>&1`], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    return true;
  } catch {
    return false;
  }
}

/**
 * wrk and nginx, installed from Debian when missing and we are root (as scripts/ensure-chromium.ts
 * does for Chromium); otherwise the exact command to run, and the bench stops.
 */
export function ensureBenchTools(): { wrk: string; nginx: string } {
  const missing = BENCH_TOOLS.filter((t) => !findBinary(t.binary));
  const plan = planToolInstall({ missing, isRoot: process.getuid?.() === 0, hasAptGet: findBinary('apt-get') !== null });
  if (plan.kind === 'ask') {
    console.error(plan.message);
    process.exit(1);
  }
  if (plan.kind === 'install') {
    console.log(`Tools: installing ${plan.packages.join(' ')} (${plan.command}; log in ${LOG})…`);
    // The package lists may be missing or stale on a fresh machine; update only when the install needs it.
    if (!aptGet(plan.command) && !(aptGet('apt-get update') && aptGet(plan.command))) {
      console.error(`Installing ${plan.packages.join(' ')} failed; see ${LOG}. Try by hand: apt-get update && ${plan.command}`);
      process.exit(1);
    }
  }
  const wrk = findBinary('wrk');
  const nginx = findBinary('nginx');
  if (!wrk || !nginx) {
    console.error(`apt-get finished but ${!wrk ? 'wrk' : 'nginx'} is still not found.`);
    process.exit(1);
  }
  return { wrk, nginx };
}
