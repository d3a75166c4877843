// A TCP proxy on 127.0.0.1 that counts what a client asks of a server, for the bench's profile phase only
// (it adds a hop, so no latency is measured through it):
//  - 'pg':   PostgreSQL round trips (each Sync of the extended protocol, each simple Query) and the
//            statements sent (Parse or Query), with their SQL text;
//  - 'h2':   gRPC calls over cleartext HTTP/2 (each HEADERS frame the client opens a stream with).
import net from 'node:net';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const H2_PREFACE_LENGTH = 24;

export async function startCountingProxy({ target, protocol }) {
  const [host, port] = splitAddress(target);
  const counts = { roundTrips: 0, statements: 0, calls: 0, connections: 0 };
  let statements = [];
  const sockets = new Set();

  const server = net.createServer((client) => {
    counts.connections += 1;
    const upstream = net.connect({ host, port });
    for (const socket of [client, upstream]) {
      socket.setNoDelay(true);
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    }
    const parse = protocol === 'pg' ? pgParser(counts, (sql) => statements.push(sql)) : h2Parser(counts);
    client.on('data', (chunk) => {
      upstream.write(chunk);
      parse(chunk);
    });
    upstream.pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.once('error', close);
    upstream.once('error', close);
    client.once('close', close);
    upstream.once('close', close);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    address: `127.0.0.1:${server.address().port}`,
    port: server.address().port,
    /** Counts since the last snapshot, and the SQL sent meanwhile. */
    snapshot() {
      const taken = { ...counts, sql: statements };
      counts.roundTrips = 0;
      counts.statements = 0;
      counts.calls = 0;
      statements = [];
      return taken;
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function splitAddress(address) {
  const index = address.lastIndexOf(':');
  return [address.slice(0, index), Number(address.slice(index + 1))];
}

/** Frontend messages: an untyped startup (or SSL/GSS request) first, then type byte + int32 length. */
function pgParser(counts, onStatement) {
  let buffer = Buffer.alloc(0);
  let startup = true;
  return (chunk) => {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    for (;;) {
      if (startup) {
        if (buffer.length < 8) break;
        const length = buffer.readInt32BE(0);
        if (buffer.length < length) break;
        const code = buffer.readInt32BE(4);
        buffer = buffer.subarray(length);
        if (code !== SSL_REQUEST && code !== GSSENC_REQUEST) startup = false;
        continue;
      }
      if (buffer.length < 5) break;
      const type = String.fromCharCode(buffer[0]);
      const length = buffer.readInt32BE(1);
      if (buffer.length < 1 + length) break;
      const body = buffer.subarray(5, 1 + length);
      if (type === 'Q') {
        counts.roundTrips += 1;
        counts.statements += 1;
        onStatement(normalise(body.toString('utf8', 0, Math.max(0, body.length - 1))));
      } else if (type === 'S') {
        counts.roundTrips += 1;
      } else if (type === 'P') {
        counts.statements += 1;
        const nameEnd = body.indexOf(0);
        const queryEnd = body.indexOf(0, nameEnd + 1);
        onStatement(normalise(body.toString('utf8', nameEnd + 1, queryEnd)));
      }
      buffer = buffer.subarray(1 + length);
    }
  };
}

function normalise(sql) {
  return sql.replace(/\s+/g, ' ').trim();
}

/** Client → server HTTP/2: the connection preface, then frames (9-byte header); HEADERS is type 1. */
function h2Parser(counts) {
  let buffer = Buffer.alloc(0);
  let preface = true;
  let lastStream = 0;
  return (chunk) => {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    if (preface) {
      if (buffer.length < H2_PREFACE_LENGTH) return;
      buffer = buffer.subarray(H2_PREFACE_LENGTH);
      preface = false;
    }
    while (buffer.length >= 9) {
      const length = buffer.readUIntBE(0, 3);
      if (buffer.length < 9 + length) break;
      const type = buffer[3];
      const streamId = buffer.readUInt32BE(5) & 0x7fffffff;
      // Client streams have rising odd ids: a HEADERS frame on a higher one opens a new call.
      if (type === 1 && streamId > lastStream) {
        lastStream = streamId;
        counts.calls += 1;
      }
      buffer = buffer.subarray(9 + length);
    }
  };
}
