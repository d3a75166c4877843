import { describe, expect, it } from '@jest/globals';
import { rankHostCandidates, type HostCandidateInput } from './host-ranking.js';

const NOW = new Date('2026-12-01T08:00:00+07:00');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const cell = (cellId: string, overrides: Partial<HostCandidateInput> = {}): HostCandidateInput => ({
  cellId,
  name: `Chi bộ ${cellId}`,
  memberCount: 20,
  lastHostedAt: null,
  lastRating: null,
  ...overrides,
});

describe('host-candidate ranking', () => {
  it('puts never-hosted cells first, then the longest since last hosted, then the weakest last rating', () => {
    const ranked = rankHostCandidates(
      [
        cell('recent-kem', { lastHostedAt: daysAgo(30), lastRating: 'KEM' }),
        cell('old-tot', { lastHostedAt: daysAgo(400), lastRating: 'TOT' }),
        cell('never'),
        cell('same-day-kha', { lastHostedAt: daysAgo(200), lastRating: 'KHA' }),
        cell('same-day-tb', { lastHostedAt: daysAgo(200), lastRating: 'TRUNG_BINH' }),
      ],
      NOW,
    );
    expect(ranked.map((candidate) => candidate.cellId)).toEqual(['never', 'old-tot', 'same-day-tb', 'same-day-kha', 'recent-kem']);
  });

  it('prefers the larger cell when everything else is equal', () => {
    const ranked = rankHostCandidates([cell('small', { memberCount: 13 }), cell('large', { memberCount: 31 })], NOW);
    expect(ranked.map((candidate) => candidate.cellId)).toEqual(['large', 'small']);
  });

  it('explains each rank in Vietnamese', () => {
    const [never, hosted] = rankHostCandidates([cell('a', { memberCount: 24 }), cell('b', { lastHostedAt: daysAgo(120), lastRating: 'TRUNG_BINH' })], NOW);
    expect(never.reasons).toEqual(['Chưa từng tổ chức sinh hoạt chi bộ điểm', 'Chi bộ có 24 đảng viên']);
    expect(hosted.reasons).toEqual(['Đã 120 ngày kể từ lần tổ chức sinh hoạt điểm gần nhất', 'Xếp loại lần trước: Trung bình', 'Chi bộ có 20 đảng viên']);
    expect(never.score).toBeGreaterThan(hosted.score);
  });
});
