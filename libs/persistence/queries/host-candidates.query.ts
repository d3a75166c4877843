import type { DataSource } from 'typeorm';
import type { Rating } from '../../domain/cycle.js';
import { rankHostCandidates, type HostCandidate } from '../../domain/host-ranking.js';

/**
 * The committee's cells ranked to host this cycle's meeting. Cells invited to this cycle, and cells
 * already hosting an open cycle, are left out.
 */
export async function hostCandidatesForCycle(dataSource: DataSource, cycleId: string, now = new Date()): Promise<HostCandidate[]> {
  const rows = await dataSource.query<{ id: string; name: string; member_count: number; last_hosted_at: Date | null; last_rating: Rating | null }[]>(
    `SELECT c.id, c.name, c.member_count, c.last_hosted_at, c.last_rating
       FROM cells c JOIN cycles y ON y.id = $1 AND c.committee_id = y.committee_id
      WHERE NOT EXISTS (SELECT 1 FROM cycle_invitations i WHERE i.cycle_id = $1 AND i.cell_id = c.id)
        AND NOT EXISTS (SELECT 1 FROM cycles o WHERE o.host_cell_id = c.id
                          AND o.status IN ('HOST_SELECTION', 'PREPARATION', 'SCHEDULED', 'CRITIQUE', 'REPORTING', 'REVIEW'))`,
    [cycleId],
  );
  return rankHostCandidates(
    rows.map((row) => ({
      cellId: row.id,
      name: row.name,
      memberCount: row.member_count,
      lastHostedAt: row.last_hosted_at ? new Date(row.last_hosted_at) : null,
      lastRating: row.last_rating,
    })),
    now,
  );
}
