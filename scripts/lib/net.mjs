import net from 'node:net';

/** True when something accepts TCP connections on host:port. */
export function portAnswers(port, host = '127.0.0.1', timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (answer) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export async function waitForPort(port, { host = '127.0.0.1', timeoutMs = 60000, what = `port ${port}`, isAlive = () => true } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await portAnswers(port, host)) return;
    if (!isAlive()) throw new Error(`${what} exited before it answered on ${host}:${port}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} did not answer on ${host}:${port} within ${timeoutMs / 1000} s`);
}

/**
 * Where freePort draws from: below the kernel's ephemeral ports (32768 and up), so no outgoing connection can
 * take a port between its pick and the moment its server binds it (npm start's API binds its port seconds
 * later). npm test gives each of its lanes a part of its own (CBD_PORT_RANGE), so the lanes never pick alike.
 */
const [RANGE_LOW, RANGE_HIGH] = (process.env.CBD_PORT_RANGE ?? '20000-32767').split('-').map(Number);
/** Handed out by this process already: a second pick never returns one the first caller has not bound yet. */
const handedOut = new Set();

export async function freePort() {
  for (let attempt = 0; attempt < 200; attempt++) {
    const candidate = RANGE_LOW + Math.floor(Math.random() * (RANGE_HIGH - RANGE_LOW + 1));
    if (handedOut.has(candidate) || !(await canListen(candidate))) continue;
    handedOut.add(candidate);
    return candidate;
  }
  throw new Error(`no free port found between ${RANGE_LOW} and ${RANGE_HIGH} on 127.0.0.1`);
}

/** True when a server could listen on 127.0.0.1:port now. */
export function canListen(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
