import type { ValidationError } from 'class-validator';

/** Thrown by the global ValidationPipe; the exception filter renders it in the caller's language. */
export class RequestValidationError extends Error {
  constructor(readonly errors: ValidationError[]) {
    super('VALIDATION_FAILED');
    this.name = 'RequestValidationError';
  }
}
