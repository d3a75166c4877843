import type { Rating } from './cycle.js';
import { RATING_LABELS } from '../wording/labels.js';
import { vietnamDay } from '../wording/vietnam-time.js';

export interface HostCandidateInput {
  cellId: string;
  name: string;
  memberCount: number;
  lastHostedAt: Date | null;
  lastRating: Rating | null;
  /** Whether the cell has a secretary account that can act for it (post the plan, record the meeting). */
  hasSecretary: boolean;
  /** The cell that hosted the committee's latest model meeting. */
  isPreviousHost: boolean;
}

export interface HostCandidate {
  cellId: string;
  name: string;
  score: number;
  reasons: string[];
  hasSecretary: boolean;
}

const DAY = 86_400_000;

/**
 * Points of a candidate; the ranking is by these points, highest first, so the order and the score always
 * agree. Time since the cell last hosted weighs most (never hosted counts as longest), then the weakness
 * of its last rating (the model meeting is how a cell learns), then its size (more members learn).
 */
export const RANKING_POINTS = {
  neverHosted: 100,
  /** Up to this many points for time since last hosted, reached at three years. */
  sinceHosted: 90,
  sinceHostedFullDays: 3 * 365,
  ratingNeed: { KEM: 9, TRUNG_BINH: 6, KHA: 3, TOT: 0 } satisfies Record<Rating, number>,
  /** Up to this many points for size, reached at 100 members. */
  size: 3,
  /** A cell without a secretary account cannot act in the system until one is made. */
  noSecretary: -50,
} as const;

function pointsOf(cell: HostCandidateInput, now: Date): { score: number; reasons: string[] } {
  if (cell.isPreviousHost) {
    return {
      score: 0,
      reasons: [
        `Chi bộ làm chi bộ điểm đợt gần nhất${cell.lastHostedAt ? ` (${vietnamDay(cell.lastHostedAt.getTime())})` : ''}: xếp sau cùng để chi bộ khác được làm`,
      ],
    };
  }
  const reasons: string[] = [];
  let score: number;
  if (cell.lastHostedAt === null) {
    reasons.push('Chưa từng làm chi bộ điểm');
    score = RANKING_POINTS.neverHosted;
  } else {
    const days = Math.max(0, Math.floor((now.getTime() - cell.lastHostedAt.getTime()) / DAY));
    reasons.push(`Lần làm chi bộ điểm gần nhất cách đây ${days} ngày (${vietnamDay(cell.lastHostedAt.getTime())})`);
    score = (Math.min(days, RANKING_POINTS.sinceHostedFullDays) / RANKING_POINTS.sinceHostedFullDays) * RANKING_POINTS.sinceHosted;
  }
  if (cell.lastRating) {
    reasons.push(`Xếp loại lần trước: ${RATING_LABELS[cell.lastRating].vi}`);
    score += RANKING_POINTS.ratingNeed[cell.lastRating];
  }
  reasons.push(`Chi bộ có ${cell.memberCount} đảng viên`);
  score += (Math.min(cell.memberCount, 100) / 100) * RANKING_POINTS.size;
  if (!cell.hasSecretary) {
    reasons.push('Chi bộ chưa có tài khoản bí thư trên hệ thống: cần tạo tài khoản trước khi chọn');
    score += RANKING_POINTS.noSecretary;
  }
  // At least 1, so the previous host (0) is always last; one decimal, as people read it.
  return { score: Math.max(1, Math.round(score * 10) / 10), reasons };
}

/** Ranks cells for hosting a model meeting, best first, each with its points and the reasons for them. */
export function rankHostCandidates(cells: HostCandidateInput[], now: Date): HostCandidate[] {
  return cells
    .map((cell) => ({ cell, ...pointsOf(cell, now) }))
    .sort((a, b) => b.score - a.score || a.cell.name.localeCompare(b.cell.name, 'vi') || a.cell.cellId.localeCompare(b.cell.cellId))
    .map(({ cell, score, reasons }) => ({ cellId: cell.cellId, name: cell.name, score, reasons, hasSecretary: cell.hasSecretary }));
}
