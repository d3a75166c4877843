import { CHANNEL_LABELS } from '../../../../libs/wording/delivery-words.js';
import type { Language } from '../../../../libs/wording/language.js';
import { englishVietnamTime, vietnamPageTime } from '../../../../libs/wording/vietnam-time.js';
import type { DeliveryReportItemView, UnreachedItemView } from '../../deliveries/delivery.mapper.js';
import { html, type SafeHtml } from '../html.js';
import { page, type PagePerson } from '../layout.js';

/** A page of a list: which one, and whether another follows. */
export interface ListPage {
  number: number;
  hasNext: boolean;
}

function when(iso: string, language: Language): string {
  return language === 'vi' ? vietnamPageTime(Date.parse(iso)) : englishVietnamTime(Date.parse(iso));
}

/** Who it went to: "Bí thư thôn 1, Chi bộ thôn 1". */
function whom(item: DeliveryReportItemView): string {
  return item.person.cellName ? `${item.person.fullName}, ${item.person.cellName}` : item.person.fullName;
}

/** Each channel on a line of its own: its name, the masked address, and what became of it in a sentence. */
function channelLines(item: DeliveryReportItemView, language: Language): SafeHtml {
  const vi = language === 'vi';
  const read = item.readAt ? html`<li>${vi ? 'Ứng dụng' : 'App'}: ${vi ? 'đã đọc lúc' : 'read at'} ${when(item.readAt, language)}.</li>` : '';
  return html`<ul class="plain">${read}${item.channels.map(
    (channel) => html`<li><strong>${CHANNEL_LABELS[channel.channel][language]}</strong>${channel.address ? html` <span class="muted">(${channel.address})</span>` : ''}: ${channel.why}</li>`,
  )}</ul>`;
}

/** One notification to one person: whom, what, when, whether it reached them, and each channel. */
function card(item: DeliveryReportItemView, language: Language, extra: SafeHtml | string = ''): SafeHtml {
  const vi = language === 'vi';
  return html`<article class="card" id="tb-${item.notificationId}"><h2 class="person">${whom(item)}</h2>
<p>${item.title}${extra}<br><span class="muted">${when(item.createdAt, language)}</span>${
    item.reached ? '' : html` <span class="due late">${vi ? 'Chưa đến được người nhận' : 'Reached nobody'}</span>`
  }</p>
${channelLines(item, language)}</article>`;
}

function pager(base: string, list: ListPage, language: Language): SafeHtml | string {
  const vi = language === 'vi';
  const links = [
    ...(list.number > 1 ? [html`<a href="${base}?trang=${list.number - 1}">${vi ? 'Trang trước' : 'Previous page'}</a>`] : []),
    ...(list.hasNext ? [html`<a href="${base}?trang=${list.number + 1}">${vi ? 'Trang sau' : 'Next page'}</a>`] : []),
  ];
  return links.length > 0 ? html`<nav aria-label="${vi ? 'Các trang' : 'Pages'}">${links.map((link) => html`${link} `)}</nav>` : '';
}

/**
 * "Tình hình gửi tin" of a cycle, for its committee: each notification and person, newest first, whether it
 * reached them, and on each channel what became of it, in words; the phone numbers masked.
 */
export function deliveryReportPage(language: Language, person: PagePerson, cycle: { id: string; title: string }, items: DeliveryReportItemView[], list: ListPage): string {
  const vi = language === 'vi';
  const missed = items.filter((item) => !item.reached).length;
  return page(
    { title: vi ? 'Tình hình gửi tin' : 'Delivery of notifications', language, signedIn: person },
    html`<p><a href="/dot/${cycle.id}">“${cycle.title}”</a></p>
<h1>${vi ? 'Tình hình gửi tin' : 'Delivery of notifications'}</h1>
<p>${
      items.length === 0
        ? vi ? 'Đợt sinh hoạt chưa có thông báo nào.' : 'The cycle has no notifications yet.'
        : vi ? `${items.length} thông báo${list.number > 1 || list.hasNext ? ' trên trang này' : ''}; ${missed} chưa đến được người nhận.` : `${items.length} notifications${list.number > 1 || list.hasNext ? ' on this page' : ''}; ${missed} reached nobody.`
    }</p>
${items.map((item) => card(item, language))}
${pager(`/dot/${cycle.id}/gui-tin`, list, language)}`,
  );
}

/**
 * The one list the office acts on (/chua-nhan-tin): notifications of the last 30 days that reached nobody, with
 * the person, their cell, the cycle and why each channel did not reach them.
 */
export function unreachedPage(language: Language, person: PagePerson, items: UnreachedItemView[], total: number, list: ListPage): string {
  const vi = language === 'vi';
  return page(
    { title: vi ? 'Chưa nhận được thông báo' : 'Not reached', language, signedIn: person },
    html`<h1>${vi ? 'Thông báo chưa đến được người nhận' : 'Notifications that reached nobody'}</h1>
<p>${
      total === 0
        ? vi ? 'Trong 30 ngày qua, mọi thông báo đều đã đến được người nhận.' : 'In the last 30 days every notification reached its person.'
        : vi
          ? `${total} thông báo trong 30 ngày qua chưa đến được người nhận qua kênh nào và chưa được đọc trong ứng dụng. Đề nghị văn phòng liên hệ trực tiếp với đồng chí nhận tin.`
          : `${total} notifications of the last 30 days reached nobody by any channel and were not read in the app. Contact the person directly.`
    }</p>
<p><a href="/kenh-gui-tin">${vi ? 'Kênh gửi thông báo của Đảng ủy' : 'The committee’s channels'}</a></p>
${items.map((item) => card(item, language, item.cycle ? html`<br><a href="/dot/${item.cycle.id}">“${item.cycle.title}”</a>` : ''))}
${pager('/chua-nhan-tin', list, language)}`,
  );
}
