import type { Request, Response } from 'express';

/** An entity tag without its weakness mark: RFC 9110's weak comparison looks at the opaque part alone. */
const opaque = (tag: string) => tag.trim().replace(/^W\//, '');

/** Whether the client's If-None-Match names this ETag (or `*`): weak comparison, as RFC 9110 asks for it. */
export function alreadyHeld(request: Request, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/**
 * The validators of an answer that changes only with what it shows: a browser may keep its copy but must ask
 * first (private, no-cache), naming it by its ETag. Set on the answer itself (200 or 304) and never earlier, so
 * a refusal or a failure on the way keeps the API's no-store.
 */
export function withValidators(response: Response, etag: string): Response {
  response.setHeader('Cache-Control', 'private, no-cache');
  response.setHeader('ETag', etag);
  return response;
}

/** Answers 304, and true, when the client holds this ETag already. */
export function answeredNotModified(request: Request, response: Response, etag: string): boolean {
  if (!alreadyHeld(request, etag)) return false;
  withValidators(response, etag).status(304).end();
  return true;
}

/** A JSON answer named by its ETag: 304 when the client holds it, else the body, made only then. */
export async function sendJsonUnlessHeld(request: Request, response: Response, answer: { etag: string; body: () => Promise<Buffer> }): Promise<void> {
  if (answeredNotModified(request, response, answer.etag)) return;
  const body = await answer.body();
  withValidators(response, answer.etag).status(200).type('json').send(body);
}
