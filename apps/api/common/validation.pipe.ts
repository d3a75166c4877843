import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { RequestValidationError } from './request-validation.error.js';

/** NUL cannot be stored by PostgreSQL and a lone surrogate is not text: both are refused, never silently changed. */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function refusal(property: string): ValidationError {
  return { property: property || 'body', constraints: { storableText: 'storableText' }, children: [] };
}

/**
 * One pass over what the client sent (iterative; bodies nested too deeply were refused on arrival by
 * rejectDeepBodies): refuses text that cannot be stored, and writes UUIDs in lower case (PostgreSQL answers
 * them so, and ids are compared as strings), so an id in capitals names the same resource.
 */
function normalise(input: unknown): { value: unknown; errors: ValidationError[] } {
  const errors: ValidationError[] = [];
  const visit = (value: unknown): unknown => (typeof value === 'string' && UUID.test(value) ? value.toLowerCase() : value);
  const root: Record<string, unknown> = { value: visit(input) };
  const stack: { holder: Record<string, unknown>; key: string; path: string }[] = [{ holder: root, key: 'value', path: '' }];
  while (stack.length > 0) {
    const { holder, key, path } = stack.pop()!;
    const value = holder[key];
    if (typeof value === 'string') {
      if (UNSTORABLE.test(value)) errors.push(refusal(path));
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as unknown as Record<string, unknown>) : { ...value };
    holder[key] = copy;
    for (const child of Object.keys(copy)) {
      const childPath = path ? `${path}.${child}` : child;
      if (UNSTORABLE.test(child)) errors.push(refusal(childPath));
      copy[child] = visit(copy[child]);
      stack.push({ holder: copy, key: child, path: childPath });
    }
  }
  return { value: root.value, errors };
}

/** Every body, query and parameter: unknown fields rejected at every depth, types converted, nothing coerced silently. */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'custom') return super.transform(value, metadata);
    const normalised = normalise(value);
    if (normalised.errors.length > 0) throw new RequestValidationError(normalised.errors.slice(0, 20));
    return super.transform(normalised.value, metadata);
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
