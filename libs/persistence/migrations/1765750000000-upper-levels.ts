import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Upper levels (issue 18): communes sit under a district (Huyện ủy) or straight under a province (Tỉnh ủy, as
 * since the 2025 reorganisation), and districts under a province. An upper level's account (role overseer) is
 * tied to one area and reads the figures of the communes under it; every other account has no area.
 */
export class UpperLevels1765750000000 implements MigrationInterface {
  name = 'UpperLevels1765750000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE areas (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('district', 'province')),
        parent_id uuid REFERENCES areas (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT areas_level_check CHECK ((kind = 'province' AND parent_id IS NULL) OR (kind = 'district' AND parent_id IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX areas_parent_idx ON areas (parent_id)`);
    await queryRunner.query(`ALTER TABLE committees ADD COLUMN area_id uuid REFERENCES areas (id)`);
    await queryRunner.query(`CREATE INDEX committees_area_idx ON committees (area_id)`);
    await queryRunner.query(`ALTER TABLE users ADD COLUMN area_id uuid REFERENCES areas (id)`);
    await queryRunner.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await queryRunner.query(`ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('admin', 'committee', 'secretary', 'guest', 'overseer'))`);
    await queryRunner.query(`ALTER TABLE users ADD CONSTRAINT users_area_check CHECK ((role = 'overseer') = (area_id IS NOT NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM users WHERE role = 'overseer'`);
    await queryRunner.query(`ALTER TABLE users DROP CONSTRAINT users_area_check`);
    await queryRunner.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await queryRunner.query(`ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('admin', 'committee', 'secretary', 'guest'))`);
    await queryRunner.query(`ALTER TABLE users DROP COLUMN area_id`);
    await queryRunner.query(`ALTER TABLE committees DROP COLUMN area_id`);
    await queryRunner.query(`DROP TABLE areas`);
  }
}
