// The channels' providers for the bench, in this process, on 127.0.0.1: an SMTP server, Zalo's ZNS template
// API with its OAuth token endpoint, and eSMS.vn's brandname SMS API, each answering as notifications.md says
// the real one does. They count what arrives and when (the bench's clock, so it compares with the launch),
// and answer after a small delay drawn evenly from 30–80 ms, about a real provider's answer over the
// internet from Vietnam, so the worker's sends overlap as they would in production. The real providers
// cannot be used: they cost money per message, need approved templates and real phone numbers, and their
// latency would measure the internet rather than us. (Not the tests' fakes: no slow or failing answers,
// only the one refusal the fallback needs, and no delivery reports, so a delivery ends at SENT.)
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import { SMTPServer } from 'smtp-server';

/** Delay before each answer, ms: evenly spread over this range, from a seeded generator so runs match. */
export const PROVIDER_LATENCY_MS = [30, 80];

/** ZNS refuses a third of the phone numbers with −118 ("cannot receive ZNS"): those go by SMS instead. */
export const znsRefuses = (phone) => Number(phone) % 3 === 0;

const TEMPLATES = { invitation: '400101', change: '400102', reminder: '400103', overdue: '400104', lessons: '400105' };

/** Starts the three providers; answers their settings for the worker (`env`) and what each received. */
export async function startProviders({ cleanups }) {
  const delay = latency(0x5eed);
  const credentials = {
    appId: '3141592653589793238',
    secretKey: randomBytes(12).toString('base64url'),
    smsApiKey: randomBytes(12).toString('hex').toUpperCase(),
    smsSecretKey: randomBytes(12).toString('hex').toUpperCase(),
    brandname: 'CHIBODIEM',
  };
  const received = { email: [], zns: [], znsRefused: [], sms: [], smsRepeated: [], tokenRefreshes: [], unexpected: [] };

  const smtp = await startSmtp(received, delay);
  cleanups.add('bench SMTP server', () => new Promise((resolve) => smtp.close(resolve)));
  const tokens = zaloTokens();
  const first = { access: tokens.access, refresh: tokens.refresh };
  const zalo = await startHttp(zaloHandler(received, credentials, tokens), delay);
  cleanups.add('bench Zalo ZNS provider', () => zalo.close());
  const esms = await startHttp(esmsHandler(received, credentials), delay);
  cleanups.add('bench eSMS provider', () => esms.close());

  return {
    received,
    latencyMs: PROVIDER_LATENCY_MS,
    /** What the worker needs to send on all three channels to these providers. */
    env: {
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      ZALO_ZNS_API_URL: zalo.url,
      ZALO_OAUTH_URL: zalo.url,
      ZALO_APP_ID: credentials.appId,
      ZALO_SECRET_KEY: credentials.secretKey,
      ZALO_ACCESS_TOKEN: first.access,
      ZALO_REFRESH_TOKEN: first.refresh,
      ZALO_OA_SECRET_KEY: randomBytes(12).toString('base64url'),
      ZALO_ZNS_TEMPLATES: Object.entries(TEMPLATES).map(([kind, id]) => `${kind}=${id}`).join(','),
      SMS_API_URL: esms.url,
      SMS_API_KEY: credentials.smsApiKey,
      SMS_SECRET_KEY: credentials.smsSecretKey,
      SMS_BRANDNAME: credentials.brandname,
    },
    /** What arrived at or after `since` (epoch ms), per provider. */
    since(since) {
      return Object.fromEntries(Object.entries(received).map(([name, entries]) => [name, entries.filter((entry) => entry.at >= since)]));
    },
  };
}

/** A seeded generator (mulberry32) of delays in PROVIDER_LATENCY_MS. */
function latency(seed) {
  let state = seed >>> 0;
  const [low, high] = PROVIDER_LATENCY_MS;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const unit = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return low + unit * (high - low);
  };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ── SMTP ──────────────────────────────────────────────────────────────────────────────────────────────

/** Plain SMTP, no authentication and no STARTTLS (a relay on the same host): every message is accepted. */
async function startSmtp(received, delay) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      let bytes = 0;
      stream.on('data', (chunk) => {
        bytes += chunk.length;
      });
      stream.on('end', () => {
        const at = Date.now();
        for (const recipient of session.envelope.rcptTo) received.email.push({ at, to: recipient.address.toLowerCase(), bytes });
        void sleep(delay()).then(() => callback(null, 'OK: queued'));
      });
    },
  });
  server.on('error', () => {});
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return { port: server.server.address().port, close: (done) => server.close(done) };
}

// ── HTTP providers ────────────────────────────────────────────────────────────────────────────────────

/** An HTTP server whose handler answers { status, body } from the request and its parsed body, after a delay. */
async function startHttp(handler, delay) {
  const server = http.createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const type = request.headers['content-type'] ?? '';
      let body = {};
      try {
        body = type.includes('application/x-www-form-urlencoded') ? Object.fromEntries(new URLSearchParams(text)) : text ? JSON.parse(text) : {};
      } catch {
        body = null;
      }
      const url = new URL(request.url, 'http://provider');
      const answer = handler({ method: request.method, path: url.pathname, headers: request.headers, body, at: Date.now() });
      void sleep(delay()).then(() => {
        response.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' });
        response.end(JSON.stringify(answer.body));
      });
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The OA's tokens: each refresh replaces the refresh token (single-use) and adds an access token; access
 * tokens handed out stay valid (they live 25 h, longer than any run).
 */
function zaloTokens() {
  const access = `bench-access-${randomBytes(16).toString('base64url')}`;
  return { access, refresh: `bench-refresh-${randomBytes(16).toString('base64url')}`, valid: new Set([access]) };
}

/** Zalo: the ZNS template message and the OA token endpoint (one server: the paths do not overlap). */
function zaloHandler(received, credentials, tokens) {
  let remainingQuota = 100_000;
  return ({ method, path, headers, body, at }) => {
    if (method === 'POST' && path === '/message/template') {
      if (!tokens.valid.has(headers.access_token)) return { status: 200, body: { error: -124, message: 'Access token is invalid' } };
      if (!body?.phone || !body.template_id || typeof body.template_data !== 'object') return { status: 200, body: { error: -112, message: 'Body is invalid' } };
      const phone = String(body.phone);
      if (znsRefuses(phone)) {
        received.znsRefused.push({ at, to: phone, template: String(body.template_id) });
        return { status: 200, body: { error: -118, message: 'Zalo account does not exist or is disabled' } };
      }
      remainingQuota -= 1;
      const msgId = randomBytes(16).toString('hex');
      received.zns.push({ at, to: phone, template: String(body.template_id), tracking: body.tracking_id ?? null, msgId });
      return {
        status: 200,
        body: { error: 0, message: 'Success', data: { msg_id: msgId, sent_time: String(at), quota: { dailyQuota: '100000', remainingQuota: String(remainingQuota) } } },
      };
    }
    if (method === 'POST' && path === '/v4/oa/access_token') {
      const fits = headers.secret_key === credentials.secretKey && body?.app_id === credentials.appId && body?.grant_type === 'refresh_token';
      if (!fits || body.refresh_token !== tokens.refresh) {
        received.tokenRefreshes.push({ at, ok: false });
        return { status: 200, body: { error: -14014, error_name: 'Invalid refresh token', error_description: 'Refresh token is invalid or already used' } };
      }
      const access = `bench-access-${randomBytes(16).toString('base64url')}`;
      tokens.refresh = `bench-refresh-${randomBytes(16).toString('base64url')}`;
      tokens.valid.add(access);
      received.tokenRefreshes.push({ at, ok: true });
      return { status: 200, body: { access_token: access, refresh_token: tokens.refresh, expires_in: '90000' } };
    }
    received.unexpected.push({ at, provider: 'zalo', request: `${method} ${path}` });
    return { status: 404, body: { error: -201, message: 'Not found' } };
  };
}

/** eSMS.vn: SendMultipleMessage_V4_post_json, deduplicating by RequestId as the gateway does. */
function esmsHandler(received, credentials) {
  const requestIds = new Set();
  return ({ method, path, body, at }) => {
    if (method !== 'POST' || path !== '/MainService.svc/json/SendMultipleMessage_V4_post_json/') {
      received.unexpected.push({ at, provider: 'esms', request: `${method} ${path}` });
      return { status: 404, body: { CodeResult: '99', ErrorMessage: 'Not found' } };
    }
    if (body?.ApiKey !== credentials.smsApiKey || body.SecretKey !== credentials.smsSecretKey) return { status: 200, body: { CodeResult: '101', ErrorMessage: 'Authorize Failed' } };
    if (body.Brandname !== credentials.brandname) return { status: 200, body: { CodeResult: '104', ErrorMessage: 'Brandname not registered' } };
    if (!body.Phone || !body.Content) return { status: 200, body: { CodeResult: '99', ErrorMessage: 'Invalid request' } };
    if (body.RequestId && requestIds.has(body.RequestId)) {
      received.smsRepeated.push({ at, to: String(body.Phone), requestId: body.RequestId });
      return { status: 200, body: { CodeResult: '124', ErrorMessage: 'Request exist' } };
    }
    if (body.RequestId) requestIds.add(body.RequestId);
    const smsId = randomUUID();
    received.sms.push({ at, to: String(body.Phone), requestId: body.RequestId ?? null, smsId, characters: String(body.Content).length });
    return { status: 200, body: { CodeResult: '100', SMSID: smsId } };
  };
}
