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
 * does not answer 200 within 2 seconds, so everything posted to it is answered 200 once Zalo is configured:
 * an unsigned or foreign event is logged and ignored, not refused. The SMS callback's secret path is its only
 * proof of origin: a wrong one is 404, as for any unknown address; so is either address for a provider this
 * installation does not use.
 */
@Injectable()
export class ProviderWebhooksService {
  private readonly logger = new Logger('ProviderWebhooks');
  private readonly lastWarned = new Map<string, number>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DeliveryReportsRepository) private readonly reports: DeliveryReportsRepository,
  ) {}

  async zaloEvent(rawBody: unknown, headers: { signature: string | undefined; timestamp: string | undefined }): Promise<WebhookAnswer> {
    const zalo = this.config.notifications.zalo;
    if (!zalo) throw new DomainError('NOT_FOUND');
    if (!zalo.oaSecretKey) {
      this.warnNowAndThen('Zalo webhook ignored: ZALO_OA_SECRET_KEY is not set, so no event can be verified');
      return { received: true };
    }
    if (!Buffer.isBuffer(rawBody) || !verifyZaloSignature({ appId: zalo.appId, oaSecretKey: zalo.oaSecretKey }, rawBody, headers)) {
      this.warnNowAndThen('Zalo webhook ignored: its X-ZEvent-Signature does not verify (zalo-webhook.ts says which forms are tried)');
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

  /** Anyone can post to a public address: the same warning at most once a minute, so posts cannot flood the log. */
  private warnNowAndThen(message: string): void {
    const now = Date.now();
    if ((this.lastWarned.get(message) ?? 0) > now - 60_000) return;
    this.lastWarned.set(message, now);
    this.logger.warn(message);
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
