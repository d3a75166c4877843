import { ValidateBy, type ValidationOptions } from 'class-validator';
import { durationToMs } from '../../../libs/domain/iso-duration.js';

const OFFSET_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const MAX_DURATION_MS = 366 * 86_400_000;

/** An ISO 8601 time with its offset (2026-12-05T08:00:00+07:00): a time without a zone is ambiguous for people in Asia/Ho_Chi_Minh. */
export function IsOffsetDateTime(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isOffsetDateTime',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && OFFSET_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)),
      },
    },
    options,
  );
}

/** An ISO 8601 duration in weeks, days, hours, minutes, seconds (P3D, PT30S), above zero and at most a year. */
export function IsDurationString(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDurationString',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || value.length > 40) return false;
          const ms = durationToMs(value);
          return ms !== null && ms > 0 && ms <= MAX_DURATION_MS;
        },
      },
    },
    options,
  );
}

/** A calendar date YYYY-MM-DD that exists. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
          const date = new Date(`${value}T00:00:00Z`);
          return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
        },
      },
    },
    options,
  );
}

/** Scores against a rubric: { criterionId: points }, at most 50 criteria, points 0–100. The rubric itself is checked by the workflow. */
export function IsScoreSheet(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isScoreSheet',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          const entries = Object.entries(value);
          return (
            entries.length <= 50 &&
            entries.every(
              ([key, points]) => /^[a-zA-Z0-9_-]{1,50}$/.test(key) && typeof points === 'number' && Number.isFinite(points) && points >= 0 && points <= 100,
            )
          );
        },
      },
    },
    options,
  );
}
