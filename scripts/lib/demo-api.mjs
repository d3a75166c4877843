// The demo's HTTP client (npm run demo): plain fetch against a running `npm start`, logins, and the
// accounts of the commune, made on the first run and logged into on later ones.

const ORIGIN = (process.env.DEMO_API_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '');
export const BASE = `${ORIGIN}/api`;
/** Where the pages are: what a person opens on a phone. */
export const PAGES = `${ORIGIN}/`;
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'demo-na-hoi-2026';

/**
 * One request; the answer's status, body (null when it is not JSON) and, when refused for too many
 * requests, how many seconds to wait (Retry-After).
 * @param {'GET' | 'POST' | 'PUT'} method
 * @param {string} path starts with /api
 * @param {{ token?: string, body?: unknown, key?: string }} [options]
 */
export async function call(method, path, { token, body, key } = {}) {
  /** @type {Record<string, string>} */
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (key) headers['Idempotency-Key'] = key;
  let response;
  try {
    response = await fetch(`${ORIGIN}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new Error(`Không kết nối được ${BASE}: hãy chạy "npm start" trước / start the service with "npm start" first`);
  }
  /** @type {any} */
  const payload = await response.json().catch(() => null);
  return { status: response.status, body: payload, retryAfterSeconds: Number(response.headers.get('Retry-After')) || 0 };
}

/** The error a refused request shows: what was being done, the status and the API's message. */
function refused(/** @type {string} */ what, /** @type {{ status: number, body: any }} */ response) {
  const message = Array.isArray(response.body?.message) ? response.body.message.join('; ') : response.body?.message;
  return new Error(`${what}: ${response.status} ${message ?? ''}`);
}

/** The body of a request that must succeed. */
export async function expectOk(/** @type {'GET' | 'POST' | 'PUT'} */ method, /** @type {string} */ path, /** @type {{ token?: string, body?: unknown }} */ options, /** @type {string} */ what) {
  const response = await call(method, path, options);
  if (response.status >= 300) throw refused(what, response);
  return response.body;
}

/** The same client as the cycle driver talks to it: each step's status is the one the API answers it with. */
export const driverHttp = {
  /** @type {import('./cycle-driver.mjs').CycleHttp['expect']} */
  async expect(status, method, path, { token, body, idempotencyKey, what }) {
    const response = await call(method, path, { token, body, key: idempotencyKey });
    if (response.status !== status) throw refused(what, response);
    return response;
  },
};

/** How many times a login refused for too many logins (429) is tried again, each after the wait the service asks. */
const LOGIN_RETRIES = 3;

/**
 * The person's access token. A run logs in some twenty people, so a run soon after another meets the
 * service's limit on logins from one address a minute: it waits as long as the service asks, and goes on.
 */
export async function login(/** @type {string} */ username, /** @type {string} */ password) {
  for (let attempt = 0; ; attempt += 1) {
    const response = await call('POST', '/api/auth/login', { body: { username, password } });
    if (response.status === 429 && response.retryAfterSeconds > 0 && attempt < LOGIN_RETRIES) {
      console.log(`[Kỹ thuật] Dịch vụ giới hạn số lần đăng nhập trong một phút: chờ ${response.retryAfterSeconds} giây rồi đăng nhập tiếp.`);
      await new Promise((resolve) => setTimeout(resolve, response.retryAfterSeconds * 1000));
      continue;
    }
    if (response.status >= 300) throw refused(`đăng nhập ${username}`, response);
    return response.body.accessToken;
  }
}

/**
 * The person's account, made when missing (a later run logs into the one the first made), and checked to
 * act where the demo expects it: a login name taken by an account of another committee or cell stops the demo.
 * @param {string} creatorToken
 * @param {{ username: string, fullName: string, role: 'committee' | 'secretary', committeeId?: string, cellId?: string }} user
 */
export async function account(creatorToken, user) {
  const created = await call('POST', '/api/users', { token: creatorToken, body: { ...user, password: DEMO_PASSWORD } });
  if (created.status >= 300 && created.body?.code !== 'USERNAME_TAKEN') throw refused(`tạo tài khoản ${user.username}`, created);
  const token = await login(user.username, DEMO_PASSWORD);
  const me = await expectOk('GET', '/api/me', { token }, `tài khoản ${user.username}`);
  const expected = user.role === 'committee' ? { committeeId: user.committeeId } : { cellId: user.cellId };
  if (Object.entries(expected).some(([field, id]) => me[field] !== id)) {
    throw new Error(`Tài khoản ${user.username} đã có và thuộc đơn vị khác; đặt DEMO_API_URL tới một dịch vụ khác hoặc dùng thư mục dữ liệu mới`);
  }
  // Everyone gets an email address, so the invitations and reminders of the run land in the mail catcher.
  await expectOk('PUT', '/api/me/contact', { token, body: { email: demoEmailOf(user.username), notifyChannels: ['email', 'zalo', 'sms'] } }, `địa chỉ thư của ${user.username}`);
  return { username: user.username, fullName: user.fullName, token };
}

/** The demo's made-up address for an account (the reserved .example domain: it can never reach anyone). */
export const demoEmailOf = (/** @type {string} */ username) => `${username}@xanahoi.example`;
