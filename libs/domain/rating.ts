import type { PinnedRubric, Rating, Scores } from './cycle.js';

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
  problem: 'UNKNOWN_CRITERION' | 'OUT_OF_RANGE';
}

export function scoreProblems(rubric: PinnedRubric, scores: Scores): ScoreProblem[] {
  const problems: ScoreProblem[] = [];
  const byId = new Map(rubric.criteria.map((criterion) => [criterion.id, criterion]));
  for (const [criterionId, points] of Object.entries(scores)) {
    const criterion = byId.get(criterionId);
    if (!criterion) problems.push({ criterionId, problem: 'UNKNOWN_CRITERION' });
    else if (!Number.isFinite(points) || points < 0 || points > criterion.maxPoints) {
      problems.push({ criterionId, problem: 'OUT_OF_RANGE' });
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

export function summariseScores(rubric: PinnedRubric, scores: Scores): ScoreSummary {
  const maxTotal = rubric.criteria.reduce((sum, criterion) => sum + criterion.maxPoints, 0);
  const total = Object.values(scores).reduce((sum, points) => sum + points, 0);
  const complete = rubric.criteria.every((criterion) => scores[criterion.id] !== undefined);
  if (!complete) return { total, maxTotal, rating: null };
  let rating = ratingForTotal(total, maxTotal);
  const missesTopRequirement = rubric.criteria.some(
    (criterion) => criterion.requiredForTop && scores[criterion.id] !== criterion.maxPoints,
  );
  if (rating === 'TOT' && missesTopRequirement) rating = 'KHA';
  return { total, maxTotal, rating };
}
