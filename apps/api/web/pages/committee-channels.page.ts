import type { ChannelName } from '../../../../libs/channels/channel.js';
import { CHANNEL_LABELS } from '../../../../libs/wording/delivery-words.js';
import type { Language } from '../../../../libs/wording/language.js';
import type { CommitteeChannelsView } from '../../committees/committee-channels.service.js';
import { html } from '../html.js';
import { page, type PagePerson } from '../layout.js';
import { channelBoxes } from './contact.page.js';
import { fieldErrors, formTokens } from './form-parts.js';
import { doneNotice, type AnyForm } from './organisation-parts.js';

const DONE = { saved: { vi: 'Đã lưu các kênh gửi thông báo của Đảng ủy.', en: 'The committee’s channels were saved.' } };

/**
 * The channels the committee pays for (Zalo ZNS and SMS are charged per message), for its office: a channel the
 * server is not configured for can be chosen, and the page says it sends nothing until it is.
 */
export function committeeChannelsPage(language: Language, person: PagePerson, view: CommitteeChannelsView, form: AnyForm & { channels: ChannelName[] }, done?: string): string {
  const vi = language === 'vi';
  const note = (channel: ChannelName) =>
    view.configured.includes(channel) ? '' : vi ? ` ${CHANNEL_LABELS[channel].vi} chưa được cấu hình trên máy chủ.` : ` ${CHANNEL_LABELS[channel].en} is not configured on the server.`;
  return page(
    { title: vi ? 'Kênh gửi thông báo' : 'Notification channels', language, signedIn: person },
    html`<h1>${vi ? 'Kênh gửi thông báo' : 'Notification channels'}</h1>
${doneNotice(done, DONE, language)}
<p class="muted">${
      vi
        ? 'Thông báo luôn có trong ứng dụng. Đảng ủy chọn các kênh gửi thêm đến người nhận; tin Zalo ZNS và tin nhắn SMS tính tiền theo từng tin. Mỗi người còn tự chọn kênh của mình trên trang Liên lạc.'
        : 'Notifications are always in the app. The committee chooses the channels that also carry them; Zalo ZNS and SMS are paid per message. Each person also chooses their own on the Contact page.'
    }</p>
${fieldErrors(form.errors, '')}
<form method="post" action="/kenh-gui-tin">
${formTokens(person.csrfToken, form.key)}
${channelBoxes('channels', vi ? 'Đảng ủy dùng các kênh' : 'The committee uses', form.channels, language, note, form.errors)}
<button class="primary" type="submit">${vi ? 'Lưu' : 'Save'}</button>
</form>
<p><a href="/chua-nhan-tin">${vi ? 'Thông báo chưa đến được người nhận' : 'Notifications that reached nobody'}</a></p>`,
  );
}
