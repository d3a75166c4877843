import type { WriteOutcome } from '../../workflows/model-meeting/step-writer.js';

/** The trigger that keeps a cell from hosting two open cycles names this constraint (migration 1765000000000). */
export const ONE_OPEN_CYCLE_PER_HOST = 'one_open_cycle_per_host';

/**
 * SQLSTATE classes whose errors come from what a record holds, not from the database's health: a retry
 * writes the same record and fails the same way. 22 data exception (a date out of range, a number that
 * does not fit), 23 integrity constraint violation, 42 syntax error or access rule violation, 54 program
 * limit exceeded, P0 raised by a trigger.
 * Everything else (08 connection, 40 transaction rollback, 53 insufficient resources, 57 operator
 * intervention, 58 system error, XX internal error, and errors without a SQLSTATE) may pass: it is retried.
 */
const PERMANENT_CLASSES = new Set(['22', '23', '42', '54', 'P0']);

interface PgError {
  code?: unknown;
  constraint?: unknown;
  message?: unknown;
  driverError?: unknown;
}

function sqlStateOf(error: unknown): { code: string; constraint?: string; message: string } | null {
  const candidate = error as PgError | null;
  if (!candidate || typeof candidate !== 'object') return null;
  if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
    return {
      code: candidate.code,
      constraint: typeof candidate.constraint === 'string' ? candidate.constraint : undefined,
      message: typeof candidate.message === 'string' ? candidate.message : '',
    };
  }
  return candidate.driverError ? sqlStateOf(candidate.driverError) : null;
}

/**
 * Whether a failed write can never succeed, and the refusal the step gets then: HOST_BUSY when the cell
 * already hosts an open cycle, NOT_STORABLE for any other data the database refuses. Null: retry.
 */
export function refusalOf(error: unknown): Omit<NonNullable<WriteOutcome['refused']>, 'seq'> | null {
  const state = sqlStateOf(error);
  if (!state || !PERMANENT_CLASSES.has(state.code.slice(0, 2))) return null;
  if (state.constraint === ONE_OPEN_CYCLE_PER_HOST) return { code: 'HOST_BUSY', detail: state.code };
  return { code: 'NOT_STORABLE', detail: `${state.code}${state.constraint ? ` ${state.constraint}` : ''}: ${state.message}`.slice(0, 500) };
}
