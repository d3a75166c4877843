import { spawnSync } from 'node:child_process';

/** The Poppler tools the document suite reads PDFs back with: text, fonts, and pages as PNG. */
export const POPPLER_TOOLS = ['pdftotext', 'pdffonts', 'pdftoppm'];

/** Debian's package that brings all three. .ci/run installs the same one. */
const PACKAGES = ['poppler-utils'];

const missingTools = () => POPPLER_TOOLS.filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status !== 0);

/**
 * The document suite reads the PDFs it renders with Poppler's tools (only the tests do: the product's image needs
 * none of them). As root with apt-get they are installed here, as Chromium is for the browser suites; otherwise
 * the run stops with what to do.
 */
export function ensurePoppler(log = console.log) {
  let missing = missingTools();
  if (missing.length === 0) return;
  const canInstall = process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (canInstall) {
    log(`• ${missing.join(', ')} not found: installing Debian's ${PACKAGES.join(', ')} with apt-get…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', ...PACKAGES], { stdio: ['ignore', 'ignore', 'inherit'], env });
    missing = missingTools();
    if (install && install.status === 0 && missing.length === 0) return;
  }
  throw new Error(
    `The document suite needs Poppler's ${missing.join(', ')}, and they are not installed. ` +
      `Run .ci/run as root, or install them yourself: sudo apt-get install ${PACKAGES.join(' ')}`,
  );
}
