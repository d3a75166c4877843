import { CHANNELS, type ChannelName } from '../../../../libs/channels/channel.js';
import { CHANNEL_LABELS, CHANNEL_PURPOSES } from '../../../../libs/wording/delivery-words.js';
import type { Language } from '../../../../libs/wording/language.js';
import { html, type SafeHtml } from '../html.js';
import { page, type PagePerson } from '../layout.js';
import type { OwnContactView } from '../../users/contact.service.js';
import { describedBy, fieldErrors, formTokens } from './form-parts.js';
import { doneNotice, textField, type AnyForm } from './organisation-parts.js';

/** The contact form as shown: what is typed (the phone field is always empty unless a refused form brings it back) and the channels ticked. */
export interface ContactForm extends AnyForm {
  channels: ChannelName[];
}

const DONE = { saved: { vi: 'Đã lưu thông tin liên lạc.', en: 'Your contact details were saved.' } };

/**
 * Why a channel the person ticks may still not reach them, in the delivery workflow's order: the committee does not
 * use it, or the server cannot send on it.
 */
function channelNote(channel: ChannelName, contact: Pick<OwnContactView, 'committeeChannels' | 'configured'>, language: Language): string {
  const vi = language === 'vi';
  if (!contact.committeeChannels.includes(channel)) return vi ? ' Đảng ủy chưa dùng kênh này.' : ' The committee does not use this channel.';
  if (!contact.configured.includes(channel)) return vi ? ' Kênh này chưa được cấu hình trên máy chủ.' : ' This channel is not configured on the server.';
  return '';
}

/** The channel boxes with what each carries, one sentence each (notifications.md). */
export function channelBoxes(name: string, legend: string, ticked: readonly ChannelName[], language: Language, note: (channel: ChannelName) => string, errors?: Record<string, string[]>): SafeHtml {
  return html`<fieldset${describedBy(errors, name)}><legend>${legend}</legend>
${CHANNELS.map(
  (channel) => html`<label><input type="checkbox" name="${name}" value="${channel}"${ticked.includes(channel) ? html` checked` : ''}> <span><strong>${CHANNEL_LABELS[channel][language]}</strong><br><span class="muted">${CHANNEL_PURPOSES[channel][language]}${note(channel)}</span></span></label>`,
)}
</fieldset>
${fieldErrors(errors, name)}`;
}

/**
 * "Thông tin liên lạc" (/lien-lac), for every signed-in person: their email, their phone shown masked with a field
 * to replace it (the full number is never shown again, to them either), and the channels they choose.
 */
export function contactPage(language: Language, person: PagePerson, contact: OwnContactView, form: ContactForm, done?: string): string {
  const vi = language === 'vi';
  const current = contact.phoneMasked
    ? vi
      ? `Số hiện tại: ${contact.phoneMasked} (che bớt để giữ bí mật). Để trống nếu không đổi.`
      : `Current number: ${contact.phoneMasked} (partly hidden). Leave empty to keep it.`
    : vi
      ? 'Chưa có số điện thoại. Ví dụ: 0912 345 678.'
      : 'No phone number yet. For example: 0912 345 678.';
  return page(
    { title: vi ? 'Thông tin liên lạc' : 'Contact details', language, signedIn: person },
    html`<h1>${vi ? 'Thông tin liên lạc' : 'Contact details'}</h1>
${doneNotice(done, DONE, language)}
<p class="muted">${
      vi
        ? 'Thông báo luôn có trong mục Thông báo của ứng dụng; các kênh dưới đây gửi thêm đến thư điện tử và điện thoại của đồng chí.'
        : 'Every notification is always in the app’s Notifications; the channels below also send it to your email and phone.'
    }</p>
${fieldErrors(form.errors, '')}
<form method="post" action="/lien-lac">
${formTokens(person.csrfToken, form.key)}
${textField(form, 'email', vi ? 'Địa chỉ thư điện tử' : 'Email address', {
  attributes: html` inputmode="email" autocomplete="email" autocapitalize="none" spellcheck="false"`,
  hint: vi ? 'Để trống nếu không nhận thư điện tử.' : 'Leave empty for no email.',
})}
${textField(form, 'phone', vi ? 'Số điện thoại di động mới' : 'New mobile number', { attributes: html` inputmode="tel" autocomplete="tel"`, hint: current })}
${contact.phoneMasked ? html`<fieldset><legend>${vi ? 'Số điện thoại hiện tại' : 'Current number'}</legend><label><input type="checkbox" name="clearPhone" value="1"${form.typed.clearPhone ? html` checked` : ''}> ${vi ? 'Xóa số điện thoại' : 'Remove the number'}</label></fieldset>` : ''}
${channelBoxes('notifyChannels', vi ? 'Nhận thông báo qua' : 'Send my notifications by', form.channels, language, (channel) => channelNote(channel, contact, language), form.errors)}
<button class="primary" type="submit">${vi ? 'Lưu' : 'Save'}</button>
</form>`,
  );
}
