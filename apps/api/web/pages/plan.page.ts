import type { Language } from '../../../../libs/wording/language.js';
import { vietnamPageTime } from '../../../../libs/wording/vietnam-time.js';
import type { CycleView } from '../../cycles/cycle.mapper.js';
import { html } from '../html.js';
import { page, type PagePerson } from '../layout.js';
import { describedBy, fieldErrors, formTokens } from './form-parts.js';

export interface PlanForm {
  csrfToken: string;
  key: string;
  agenda?: string;
  content?: string;
  draftResolution?: string;
  errors?: Record<string, string[]>;
}

/** The host's agenda, documents and draft resolution, due a day before the meeting (domain.md). */
export function planPage(language: Language, person: PagePerson, cycle: CycleView, form: PlanForm): string {
  const vi = language === 'vi';
  return page(
    { title: vi ? 'Chương trình, tài liệu sinh hoạt' : 'Agenda and documents', language, signedIn: person },
    html`<h1>${vi ? 'Chương trình, tài liệu sinh hoạt' : 'Agenda and documents'}</h1>
<p>“${cycle.title}”, ${vietnamPageTime(Date.parse(cycle.meetingAt))}, ${cycle.location}.</p>
<p class="muted">${vi ? 'Đề nghị chi bộ gửi trước' : 'Please send before'} ${vietnamPageTime(Date.parse(cycle.deadlines.planDueAt))}.</p>
${fieldErrors(form.errors, '')}
<form method="post" action="/dot/${cycle.id}/chuong-trinh">
${formTokens(form.csrfToken, form.key)}
<label for="agenda">${vi ? 'Chương trình sinh hoạt (mỗi mục một dòng)' : 'Agenda (one item a line)'}</label>
<textarea id="agenda" name="agenda" rows="6"${describedBy(form.errors, 'agenda')}>${form.agenda ?? ''}</textarea>
${fieldErrors(form.errors, 'agenda')}
<label for="content">${vi ? 'Tài liệu sinh hoạt' : 'Meeting material'}</label>
<textarea id="content" name="content" rows="6"${describedBy(form.errors, 'content')}>${form.content ?? ''}</textarea>
${fieldErrors(form.errors, 'content')}
<label for="draftResolution">${vi ? 'Dự thảo nghị quyết' : 'Draft resolution'}</label>
<textarea id="draftResolution" name="draftResolution" rows="4"${describedBy(form.errors, 'draftResolution')}>${form.draftResolution ?? ''}</textarea>
${fieldErrors(form.errors, 'draftResolution')}
<button class="primary" type="submit">${vi ? 'Gửi' : 'Send'}</button>
</form>
<p><a href="/dot/${cycle.id}">${vi ? 'Về trang của đợt sinh hoạt' : 'Back to the cycle'}</a></p>`,
  );
}
