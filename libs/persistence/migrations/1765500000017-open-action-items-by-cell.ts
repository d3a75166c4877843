import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A cell's open action items, found without reading its settled ones or other cells' open ones: every read of a
 * cycle's view asks for its host's items carried over from earlier cycles (the view's version, issue 17), and
 * the cycle's page lists them.
 */
export class OpenActionItemsByCell1765500000017 implements MigrationInterface {
  name = 'OpenActionItemsByCell1765500000017';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX action_items_open_cell_idx ON action_items (cell_id) WHERE done_at IS NULL AND dropped_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX action_items_open_cell_idx`);
  }
}
