import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { PinnedRubric, Rating, Scores } from './cycle.js';
import { DEFAULT_RUBRIC } from './default-rubric.js';
import { pointStepOf, ratingBands, ratingForTotal, ratingProblem, scoreProblems, sheetBand, summariseScores, TOP_RATING_BLOCKERS, type RatingBand } from './rating.js';

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

describe('pointStepOf', () => {
  it('is half a point when the rubric names no step', () => {
    expect(pointStepOf(SHEET)).toBe(0.5);
    expect(pointStepOf(DEFAULT_RUBRIC)).toBe(0.5);
  });

  it("is the rubric's own step when it names one", () => {
    expect(pointStepOf({ ...SHEET, pointStep: 1 })).toBe(1);
    expect(pointStepOf({ ...SHEET, pointStep: 0.25 })).toBe(0.25);
  });
});

describe('scoreProblems and the point step', () => {
  it('flags 25.3 on a half-point sheet as off step and takes 25.5', () => {
    expect(scoreProblems(SHEET, { content: 25.3 })).toEqual([{ criterionId: 'content', problem: 'OFF_STEP' }]);
    expect(scoreProblems(SHEET, { content: 25.5 })).toEqual([]);
    expect(scoreProblems(SHEET, { content: 25, results: 0.5, duration: 9.5, minutes: 10 })).toEqual([]);
  });

  it.each([0.1, 0.25, 12.75, 49.99, 9.01])('flags %p as off step on a half-point sheet', (points) => {
    expect(scoreProblems(SHEET, { content: points })).toEqual([{ criterionId: 'content', problem: 'OFF_STEP' }]);
  });

  it('flags half points on a whole-point sheet and takes whole points', () => {
    const whole: PinnedRubric = { ...SHEET, pointStep: 1 };
    expect(scoreProblems(whole, { content: 25.5 })).toEqual([{ criterionId: 'content', problem: 'OFF_STEP' }]);
    expect(scoreProblems(whole, { content: 25, results: 30, duration: 0 })).toEqual([]);
  });

  it('takes quarter points on a quarter-point sheet', () => {
    const quarter: PinnedRubric = { ...SHEET, pointStep: 0.25 };
    expect(scoreProblems(quarter, { content: 12.75, results: 0.25 })).toEqual([]);
    expect(scoreProblems(quarter, { content: 12.8 })).toEqual([{ criterionId: 'content', problem: 'OFF_STEP' }]);
  });

  it('takes any whole number of half points up to the maximum', () => {
    for (let halves = 0; halves <= 100; halves += 1) {
      expect(scoreProblems(SHEET, { content: halves / 2 })).toEqual([]);
    }
  });

  it('reports one problem per criterion: off step alongside out of range and unknown', () => {
    const problems = scoreProblems(SHEET, { duration: 3.3, content: 50.5, speaking: 2.2, minutes: 10 });
    expect(problems).toHaveLength(3);
    expect(problems).toEqual(
      expect.arrayContaining([
        { criterionId: 'duration', problem: 'OFF_STEP' },
        { criterionId: 'content', problem: 'OUT_OF_RANGE' },
        { criterionId: 'speaking', problem: 'UNKNOWN_CRITERION' },
      ]),
    );
  });

  it('treats own keys named like Object.prototype members as unknown criteria', () => {
    const scores = JSON.parse('{"__proto__": 5, "constructor": 5, "toString": 5}') as Scores;
    const problems = scoreProblems(SHEET, scores);
    expect(problems).toHaveLength(3);
    expect(problems).toEqual(
      expect.arrayContaining([
        { criterionId: '__proto__', problem: 'UNKNOWN_CRITERION' },
        { criterionId: 'constructor', problem: 'UNKNOWN_CRITERION' },
        { criterionId: 'toString', problem: 'UNKNOWN_CRITERION' },
      ]),
    );
  });
});

describe('summariseScores counts only criteria the sheet itself scores', () => {
  const named = (id: string): PinnedRubric => ({
    id: 'rubric-named',
    name: 'Phiếu có tiêu chí trùng tên thuộc tính',
    version: 1,
    criteria: [
      { id: 'content', label: 'Nội dung', maxPoints: 90 },
      { id, label: 'Tiêu chí đặc biệt', maxPoints: 10 },
    ],
  });

  it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__'])(
    'leaves a sheet without the criterion %s incomplete',
    (id) => {
      expect(summariseScores(named(id), { content: 90 })).toEqual({ total: 90, maxTotal: 100, rating: null });
    },
  );

  it('rates the sheet once the criterion named constructor is scored', () => {
    expect(summariseScores(named('constructor'), { content: 85, constructor: 10 })).toEqual({ total: 95, maxTotal: 100, rating: 'TOT' });
  });

  it('rates a sheet scoring a criterion named __proto__ as an own key', () => {
    const scores = JSON.parse('{"content": 60, "__proto__": 10}') as Scores;
    expect(summariseScores(named('__proto__'), scores)).toEqual({ total: 70, maxTotal: 100, rating: 'KHA' });
  });

  it('does not give Tốt when a requiredForTop criterion named constructor is not scored', () => {
    const rubric: PinnedRubric = {
      ...named('constructor'),
      criteria: [
        { id: 'content', label: 'Nội dung', maxPoints: 90 },
        { id: 'constructor', label: 'Biên bản', maxPoints: 10, requiredForTop: true },
      ],
    };
    expect(summariseScores(rubric, { content: 90 }).rating).toBeNull();
    expect(ratingProblem(rubric, 'TOT', { content: 90 }, [])).toEqual({ reason: 'TOP_NEEDS_FULL_POINTS', criteria: ['Biên bản'] });
  });
});

describe('ratingProblem', () => {
  const FULL: Scores = { duration: 10, content: 50, results: 30, minutes: 10 };

  describe('Tốt needs full points on the marked criteria', () => {
    it('names the criterion below its maximum', () => {
      expect(ratingProblem(SHEET, 'TOT', { ...FULL, duration: 9.5 }, [])).toEqual({ reason: 'TOP_NEEDS_FULL_POINTS', criteria: ['Thời lượng'] });
    });

    it('names every marked criterion below its maximum', () => {
      const problem = ratingProblem(SHEET, 'TOT', { ...FULL, duration: 5, minutes: 0 }, []);
      expect(problem).toMatchObject({ reason: 'TOP_NEEDS_FULL_POINTS' });
      expect(problem && 'criteria' in problem ? [...problem.criteria].sort() : null).toEqual(['Biên bản', 'Thời lượng']);
    });

    it('names a marked criterion the sheet does not score', () => {
      expect(ratingProblem(SHEET, 'TOT', { duration: 10, content: 50, results: 30 }, [])).toEqual({
        reason: 'TOP_NEEDS_FULL_POINTS',
        criteria: ['Biên bản'],
      });
    });

    it('does not ask full points on criteria that are not marked', () => {
      expect(ratingProblem(SHEET, 'TOT', { ...FULL, content: 45, results: 25 }, [])).toBeNull();
    });

    it('cannot check full points without a sheet', () => {
      expect(ratingProblem(SHEET, 'TOT', null, [])).toBeNull();
    });
  });

  describe('Tốt needs a meeting long enough, with enough members and no unexcused absence', () => {
    it.each(['SHORT_MEETING', 'LOW_ATTENDANCE', 'UNEXCUSED_ABSENCE'] as const)('refuses Tốt for a meeting flagged %s', (flag) => {
      expect(ratingProblem(SHEET, 'TOT', null, [flag])).toEqual({ reason: flag });
      expect(ratingProblem(SHEET, 'TOT', FULL, [flag])).toEqual({ reason: flag });
    });

    it('names one of the flags when several block Tốt', () => {
      const problem = ratingProblem(SHEET, 'TOT', null, ['UNEXCUSED_ABSENCE', 'LOW_ATTENDANCE']);
      expect(['UNEXCUSED_ABSENCE', 'LOW_ATTENDANCE']).toContain(problem?.reason);
    });

    it('ignores flags that do not block Tốt', () => {
      expect(ratingProblem(SHEET, 'TOT', null, ['SOMETHING_ELSE'])).toBeNull();
      expect(ratingProblem(SHEET, 'TOT', FULL, [])).toBeNull();
    });

    it.each(['KHA', 'TRUNG_BINH', 'KEM'] as const)('lets a flagged meeting be rated %s (without a sheet)', (rating) => {
      expect(ratingProblem(SHEET, rating, null, ['SHORT_MEETING', 'LOW_ATTENDANCE', 'UNEXCUSED_ABSENCE'])).toBeNull();
    });
  });

  describe('a complete sheet decides the band', () => {
    it.each([
      ['TRUNG_BINH', FULL, 'TOT'],
      ['KHA', FULL, 'TOT'],
      ['KEM', { duration: 5, content: 40, results: 20, minutes: 8 }, 'KHA'],
      ['TOT', { duration: 10, content: 33, results: 20, minutes: 10 }, 'KHA'],
      ['KHA', { duration: 0, content: 30, results: 20, minutes: 5 }, 'TRUNG_BINH'],
      ['TRUNG_BINH', { duration: 0, content: 30, results: 10, minutes: 9 }, 'KEM'],
      // 95 points, but a marked criterion misses full points: the sheet's band is Khá
      ['TRUNG_BINH', { duration: 5, content: 50, results: 30, minutes: 10 }, 'KHA'],
    ] as const)('refuses %s for a sheet in band %s', (rating, scores, band) => {
      expect(ratingProblem(SHEET, rating, scores, [])).toEqual({ reason: 'DISAGREES_WITH_SCORES', band });
    });

    it.each([
      ['TOT', FULL],
      ['KHA', { duration: 5, content: 40, results: 20, minutes: 8 }],
      ['KHA', { duration: 5, content: 50, results: 30, minutes: 10 }],
      ['TRUNG_BINH', { duration: 0, content: 30, results: 20, minutes: 5 }],
      ['KEM', { duration: 0, content: 30, results: 10, minutes: 9 }],
    ] as const)('takes %s when the sheet agrees', (rating, scores) => {
      expect(ratingProblem(SHEET, rating, scores, [])).toBeNull();
    });

    it('uses the share of the maximum on a sheet whose maximum is not 100', () => {
      expect(ratingProblem(HALF_SHEET, 'TOT', { a: 23, b: 22 }, [])).toBeNull();
      expect(ratingProblem(HALF_SHEET, 'TOT', { a: 22, b: 22 }, [])).toEqual({ reason: 'DISAGREES_WITH_SCORES', band: 'KHA' });
    });

    it('keeps the meeting flags for Tốt alone: a flagged meeting rated as its sheet says below Tốt passes', () => {
      expect(ratingProblem(SHEET, 'KHA', { duration: 5, content: 40, results: 20, minutes: 8 }, ['SHORT_MEETING'])).toBeNull();
    });
  });

  describe('a partial sheet decides no band', () => {
    it.each(['KHA', 'TRUNG_BINH', 'KEM'] as const)('takes %s whatever the partial total', (rating) => {
      expect(ratingProblem(SHEET, rating, { content: 50, results: 30, duration: 10 }, [])).toBeNull();
      expect(ratingProblem(SHEET, rating, { content: 2 }, [])).toBeNull();
      expect(ratingProblem(SHEET, rating, {}, [])).toBeNull();
    });

    it('takes Tốt on a partial sheet that gives the marked criteria full points', () => {
      expect(ratingProblem(SHEET, 'TOT', { duration: 10, minutes: 10 }, [])).toBeNull();
    });
  });
});

describe('ratingBands: the bands as data for a page that shows them while scores are typed', () => {
  it('are the 100-point bands (domain.md: Tốt ≥ 90, Khá 70–89, Trung bình 50–69, Kém < 50), Tốt asking full points on the marked criteria', () => {
    expect(ratingBands(SHEET)).toEqual([
      { rating: 'TOT', from: 90, fullPointsOn: ['duration', 'minutes'] },
      { rating: 'KHA', from: 70, fullPointsOn: [] },
      { rating: 'TRUNG_BINH', from: 50, fullPointsOn: [] },
      { rating: 'KEM', from: 0, fullPointsOn: [] },
    ]);
  });

  it('take the share of the maximum, on the points a sheet of another size can give', () => {
    expect(ratingBands(HALF_SHEET).map((band) => [band.rating, band.from])).toEqual([
      ['TOT', 45],
      ['KHA', 35],
      ['TRUNG_BINH', 25],
      ['KEM', 0],
    ]);
    // 30 points in whole points: 90 % is 27, 70 % is 21, 50 % is 15.
    const thirty: PinnedRubric = { ...HALF_SHEET, criteria: [{ id: 'a', label: 'A', maxPoints: 30 }], pointStep: 1 };
    expect(ratingBands(thirty).map((band) => band.from)).toEqual([27, 21, 15, 0]);
    // 33 points in whole points: 29.7 is not a total the sheet can give, so Tốt starts at 30.
    expect(ratingBands({ ...thirty, criteria: [{ id: 'a', label: 'A', maxPoints: 33 }] }).map((band) => band.from)).toEqual([30, 24, 17, 0]);
  });

  it.each(TOP_RATING_BLOCKERS)('leave Tốt out when the meeting was flagged %s', (flag) => {
    expect(ratingBands(SHEET, [flag]).map((band) => band.rating)).toEqual(['KHA', 'TRUNG_BINH', 'KEM']);
  });

  /** How a page reads the bands: the first whose least total the sheet reaches, with full points where it asks them. */
  const bandOf = (rubric: PinnedRubric, bands: RatingBand[], scores: Scores): Rating | undefined => {
    const total = Object.values(scores).reduce((sum, points) => sum + points, 0);
    const full = (id: string) => scores[id] === rubric.criteria.find((criterion) => criterion.id === id)?.maxPoints;
    return bands.find((band) => total >= band.from && band.fullPointsOn.every(full))?.rating;
  };

  it("read as a page reads them, give every complete sheet the band sheetBand gives it, with or without the meeting's flags", () => {
    const rubrics = [SHEET, HALF_SHEET, DEFAULT_RUBRIC, { ...SHEET, criteria: [...SHEET.criteria, { id: 'extra', label: 'Thêm', maxPoints: 3 }] }];
    const sheet = fc.constantFrom(...rubrics).chain((rubric) =>
      fc.record({
        rubric: fc.constant(rubric),
        // Near the top as often as anywhere: full points and the band edges are where the rule bites.
        scores: fc.record(
          Object.fromEntries(
            rubric.criteria.map((criterion) => {
              const steps = criterion.maxPoints / pointStepOf(rubric);
              return [criterion.id, fc.oneof(fc.integer({ min: 0, max: steps }), fc.integer({ min: Math.max(0, steps - 4), max: steps })).map((n) => n * pointStepOf(rubric))];
            }),
          ),
        ),
        flags: fc.subarray([...TOP_RATING_BLOCKERS, 'SOMETHING_ELSE']),
      }),
    );
    fc.assert(
      fc.property(sheet, ({ rubric, scores, flags }) => {
        expect(bandOf(rubric, ratingBands(rubric, flags), scores)).toBe(sheetBand(rubric, scores, flags));
      }),
      { numRuns: 2_000 },
    );
  });
});
