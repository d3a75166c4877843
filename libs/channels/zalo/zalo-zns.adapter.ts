import { Logger } from '@nestjs/common';
import { phoneTemplateKindOf, znsTemplateData } from '../../wording/channel-texts.js';
import type { ChannelAdapter, OutgoingNotification, SendOutcome } from '../channel.js';
import { maskPhone } from '../phone-number.js';
import { fieldText, postToProvider, scrubbed } from '../provider-http.js';
import type { ZaloAccessTokens } from './zalo-token.store.js';

export interface ZaloZnsSettings {
  apiUrl: string;
  /** Approved template ids by kind (channel-texts.ts PHONE_TEMPLATE_KINDS). */
  templates: Record<string, string>;
}

export interface ZaloZnsOptions {
  /** How long one request may take before its outcome is unknown. */
  timeoutMs?: number;
  logger?: Pick<Logger, 'warn' | 'log'>;
}

/** Zalo's error codes (notifications.md), by what they mean for the person. */
const CANNOT_RECEIVE = new Set([-108, -110, -114, -118, -119]);
const TEMPLATE_OR_DATA = new Set([-109, -111, -112, -116, -117]);
const TOKEN_REFUSED = new Set([-124, -220]);
const OUT_OF_QUOTA = -115;
const UNKNOWN_TRY_LATER = -100;

/**
 * Zalo ZNS, by template message: the person's phone, the template of the notification's kind and its fields,
 * and the delivery row's id as tracking id. ZNS does not deduplicate, so an answer lost after the request left
 * is `unknown` and is never sent again from here; the delivery settles it by the webhook or by SMS.
 */
export function createZaloZnsAdapter(settings: ZaloZnsSettings, tokens: ZaloAccessTokens, options: ZaloZnsOptions = {}): ChannelAdapter {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const logger = options.logger ?? new Logger('ZaloZns');

  async function post(notification: OutgoingNotification & { recipient: { phone: string } }, templateId: string, accessToken: string) {
    return postToProvider(
      `${settings.apiUrl}/message/template`,
      {
        headers: { 'content-type': 'application/json', access_token: accessToken },
        body: JSON.stringify({
          phone: notification.recipient.phone,
          template_id: templateId,
          template_data: znsTemplateData(notification),
          tracking_id: notification.deliveryId,
        }),
      },
      timeoutMs,
    );
  }

  return {
    channel: 'zalo',
    async send(notification: OutgoingNotification): Promise<SendOutcome> {
      const phone = notification.recipient.phone;
      if (!phone) return { kind: 'refused', code: 'NO_PHONE', detail: 'the person has no phone number', fallbackToSms: false };
      const to = `${maskPhone(phone)} (delivery ${notification.deliveryId})`;
      const kind = phoneTemplateKindOf(notification.reason);
      if (!kind) return { kind: 'refused', code: 'NOT_BY_PHONE', detail: `${notification.reason} does not go by ZNS`, fallbackToSms: false };
      const templateId = settings.templates[kind];
      if (!templateId) {
        return { kind: 'refused', code: 'NO_TEMPLATE', detail: `no approved ZNS template is configured for “${kind}”; SMS may still reach the person`, fallbackToSms: true };
      }
      const addressed = { ...notification, recipient: { ...notification.recipient, phone } };

      let accessToken: string;
      try {
        accessToken = await tokens.current();
      } catch (error) {
        logger.warn(`ZNS to ${to}: no access token: ${(error as Error).message}`);
        return { kind: 'retry', code: 'TOKEN_UNAVAILABLE', detail: (error as Error).message };
      }
      let answer = await post(addressed, templateId, accessToken);
      if (answer.kind === 'answered' && TOKEN_REFUSED.has(errorOf(answer.body))) {
        // Refused before sending, so sending again with a fresh token cannot send twice.
        try {
          accessToken = await tokens.refresh(accessToken);
        } catch (error) {
          logger.warn(`ZNS to ${to}: the access token was refused and could not be refreshed: ${(error as Error).message}`);
          return { kind: 'retry', code: 'TOKEN_UNAVAILABLE', detail: (error as Error).message };
        }
        answer = await post(addressed, templateId, accessToken);
      }

      const outcome = outcomeOf(answer, phone);
      if (outcome.kind === 'unknown' || (outcome.kind === 'refused' && !CANNOT_RECEIVE.has(Number(outcome.code)))) {
        logger.warn(`ZNS to ${to}: ${outcome.kind} ${'code' in outcome ? outcome.code : ''} ${outcome.detail}`.replace(/\s+/g, ' '));
      }
      return outcome;
    },
  };
}

function errorOf(body: unknown): number {
  const error = (body as { error?: unknown } | null)?.error;
  return error === undefined || error === null || error === '' ? Number.NaN : Number(error);
}

function outcomeOf(answer: Awaited<ReturnType<typeof postToProvider>>, phone: string): SendOutcome {
  if (answer.kind === 'notSent') return { kind: 'retry', code: answer.code, detail: `not sent: ${answer.detail}` };
  if (answer.kind === 'maybeSent') {
    return { kind: 'unknown', detail: `${answer.code}: the request may have reached Zalo (${answer.detail}); ZNS does not deduplicate, so it is not sent again` };
  }
  if (answer.status === 429 || answer.status >= 500) return { kind: 'retry', code: `HTTP_${answer.status}`, detail: `Zalo answered HTTP ${answer.status}` };
  const error = errorOf(answer.body);
  const said = scrubbed(fieldText((answer.body as { message?: unknown } | null)?.message), phone);
  if (answer.status !== 200 || Number.isNaN(error)) {
    if (answer.status === 200) {
      // Zalo took the request and answered something unreadable: it may have sent the message.
      return { kind: 'unknown', detail: 'Zalo answered without an error code; the message may have been sent' };
    }
    return { kind: 'refused', code: `HTTP_${answer.status}`, detail: `Zalo answered HTTP ${answer.status} (check the API address and the app's settings); SMS may still reach the person`, fallbackToSms: true };
  }
  const code = String(error);
  if (error === 0) {
    const messageId = (answer.body as { data?: { msg_id?: unknown } }).data?.msg_id;
    return { kind: 'accepted', providerMessageId: typeof messageId === 'string' || typeof messageId === 'number' ? String(messageId) : null };
  }
  if (error === UNKNOWN_TRY_LATER) return { kind: 'retry', code, detail: `Zalo: ${said || 'unknown error'}; to be tried later` };
  if (TOKEN_REFUSED.has(error)) return { kind: 'retry', code, detail: `Zalo refused the access token even after a refresh: ${said}` };
  const why = CANNOT_RECEIVE.has(error)
    ? 'the person cannot receive ZNS (number not on Zalo, blocked or not reachable)'
    : TEMPLATE_OR_DATA.has(error)
      ? 'the template or its fields were refused'
      : error === OUT_OF_QUOTA
        ? 'the OA is out of its ZNS quota'
        : error <= -101 && error >= -107
          ? 'the app, its secret or the OA is not set up right'
          : 'Zalo refused the message';
  return { kind: 'refused', code, detail: `${why} (Zalo: ${said || 'no message'}); SMS may still reach the person`, fallbackToSms: true };
}
