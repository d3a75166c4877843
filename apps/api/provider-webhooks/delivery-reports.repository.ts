import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DeliveryReport } from '../../../libs/channels/channel.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The delivery rows the providers' reports settle (notification_deliveries, notification_delivery_attempts). */
@Injectable()
export class DeliveryReportsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Marks the delivery the report is about DELIVERED, or FAILED with the report's code, and adds the attempt
   * row; false when no delivery of this channel has the report's message id or delivery id. A report repeated
   * (providers call again until they are answered) changes nothing the second time, and a failure reported
   * after the delivery does not undo it.
   */
  async record(report: DeliveryReport, detail: string): Promise<boolean> {
    const deliveryId = report.deliveryId && UUID.test(report.deliveryId) ? report.deliveryId.toLowerCase() : null;
    if (!report.providerMessageId && !deliveryId) return false;
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<{ id: string; status: string; error_code: string | null }[]>(
        `SELECT id, status, error_code FROM notification_deliveries
          WHERE channel = $1 AND (provider_message_id = $2 OR id = $3::uuid)
          ORDER BY (provider_message_id = $2) DESC NULLS LAST LIMIT 1 FOR UPDATE`,
        [report.channel, report.providerMessageId ?? null, deliveryId],
      );
      if (!row) return false;
      if (report.delivered) {
        if (row.status === 'DELIVERED') return true;
        await manager.query(
          `UPDATE notification_deliveries SET status = 'DELIVERED', delivered_at = $2, error_code = NULL,
             provider_message_id = COALESCE(provider_message_id, $3), updated_at = now() WHERE id = $1`,
          [row.id, report.at, report.providerMessageId ?? null],
        );
      } else {
        const code = report.code ?? 'UNDELIVERED';
        if (row.status === 'DELIVERED' || (row.status === 'FAILED' && row.error_code === code)) return true;
        await manager.query(
          `UPDATE notification_deliveries SET status = 'FAILED', error_code = $2,
             provider_message_id = COALESCE(provider_message_id, $3), updated_at = now() WHERE id = $1`,
          [row.id, code, report.providerMessageId ?? null],
        );
      }
      await manager.query(`INSERT INTO notification_delivery_attempts (delivery_id, at, outcome, code, detail) VALUES ($1, $2, $3, $4, $5)`, [
        row.id,
        report.at,
        report.delivered ? 'delivered' : 'undelivered',
        report.code ?? null,
        detail,
      ]);
      return true;
    });
  }
}
