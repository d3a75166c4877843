import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { zaloSignatureOf } from '../../libs/channels/zalo/zalo-webhook.js';

/**
 * Zalo's ZNS and OAuth endpoints as notifications.md documents them, on 127.0.0.1: a template message needs
 * the current access token (else −124), is sent to any 84… number (−108 otherwise) and is not deduplicated
 * (a repeat with the same tracking id is a second message); an access token is renewed with the refresh token,
 * which works once. Each test scripts what it needs: failures, slow or missing answers, numbers that cannot
 * receive ZNS, an expired access token, and the delivery webhook posted back after a message is accepted.
 */

export interface RecordedRequest {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

export interface SentZns {
  msgId: string;
  phone: string;
  templateId: string;
  templateData: Record<string, string>;
  trackingId: string | null;
}

/** What one scripted request gets instead of the normal answer. */
export type ZaloScript =
  | { error: number; message?: string }
  | { httpStatus: number }
  /** The connection is cut after the message was sent, with no answer. */
  | { reset: true };

export interface FakeZalo {
  /** The base of both the ZNS API and the OAuth endpoint. */
  url: string;
  appId: string;
  /** The app's secret key, which the OAuth call sends in its `secret_key` header. */
  secretKey: string;
  oaSecretKey: string;
  /** The tokens Zalo currently takes: the test seeds the client with them. */
  tokens: { access: string; refresh: string };
  requests: RecordedRequest[];
  sent: SentZns[];
  /** Refresh calls that issued a new pair. */
  refreshes: number;
  /** The statuses our webhook answered, in order. */
  webhookAnswers: number[];
  sentWith(trackingId: string): number;
  /** The next `count` template requests get this answer (in order, after any already scripted). */
  failNext(count: number, answer: ZaloScript): void;
  /** Template answers from now on wait this long after the message is sent; 'never' answers nothing. */
  answerAfter(delay: number | 'never'): void;
  /** How this number answers, before anything else is checked (−118: not on Zalo, −108: invalid…). */
  phoneAnswers(phone: string, error: number): void;
  /** The current access token stops working (−124) until the next refresh. */
  expireAccessToken(): void;
  /** How long the OAuth call takes to answer. */
  refreshDelay(ms: number): void;
  /** After accepting a message, post `user_received_message` here, signed; null stops it. */
  postWebhooksTo(url: string | null, options?: { signWith?: string }): void;
  /** Every webhook post started so far has been answered. */
  webhooksSettled(): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeZalo(): Promise<FakeZalo> {
  const scripted: ZaloScript[] = [];
  const phoneErrors = new Map<string, number>();
  const sendsByTracking = new Map<string, number>();
  const webhookPosts: Promise<void>[] = [];
  let delay: number | 'never' = 0;
  let refreshDelayMs = 0;
  let accessValid = true;
  let webhook: { url: string; signWith: string } | null = null;
  let issued = 0;
  const hanging = new Set<ServerResponse>();
  /** Slow answers still waiting: closing the fake ends them, so no timer outlives a test. */
  const waits = new Set<{ timer: NodeJS.Timeout; done: () => void }>();
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const wait = { timer: setTimeout(() => (waits.delete(wait), resolve()), ms), done: resolve };
      waits.add(wait);
    });

  const fake: FakeZalo = {
    url: '',
    appId: '4321987654321',
    secretKey: `app-secret-${randomUUID()}`,
    oaSecretKey: `oa-secret-${randomUUID()}`,
    tokens: { access: `access-0-${randomUUID()}`, refresh: `refresh-0-${randomUUID()}` },
    requests: [],
    sent: [],
    refreshes: 0,
    webhookAnswers: [],
    sentWith: (trackingId) => sendsByTracking.get(trackingId) ?? 0,
    failNext: (count, answer) => {
      for (let index = 0; index < count; index += 1) scripted.push(answer);
    },
    answerAfter: (value) => {
      delay = value;
    },
    phoneAnswers: (phone, error) => {
      phoneErrors.set(phone, error);
    },
    expireAccessToken: () => {
      accessValid = false;
    },
    refreshDelay: (ms) => {
      refreshDelayMs = ms;
    },
    postWebhooksTo: (url, options = {}) => {
      webhook = url ? { url, signWith: options.signWith ?? fake.oaSecretKey } : null;
    },
    webhooksSettled: async () => {
      await Promise.all(webhookPosts);
    },
    close: async () => {
      for (const response of hanging) response.destroy();
      for (const wait of waits) {
        clearTimeout(wait.timer);
        wait.done();
      }
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const answer = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };

  async function template(request: IncomingMessage, body: Record<string, unknown>, response: ServerResponse) {
    if (request.headers.access_token !== fake.tokens.access || !accessValid) {
      return answer(response, 200, { error: -124, message: 'Access token is invalid or expired' });
    }
    const script = scripted.shift();
    if (script && 'httpStatus' in script) return answer(response, script.httpStatus, { message: 'Service unavailable' });
    if (script && 'error' in script) return answer(response, 200, { error: script.error, message: script.message ?? `Error ${script.error}` });
    const phone = typeof body.phone === 'string' ? body.phone : '';
    const phoneError = phoneErrors.get(phone);
    if (phoneError !== undefined) return answer(response, 200, { error: phoneError, message: `Error ${phoneError}` });
    if (!/^84\d{9}$/.test(phone)) return answer(response, 200, { error: -108, message: 'Phone number is invalid' });
    const data = body.template_data as Record<string, unknown> | undefined;
    if (typeof body.template_id !== 'string' || !data || typeof data !== 'object') return answer(response, 200, { error: -109, message: 'Template is invalid' });
    // Approved templates limit each field (most to 30 characters) and take only text.
    if (Object.values(data).some((value) => typeof value !== 'string' || value.length === 0 || [...value].length > 30)) {
      return answer(response, 200, { error: -112, message: 'Template data is invalid' });
    }
    const msgId = randomBytes(16).toString('hex');
    const trackingId = typeof body.tracking_id === 'string' ? body.tracking_id : null;
    fake.sent.push({ msgId, phone, templateId: body.template_id, templateData: data as Record<string, string>, trackingId });
    if (trackingId) sendsByTracking.set(trackingId, (sendsByTracking.get(trackingId) ?? 0) + 1);
    if (webhook) webhookPosts.push(postWebhook(webhook, msgId, trackingId));
    if (script && 'reset' in script) return response.destroy();
    const wait = delay;
    if (wait === 'never') {
      hanging.add(response);
      return;
    }
    if (wait > 0) await pause(wait);
    if (!response.destroyed) {
      answer(response, 200, {
        error: 0,
        message: 'Success',
        data: { msg_id: msgId, sent_time: String(Date.now()), quota: { dailyQuota: '500', remainingQuota: String(500 - fake.sent.length) } },
      });
    }
  }

  async function postWebhook(target: { url: string; signWith: string }, msgId: string, trackingId: string | null) {
    const timestamp = String(Date.now());
    const raw = JSON.stringify({
      app_id: fake.appId,
      oa_id: '1122334455667788',
      event_name: 'user_received_message',
      sender: { id: '1122334455667788' },
      recipient: { id: '9988776655443322' },
      message: { msg_id: msgId, delivery_time: timestamp, ...(trackingId ? { tracking_id: trackingId } : {}) },
      timestamp,
    });
    const response = await fetch(target.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-ZEvent-Signature': zaloSignatureOf({ appId: fake.appId, oaSecretKey: target.signWith }, raw, timestamp) },
      body: raw,
    });
    await response.arrayBuffer();
    fake.webhookAnswers.push(response.status);
  }

  async function accessToken(request: IncomingMessage, body: Record<string, unknown>, response: ServerResponse) {
    if (refreshDelayMs > 0) await pause(refreshDelayMs);
    if (request.headers.secret_key !== fake.secretKey || body.app_id !== fake.appId) {
      return answer(response, 200, { error: -14002, error_name: 'Invalid app', error_description: 'Invalid secret key or app id' });
    }
    if (body.grant_type !== 'refresh_token' || body.refresh_token !== fake.tokens.refresh) {
      return answer(response, 200, { error: -14014, error_name: 'Invalid parameter', error_description: 'Refresh token is invalid' });
    }
    issued += 1;
    // Single-use: the refresh token just used is spent, the old access token too.
    fake.tokens = { access: `access-${issued}-${randomUUID()}`, refresh: `refresh-${issued}-${randomUUID()}` };
    accessValid = true;
    fake.refreshes += 1;
    answer(response, 200, { access_token: fake.tokens.access, refresh_token: fake.tokens.refresh, expires_in: '90000' });
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const path = (request.url ?? '').split('?')[0];
      let body: Record<string, unknown> = {};
      try {
        body = String(request.headers['content-type']).startsWith('application/x-www-form-urlencoded')
          ? Object.fromEntries(new URLSearchParams(text))
          : (JSON.parse(text) as Record<string, unknown>);
      } catch {
        body = {};
      }
      fake.requests.push({ path, headers: request.headers, body });
      const handled =
        request.method === 'POST' && path === '/message/template'
          ? template(request, body, response)
          : request.method === 'POST' && path === '/v4/oa/access_token'
            ? accessToken(request, body, response)
            : Promise.resolve(answer(response, 404, { error: -201, message: 'Not found' }));
      handled.catch(() => response.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
