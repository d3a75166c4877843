import { RESPONSE_STANCES } from '../../../../libs/domain/cycle.js';
import { CRITIQUE_STAGE_LABELS, POINT_KIND_LABELS, STANCE_LABELS } from '../../../../libs/wording/labels.js';
import type { Language } from '../../../../libs/wording/language.js';
import { vietnamPageTime } from '../../../../libs/wording/vietnam-time.js';
import type { CycleView } from '../../cycles/cycle.mapper.js';
import { html } from '../html.js';
import { page, type PagePerson } from '../layout.js';
import { describedBy, fieldErrors, formTokens } from './form-parts.js';

/** An action item as typed: what, who, by which day. */
export interface ActionRow {
  title?: string;
  owner?: string;
  dueDate?: string;
}

export interface ReportForm {
  csrfToken: string;
  key: string;
  /** The answer typed for each point, by the point's id. */
  answers: Record<string, { stance?: string; text?: string }>;
  lessons?: string;
  actions: ActionRow[];
  errors?: Record<string, string[]>;
}

/** How many empty action-item rows a new form offers. */
export const ACTION_ROWS = 3;

/**
 * The lessons-learned report (web.md): every weakness and suggestion of the critiques with the host's answer
 * (tiếp thu, tiếp thu một phần, giải trình, bảo lưu) and its reason; the lessons; the action items.
 */
export function reportPage(language: Language, person: PagePerson, cycle: CycleView, cellNames: ReadonlyMap<string, string>, form: ReportForm): string {
  const vi = language === 'vi';
  const toAnswer = cycle.critiques.flatMap((critique) =>
    critique.points.filter((point) => point.kind !== 'strength').map((point) => ({ point, from: critique.cellId ? (cellNames.get(critique.cellId) ?? '') : (critique.guestName ?? '') })),
  );
  const points = toAnswer.map(({ point, from }, index) => {
    const answer = form.answers[point.id] ?? {};
    const stance = answer.stance ?? 'accept';
    return html`<fieldset><legend>${vi ? `Ý kiến thứ ${index + 1}` : `Point ${index + 1}`}: ${POINT_KIND_LABELS[point.kind][language]} (${CRITIQUE_STAGE_LABELS[point.stage][language].toLowerCase()})</legend>
<p>“${point.text}”${from ? html` — ${from}` : ''}</p>
${RESPONSE_STANCES.map((choice) => html`<label><input type="radio" name="stance_${point.id}" value="${choice}"${stance === choice ? html` checked` : ''}> ${STANCE_LABELS[choice][language]}</label>`)}
<label for="text_${point.id}">${vi ? 'Nội dung tiếp thu, giải trình' : 'The answer'}</label>
<textarea id="text_${point.id}" name="text_${point.id}" rows="2">${answer.text ?? ''}</textarea></fieldset>`;
  });
  const actions = form.actions.map(
    (row, index) => html`<fieldset><legend>${vi ? `Việc cam kết thứ ${index + 1}` : `Action item ${index + 1}`}</legend>
<label for="action_title_${index}">${vi ? 'Việc cần làm' : 'What'}</label><input id="action_title_${index}" name="action_title_${index}" value="${row.title ?? ''}">
<label for="action_owner_${index}">${vi ? 'Người thực hiện' : 'Who'}</label><input id="action_owner_${index}" name="action_owner_${index}" value="${row.owner ?? ''}">
<label for="action_due_${index}">${vi ? 'Hạn hoàn thành' : 'Due day'}</label><input id="action_due_${index}" name="action_due_${index}" type="date" value="${row.dueDate ?? ''}"></fieldset>`,
  );
  return page(
    { title: vi ? 'Báo cáo rút kinh nghiệm' : 'Lessons-learned report', language, signedIn: person },
    html`<h1>${vi ? 'Báo cáo rút kinh nghiệm' : 'Lessons-learned report'}</h1>
<p>“${cycle.title}”.${cycle.deadlines.reportDueAt ? html` ${vi ? 'Đề nghị chi bộ gửi trước' : 'Please send before'} ${vietnamPageTime(Date.parse(cycle.deadlines.reportDueAt))}.` : ''}</p>
${cycle.review?.decision === 'revise' && cycle.review.comment ? html`<p class="notice">${vi ? 'Đảng ủy đề nghị hoàn thiện' : 'The committee asks to complete'}: ${cycle.review.comment}</p>` : ''}
${fieldErrors(form.errors, '')}
<form method="post" action="/dot/${cycle.id}/bao-cao">
${formTokens(form.csrfToken, form.key)}
<input type="hidden" name="actions" value="${form.actions.length}">
<h2>${vi ? 'Tiếp thu, giải trình từng ý kiến' : 'Each point answered'}</h2>
${fieldErrors(form.errors, 'responses')}
${points.length > 0 ? points : html`<p class="muted">${vi ? 'Không có ý kiến hạn chế, đề xuất cần trả lời.' : 'No weakness or suggestion to answer.'}</p>`}
<h2>${vi ? 'Bài học kinh nghiệm' : 'Lessons'}</h2>
<label for="lessons">${vi ? 'Bài học kinh nghiệm (mỗi bài học một dòng)' : 'Lessons (one a line)'}</label>
<textarea id="lessons" name="lessons" rows="4"${describedBy(form.errors, 'lessons')}>${form.lessons ?? ''}</textarea>
${fieldErrors(form.errors, 'lessons')}
<h2>${vi ? 'Việc cam kết' : 'Action items'}</h2>
${fieldErrors(form.errors, 'actionItems')}
${actions}
<button type="submit" name="more" value="1">${vi ? 'Thêm dòng' : 'More rows'}</button>
<button class="primary" type="submit">${vi ? 'Gửi báo cáo rút kinh nghiệm' : 'Send the report'}</button>
</form>
<p><a href="/dot/${cycle.id}">${vi ? 'Về trang của đợt sinh hoạt' : 'Back to the cycle'}</a></p>`,
  );
}
