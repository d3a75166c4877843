import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Installs dependencies when node_modules is missing or older than the lockfile. */
export function ensureDependencies(log = console.log) {
  const marker = join(ROOT, 'node_modules', '.package-lock.json');
  const lock = join(ROOT, 'package-lock.json');
  const fresh = existsSync(marker) && (!existsSync(lock) || statSync(marker).mtimeMs >= statSync(lock).mtimeMs);
  if (fresh) return;
  // npm ci: exactly the locked versions; a lockfile that no longer matches package.json fails loudly.
  log('• Installing dependencies (npm ci)…');
  const install = spawnSync('npm', ['ci', '--no-fund', '--no-audit'], { cwd: ROOT, stdio: 'inherit' });
  if (install.status !== 0) throw new Error('npm ci failed: see the output above');
}

/**
 * The project runs on the Node 24 pinned in devDependencies (package `node`); a script started by an
 * older system Node re-runs itself on that one.
 */
export function reexecOnPinnedNode() {
  const major = Number(process.versions.node.split('.')[0]);
  const pinned = join(ROOT, 'node_modules', '.bin', 'node');
  if (major >= 24 || !existsSync(pinned)) return false;
  const child = spawn(pinned, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  // Passed on, and then this process waits for the child: it stops its own children in order before it exits.
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return true;
}

/** Compiles TypeScript into dist/ (incremental, so an unchanged tree takes a second or two). */
export function build(log = console.log) {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const started = Date.now();
  const result = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('TypeScript build failed: see the errors above');
  log(`• Built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
