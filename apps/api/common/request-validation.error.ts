import type { ValidationError } from 'class-validator';

/**
 * Thrown by the global ValidationPipe; the exception filter renders it in the caller's language, naming each
 * field by its label on `form` (the DTO, params or query class).
 */
export class RequestValidationError extends Error {
  constructor(
    readonly errors: ValidationError[],
    readonly form?: string,
  ) {
    super('VALIDATION_FAILED');
    this.name = 'RequestValidationError';
  }
}
