import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The committee's dashboard (issue 18) reads one committee's cycles by stage (counts, and the open ones whose tasks
 * are late) and by meeting time (a year's meetings, the ratings of every year): with many communes in one
 * database, both need the committee first, or each read walks every commune's cycles of that stage or time.
 */
export class DashboardIndexes1765600000000 implements MigrationInterface {
  name = 'DashboardIndexes1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX cycles_committee_status_idx ON cycles (committee_id, status)`);
    await queryRunner.query(`CREATE INDEX cycles_committee_meeting_idx ON cycles (committee_id, meeting_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX cycles_committee_meeting_idx`);
    await queryRunner.query(`DROP INDEX cycles_committee_status_idx`);
  }
}
