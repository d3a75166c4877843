import { describe, expect, it } from '@jest/globals';
import { durationToMs } from './iso-duration.js';

describe('ISO 8601 durations', () => {
  it.each([
    ['P3D', 3 * 86_400_000],
    ['P7D', 7 * 86_400_000],
    ['PT30S', 30_000],
    ['PT1H30M', 5_400_000],
    ['P1W', 7 * 86_400_000],
    ['P1DT12H', 36 * 3_600_000],
    ['PT0.5S', 500],
  ])('%s is %d ms', (text, ms) => {
    expect(durationToMs(text)).toBe(ms);
  });

  it.each(['', 'P', 'PT', '3D', 'P3', 'P1Y', 'P1M', 'PT-5S', 'P3DT', 'p3d', 'P3D '])('refuses %j', (text) => {
    expect(durationToMs(text)).toBeNull();
  });
});
