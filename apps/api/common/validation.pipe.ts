import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { RequestValidationError } from './request-validation.error.js';

/** NUL cannot be stored by PostgreSQL and a lone surrogate is not text: both are refused, never silently changed. */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function unstorableTextErrors(value: unknown, property: string, depth = 0): ValidationError[] {
  if (typeof value === 'string') {
    return UNSTORABLE.test(value) ? [{ property, constraints: { storableText: 'unstorable' }, children: [] }] : [];
  }
  if (depth > 20 || typeof value !== 'object' || value === null) return [];
  const errors: ValidationError[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (UNSTORABLE.test(key)) errors.push({ property: property ? `${property}.${key}` : key, constraints: { storableText: 'unstorable' }, children: [] });
    errors.push(...unstorableTextErrors(child, property ? `${property}.${key}` : key, depth + 1));
  }
  return errors;
}

/** Every body, query and parameter: unknown fields rejected at every depth, types converted, nothing coerced silently. */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const unstorable = unstorableTextErrors(value, '');
    if (unstorable.length > 0) throw new RequestValidationError(unstorable);
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
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
