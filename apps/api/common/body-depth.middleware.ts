import type { NextFunction, Request, Response } from 'express';
import { describeField } from '../../../libs/wording/field-labels.js';
import { languageOf } from '../../../libs/wording/language.js';
import { constraintMessage } from '../../../libs/wording/validation-messages.js';

/** No request of this API nests deeper than a few levels; deeper bodies would overflow recursive code downstream. */
export const MAX_BODY_DEPTH = 32;

function tooDeep(body: unknown): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value: body, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_BODY_DEPTH) return true;
    for (const child of Object.values(value)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}

/** Refuses a too deeply nested JSON body right after parsing, before guards, interceptors or pipes touch it. */
export function rejectDeepBodies(request: Request, response: Response, next: NextFunction): void {
  if (!tooDeep(request.body)) return next();
  const language = languageOf(request.headers['accept-language']);
  response.status(400).json({
    statusCode: 400,
    message: [constraintMessage('maxDepth', language, describeField(undefined, [], language), { n: MAX_BODY_DEPTH })],
    error: 'Bad Request',
    code: 'VALIDATION_FAILED',
  });
}
