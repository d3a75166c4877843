import type { DataSource } from 'typeorm';
import type { Rating } from '../../domain/cycle.js';
import { rankHostCandidates, type HostCandidate } from '../../domain/host-ranking.js';

/**
 * The committee's cells ranked to host this cycle's meeting. Cells already hosting an open cycle are left
 * out (a cell never hosts two at once), and so are dissolved or merged ones. From ruleset 2 the invited cells are candidates too (the committee
 * may invite every cell and pick the host afterwards); before, they were left out.
 */
export async function hostCandidatesForCycle(dataSource: DataSource, cycleId: string, now = new Date()): Promise<HostCandidate[]> {
  const rows = await dataSource.query<
    {
      id: string;
      name: string;
      member_count: number;
      last_hosted_at: Date | null;
      last_rating: Rating | null;
      has_secretary: boolean;
      is_previous_host: boolean;
    }[]
  >(
    `WITH latest AS (SELECT max(last_hosted_at) AS at FROM cells WHERE committee_id = (SELECT committee_id FROM cycles WHERE id = $1))
     SELECT c.id, c.name, c.member_count, c.last_hosted_at, c.last_rating,
            EXISTS (SELECT 1 FROM users u WHERE u.role = 'secretary' AND u.cell_id = c.id AND u.deactivated_at IS NULL) AS has_secretary,
            (c.last_hosted_at IS NOT NULL AND c.last_hosted_at = (SELECT at FROM latest)) AS is_previous_host
       FROM cells c JOIN cycles y ON y.id = $1 AND c.committee_id = y.committee_id
      WHERE c.deactivated_at IS NULL
        AND (y.ruleset >= 2 OR NOT EXISTS (SELECT 1 FROM cycle_invitations i WHERE i.cycle_id = $1 AND i.cell_id = c.id))
        AND NOT EXISTS (SELECT 1 FROM cycles o WHERE o.host_cell_id = c.id AND o.id <> $1
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
      hasSecretary: row.has_secretary,
      isPreviousHost: row.is_previous_host,
    })),
    now,
  );
}
