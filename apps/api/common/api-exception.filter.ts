import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import type { Request, Response } from 'express';
import { DomainError } from '../../../libs/domain/domain-error.js';
import type { ErrorCode } from '../../../libs/domain/error-codes.js';
import { errorMessage, transportMessage } from '../../../libs/wording/error-messages.js';
import { describeField } from '../../../libs/wording/field-labels.js';
import { languageOf, type Language } from '../../../libs/wording/language.js';
import { constraintMessage } from '../../../libs/wording/validation-messages.js';
import { StoredResponse } from '../idempotency/idempotency.js';
import { RequestValidationError } from './request-validation.error.js';

/** The HTTP status of each refusal: 409 the step does not fit the cycle now, 403 not this person's step, 400 the content does not fit. */
const HTTP_STATUS: Record<ErrorCode, number> = {
  WRONG_STAGE: 409,
  DEADLINE_PASSED: 409,
  ALREADY_DONE: 409,
  UNCHANGED: 409,
  MEETING_NOT_YET: 409,
  RESCHEDULE_TOO_LATE: 409,
  TOO_MANY_CHANGES: 409,
  HOST_BUSY: 409,
  DUPLICATE_REQUEST_IN_PROGRESS: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  NOT_COMMITTEE_OF_CYCLE: 403,
  NOT_HOST_SECRETARY: 403,
  NOT_INVITED: 403,
  NOT_ATTENDING: 403,
  ROLE_NOT_ALLOWED: 403,
  NOT_VOUCHED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  UNKNOWN_CRITIQUE_POINT: 400,
  DUPLICATE_RESPONSE: 400,
  MISSING_RESPONSES: 400,
  INVALID_SCORES: 400,
  INVALID_ATTENDANCE: 400,
  INVALID_MEETING_TIMES: 400,
  INVALID_CELL: 400,
  ATTENDING_NOT_ACCEPTED: 400,
  HOST_IS_INVITED: 400,
  MEETING_NOT_IN_FUTURE: 400,
  RATING_REQUIRED: 400,
  RATING_NOT_ALLOWED: 400,
  MEETING_TOO_FAR: 400,
  DATE_OUT_OF_RANGE: 400,
  NO_INVITEES_LEFT: 400,
  MALFORMED_STEP: 400,
  WEAK_PASSWORD: 400,
  NOT_STORABLE: 400,
  VALIDATION_FAILED: 400,
  NOT_AUTHENTICATED: 401,
  BAD_CREDENTIALS: 401,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  TEMPORAL_UNAVAILABLE: 503,
  DATABASE_UNAVAILABLE: 503,
  USERNAME_TAKEN: 409,
  ACCOUNT_DEACTIVATED: 401,
  CELL_IN_OPEN_CYCLE: 409,
  INVALID_RUBRIC: 400,
  RUBRIC_NOT_FOR_KIND: 400,
  IMPORT_UNREADABLE: 400,
  IMPORT_HAS_ERRORS: 409,
  COMMITTEE_MERGED: 409,
  CELL_NAME_TAKEN: 409,
  INVALID_AREA: 400,
};

export function httpStatusOf(code: ErrorCode): number {
  return HTTP_STATUS[code];
}

const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Error codes of node-postgres and PostgreSQL that mean "the database is not there", not "the request is wrong". */
const DATABASE_DOWN = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);

function isDatabaseDown(error: unknown): boolean {
  const candidate = error as { code?: string; message?: string; driverError?: unknown };
  if (candidate?.code && DATABASE_DOWN.has(candidate.code)) return true;
  if (candidate?.driverError) return isDatabaseDown(candidate.driverError);
  const message = candidate?.message ?? '';
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Connection refused|the database system is (starting|shutting) up/i.test(
    message,
  );
}

/**
 * The one place errors become HTTP answers: NestJS's body { statusCode, message, error } with a stable
 * `code`, in Vietnamese unless the caller asks for English. Bad input is never a 500.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<Request>();
    const response = context.getResponse<Response>();
    if (response.headersSent) return;
    if (exception instanceof StoredResponse) {
      response.status(exception.status).json(exception.body);
      return;
    }
    const language = languageOf(request.headers['accept-language']);
    const { status, message, code, fields } = this.describe(exception, language, request);
    if (status === 429) response.setHeader('Retry-After', String(retryAfterOf(exception)));
    response.status(status).json({ statusCode: status, message, error: REASON[status] ?? 'Error', code, ...(fields ? { fields } : {}) });
  }

  private describe(
    exception: unknown,
    language: Language,
    request: Request,
  ): { status: number; message: string | string[]; code: string; fields?: FieldMessage[] } {
    if (exception instanceof DomainError) return this.domain(exception.code, language, exception.params);
    if (exception instanceof RequestValidationError) {
      const fields = flatten(exception.errors, language, exception.form);
      const message = fields.length > 0 ? fields.map((field) => field.message) : [errorMessage('VALIDATION_FAILED', language)];
      return { status: 400, code: 'VALIDATION_FAILED', message, fields };
    }
    if (exception instanceof HttpException && exception.getStatus() === 429) return this.domain('TOO_MANY_REQUESTS', language);
    // Express's body parser and router errors reach us wrapped by Nest (the original as `cause`).
    const transport = [exception, (exception as { cause?: unknown })?.cause].find(
      (candidate): candidate is { type?: string; status?: number } =>
        typeof candidate === 'object' && candidate !== null && ('type' in candidate || candidate instanceof SyntaxError || candidate instanceof URIError),
    );
    if (transport?.type === 'entity.too.large') return this.domain('PAYLOAD_TOO_LARGE', language);
    if (transport?.type === 'encoding.unsupported') {
      return {
        status: 400,
        code: 'VALIDATION_FAILED',
        message: transportMessage('unsupportedEncoding', language),
      };
    }
    // A compressed body that does not inflate: zlib's own (English) words never reach the person.
    const broken = [exception, (exception as { cause?: unknown })?.cause].some(
      (candidate) => typeof (candidate as { code?: unknown })?.code === 'string' && (candidate as { code: string }).code.startsWith('Z_'),
    );
    if (broken) {
      return {
        status: 400,
        code: 'VALIDATION_FAILED',
        message: transportMessage('damagedCompression', language),
      };
    }
    if (transport && (transport.status === undefined || transport.status < 500)) {
      return {
        status: 400,
        code: 'VALIDATION_FAILED',
        message: transportMessage(transport instanceof URIError ? 'badAddress' : 'unreadableBody', language),
      };
    }
    if (exception instanceof HttpException) {
      const status: number = exception.getStatus();
      if (status === 404) return this.domain('NOT_FOUND', language);
      if (status === 413) return this.domain('PAYLOAD_TOO_LARGE', language);
      if (status === 401) return this.domain('NOT_AUTHENTICATED', language);
      if (status === 403) return this.domain('ROLE_NOT_ALLOWED', language);
      // Any other refusal of the framework's: our words, never its English text.
      if (status < 500) return { status, code: 'VALIDATION_FAILED', message: errorMessage('VALIDATION_FAILED', language) };
    }
    if (isDatabaseDown(exception)) return this.domain('DATABASE_UNAVAILABLE', language);
    this.logger.error(`${request.method} ${request.originalUrl}: ${exception instanceof Error ? (exception.stack ?? exception.message) : String(exception)}`);
    return {
      status: 500,
      code: 'INTERNAL',
      message: transportMessage('unexpected', language),
    };
  }

  private domain(code: ErrorCode, language: Language, params?: Record<string, string | number>) {
    const status = httpStatusOf(code);
    return { status, code, message: errorMessage(code, language, params) };
  }
}

/** Seconds until a refused request may be tried again: what the refusal says, else a minute. */
function retryAfterOf(exception: unknown): number {
  const seconds = exception instanceof DomainError ? exception.params.retryAfterSeconds : undefined;
  return typeof seconds === 'number' && seconds > 0 ? Math.ceil(seconds) : 60;
}

/** One sentence of a validation refusal and the path of the field it is about, for a page to show beside it. */
export interface FieldMessage {
  field: string;
  message: string;
}

/** Checks of what kind a value is: when one fails, the sentences about its length or range would be beside the point. */
const KIND_CHECKS = new Set(['isString', 'isInt', 'isNumber', 'isBoolean', 'isArray', 'isObject', 'nestedValidation']);
/** Refusals about a key or its characters, not about a value left out. */
const ABOUT_THE_KEY = new Set(['whitelistValidation', 'storableText', 'unknownValue']);

/**
 * One sentence per problem, each naming its field by its label on `form`: a field left out is only
 * "required", a value of the wrong kind only says the kind, and the path stays beside the sentence.
 */
export function flatten(errors: ValidationError[], language: Language, form: string | undefined, parent: readonly string[] = []): FieldMessage[] {
  const found: FieldMessage[] = [];
  for (const error of errors) {
    const path = error.property ? [...parent, error.property] : parent;
    const field = path.join('.');
    const failed = Object.entries(error.constraints ?? {});
    const missing = (error.value === undefined || error.value === null) && failed.some(([constraint]) => !ABOUT_THE_KEY.has(constraint));
    const ofKind = failed.filter(([constraint]) => KIND_CHECKS.has(constraint));
    const shown: [string, string][] = missing ? [['isDefined', '']] : ofKind.length > 0 ? ofKind : failed;
    for (const [constraint, english] of shown) {
      // class-validator writes the constraint's number and allowed values into its English sentence.
      const n = /\d+(?:\.\d+)?/.exec(english)?.[0];
      const allowed = /following values: (.+)$/.exec(english)?.[1]?.split(', ') ?? [];
      const described = describeField(form, path, language, allowed);
      const key = constraint === 'whitelistValidation' ? error.property : undefined;
      found.push({ field, message: constraintMessage(constraint, language, described, { n: n === undefined ? undefined : Number(n), key }) });
    }
    if (error.children?.length) found.push(...flatten(error.children, language, form, path));
  }
  return found;
}
