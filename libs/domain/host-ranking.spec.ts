import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { RATINGS } from './cycle.js';
import { rankHostCandidates, type HostCandidateInput } from './host-ranking.js';

const NOW = new Date('2026-12-01T08:00:00+07:00');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const cell = (cellId: string, overrides: Partial<HostCandidateInput> = {}): HostCandidateInput => ({
  cellId,
  name: `Chi bộ ${cellId}`,
  memberCount: 20,
  lastHostedAt: null,
  lastRating: null,
  hasSecretary: true,
  isPreviousHost: false,
  ...overrides,
});
const order = (cells: HostCandidateInput[]) => rankHostCandidates(cells, NOW).map((candidate) => candidate.cellId);

describe('host-candidate ranking', () => {
  it('puts never-hosted cells first, then the longest since last hosted, a weaker last rating breaking near ties', () => {
    expect(
      order([
        cell('recent-kem', { lastHostedAt: daysAgo(30), lastRating: 'KEM' }),
        cell('old-tot', { lastHostedAt: daysAgo(400), lastRating: 'TOT' }),
        cell('never'),
        cell('same-day-kha', { lastHostedAt: daysAgo(200), lastRating: 'KHA' }),
        cell('same-day-tb', { lastHostedAt: daysAgo(200), lastRating: 'TRUNG_BINH' }),
      ]),
    ).toEqual(['never', 'old-tot', 'same-day-tb', 'same-day-kha', 'recent-kem']);
  });

  it('prefers the larger cell when everything else is equal', () => {
    expect(order([cell('small', { memberCount: 13 }), cell('large', { memberCount: 31 })])).toEqual(['large', 'small']);
  });

  it('ranks the previous host last, whatever its other merits, and says why', () => {
    const ranked = rankHostCandidates(
      [
        cell('previous', { lastHostedAt: daysAgo(3000), lastRating: 'KEM', memberCount: 90, isPreviousHost: true }),
        cell('recent', { lastHostedAt: daysAgo(1), lastRating: 'TOT', memberCount: 3 }),
      ],
      NOW,
    );
    expect(ranked.map((candidate) => candidate.cellId)).toEqual(['recent', 'previous']);
    expect(ranked[1].reasons.join(' ')).toMatch(/làm chi bộ điểm đợt gần nhất/);
  });

  it('flags a cell without a secretary account, and ranks it below an otherwise equal cell that can act', () => {
    const ranked = rankHostCandidates([cell('no-account', { hasSecretary: false, lastHostedAt: daysAgo(400) }), cell('with-account', { lastHostedAt: daysAgo(400) })], NOW);
    expect(ranked.map((candidate) => [candidate.cellId, candidate.hasSecretary])).toEqual([
      ['with-account', true],
      ['no-account', false],
    ]);
    expect(ranked[1].reasons).toContain('Chi bộ chưa có tài khoản bí thư trên hệ thống: cần tạo tài khoản trước khi chọn');
  });

  it('explains each rank in Vietnamese, with the day of the last model meeting', () => {
    const [never, hosted] = rankHostCandidates([cell('a', { memberCount: 24 }), cell('b', { lastHostedAt: daysAgo(120), lastRating: 'TRUNG_BINH' })], NOW);
    expect(never.reasons).toEqual(['Chưa từng làm chi bộ điểm', 'Chi bộ có 24 đảng viên']);
    expect(hosted.reasons).toEqual(['Lần làm chi bộ điểm gần nhất cách đây 120 ngày (03/08/2026)', 'Xếp loại lần trước: Trung bình', 'Chi bộ có 20 đảng viên']);
  });

  it('orders by score, highest first, so the order and the score always agree (any commune)', () => {
    const cellArb = fc.record({
      lastHostedDaysAgo: fc.option(fc.integer({ min: 0, max: 4000 }), { nil: null }),
      lastRating: fc.option(fc.constantFrom(...RATINGS), { nil: null }),
      memberCount: fc.integer({ min: 1, max: 5000 }),
      hasSecretary: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(cellArb, { minLength: 1, maxLength: 40 }), fc.nat(), (cells, previousSeed) => {
        const previous = previousSeed % cells.length;
        const inputs = cells.map((spec, index) =>
          cell(`c${index}`, {
            lastHostedAt: spec.lastHostedDaysAgo === null ? null : daysAgo(spec.lastHostedDaysAgo),
            lastRating: spec.lastHostedDaysAgo === null ? null : spec.lastRating,
            memberCount: spec.memberCount,
            hasSecretary: spec.hasSecretary,
            isPreviousHost: index === previous && spec.lastHostedDaysAgo !== null,
          }),
        );
        const ranked = rankHostCandidates(inputs, NOW);
        expect(ranked).toHaveLength(inputs.length);
        for (let index = 1; index < ranked.length; index += 1) expect(ranked[index - 1].score).toBeGreaterThanOrEqual(ranked[index].score);
        const previousHost = inputs.find((input) => input.isPreviousHost);
        if (previousHost) expect(ranked[ranked.length - 1].cellId).toBe(previousHost.cellId);
      }),
      { seed: 20261202, numRuns: 300 },
    );
  });
});
