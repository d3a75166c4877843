import { RATINGS, REVIEW_DECISIONS } from '../../../../libs/domain/cycle.js';
import { RATING_LABELS, REVIEW_DECISION_LABELS } from '../../../../libs/wording/labels.js';
import type { Language } from '../../../../libs/wording/language.js';
import type { CycleView } from '../../cycles/cycle.mapper.js';
import { html } from '../html.js';
import { page, type PagePerson } from '../layout.js';
import { describedBy, fieldErrors, formTokens } from './form-parts.js';
import { scoreSheetFields } from './score-sheet.part.js';

export interface ReviewForm {
  csrfToken: string;
  key: string;
  decision?: string;
  rating?: string;
  comment?: string;
  scores: Record<string, string>;
  errors?: Record<string, string[]>;
}

/**
 * The committee's review of the lessons-learned report (web.md): pass it with a rating (and, if it scores the
 * meeting, its own score sheet, whose band takes the meeting record's flags into account as the rating must),
 * or send it back with what is missing.
 */
export function reviewPage(language: Language, person: PagePerson, cycle: CycleView, form: ReviewForm): string {
  const vi = language === 'vi';
  const decision = form.decision ?? 'accept';
  return page(
    { title: vi ? 'Đánh giá, xếp loại' : 'Review and rating', language, signedIn: person },
    html`<h1>${vi ? 'Đánh giá, xếp loại' : 'Review and rating'}</h1>
<p>“${cycle.title}”. <a href="/dot/${cycle.id}">${vi ? 'Xem báo cáo rút kinh nghiệm và các ý kiến' : 'Read the report and the critiques'}</a></p>
${fieldErrors(form.errors, '')}
<form method="post" action="/dot/${cycle.id}/danh-gia">
${formTokens(form.csrfToken, form.key)}
<fieldset><legend>${vi ? 'Quyết định' : 'Decision'}</legend>
${REVIEW_DECISIONS.map((choice) => html`<label><input type="radio" name="decision" value="${choice}"${decision === choice ? html` checked` : ''}> ${REVIEW_DECISION_LABELS[choice][language]}</label>`)}
</fieldset>
${fieldErrors(form.errors, 'decision')}
<label for="rating">${vi ? 'Xếp loại (khi thông qua)' : 'Rating (when accepting)'}</label>
<select id="rating" name="rating"${describedBy(form.errors, 'rating')}><option value="">${vi ? '— Chọn xếp loại —' : '— Choose —'}</option>${RATINGS.map((rating) => html`<option value="${rating}"${form.rating === rating ? html` selected` : ''}>${RATING_LABELS[rating][language]}</option>`)}</select>
${fieldErrors(form.errors, 'rating')}
<label for="comment">${vi ? 'Nhận xét của Đảng ủy, hoặc nội dung cần hoàn thiện' : "The committee's comment, or what to complete"}</label>
<textarea id="comment" name="comment" rows="4"${describedBy(form.errors, 'comment')}>${form.comment ?? ''}</textarea>
${fieldErrors(form.errors, 'comment')}
<h2>${vi ? 'Phiếu chấm điểm của Đảng ủy (không bắt buộc)' : "The committee's score sheet (optional)"}</h2>
${fieldErrors(form.errors, 'scores')}
${scoreSheetFields(language, cycle.rubric, form.scores, cycle.meeting?.qualityFlags)}
<button class="primary" type="submit">${vi ? 'Gửi' : 'Send'}</button>
</form>`,
  );
}
