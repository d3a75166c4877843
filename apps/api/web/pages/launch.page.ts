import { MEETING_KINDS } from '../../../../libs/domain/cycle.js';
import { MEETING_KIND_LABELS } from '../../../../libs/wording/labels.js';
import type { Language } from '../../../../libs/wording/language.js';
import { html } from '../html.js';
import { page, type PagePerson } from '../layout.js';
import { describedBy, fieldErrors, formTokens } from './form-parts.js';

export interface LaunchForm {
  csrfToken: string;
  key: string;
  title?: string;
  topic?: string;
  kind?: string;
  day?: string;
  time?: string;
  location?: string;
  invitedCellIds: string[];
  hostCellId?: string;
  critiqueDays?: string;
  reportDays?: string;
  errors?: Record<string, string[]>;
}

/**
 * The committee launches a cycle (web.md): what, when, where; the cells invited (all, or some); the host now
 * or later from the ranked candidates; the critique and report windows with their defaults shown.
 */
export function launchPage(language: Language, person: PagePerson, cells: { id: string; name: string }[], form: LaunchForm): string {
  const vi = language === 'vi';
  const text = (name: 'title' | 'topic' | 'location', label: string) =>
    html`<label for="${name}">${label}</label><input id="${name}" name="${name}" value="${form[name] ?? ''}"${describedBy(form.errors, name)}>${fieldErrors(form.errors, name)}`;
  return page(
    { title: vi ? 'Khởi tạo đợt sinh hoạt' : 'Launch a cycle', language, signedIn: person },
    html`<h1>${vi ? 'Khởi tạo đợt sinh hoạt chi bộ điểm' : 'Launch a model meeting cycle'}</h1>
${fieldErrors(form.errors, '')}
<form method="post" action="/dot-moi">
${formTokens(form.csrfToken, form.key)}
${text('title', vi ? 'Tên đợt sinh hoạt' : 'Title')}
${text('topic', vi ? 'Chuyên đề, nội dung' : 'Topic')}
<label for="kind">${vi ? 'Loại sinh hoạt' : 'Kind of meeting'}</label>
<select id="kind" name="kind">${MEETING_KINDS.map((kind) => html`<option value="${kind}"${form.kind === kind ? html` selected` : ''}>${MEETING_KIND_LABELS[kind][language]}</option>`)}</select>
<label for="day">${vi ? 'Ngày sinh hoạt' : 'Day'}</label><input id="day" name="day" type="date" value="${form.day ?? ''}"${describedBy(form.errors, 'meetingAt')}>
<label for="time">${vi ? 'Giờ sinh hoạt' : 'Time'}</label><input id="time" name="time" type="time" value="${form.time ?? ''}"${describedBy(form.errors, 'meetingAt')}>
${fieldErrors(form.errors, 'meetingAt')}
${text('location', vi ? 'Địa điểm' : 'Place')}
<fieldset><legend>${vi ? 'Chi bộ được mời' : 'Cells invited'}</legend>
<label><input type="checkbox" name="allCells" value="1"> ${vi ? 'Mời tất cả chi bộ trực thuộc' : 'Invite every cell'}</label>
${cells.map((cell) => html`<label><input type="checkbox" name="invited" value="${cell.id}"${form.invitedCellIds.includes(cell.id) ? html` checked` : ''}> ${cell.name}</label>`)}
</fieldset>
${fieldErrors(form.errors, 'invitedCellIds')}
<label for="hostCellId">${vi ? 'Chi bộ điểm' : 'Host cell'}</label>
<select id="hostCellId" name="hostCellId"><option value="">${vi ? 'Chọn sau, theo đề xuất của hệ thống' : 'Later, from the ranked candidates'}</option>${cells.map((cell) => html`<option value="${cell.id}"${form.hostCellId === cell.id ? html` selected` : ''}>${cell.name}</option>`)}</select>
${fieldErrors(form.errors, 'hostCellId')}
<label for="critiqueDays">${vi ? 'Thời gian góp ý (ngày)' : 'Critique window (days)'}</label><input id="critiqueDays" name="critiqueDays" inputmode="numeric" value="${form.critiqueDays ?? '3'}">
${fieldErrors(form.errors, 'critiqueWindow')}
<label for="reportDays">${vi ? 'Thời hạn báo cáo rút kinh nghiệm (ngày)' : 'Report window (days)'}</label><input id="reportDays" name="reportDays" inputmode="numeric" value="${form.reportDays ?? '7'}">
${fieldErrors(form.errors, 'reportWindow')}
<button class="primary" type="submit">${vi ? 'Khởi tạo đợt sinh hoạt' : 'Launch'}</button>
</form>`,
  );
}
