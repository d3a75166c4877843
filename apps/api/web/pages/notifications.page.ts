import type { Language } from '../../../../libs/wording/language.js';
import { englishVietnamTime, vietnamPageTime } from '../../../../libs/wording/vietnam-time.js';
import type { NotificationView } from '../../notifications/notifications.service.js';
import { html } from '../html.js';
import { page, type PagePerson } from '../layout.js';

/** The person's notifications, newest first, each with when it came (the texts are the office's own words). */
export function notificationsPage(language: Language, person: PagePerson, notifications: NotificationView[]): string {
  const vi = language === 'vi';
  const items = notifications.map((notification) => {
    const at = Date.parse(notification.createdAt);
    return html`<li><span class="task-label">${notification.title}</span>
<span>${notification.body}</span><br><span class="muted">${vi ? vietnamPageTime(at) : englishVietnamTime(at)}</span></li>`;
  });
  return page(
    { title: vi ? 'Thông báo' : 'Notifications', language, signedIn: person },
    html`<h1>${vi ? 'Thông báo' : 'Notifications'}</h1>
${items.length > 0 ? html`<ul class="tasks">${items}</ul>` : html`<p class="muted">${vi ? 'Chưa có thông báo nào.' : 'No notifications yet.'}</p>`}`,
  );
}
