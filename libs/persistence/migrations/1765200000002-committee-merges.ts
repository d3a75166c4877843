import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Communes merge (2025): a committee merged into a new one keeps its row and name (old timelines and papers
 * name it) and points at the committee it went into. A cycle moved with it remembers the committee its
 * workflow was launched for: the workflow knows only that one.
 */
export class CommitteeMerges1765200000002 implements MigrationInterface {
  name = 'CommitteeMerges1765200000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE committees ADD COLUMN merged_into_id uuid REFERENCES committees (id)`);
    await queryRunner.query(`ALTER TABLE committees ADD COLUMN merged_at timestamptz`);
    await queryRunner.query(`ALTER TABLE cycles ADD COLUMN launched_committee_id uuid REFERENCES committees (id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE cycles DROP COLUMN launched_committee_id`);
    await queryRunner.query(`ALTER TABLE committees DROP COLUMN merged_at`);
    await queryRunner.query(`ALTER TABLE committees DROP COLUMN merged_into_id`);
  }
}
