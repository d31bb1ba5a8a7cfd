import { describe, expect, it } from 'vitest';
import { findBinary, planToolInstall } from './tools';

describe('planToolInstall', () => {
  it('does nothing when wrk and nginx are both there', () => {
    expect(planToolInstall({ missing: [], isRoot: false, hasAptGet: true })).toEqual({ kind: 'ready' });
  });

  it('installs only the missing Debian packages when root with apt-get', () => {
    const plan = planToolInstall({ missing: [{ binary: 'nginx', pkg: 'nginx-light' }], isRoot: true, hasAptGet: true });
    expect(plan).toEqual({ kind: 'install', packages: ['nginx-light'], command: 'apt-get install -y nginx-light' });
  });

  it('asks a user who is not root to run the exact command, with apt-get update first', () => {
    const plan = planToolInstall({
      missing: [
        { binary: 'wrk', pkg: 'wrk' },
        { binary: 'nginx', pkg: 'nginx-light' },
      ],
      isRoot: false,
      hasAptGet: true,
    });
    expect(plan.kind).toBe('ask');
    expect(plan.kind === 'ask' && plan.message).toContain(`sudo sh -c 'apt-get update && apt-get install -y wrk nginx-light'`);
  });

  it('names the binaries when there is no apt-get to install them with', () => {
    const plan = planToolInstall({ missing: [{ binary: 'wrk', pkg: 'wrk' }], isRoot: true, hasAptGet: false });
    expect(plan.kind).toBe('ask');
    expect(plan.kind === 'ask' && plan.message).toMatch(/wrk/);
    expect(plan.kind === 'ask' && plan.message).not.toMatch(/sudo/);
  });
});

describe('findBinary', () => {
  it('finds nginx in /usr/sbin even when PATH leaves the sbin folders out, as a user PATH does', () => {
    const present = new Set(['/usr/sbin/nginx']);
    expect(findBinary('nginx', '/usr/local/bin:/usr/bin', (f) => present.has(f))).toBe('/usr/sbin/nginx');
  });

  it('prefers PATH order and says null when nothing is there', () => {
    const present = new Set(['/opt/wrk/bin/wrk', '/usr/bin/wrk']);
    expect(findBinary('wrk', '/opt/wrk/bin:/usr/bin', (f) => present.has(f))).toBe('/opt/wrk/bin/wrk');
    expect(findBinary('wrk', '/usr/bin', () => false)).toBeNull();
  });
});
