import type { ErrorCode } from './error-codes.js';

/** A refusal with a stable code; the API's one exception filter turns it into the HTTP status and sentence. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'DomainError';
  }
}
