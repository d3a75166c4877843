// A real SMTP server on 127.0.0.1 for the email channel's suites: it keeps what arrives, parsed as a mail
// client would read it, and answers as a mail server can (try later, no such mailbox) when told to.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerError } from 'smtp-server';
import { eventually } from './eventually.js';

export interface ReceivedMail {
  /** MAIL FROM and RCPT TO, as the client sent them. */
  envelope: { from: string; to: string[] };
  /** The message as it crossed the wire. */
  raw: string;
  parsed: ParsedMail;
  /** The queue id the server answered with ("250 OK: queued as <queueId>"). */
  queueId: string;
}

/** A reply the server gives instead of accepting: after RCPT TO (a mailbox refused) or after the message's data. */
export interface ScriptedReply {
  code: number;
  message: string;
  at?: 'rcpt' | 'data';
}

export interface SmtpInbox {
  port: number;
  /** smtp://127.0.0.1:<port>, for the adapter under test. */
  url: string;
  received: ReceivedMail[];
  /** Messages answered with a scripted reply instead of accepted. */
  refused: number;
  /** The next `count` messages get `reply` instead of being accepted. */
  answerNext(count: number, reply: ScriptedReply): void;
  close(): Promise<void>;
}

export async function startSmtpInbox(): Promise<SmtpInbox> {
  const scripted: Required<ScriptedReply>[] = [];
  const received: ReceivedMail[] = [];
  let queued = 0;

  const refusal = (stage: 'rcpt' | 'data'): SMTPServerError | null => {
    if (scripted[0]?.at !== stage) return null;
    const reply = scripted.shift()!;
    inbox.refused += 1;
    return Object.assign(new Error(reply.message), { responseCode: reply.code });
  };

  const server = new SMTPServer({
    // Plain SMTP on loopback: no TLS to negotiate, no login asked.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 100,
    onRcptTo(_address, _session, callback) {
      callback(refusal('rcpt'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const refused = refusal('data');
        if (refused) return callback(refused);
        const raw = Buffer.concat(chunks).toString('utf8');
        queued += 1;
        const queueId = `Q${String(queued).padStart(6, '0')}`;
        const { mailFrom, rcptTo } = session.envelope;
        simpleParser(raw).then(
          (parsed) => {
            received.push({ envelope: { from: mailFrom ? mailFrom.address : '', to: rcptTo.map((to) => to.address) }, raw, parsed, queueId });
            callback(null, `OK: queued as ${queueId}`);
          },
          (error: Error) => callback(error),
        );
      });
    },
  });

  // A client that drops the connection mid-message (a suite ending early) must not become an uncaught error.
  server.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  const inbox: SmtpInbox = {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    refused: 0,
    answerNext(count, reply) {
      for (let index = 0; index < count; index += 1) scripted.push({ at: 'data', ...reply });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return inbox;
}

/** Waits until the inbox holds `count` messages, and returns them. */
export async function waitForMail(inbox: SmtpInbox, count: number, timeoutMs = 10000): Promise<ReceivedMail[]> {
  return eventually(async () => {
    if (inbox.received.length < count) throw new Error(`${inbox.received.length} of ${count} messages arrived`);
    return inbox.received.slice(0, count);
  }, timeoutMs, 50);
}
