// The API under test may be killed mid-request, so a request that gets no answer is a result (status 0) to check, not an exception.
import { waitUntil } from './server-control.js';

export interface HttpAnswer {
  /** 0 when no answer came (connection refused or reset, the API was killed). */
  status: number;
  // The parsed JSON of any endpoint: suites read the fields they know.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  error?: string;
}

export async function request(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; key?: string; timeoutMs?: number } = {},
): Promise<HttpAnswer> {
  const headers: Record<string, string> = {};
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.key) headers['Idempotency-Key'] = options.key;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 60000),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { status: 0, body: null, error: `${(error as Error).message}${cause ? `: ${cause.code ?? cause.message}` : ''}` };
  }
}

export class ApiClient {
  constructor(readonly baseUrl: string) {}

  send(method: string, path: string, options: { token?: string; body?: unknown; key?: string; timeoutMs?: number } = {}) {
    return request(this.baseUrl, method, path, options);
  }

  get(path: string, token: string) {
    return this.send('GET', path, { token });
  }

  async login(username: string, password: string): Promise<string> {
    const answer = await this.send('POST', '/api/auth/login', { body: { username, password } });
    if (answer.status !== 200) throw new Error(`login ${username} → ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body.accessToken as string;
  }
}

/** Polls `send` until it answers 200 (e.g. a GET while a dependency is coming back). */
export async function until200(what: string, send: () => Promise<HttpAnswer>, timeoutMs = 60000): Promise<HttpAnswer> {
  let last: HttpAnswer = { status: 0, body: null };
  await waitUntil(
    what,
    async () => {
      last = await send();
      return last.status === 200;
    },
    timeoutMs,
    250,
  ).catch((error: Error) => {
    throw new Error(`${error.message}; last answer ${last.status} ${JSON.stringify(last.body)}`);
  });
  return last;
}
