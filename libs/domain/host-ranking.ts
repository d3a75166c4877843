import { RATING_LABELS, type Rating } from './cycle.js';

export interface HostCandidateInput {
  cellId: string;
  name: string;
  memberCount: number;
  lastHostedAt: Date | null;
  lastRating: Rating | null;
}

export interface HostCandidate {
  cellId: string;
  name: string;
  score: number;
  reasons: string[];
}

const DAY = 86_400_000;
/** A weaker last rating is a stronger case for hosting (the model meeting is how a cell learns). */
const RATING_NEED: Record<Rating, number> = { KEM: 3, TRUNG_BINH: 2, KHA: 1, TOT: 0 };

/**
 * Ranks cells for hosting a model meeting: never hosted first, then longest since last hosted, then
 * weakest last rating, then the larger cell (more members learn). Score is for display, order is by rule.
 */
export function rankHostCandidates(cells: HostCandidateInput[], now: Date): HostCandidate[] {
  const ranked = [...cells].sort((a, b) => {
    if ((a.lastHostedAt === null) !== (b.lastHostedAt === null)) return a.lastHostedAt === null ? -1 : 1;
    if (a.lastHostedAt && b.lastHostedAt && a.lastHostedAt.getTime() !== b.lastHostedAt.getTime()) {
      return a.lastHostedAt.getTime() - b.lastHostedAt.getTime();
    }
    const need = (b.lastRating ? RATING_NEED[b.lastRating] : 0) - (a.lastRating ? RATING_NEED[a.lastRating] : 0);
    if (need !== 0) return need;
    return b.memberCount - a.memberCount || a.name.localeCompare(b.name, 'vi');
  });
  return ranked.map((cell) => {
    const reasons: string[] = [];
    let score: number;
    if (cell.lastHostedAt === null) {
      reasons.push('Chưa từng tổ chức sinh hoạt chi bộ điểm');
      score = 1000;
    } else {
      const days = Math.max(0, Math.floor((now.getTime() - cell.lastHostedAt.getTime()) / DAY));
      reasons.push(`Đã ${days} ngày kể từ lần tổ chức sinh hoạt điểm gần nhất`);
      score = Math.min(days, 999);
    }
    if (cell.lastRating) {
      reasons.push(`Xếp loại lần trước: ${RATING_LABELS[cell.lastRating]}`);
      score += RATING_NEED[cell.lastRating] * 10;
    }
    reasons.push(`Chi bộ có ${cell.memberCount} đảng viên`);
    return { cellId: cell.cellId, name: cell.name, score, reasons };
  });
}
