import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** Where Debian's package puts the browser; test/support/browser.ts launches this one. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Debian's Chromium, and Noto (the pages name "Noto Sans" after the phone fonts) so that Vietnamese renders
 * in screenshots as on a phone. .ci/run installs the same packages.
 */
const PACKAGES = ['chromium', 'fonts-noto-core'];

/**
 * The browser suites need Debian's Chromium: playwright-core never downloads one. As root with apt-get it is
 * installed here, the way the Temporal CLI and PostgreSQL are provided; otherwise the run stops with what to do.
 */
export function ensureChromium(log = console.log) {
  if (existsSync(CHROMIUM_PATH)) return;
  const canInstall = process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (canInstall) {
    log(`• Chromium not found at ${CHROMIUM_PATH}: installing Debian's ${PACKAGES.join(', ')} with apt-get…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', ...PACKAGES], { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (install && install.status === 0 && existsSync(CHROMIUM_PATH)) return;
  }
  throw new Error(
    `The browser suites need Debian's Chromium at ${CHROMIUM_PATH}, and it is not there. ` +
      `Run .ci/run as root, or install it yourself: sudo apt-get install ${PACKAGES.join(' ')}`,
  );
}
