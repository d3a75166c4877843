import { createHmac } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { SMS_UNICODE, smsTextOf } from '../../wording/channel-texts.js';
import type { ChannelAdapter, OutgoingNotification, SendOutcome } from '../channel.js';
import { maskPhone } from '../phone-number.js';
import { fieldText, postToProvider, scrubbed, type ProviderAnswer } from '../provider-http.js';

export interface EsmsSettings {
  apiUrl: string;
  apiKey: string;
  secretKey: string;
  brandname: string;
}

export interface EsmsOptions {
  timeoutMs?: number;
  logger?: Pick<Logger, 'warn' | 'log'>;
}

/**
 * The secret part of the delivery callback's path: the gateway calls back with a GET and signs nothing, so
 * only a path no one can guess tells its calls from anyone's. Derived from the SMS secret key, so nothing new
 * needs configuring, and not the key itself, which must never travel in a URL.
 */
export function smsCallbackToken(secretKey: string): string {
  return createHmac('sha256', secretKey).update('esms-delivery-callback').digest('hex').slice(0, 32);
}

/** eSMS's refusals (notifications.md): none is worth trying again. */
const REFUSALS: Record<string, string> = {
  '99': 'the gateway found the request invalid',
  '101': 'the API key or secret key is wrong',
  '103': 'the account balance is not enough',
  '104': 'the brandname is not registered or not active',
  '108': 'the phone number is not valid for the gateway',
  '140': 'this server’s address is not allowed by the gateway',
  '146': 'the text does not match a template registered with the carriers',
};

/**
 * Brandname SMS through eSMS (customer care, SmsType 2), the text of channel-texts.ts. The gateway deduplicates
 * by RequestId (the delivery row's id): any failure before an answer is tried again with the same id, and a
 * repeat that had in fact gone out is answered 124, taken as sent.
 */
export function createEsmsAdapter(settings: EsmsSettings, publicUrl: string, options: EsmsOptions = {}): ChannelAdapter {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const logger = options.logger ?? new Logger('Esms');
  const callbackUrl = `${publicUrl.replace(/\/+$/, '')}/api/webhooks/sms/${smsCallbackToken(settings.secretKey)}`;

  return {
    channel: 'sms',
    async send(notification: OutgoingNotification): Promise<SendOutcome> {
      const phone = notification.recipient.phone;
      if (!phone) return { kind: 'refused', code: 'NO_PHONE', detail: 'the person has no phone number', fallbackToSms: false };
      const answer = await postToProvider(
        `${settings.apiUrl}/MainService.svc/json/SendMultipleMessage_V4_post_json/`,
        {
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            ApiKey: settings.apiKey,
            SecretKey: settings.secretKey,
            Phone: phone,
            Content: smsTextOf(notification),
            Brandname: settings.brandname,
            SmsType: '2',
            IsUnicode: SMS_UNICODE ? '1' : '0',
            RequestId: notification.deliveryId,
            CallbackUrl: callbackUrl,
          }),
        },
        timeoutMs,
      );
      const outcome = outcomeOf(answer, phone);
      if (outcome.kind !== 'accepted') {
        logger.warn(`SMS to ${maskPhone(phone)} (delivery ${notification.deliveryId}): ${outcome.kind} ${'code' in outcome ? outcome.code : ''} ${outcome.detail}`.replace(/\s+/g, ' '));
      }
      return outcome;
    },
  };
}

function outcomeOf(answer: ProviderAnswer, phone: string): SendOutcome {
  // The gateway deduplicates by RequestId: whatever became of this request, sending it again is safe.
  if (answer.kind !== 'answered') return { kind: 'retry', code: answer.code, detail: answer.detail };
  if (answer.status === 429 || answer.status >= 500) return { kind: 'retry', code: `HTTP_${answer.status}`, detail: `the gateway answered HTTP ${answer.status}` };
  const body = (answer.body ?? {}) as { CodeResult?: unknown; SMSID?: unknown; ErrorMessage?: unknown };
  const code = fieldText(body.CodeResult) || null;
  const said = scrubbed(fieldText(body.ErrorMessage), phone);
  if (answer.status !== 200) {
    return { kind: 'refused', code: `HTTP_${answer.status}`, detail: `the gateway answered HTTP ${answer.status} (check SMS_API_URL)`, fallbackToSms: false };
  }
  if (code === '100') {
    const id = body.SMSID;
    return { kind: 'accepted', providerMessageId: typeof id === 'string' || typeof id === 'number' ? String(id) : null };
  }
  // "Request exist": an earlier try with this RequestId went out; its SMSID came with that answer.
  if (code === '124') return { kind: 'accepted', providerMessageId: null };
  if (code === null) return { kind: 'retry', code: 'NO_CODE', detail: 'the gateway answered without a CodeResult' };
  const why = REFUSALS[code] ?? 'the gateway refused the message';
  // SMS is the last channel to the phone: there is nothing to fall back to.
  return { kind: 'refused', code, detail: `${why}${said ? ` (eSMS: ${said})` : ''}`, fallbackToSms: false };
}
