import { ValidationPipe } from '@nestjs/common';
import { RequestValidationError } from './request-validation.error.js';

/** Every body, query and parameter: unknown fields rejected at every depth, types converted, nothing coerced silently. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => new RequestValidationError(errors),
  });
}
