import { CRITIQUE_STAGES, POINT_KINDS } from '../../../../libs/domain/cycle.js';
import { CRITIQUE_STAGE_LABELS, POINT_KIND_LABELS } from '../../../../libs/wording/labels.js';
import type { Language } from '../../../../libs/wording/language.js';
import { vietnamPageTime } from '../../../../libs/wording/vietnam-time.js';
import type { CycleView } from '../../cycles/cycle.mapper.js';
import { html } from '../html.js';
import { page, type PagePerson } from '../layout.js';
import { fieldErrors, formTokens } from './form-parts.js';
import { scoreSheetFields } from './score-sheet.part.js';

/** One row of the form: a point as typed (stage, kind, text), blank until filled. */
export interface PointRow {
  stage?: string;
  kind?: string;
  text?: string;
}

export interface CritiqueForm {
  csrfToken: string;
  key: string;
  rows: PointRow[];
  /** The score sheet as typed, by criterion id. */
  scores: Record<string, string>;
  errors?: Record<string, string[]>;
}

/** How many empty rows a new form offers; "Thêm dòng" adds this many more, without JavaScript. */
export const POINT_ROWS = 6;

/**
 * The critique form (web.md): points one by one, each with the stage of the meeting it is about and its
 * kind, and the cycle's score sheet with its total and band. Plain fields that work with JavaScript off.
 */
export function critiquePage(language: Language, person: PagePerson, cycle: CycleView, form: CritiqueForm): string {
  const vi = language === 'vi';
  const rows = form.rows.map((row, index) => {
    const n = index + 1;
    return html`<fieldset><legend>${vi ? `Ý kiến thứ ${n}` : `Point ${n}`}</legend>
<label for="stage_${index}">${vi ? 'Khâu được nhận xét' : 'Stage of the meeting'}</label>
<select id="stage_${index}" name="stage_${index}">${CRITIQUE_STAGES.map((stage) => html`<option value="${stage}"${row.stage === stage ? html` selected` : ''}>${CRITIQUE_STAGE_LABELS[stage][language]}</option>`)}</select>
<label for="kind_${index}">${vi ? 'Loại ý kiến' : 'Kind of point'}</label>
<select id="kind_${index}" name="kind_${index}">${POINT_KINDS.map((kind) => html`<option value="${kind}"${row.kind === kind ? html` selected` : ''}>${POINT_KIND_LABELS[kind][language]}</option>`)}</select>
<label for="text_${index}">${vi ? 'Nội dung ý kiến' : 'The point'}</label>
<textarea id="text_${index}" name="text_${index}" rows="3">${row.text ?? ''}</textarea></fieldset>`;
  });
  return page(
    { title: vi ? 'Nhận xét, góp ý' : 'Critique', language, signedIn: person },
    html`<h1>${vi ? 'Nhận xét, góp ý' : 'Critique'}</h1>
<p>“${cycle.title}”, ${vietnamPageTime(Date.parse(cycle.meetingAt))}, ${cycle.location}.</p>
${cycle.deadlines.critiqueClosesAt ? html`<p class="muted">${vi ? 'Đề nghị chi bộ gửi trước' : 'Please send before'} ${vietnamPageTime(Date.parse(cycle.deadlines.critiqueClosesAt))}.</p>` : ''}
${fieldErrors(form.errors, '')}
<form method="post" action="/dot/${cycle.id}/gop-y">
${formTokens(form.csrfToken, form.key)}
<input type="hidden" name="rows" value="${form.rows.length}">
<p class="muted">${vi ? 'Nhận xét từng khâu, từng việc; dòng để trống không được gửi.' : 'Point by point; empty rows are not sent.'}</p>
${fieldErrors(form.errors, 'points')}
${rows}
<button type="submit" name="more" value="1">${vi ? 'Thêm dòng' : 'More rows'}</button>
<h2>${vi ? 'Phiếu chấm điểm (không bắt buộc)' : 'Score sheet (optional)'}</h2>
${fieldErrors(form.errors, 'scores')}
${scoreSheetFields(language, cycle.rubric, form.scores)}
<button class="primary" type="submit">${vi ? 'Gửi nhận xét, góp ý' : 'Send the critique'}</button>
</form>
<p><a href="/dot/${cycle.id}">${vi ? 'Về trang của đợt sinh hoạt' : 'Back to the cycle'}</a></p>`,
  );
}
