import type { Language } from '../../../../libs/wording/language.js';
import { vietnamPageTime } from '../../../../libs/wording/vietnam-time.js';
import type { CycleView } from '../../cycles/cycle.mapper.js';
import { html } from '../html.js';
import { page, type PagePerson } from '../layout.js';
import { describedBy, fieldErrors, formTokens } from './form-parts.js';

export interface MeetingForm {
  csrfToken: string;
  key: string;
  /** As typed: the day and the start and end times in Vietnam ("2026-12-11", "08:00"). */
  day?: string;
  start?: string;
  end?: string;
  combined?: boolean;
  present?: string;
  total?: string;
  absentWithReason?: string;
  absentWithoutReason?: string;
  attendingCellIds: string[];
  minutes?: string;
  resolution?: string;
  errors?: Record<string, string[]>;
}

function numberField(id: string, label: string, value: string | undefined, errors: Record<string, string[]> | undefined, errorField: string) {
  return html`<label for="${id}">${label}</label><input id="${id}" name="${id}" inputmode="numeric" value="${value ?? ''}"${describedBy(errors, errorField)}>`;
}

/** The host records the meeting it held (web.md): when, who was there, which cells came, the minutes. */
export function meetingPage(language: Language, person: PagePerson, cycle: CycleView, cellNames: ReadonlyMap<string, string>, form: MeetingForm): string {
  const vi = language === 'vi';
  const accepted = cycle.invitations.filter((invitation) => invitation.status === 'ACCEPTED');
  return page(
    { title: vi ? 'Ghi nhận buổi sinh hoạt' : 'Record the meeting', language, signedIn: person },
    html`<h1>${vi ? 'Ghi nhận buổi sinh hoạt' : 'Record the meeting'}</h1>
<p>“${cycle.title}”, ${vi ? 'dự kiến' : 'planned for'} ${vietnamPageTime(Date.parse(cycle.meetingAt))}, ${cycle.location}.</p>
${fieldErrors(form.errors, '')}
<form method="post" action="/dot/${cycle.id}/buoi-sinh-hoat">
${formTokens(form.csrfToken, form.key)}
<label for="day">${vi ? 'Ngày sinh hoạt' : 'Day'}</label><input id="day" name="day" type="date" value="${form.day ?? ''}">
<label for="start">${vi ? 'Giờ bắt đầu' : 'Started'}</label><input id="start" name="start" type="time" value="${form.start ?? ''}"${describedBy(form.errors, 'startedAt')}>
${fieldErrors(form.errors, 'startedAt')}
<label for="end">${vi ? 'Giờ kết thúc' : 'Ended'}</label><input id="end" name="end" type="time" value="${form.end ?? ''}"${describedBy(form.errors, 'endedAt')}>
${fieldErrors(form.errors, 'endedAt')}
<fieldset><legend>${vi ? 'Loại buổi sinh hoạt' : 'Kind of meeting'}</legend>
<label><input type="checkbox" name="combined" value="1"${form.combined ? html` checked` : ''}> ${vi ? 'Sinh hoạt chuyên đề kết hợp sinh hoạt thường kỳ (ít nhất 120 phút)' : 'Thematic and regular meeting together (at least 120 minutes)'}</label></fieldset>
<h2>${vi ? 'Số đảng viên dự sinh hoạt' : 'Attendance'}</h2>
${fieldErrors(form.errors, 'attendance')}
${numberField('present', vi ? 'Số đảng viên có mặt' : 'Present', form.present, form.errors, 'attendance')}
${numberField('total', vi ? 'Tổng số đảng viên của chi bộ' : 'Members of the cell', form.total, form.errors, 'attendance')}
${numberField('absentWithReason', vi ? 'Vắng có lý do' : 'Absent with a reason', form.absentWithReason, form.errors, 'attendance')}
${numberField('absentWithoutReason', vi ? 'Vắng không có lý do' : 'Absent without a reason', form.absentWithoutReason, form.errors, 'attendance')}
<fieldset><legend>${vi ? 'Chi bộ bạn đã dự' : 'Cells that attended'}</legend>
${accepted.length > 0 ? accepted.map((invitation) => html`<label><input type="checkbox" name="attending" value="${invitation.cellId}"${form.attendingCellIds.includes(invitation.cellId) ? html` checked` : ''}> ${cellNames.get(invitation.cellId) ?? ''}</label>`) : html`<p class="muted">${vi ? 'Chưa có chi bộ nào xác nhận tham dự.' : 'No cell accepted.'}</p>`}
</fieldset>
${fieldErrors(form.errors, 'attendingCellIds')}
<label for="minutes">${vi ? 'Biên bản' : 'Minutes'}</label><textarea id="minutes" name="minutes" rows="5"${describedBy(form.errors, 'minutes')}>${form.minutes ?? ''}</textarea>
${fieldErrors(form.errors, 'minutes')}
<label for="resolution">${vi ? 'Nghị quyết' : 'Resolution'}</label><textarea id="resolution" name="resolution" rows="4">${form.resolution ?? ''}</textarea>
${fieldErrors(form.errors, 'resolution')}
<button class="primary" type="submit">${vi ? 'Ghi nhận' : 'Record'}</button>
</form>
<p><a href="/dot/${cycle.id}">${vi ? 'Về trang của đợt sinh hoạt' : 'Back to the cycle'}</a></p>`,
  );
}
