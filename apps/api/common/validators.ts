import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isCalendarDate, isDisplayName, isScoreSheet, parseOffsetDateTime } from '../../../libs/domain/input-bounds.js';
import { durationToMs } from '../../../libs/domain/iso-duration.js';

const MAX_DURATION_MS = 366 * 86_400_000;

/**
 * An ISO 8601 time with its offset (2026-12-05T08:00:00+07:00), every part a real one (no 30 February),
 * within the years the product takes: a time without a zone is ambiguous for people in Asia/Ho_Chi_Minh.
 */
export function IsOffsetDateTime(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isOffsetDateTime', validator: { validate: (value: unknown) => parseOffsetDateTime(value) !== null } }, options);
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

/** A calendar date YYYY-MM-DD that exists, within the years the product takes. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isCalendarDate', validator: { validate: (value: unknown) => isCalendarDate(value) } }, options);
}

/**
 * Scores against a rubric: { criterionId: points }, at most 50 criteria, points 0–100 in hundredths at the
 * finest. The rubric itself (its criteria, maxima and point step) is checked by the workflow.
 */
export function IsScoreSheet(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isScoreSheet', validator: { validate: (value: unknown) => isScoreSheet(value) } }, options);
}

/** A name people read, at most `max` characters: see isDisplayName (no invisible or direction-changing characters). */
export function IsDisplayName(max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDisplayName',
      constraints: [max],
      validator: {
        validate: (value: unknown) => isDisplayName(value, max),
        // The error filter reads the constraint's number from this English sentence.
        defaultMessage: () => `$property must be a name with letters, at most ${max} characters`,
      },
    },
    options,
  );
}

/** Names are stored in one Unicode form (NFC), so the same name typed on two phones is the same name. */
export function NormalizeName(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.normalize('NFC') : value));
}
