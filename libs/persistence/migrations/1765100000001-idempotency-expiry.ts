import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Idempotency records expire (IDEMPOTENCY_TTL_HOURS): the purge finds the old ones by their age. */
export class IdempotencyExpiry1765100000001 implements MigrationInterface {
  name = 'IdempotencyExpiry1765100000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX idempotency_records_created_idx ON idempotency_records (created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX idempotency_records_created_idx`);
  }
}
