import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/** The SMS gateway's callback path holds the secret that proves its origin (provider-webhooks): never logged. */
const SECRET_PATH = /^(\/api\/webhooks\/sms\/)[^/]+/;

/**
 * One JSON line per request with its id (taken from X-Request-Id when the caller sends a sane one), so a
 * person's complaint can be matched to the log and to the Temporal update it caused.
 */
export function requestLogging(enabled: boolean) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const incoming = request.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && /^[\w.:-]{1,100}$/.test(incoming) ? incoming : randomUUID();
    response.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      if (!enabled) return;
      const user = (request as Request & { user?: { id: string } }).user;
      process.stdout.write(
        `${JSON.stringify({
          time: new Date().toISOString(),
          level: response.statusCode >= 500 ? 'error' : 'info',
          requestId,
          method: request.method,
          path: request.originalUrl.split('?')[0].replace(SECRET_PATH, '$1…'),
          status: response.statusCode,
          ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
          userId: user?.id ?? null,
        })}\n`,
      );
    });
    next();
  };
}
