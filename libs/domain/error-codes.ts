/**
 * Stable codes for every refusal the product can give. The workflow raises them, the API maps them to
 * HTTP statuses and to the sentences people read (see messages.ts). Codes are a contract: add, never rename.
 */
export const ERROR_CODES = {
  // 409: the step does not fit the cycle now
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
  // 403: signed in, but not this person's step in this cycle
  NOT_COMMITTEE_OF_CYCLE: 403,
  NOT_HOST_SECRETARY: 403,
  NOT_INVITED: 403,
  NOT_ATTENDING: 403,
  ROLE_NOT_ALLOWED: 403,
  NOT_VOUCHED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  // 400: the content does not fit this cycle
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
  // 401
  NOT_AUTHENTICATED: 401,
  BAD_CREDENTIALS: 401,
  // 404
  NOT_FOUND: 404,
  // 413 / 429 / 503
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  TEMPORAL_UNAVAILABLE: 503,
  DATABASE_UNAVAILABLE: 503,
  USERNAME_TAKEN: 409,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The type of the ApplicationFailure the workflow throws for a refused step. */
export const CYCLE_REJECTION = 'CycleRejection';

export interface Rejection {
  code: ErrorCode;
  params?: Record<string, string | number>;
}
