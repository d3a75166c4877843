/**
 * Stable codes for every refusal the product can give. The workflow refuses steps with the rejection codes;
 * the API adds its own; its exception filter maps each to an HTTP status and to the sentence people read
 * (messages.ts). Codes are a contract: add, never rename.
 */

/** What the modelMeeting workflow (or the activity writing its steps) can answer a step with. */
export const REJECTION_CODES = [
  'WRONG_STAGE',
  'DEADLINE_PASSED',
  'ALREADY_DONE',
  'UNCHANGED',
  'MEETING_NOT_YET',
  'RESCHEDULE_TOO_LATE',
  'TOO_MANY_CHANGES',
  'HOST_BUSY',
  'NOT_COMMITTEE_OF_CYCLE',
  'NOT_HOST_SECRETARY',
  'NOT_INVITED',
  'NOT_ATTENDING',
  'NOT_VOUCHED',
  'UNKNOWN_CRITIQUE_POINT',
  'DUPLICATE_RESPONSE',
  'MISSING_RESPONSES',
  'INVALID_SCORES',
  'INVALID_ATTENDANCE',
  'INVALID_MEETING_TIMES',
  'INVALID_CELL',
  'ATTENDING_NOT_ACCEPTED',
  'HOST_IS_INVITED',
  'MEETING_NOT_IN_FUTURE',
  'RATING_REQUIRED',
  'RATING_NOT_ALLOWED',
  'MEETING_TOO_FAR',
  'DATE_OUT_OF_RANGE',
  'NO_INVITEES_LEFT',
  'MALFORMED_STEP',
  'NOT_STORABLE',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

/** What only the API answers: requests, accounts, limits and unavailable services. */
export const API_ERROR_CODES = [
  'DUPLICATE_REQUEST_IN_PROGRESS',
  'IDEMPOTENCY_KEY_REUSED',
  'ROLE_NOT_ALLOWED',
  'PASSWORD_CHANGE_REQUIRED',
  'WEAK_PASSWORD',
  'VALIDATION_FAILED',
  'NOT_AUTHENTICATED',
  'BAD_CREDENTIALS',
  'NOT_FOUND',
  'PAYLOAD_TOO_LARGE',
  'TOO_MANY_REQUESTS',
  'TEMPORAL_UNAVAILABLE',
  'DATABASE_UNAVAILABLE',
  'USERNAME_TAKEN',
  'ACCOUNT_DEACTIVATED',
  'CELL_IN_OPEN_CYCLE',
  'INVALID_RUBRIC',
  'RUBRIC_NOT_FOR_KIND',
  'IMPORT_UNREADABLE',
  'IMPORT_HAS_ERRORS',
  'COMMITTEE_MERGED',
  'CELL_NAME_TAKEN',
  'INVALID_AREA',
] as const;

export const ERROR_CODES = [...REJECTION_CODES, ...API_ERROR_CODES] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const KNOWN: ReadonlySet<string> = new Set(ERROR_CODES);

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && KNOWN.has(value);
}

/** The type of the ApplicationFailure the workflow throws for a refused step. */
export const CYCLE_REJECTION = 'CycleRejection';

export interface Rejection {
  code: RejectionCode;
  params?: Record<string, string | number>;
}
