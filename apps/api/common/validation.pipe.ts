import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { RequestValidationError } from './request-validation.error.js';

/** NUL cannot be stored by PostgreSQL and a lone surrogate is not text: both are refused, never silently changed. */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Fields that hold ids (id, cellId, invitedCellIds, …): only these are written in lower case. */
const ID_FIELD = /(?:^id|Ids?)$/;

/** A refusal at `path`, nested as class-validator nests its own, so the filter names each field one way. */
function errorAt(path: readonly string[], constraint: string): ValidationError {
  const [property = '', ...rest] = path;
  return rest.length === 0
    ? { property, constraints: { [constraint]: constraint }, children: [] }
    : { property, children: [errorAt(rest, constraint)] };
}

/**
 * A key every object already has (toString, constructor, __proto__, …): the validation library and Nest
 * would drop it without a word, so it is refused here like any other field the request may not send.
 */
function isPrototypeKey(key: string): boolean {
  return key === '__proto__' || key === 'prototype' || key in Object.prototype;
}

/**
 * One pass over what the client sent (iterative; bodies nested too deeply were refused on arrival by
 * rejectDeepBodies): refuses text that cannot be stored and keys every object already has, and writes the
 * UUIDs of id fields (and of route parameters) in lower case (PostgreSQL answers them so, and ids are
 * compared as strings), so an id in capitals names the same resource. Free text is left exactly as sent.
 */
function normalise(input: unknown, idsOnly: boolean): { value: unknown; errors: ValidationError[] } {
  const errors: ValidationError[] = [];
  const lowerId = (value: unknown, isId: boolean): unknown => (isId && typeof value === 'string' && UUID.test(value) ? value.toLowerCase() : value);
  const root: Record<string, unknown> = { value: lowerId(input, !idsOnly) };
  const stack: { holder: Record<string, unknown>; key: string; path: string[]; ids: boolean }[] = [{ holder: root, key: 'value', path: [], ids: !idsOnly }];
  while (stack.length > 0) {
    const { holder, key, path, ids } = stack.pop()!;
    const value = holder[key];
    if (typeof value === 'string') {
      if (UNSTORABLE.test(value)) errors.push(errorAt(path, 'storableText'));
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    const isArray = Array.isArray(value);
    const copy: Record<string, unknown> = isArray ? ([...value] as unknown as Record<string, unknown>) : { ...value };
    holder[key] = copy;
    for (const child of Object.keys(copy)) {
      const childPath = [...path, child];
      if (UNSTORABLE.test(child)) errors.push(errorAt(childPath, 'storableText'));
      if (!isArray && isPrototypeKey(child)) errors.push(errorAt(childPath, 'whitelistValidation'));
      // The elements of an id list are ids; an object's field is one when its name says so.
      const childIsId = isArray ? ids : ID_FIELD.test(child);
      copy[child] = lowerId(copy[child], childIsId);
      stack.push({ holder: copy, key: child, path: childPath, ids: childIsId });
    }
  }
  return { value: root.value, errors };
}

/** Every body, query and parameter: unknown fields rejected at every depth, types converted, nothing coerced silently. */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'custom') return super.transform(value, metadata);
    // A POST with no body at all is an empty one: an endpoint whose body says nothing takes it.
    if (metadata.type === 'body' && value === undefined) value = {};
    // Route parameters are ids or known words; in bodies and queries only id fields are.
    const normalised = normalise(value, metadata.type !== 'param');
    // The class names the form whose labels the refusal uses.
    const form = metadata.metatype?.name;
    if (normalised.errors.length > 0) throw new RequestValidationError(normalised.errors.slice(0, 20), form);
    try {
      return await super.transform(normalised.value, metadata);
    } catch (error) {
      throw error instanceof RequestValidationError ? new RequestValidationError(error.errors, form) : error;
    }
  }
}

export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // The value tells a field left out (one sentence: it is required) from one filled in wrongly; it never reaches the answer.
    validationError: { target: false, value: true },
    stopAtFirstError: false,
    exceptionFactory: (errors) => new RequestValidationError(errors),
  });
}
