import { describe, expect, it } from '@jest/globals';
import type { PinnedRubric, Scores } from './cycle.js';
import { DEFAULT_RUBRIC } from './default-rubric.js';
import { ratingForTotal, scoreProblems, summariseScores } from './rating.js';

/**
 * A 100-point sheet built here, independent of the default one: two criteria carry the "full points for
 * Tốt" rule (domain.md: Tốt also needs full points on attendance, duration, members speaking, minutes).
 */
const SHEET: PinnedRubric = {
  id: 'rubric-spec',
  name: 'Phiếu chấm điểm thử nghiệm',
  version: 2,
  criteria: [
    { id: 'duration', label: 'Thời lượng', maxPoints: 10, requiredForTop: true },
    { id: 'content', label: 'Nội dung', maxPoints: 50 },
    { id: 'results', label: 'Kết quả', maxPoints: 30 },
    { id: 'minutes', label: 'Biên bản', maxPoints: 10, requiredForTop: true },
  ],
};

/** A 50-point sheet: provinces issue their own sheets, so the bands apply to the share of the maximum. */
const HALF_SHEET: PinnedRubric = {
  id: 'rubric-half',
  name: 'Phiếu 50 điểm',
  version: 1,
  criteria: [
    { id: 'a', label: 'A', maxPoints: 25 },
    { id: 'b', label: 'B', maxPoints: 25 },
  ],
};

describe('ratingForTotal on a 100-point sheet (Tốt ≥ 90, Khá 70–89, Trung bình 50–69, Kém < 50)', () => {
  it.each([
    [100, 'TOT'],
    [90, 'TOT'],
    [89.5, 'KHA'],
    [89, 'KHA'],
    [70, 'KHA'],
    [69.5, 'TRUNG_BINH'],
    [69, 'TRUNG_BINH'],
    [50, 'TRUNG_BINH'],
    [49.5, 'KEM'],
    [49, 'KEM'],
    [0, 'KEM'],
  ] as const)('%p points → %s', (total, rating) => {
    expect(ratingForTotal(total, 100)).toBe(rating);
  });
});

describe('ratingForTotal on a sheet whose maximum is not 100', () => {
  it.each([
    [50, 'TOT'],
    [45, 'TOT'],
    [44, 'KHA'],
    [35, 'KHA'],
    [34, 'TRUNG_BINH'],
    [25, 'TRUNG_BINH'],
    [24, 'KEM'],
  ] as const)('%p of 50 points → %s', (total, rating) => {
    expect(ratingForTotal(total, 50)).toBe(rating);
  });
});

describe('summariseScores', () => {
  it('rates a full sheet Tốt with its total and maximum', () => {
    expect(summariseScores(SHEET, { duration: 10, content: 50, results: 30, minutes: 10 })).toEqual({
      total: 100,
      maxTotal: 100,
      rating: 'TOT',
    });
  });

  it('rates exactly 90 points Tốt when every requiredForTop criterion has full points', () => {
    expect(summariseScores(SHEET, { duration: 10, content: 45, results: 25, minutes: 10 })).toEqual({
      total: 90,
      maxTotal: 100,
      rating: 'TOT',
    });
  });

  it('rates 95 points Khá, not Tốt, when a requiredForTop criterion misses full points', () => {
    expect(summariseScores(SHEET, { duration: 5, content: 50, results: 30, minutes: 10 })).toEqual({
      total: 95,
      maxTotal: 100,
      rating: 'KHA',
    });
    expect(summariseScores(SHEET, { duration: 10, content: 50, results: 26, minutes: 9 }).rating).toBe('KHA');
  });

  it('keeps the band of a total below 90 whatever the requiredForTop criteria hold', () => {
    expect(summariseScores(SHEET, { duration: 5, content: 40, results: 20, minutes: 8 })).toEqual({
      total: 73,
      maxTotal: 100,
      rating: 'KHA',
    });
    expect(summariseScores(SHEET, { duration: 0, content: 30, results: 20, minutes: 5 }).rating).toBe('TRUNG_BINH');
    expect(summariseScores(SHEET, { duration: 0, content: 30, results: 10, minutes: 9 }).rating).toBe('KEM');
  });

  it('gives an incomplete sheet its total but no rating', () => {
    expect(summariseScores(SHEET, { duration: 10, content: 50, results: 30 })).toEqual({
      total: 90,
      maxTotal: 100,
      rating: null,
    });
    expect(summariseScores(SHEET, {})).toEqual({ total: 0, maxTotal: 100, rating: null });
  });

  it('counts a criterion scored 0 as answered, not as missing', () => {
    expect(summariseScores(SHEET, { duration: 0, content: 0, results: 0, minutes: 0 })).toEqual({
      total: 0,
      maxTotal: 100,
      rating: 'KEM',
    });
  });

  it('rates a sheet whose maximum is not 100 on its share of the maximum', () => {
    expect(summariseScores(HALF_SHEET, { a: 23, b: 22 })).toEqual({ total: 45, maxTotal: 50, rating: 'TOT' });
    expect(summariseScores(HALF_SHEET, { a: 22, b: 22 })).toEqual({ total: 44, maxTotal: 50, rating: 'KHA' });
  });
});

describe('scoreProblems', () => {
  it('finds nothing wrong with scores from 0 to the maximum of known criteria', () => {
    expect(scoreProblems(SHEET, { duration: 0, content: 50, results: 12.5, minutes: 10 })).toEqual([]);
    expect(scoreProblems(SHEET, {})).toEqual([]);
  });

  it('flags a criterion that is not on the sheet', () => {
    expect(scoreProblems(SHEET, { duration: 10, speaking: 5 })).toEqual([{ criterionId: 'speaking', problem: 'UNKNOWN_CRITERION' }]);
  });

  it.each([
    ['negative', -1],
    ['above the maximum', 11],
    ['NaN', Number.NaN],
    ['infinite', Number.POSITIVE_INFINITY],
  ])('flags a %s score as out of range', (_label, points) => {
    expect(scoreProblems(SHEET, { minutes: points })).toEqual([{ criterionId: 'minutes', problem: 'OUT_OF_RANGE' }]);
  });

  it('reports every problem of a sheet, one per criterion', () => {
    const scores: Scores = { duration: 10, content: 51, results: -0.5, unknown: 3 };
    const problems = scoreProblems(SHEET, scores);
    expect(problems).toHaveLength(3);
    expect(problems).toEqual(
      expect.arrayContaining([
        { criterionId: 'content', problem: 'OUT_OF_RANGE' },
        { criterionId: 'results', problem: 'OUT_OF_RANGE' },
        { criterionId: 'unknown', problem: 'UNKNOWN_CRITERION' },
      ]),
    );
  });
});

describe('DEFAULT_RUBRIC (the template after Hướng dẫn 42-HD/BTCTW)', () => {
  const points = Object.fromEntries(DEFAULT_RUBRIC.criteria.map((criterion) => [criterion.id, criterion.maxPoints]));

  it('is a 100-point sheet marked as a template', () => {
    expect(DEFAULT_RUBRIC.isTemplate).toBe(true);
    expect(DEFAULT_RUBRIC.criteria.reduce((sum, criterion) => sum + criterion.maxPoints, 0)).toBe(100);
    expect(new Set(DEFAULT_RUBRIC.criteria.map((criterion) => criterion.id)).size).toBe(DEFAULT_RUBRIC.criteria.length);
  });

  it('follows the published split: time 5, attendance 5, preparation 10, conduct 40, principles 5, results 30, closing 5', () => {
    expect(points.time).toBe(5);
    expect(points.attendance).toBe(5);
    expect(points.preparation).toBe(10);
    // conduct (40) is split so that members speaking can carry the full-points rule for Tốt
    expect(points.conduct + points.speaking).toBe(40);
    expect(points.principles).toBe(5);
    expect(points.results).toBe(30);
    expect(points.closing).toBe(5);
  });

  it('asks full points on duration, attendance, members speaking and minutes for Tốt', () => {
    const required = DEFAULT_RUBRIC.criteria.filter((criterion) => criterion.requiredForTop).map((criterion) => criterion.id);
    expect([...required].sort()).toEqual(['attendance', 'closing', 'speaking', 'time']);
  });

  it('rates 95 points with one point lost on members speaking Khá', () => {
    const scores: Scores = { ...points, speaking: points.speaking - 1, results: points.results - 4 };
    expect(summariseScores(DEFAULT_RUBRIC, scores)).toEqual({ total: 95, maxTotal: 100, rating: 'KHA' });
  });

  it('rates 95 points lost only on non-required criteria Tốt', () => {
    const scores: Scores = { ...points, conduct: points.conduct - 3, results: points.results - 2 };
    expect(summariseScores(DEFAULT_RUBRIC, scores)).toEqual({ total: 95, maxTotal: 100, rating: 'TOT' });
  });
});
