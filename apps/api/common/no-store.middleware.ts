import type { NextFunction, Request, Response } from 'express';

/** Answers of the API are about one person's cycles: no browser, proxy or phone may keep a copy. */
export function noStore(request: Request, response: Response, next: NextFunction): void {
  if (!request.path.startsWith('/api/docs')) response.setHeader('Cache-Control', 'no-store');
  next();
}
