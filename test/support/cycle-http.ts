// The suites' side of scripts/lib/cycle-driver.mjs: the supertest agent of an ApiStack as the driver's client.
import type request from 'supertest';
import type { CycleHttp } from '../../scripts/lib/cycle-driver.mjs';

/**
 * Sends each step through supertest and throws, with the API's answer, when its status is not the one
 * expected; the answer's body is the parsed JSON.
 */
export function supertestHttp(http: ReturnType<typeof request>): CycleHttp {
  return {
    async expect(status, method, path, { token, body, idempotencyKey, what }) {
      let call = (method === 'GET' ? http.get(path) : http.post(path)).set('Authorization', `Bearer ${token}`);
      if (idempotencyKey) call = call.set('Idempotency-Key', idempotencyKey);
      const response = body === undefined ? await call : await call.send(body as object);
      if (response.status !== status) throw new Error(`${what}: ${method} ${path} → ${response.status}, not ${status}: ${JSON.stringify(response.body)}`);
      return { status: response.status, body: response.body as unknown };
    },
  };
}
