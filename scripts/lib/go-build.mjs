// `go install` of the Temporal tools into .tools/bin, quietly: a first build compiles ~1,500 packages and
// `go install -v` would print every one of them. The full output goes to .tools/logs/<name>-build.log; the
// terminal gets one line saying what is built and where that log is, the time so far (updated in place on a
// terminal, a line every 30 s otherwise, as in CI), then one line with the result. A failure prints the log's
// last lines and its path.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join, relative } from 'node:path';

const TAIL_LINES = 30;
const LINE_EVERY_MS = 30000;

/** The absolute path of a command on PATH, or null. */
export function onPath(command) {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

/**
 * Builds `packages` (module paths with @version) with `go install` into `binDir`. `name` names the log file;
 * `what` is the human description for the start and end lines, `shownDestination` where they say the binaries
 * go (binDir unless said). Resolves when the build succeeded; rejects
 * with the log's tail in the message otherwise.
 */
export async function goInstall({ root, name, what, packages, binDir, shownDestination, log = console.log }) {
  const build = prepare({ root, name, what, packages, binDir, shownDestination, log });
  const child = spawn(build.go, build.args, { stdio: ['ignore', build.fd, build.fd], env: build.env });
  closeSync(build.fd);
  const ticker = startTicker(build, log);
  const code = await new Promise((resolve) => {
    child.once('error', (error) => resolve(`spawn error: ${error.message}`));
    child.once('exit', (exitCode, signal) => resolve(signal ?? exitCode));
  });
  ticker.stop();
  finish(build, code, log);
}

/**
 * The same build for synchronous callers: no ticker, only the start line and the result line.
 */
export function goInstallSync({ root, name, what, packages, binDir, shownDestination, log = console.log }) {
  const build = prepare({ root, name, what, packages, binDir, shownDestination, log });
  const result = spawnSync(build.go, build.args, { stdio: ['ignore', build.fd, build.fd], env: build.env });
  closeSync(build.fd);
  finish(build, result.error ? `spawn error: ${result.error.message}` : (result.signal ?? result.status), log);
}

function prepare({ root, name, what, packages, binDir, shownDestination, log }) {
  const go = onPath('go');
  if (!go) throw new Error(`Go is not installed: cannot build ${what}`);
  const logDir = join(root, '.tools', 'logs');
  mkdirSync(logDir, { recursive: true });
  mkdirSync(binDir, { recursive: true });
  const logFile = join(logDir, `${name}-build.log`);
  // -v lists each package as it compiles: nobody reads that on the terminal, but the log then shows how far
  // a slow or failed build got.
  const args = ['install', '-v', ...packages];
  const fd = openSync(logFile, 'w');
  writeSync(fd, `$ GOBIN=${binDir} go ${args.join(' ')}\n`);
  log(`• Building ${what} with Go into ${shownDestination ?? relative(root, binDir)} (a first build takes several minutes on 2 cores); full output: ${relative(root, logFile)}`);
  return {
    go,
    args,
    fd,
    what,
    logFile,
    shownLog: relative(root, logFile),
    started: Date.now(),
    env: { ...process.env, GOBIN: binDir, GOFLAGS: process.env.GOFLAGS ?? '' },
  };
}

function startTicker(build, log) {
  const seconds = () => Math.round((Date.now() - build.started) / 1000);
  if (process.stdout.isTTY) {
    // One status line rewritten each second, with the package being compiled: the terminal shows it moving.
    const timer = setInterval(() => {
      // The log's last line is the package being compiled (-v); its first line, the command, says nothing new.
      const current = lastLine(build.logFile).replace(/^\$ .*/, '');
      const status = `  … ${seconds()} s${current ? `  ${current}` : ''}`;
      process.stdout.write(`\r${status.slice(0, (process.stdout.columns || 80) - 1)}\x1b[K`);
    }, 1000);
    return {
      stop: () => {
        clearInterval(timer);
        process.stdout.write('\r\x1b[K');
      },
    };
  }
  const timer = setInterval(() => log(`  still building ${build.what} … ${seconds()} s`), LINE_EVERY_MS);
  return { stop: () => clearInterval(timer) };
}

function finish(build, code, log) {
  const seconds = Math.round((Date.now() - build.started) / 1000);
  if (code === 0) {
    log(`• Built ${build.what} in ${seconds} s`);
    return;
  }
  const tail = tailOf(build.logFile);
  log(`✗ Building ${build.what} failed after ${seconds} s (${typeof code === 'number' ? `exit ${code}` : code}); the last lines of ${build.shownLog}:`);
  for (const line of tail) log(`    ${line}`);
  throw new Error(`go install failed for ${build.what}; full output: ${build.logFile}`);
}

function tailOf(file) {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-TAIL_LINES);
}

function lastLine(file) {
  try {
    const text = readFileSync(file, 'utf8');
    const end = text.trimEnd();
    return end.slice(end.lastIndexOf('\n') + 1);
  } catch {
    return '';
  }
}
