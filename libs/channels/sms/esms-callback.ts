import type { DeliveryReport } from '../channel.js';

/** eSMS SendStatus values that end a message's story: 5 sent to the phone, 4 refused. */
const SENT = '5';
const REJECTED = '4';

/**
 * The gateway's delivery report, a GET with SMSID, SendStatus, SendSuccess, SendFailed, RequestId (our
 * delivery id), phonenumber and telcoid. Only a final status is a report: 1 (awaiting approval), 2 (waiting)
 * and 7 (with the carrier) answer null. The phone number is not read: the delivery is found by its ids.
 */
export function parseEsmsCallback(query: Record<string, unknown>, at: Date = new Date()): DeliveryReport | null {
  const text = (name: string) => {
    const value = query[name];
    const first = Array.isArray(value) ? value[0] : value;
    return typeof first === 'string' && first.trim().length > 0 && first.length <= 200 ? first.trim() : null;
  };
  const messageId = text('SMSID');
  const deliveryId = text('RequestId');
  const status = text('SendStatus');
  if ((!messageId && !deliveryId) || (status !== SENT && status !== REJECTED)) return null;
  const succeeded = Number(text('SendSuccess') ?? '0');
  const failed = Number(text('SendFailed') ?? '0');
  const delivered = status === SENT && (succeeded > 0 || !(failed > 0));
  return {
    channel: 'sms',
    ...(messageId ? { providerMessageId: messageId } : {}),
    ...(deliveryId ? { deliveryId } : {}),
    delivered,
    at,
    ...(delivered ? {} : { code: status === REJECTED ? 'REJECTED' : 'SEND_FAILED' }),
  };
}
