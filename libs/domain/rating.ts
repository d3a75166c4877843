import { DEFAULT_POINT_STEP, RATINGS, type PinnedRubric, type Rating, type Scores } from './cycle.js';
import { hasOwn, isMultipleOf } from './input-bounds.js';

/** Bands of the 100-point sheet: Tốt ≥ 90, Khá 70–89, Trung bình 50–69, Kém < 50. */
export function ratingForTotal(total: number, maxTotal: number): Rating {
  const normalised = maxTotal === 100 ? total : (total / maxTotal) * 100;
  if (normalised >= 90) return 'TOT';
  if (normalised >= 70) return 'KHA';
  if (normalised >= 50) return 'TRUNG_BINH';
  return 'KEM';
}

export interface ScoreProblem {
  criterionId: string;
  problem: 'UNKNOWN_CRITERION' | 'OUT_OF_RANGE' | 'OFF_STEP';
}

export function pointStepOf(rubric: PinnedRubric): number {
  return rubric.pointStep ?? DEFAULT_POINT_STEP;
}

export function scoreProblems(rubric: PinnedRubric, scores: Scores): ScoreProblem[] {
  const problems: ScoreProblem[] = [];
  const byId = new Map(rubric.criteria.map((criterion) => [criterion.id, criterion]));
  const step = pointStepOf(rubric);
  for (const [criterionId, points] of Object.entries(scores)) {
    const criterion = byId.get(criterionId);
    if (!criterion) problems.push({ criterionId, problem: 'UNKNOWN_CRITERION' });
    else if (!Number.isFinite(points) || points < 0 || points > criterion.maxPoints) {
      problems.push({ criterionId, problem: 'OUT_OF_RANGE' });
    } else if (!isMultipleOf(points, step)) {
      problems.push({ criterionId, problem: 'OFF_STEP' });
    }
  }
  return problems;
}

export interface ScoreSummary {
  total: number;
  maxTotal: number;
  /** Only a complete sheet can be rated; a partial one keeps its total but no band. */
  rating: Rating | null;
}

const maxTotalOf = (rubric: PinnedRubric) => rubric.criteria.reduce((sum, criterion) => sum + criterion.maxPoints, 0);

export function summariseScores(rubric: PinnedRubric, scores: Scores): ScoreSummary {
  const maxTotal = maxTotalOf(rubric);
  const total = Object.values(scores).reduce((sum, points) => sum + points, 0);
  const complete = rubric.criteria.every((criterion) => hasOwn(scores, criterion.id));
  if (!complete) return { total, maxTotal, rating: null };
  let rating = ratingForTotal(total, maxTotal);
  if (rating === 'TOT' && missesFullPoints(rubric, scores).length > 0) rating = 'KHA';
  return { total, maxTotal, rating };
}

/** The criteria marked as needing full points for Tốt. */
const fullPointsForTop = (rubric: PinnedRubric) => rubric.criteria.filter((criterion) => criterion.requiredForTop);

/** The criteria marked as needing full points for Tốt that this sheet does not give full points (or does not score). */
function missesFullPoints(rubric: PinnedRubric, scores: Scores): string[] {
  return fullPointsForTop(rubric)
    .filter((criterion) => !(hasOwn(scores, criterion.id) && scores[criterion.id] === criterion.maxPoints))
    .map((criterion) => criterion.label);
}

/** Why a meeting may not be rated Tốt, as its record shows (flags of meetingQualityFlags). */
export const TOP_RATING_BLOCKERS = ['SHORT_MEETING', 'LOW_ATTENDANCE', 'UNEXCUSED_ABSENCE'] as const;

const topRuledOut = (meetingFlags: readonly string[]) => TOP_RATING_BLOCKERS.some((flag) => meetingFlags.includes(flag));

/**
 * The band a score sheet decides (null while it is incomplete): a sheet worth Tốt on a meeting whose record
 * rules Tốt out is worth Khá, as a sheet missing full points is.
 */
export function sheetBand(rubric: PinnedRubric, scores: Scores, meetingFlags: readonly string[]): Rating | null {
  const band = summariseScores(rubric, scores).rating;
  return band === 'TOT' && topRuledOut(meetingFlags) ? 'KHA' : band;
}

/** One band of a sheet, as data a page can read (ratingBands). */
export interface RatingBand {
  rating: Rating;
  /** The least total on the sheet's point step that reaches the band. */
  from: number;
  /** The criteria (ids) that need full points for the band. */
  fullPointsOn: string[];
}

/**
 * The bands of one sheet, best first, as data for a page that shows the band while the scores are typed, so
 * that no page keeps a second copy of the rule: each band's least total is found by ratingForTotal itself,
 * stepping through the totals the sheet's point step allows; the criteria needing full points are those
 * summariseScores asks of Tốt, and a Tốt the meeting's record rules out is left out. A complete sheet is in the
 * first band whose least total it reaches and whose criteria it gives full points: sheetBand's answer.
 */
export function ratingBands(rubric: PinnedRubric, meetingFlags: readonly string[] = []): RatingBand[] {
  const maxTotal = maxTotalOf(rubric);
  const step = pointStepOf(rubric);
  const least = new Map<Rating, number>();
  for (let steps = Math.floor(maxTotal / step); steps >= 0; steps -= 1) least.set(ratingForTotal(steps * step, maxTotal), steps * step);
  const top = fullPointsForTop(rubric).map((criterion) => criterion.id);
  return RATINGS.filter((rating) => least.has(rating) && !(rating === 'TOT' && topRuledOut(meetingFlags))).map((rating) => ({
    rating,
    from: least.get(rating) as number,
    fullPointsOn: rating === 'TOT' ? top : [],
  }));
}

export type RatingProblem =
  | { reason: 'TOP_NEEDS_FULL_POINTS'; criteria: string[] }
  | { reason: (typeof TOP_RATING_BLOCKERS)[number] }
  | { reason: 'DISAGREES_WITH_SCORES'; band: Rating };

/**
 * Whether a rating is one the score sheet and the meeting record allow (domain.md): Tốt needs full points on
 * the marked criteria (when a sheet is given), a meeting long enough, enough members present and no
 * unexcused absence; and a complete sheet decides the band, so a rating must agree with it.
 */
export function ratingProblem(
  rubric: PinnedRubric,
  rating: Rating,
  scores: Scores | null,
  meetingFlags: readonly string[],
): RatingProblem | null {
  if (rating === 'TOT') {
    if (scores) {
      const missing = missesFullPoints(rubric, scores);
      if (missing.length > 0) return { reason: 'TOP_NEEDS_FULL_POINTS', criteria: missing };
    }
    const blocker = TOP_RATING_BLOCKERS.find((flag) => meetingFlags.includes(flag));
    if (blocker) return { reason: blocker };
  }
  if (scores) {
    const band = sheetBand(rubric, scores, meetingFlags);
    if (band && band !== rating) return { reason: 'DISAGREES_WITH_SCORES', band };
  }
  return null;
}
