import { VIETNAM_OFFSET_MS } from '../../../../libs/domain/input-bounds.js';
import type { Language } from '../../../../libs/wording/language.js';
import { englishVietnamTime, vietnamPageTime } from '../../../../libs/wording/vietnam-time.js';
import type { CycleView } from '../../cycles/cycle.mapper.js';
import { html } from '../html.js';
import { page, type PagePerson } from '../layout.js';
import { describedBy, fieldErrors, formTokens } from './form-parts.js';

export interface RescheduleForm {
  csrfToken: string;
  key: string;
  day?: string;
  time?: string;
  reason?: string;
  errors?: Record<string, string[]>;
}

/**
 * The committee or the host moves the meeting, before it is held (domain.md): a new day and time on Vietnam's
 * clock, as the launch form asks them, and the reason, which the cells are told with the new time.
 */
export function reschedulePage(language: Language, person: PagePerson, cycle: CycleView, form: RescheduleForm): string {
  const vi = language === 'vi';
  const meetingMs = Date.parse(cycle.meetingAt);
  // The form opens on the meeting's present day and time, as Vietnam's clock shows them.
  const present = new Date(meetingMs + VIETNAM_OFFSET_MS).toISOString();
  return page(
    { title: vi ? 'Đổi lịch sinh hoạt' : 'Reschedule the meeting', language, signedIn: person },
    html`<h1>${vi ? 'Đổi lịch sinh hoạt' : 'Reschedule the meeting'}</h1>
<p>“${cycle.title}”, ${vi ? 'lịch hiện nay' : 'now set for'} ${vi ? vietnamPageTime(meetingMs) : englishVietnamTime(meetingMs)}, ${cycle.location}.</p>
${fieldErrors(form.errors, '')}
<form method="post" action="/dot/${cycle.id}/doi-lich">
${formTokens(form.csrfToken, form.key)}
<label for="day">${vi ? 'Ngày sinh hoạt mới' : 'New day'}</label><input id="day" name="day" type="date" value="${form.day ?? present.slice(0, 10)}"${describedBy(form.errors, 'meetingAt')}>
<label for="time">${vi ? 'Giờ sinh hoạt mới (giờ Việt Nam)' : 'New time (Vietnam time)'}</label><input id="time" name="time" type="time" value="${form.time ?? present.slice(11, 16)}"${describedBy(form.errors, 'meetingAt')}>
${fieldErrors(form.errors, 'meetingAt')}
<label for="reason">${vi ? 'Lý do đổi lịch' : 'Reason for rescheduling'}</label>
<textarea id="reason" name="reason" rows="3"${describedBy(form.errors, 'reason')}>${form.reason ?? ''}</textarea>
${fieldErrors(form.errors, 'reason')}
<button class="primary" type="submit">${vi ? 'Đổi lịch' : 'Reschedule'}</button>
</form>
<p><a href="/dot/${cycle.id}">${vi ? 'Về trang của đợt sinh hoạt' : 'Back to the cycle'}</a></p>`,
  );
}
