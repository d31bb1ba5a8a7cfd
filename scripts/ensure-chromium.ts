import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './chromium';

// Playwright cannot download its own browser on machines without outside network, so the
// tests use Debian's Chromium, installing it when we are root on Debian and it is missing.
const found = findChromium();
if (found) {
  console.log(`End-to-end tests use ${found}`);
  process.exit(0);
}

const command = 'apt-get update && apt-get install -y chromium';
const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
if (!canInstall) {
  console.error(
    'End-to-end tests need Chromium and none was found.\n' +
      `Install it with:  sudo sh -c '${command}'\n` +
      'or point CHROMIUM_PATH at a Chromium or Chrome binary, then run npm test again.',
  );
  process.exit(1);
}

console.log(`Chromium not found; installing Debian's package (${command}) ...`);
try {
  execFileSync('sh', ['-c', `${command} >/tmp/blogstead-chromium-install.log 2>&1`], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
} catch {
  console.error(`Installing Chromium failed; see /tmp/blogstead-chromium-install.log. Try by hand: ${command}`);
  process.exit(1);
}
const installed = findChromium();
if (!installed) {
  console.error('apt-get finished but no Chromium binary was found at /usr/bin/chromium.');
  process.exit(1);
}
console.log(`Installed ${installed}`);
