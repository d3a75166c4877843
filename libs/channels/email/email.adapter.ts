import { createTransport, type NodemailerError } from 'nodemailer';
import type { ChannelAdapter, OutgoingNotification, SendOutcome } from '../channel.js';
import { maskEmail } from '../phone-number.js';
import { emailContent } from './email-content.js';

export interface EmailSettings {
  /** smtp://user:pass@host:port or smtps://…; query parameters set the transport's options (greetingTimeout=…). */
  smtpUrl: string;
  /** The From header: "Sinh hoạt chi bộ điểm <khong-tra-loi@…>" or a bare address. */
  from: string;
}

/** The domain of the From address, the right-hand side of every Message-ID this sender writes. */
function domainOf(from: string): string {
  const domain = /@([^\s<>@]+?)>?\s*$/.exec(from)?.[1];
  if (!domain) throw new Error(`MAIL_FROM không có địa chỉ thư / has no address: ${from}`);
  return domain;
}

/** Every address in a server's words masked: replies to RCPT TO tend to quote the mailbox they refuse. */
const maskAddresses = (words: string) => words.replace(/[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/g, (address) => maskEmail(address));

/** "250 2.0.0 Ok: queued as 4Xk9pQ" → "4Xk9pQ": what the server's own log calls the message. */
const queueIdOf = (response: string | undefined) => (response ? /queued as\s+([\w.-]+)/i.exec(response)?.[1] : undefined);

/**
 * 5xx refuses the message for good (no such mailbox, refused by policy) except 503, which says the session
 * was out of step; 4xx says try later. Authentication refusals are this installation's settings, not the
 * person, so they wait for the settings to be mended rather than mark the person unreachable.
 */
function outcomeOfError(error: NodemailerError): SendOutcome {
  const reply = error.responseCode ?? error.rejectedErrors?.find((rejected) => rejected.responseCode)?.responseCode;
  const detail = maskAddresses(error.response ?? error.message);
  if (error.code === 'EAUTH' || error.code === 'ENOAUTH') return { kind: 'retry', code: error.code, detail };
  if (reply !== undefined) {
    const code = `SMTP_${reply}`;
    const permanent = reply >= 500 && reply < 600 && reply !== 503;
    return permanent ? { kind: 'refused', code, detail, fallbackToSms: false } : { kind: 'retry', code, detail };
  }
  if (error.code === 'EENVELOPE') return { kind: 'refused', code: 'BAD_ADDRESS', detail, fallbackToSms: false };
  // A connection that failed or went quiet: ECONNREFUSED under ESOCKET, ETIMEDOUT, a dropped ECONNECTION.
  return { kind: 'retry', code: error.originalCode ?? error.code ?? 'SMTP_ERROR', detail };
}

/**
 * The email channel over SMTP. Each delivery's Message-ID is fixed by its delivery id, so a message sent again
 * after an answer that never came is the same message to the receiving server and the mail client. Nothing
 * here logs; what a server said comes back in the outcome with addresses masked.
 */
export function createEmailAdapter(settings: EmailSettings): ChannelAdapter & { close(): Promise<void> } {
  const domain = domainOf(settings.from);
  const transport = createTransport({
    url: settings.smtpUrl,
    pool: true,
    // The delivery activity retries with backoff and records each attempt; the pool must not resend on its own.
    maxRequeues: 0,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
    disableFileAccess: true,
    disableUrlAccess: true,
  });

  return {
    channel: 'email',
    async send(notification: OutgoingNotification): Promise<SendOutcome> {
      const address = notification.recipient.email?.trim();
      if (!address) return { kind: 'refused', code: 'NO_ADDRESS', detail: 'Đồng chí chưa có địa chỉ thư điện tử', fallbackToSms: false };
      const content = emailContent(notification);
      try {
        const info = await transport.sendMail({
          from: settings.from,
          to: { name: notification.recipient.fullName.trim(), address },
          subject: content.subject,
          text: content.text,
          html: content.html,
          messageId: `<${notification.deliveryId}@${domain}>`,
          // RFC 3834: out-of-office replies are not sent back to an automatic message.
          headers: { 'Auto-Submitted': 'auto-generated' },
          xMailer: false,
        });
        return { kind: 'accepted', providerMessageId: queueIdOf(info.response) ?? info.serverMessageId ?? info.messageId };
      } catch (error) {
        return outcomeOfError(error as NodemailerError);
      }
    },
    async close() {
      transport.close();
    },
  };
}
