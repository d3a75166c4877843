import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Channels beyond the inbox (notifications.md). A person's phone is stored once, here, in 84… form; every
 * other table keeps it masked. A notification row is the outbox: the worker whose task queue wrote it
 * starts its delivery (`delivery_queue`, `dispatched_at`); the rows written before channels existed count
 * as dispatched, so an upgrade sends nothing old. Each channel's outcome per notification is one delivery
 * row, and every attempt at it one attempt row.
 */
export class NotificationChannels1765400000000 implements MigrationInterface {
  name = 'NotificationChannels1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users ADD COLUMN phone text, ADD COLUMN email text,
      ADD COLUMN notify_channels text[] NOT NULL DEFAULT '{email,zalo,sms}'`);
    await queryRunner.query(`ALTER TABLE committees ADD COLUMN notify_channels text[] NOT NULL DEFAULT '{email}'`);
    await queryRunner.query(`ALTER TABLE notifications ADD COLUMN delivery_queue text, ADD COLUMN dispatched_at timestamptz`);
    await queryRunner.query(`UPDATE notifications SET dispatched_at = created_at`);
    await queryRunner.query(
      `CREATE INDEX notifications_undispatched ON notifications (delivery_queue, created_at) WHERE dispatched_at IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE notification_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        notification_id uuid NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
        channel text NOT NULL CHECK (channel IN ('email', 'zalo', 'sms')),
        status text NOT NULL CHECK (status IN ('PENDING', 'WAITING', 'SENDING', 'SENT', 'DELIVERED', 'FAILED', 'SKIPPED')),
        address_masked text,
        attempts integer NOT NULL DEFAULT 0,
        error_code text,
        provider_message_id text,
        not_before timestamptz,
        sent_at timestamptz,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (notification_id, channel)
      )`);
    await queryRunner.query(`CREATE INDEX notification_deliveries_message ON notification_deliveries (channel, provider_message_id)`);
    await queryRunner.query(`
      CREATE TABLE notification_delivery_attempts (
        id bigserial PRIMARY KEY,
        delivery_id uuid NOT NULL REFERENCES notification_deliveries (id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT now(),
        outcome text NOT NULL CHECK (outcome IN ('accepted', 'retry', 'refused', 'unknown', 'delivered', 'undelivered')),
        code text,
        detail text
      )`);
    await queryRunner.query(`CREATE INDEX notification_delivery_attempts_delivery ON notification_delivery_attempts (delivery_id, at)`);
    await queryRunner.query(`
      CREATE TABLE provider_tokens (
        provider text PRIMARY KEY,
        access_token text,
        refresh_token text NOT NULL,
        access_expires_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE provider_tokens`);
    await queryRunner.query(`DROP TABLE notification_delivery_attempts`);
    await queryRunner.query(`DROP TABLE notification_deliveries`);
    await queryRunner.query(`DROP INDEX notifications_undispatched`);
    await queryRunner.query(`ALTER TABLE notifications DROP COLUMN delivery_queue, DROP COLUMN dispatched_at`);
    await queryRunner.query(`ALTER TABLE committees DROP COLUMN notify_channels`);
    await queryRunner.query(`ALTER TABLE users DROP COLUMN phone, DROP COLUMN email, DROP COLUMN notify_channels`);
  }
}
