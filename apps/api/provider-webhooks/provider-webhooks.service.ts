import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DeliveryReport } from '../../../libs/channels/channel.js';
import { parseEsmsCallback } from '../../../libs/channels/sms/esms-callback.js';
import { smsCallbackToken } from '../../../libs/channels/sms/esms.adapter.js';
import { parseZaloDeliveryEvent, verifyZaloSignature } from '../../../libs/channels/zalo/zalo-webhook.js';
import type { AppConfig } from '../../../libs/config/app-config.js';
import { APP_CONFIG } from '../../../libs/config/config.module.js';
import { DomainError } from '../../../libs/domain/domain-error.js';
import { DeliveryReportsRepository } from './delivery-reports.repository.js';

export interface WebhookAnswer {
  received: true;
}

/**
 * Turns a provider's report into the delivery row's status and an attempt row. Zalo disables a webhook that
 * does not answer 200 within 2 seconds, so everything it sends is answered 200: an unsigned or foreign event
 * is logged and ignored, not refused. The SMS callback's secret path is its only proof of origin: a wrong
 * one is 404, as for any unknown address.
 */
@Injectable()
export class ProviderWebhooksService {
  private readonly logger = new Logger('ProviderWebhooks');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DeliveryReportsRepository) private readonly reports: DeliveryReportsRepository,
  ) {}

  async zaloEvent(rawBody: unknown, headers: { signature: string | undefined; timestamp: string | undefined }): Promise<WebhookAnswer> {
    const zalo = this.config.notifications.zalo;
    if (!zalo?.oaSecretKey) {
      this.logger.warn('Zalo webhook ignored: ZALO_OA_SECRET_KEY is not set, so no event can be verified');
      return { received: true };
    }
    if (!Buffer.isBuffer(rawBody) || !verifyZaloSignature({ appId: zalo.appId, oaSecretKey: zalo.oaSecretKey }, rawBody, headers)) {
      this.logger.warn('Zalo webhook ignored: its X-ZEvent-Signature does not verify');
      return { received: true };
    }
    let event: unknown;
    try {
      event = JSON.parse(rawBody.toString('utf8'));
    } catch {
      return { received: true };
    }
    const report = parseZaloDeliveryEvent(event);
    if (report) await this.record(report, 'Zalo reported the message received');
    return { received: true };
  }

  async smsReport(token: string, query: Record<string, unknown>): Promise<WebhookAnswer> {
    const sms = this.config.notifications.sms;
    if (!sms || !sameText(token, smsCallbackToken(sms.secretKey))) throw new DomainError('NOT_FOUND');
    const report = parseEsmsCallback(query);
    if (report) await this.record(report, report.delivered ? 'the SMS gateway reported the message sent to the phone' : 'the SMS gateway reported the message not sent');
    return { received: true };
  }

  private async record(report: DeliveryReport, detail: string): Promise<void> {
    try {
      const found = await this.reports.record(report, detail);
      if (!found) this.logger.warn(`${report.channel} report for a message this installation does not know (ignored)`);
    } catch (error) {
      // Logged here, without the request's address (the SMS callback's query holds the phone number); the
      // provider is asked to call again later.
      this.logger.error(`${report.channel} delivery report not recorded: ${error instanceof Error ? error.message : String(error)}`);
      throw new DomainError('DATABASE_UNAVAILABLE');
    }
  }
}

function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
