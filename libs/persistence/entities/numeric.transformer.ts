import type { ValueTransformer } from 'typeorm';

/** node-postgres answers `numeric` as a string (it may not fit a double); the product's numerics (scores in half points) always do. */
export const NUMERIC: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
