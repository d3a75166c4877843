import type { Language } from '../../../../libs/wording/language.js';
import type { CycleView } from '../../cycles/cycle.mapper.js';
import { html } from '../html.js';
import { page, type PagePerson } from '../layout.js';
import { describedBy, fieldErrors, formTokens } from './form-parts.js';

export interface AdoptionForm {
  csrfToken: string;
  key: string;
  text?: string;
  /** Sentences beside the text ("text"), or for the whole form (""). */
  errors?: Record<string, string[]>;
}

/**
 * After a cycle has closed, a visiting cell reads the host's lessons and says what it will adopt (nhân rộng);
 * what it said before is shown to be revised.
 */
export function adoptionPage(language: Language, person: PagePerson, cycle: CycleView, hostCellName: string | null, adopted: string | null, form: AdoptionForm): string {
  const vi = language === 'vi';
  const lessons = cycle.report?.lessons ?? [];
  return page(
    { title: vi ? 'Vận dụng, nhân rộng' : 'What the cell adopts', language, signedIn: person },
    html`<h1>${vi ? 'Vận dụng, nhân rộng' : 'What the cell adopts'}</h1>
<p>${vi ? 'Sinh hoạt chi bộ điểm' : 'Model cell meeting'} “${cycle.title}”${hostCellName ? html` ${vi ? 'tại' : 'at'} ${hostCellName}` : ''}.</p>
<h2>${vi ? 'Bài học kinh nghiệm của chi bộ điểm' : "The host cell's lessons"}</h2>
${lessons.length > 0 ? html`<ul>${lessons.map((lesson) => html`<li>${lesson}</li>`)}</ul>` : html`<p class="muted">${vi ? 'Chi bộ điểm chưa nêu bài học kinh nghiệm.' : 'The host cell named no lessons.'}</p>`}
${adopted ? html`<p class="notice">${vi ? 'Chi bộ đã ghi nhận' : 'Your cell recorded'}: “${adopted}”. ${vi ? 'Đồng chí có thể sửa nội dung dưới đây.' : 'You may revise it below.'}</p>` : ''}
${fieldErrors(form.errors, '')}
<form method="post" action="/dot/${cycle.id}/ap-dung">
${formTokens(form.csrfToken, form.key)}
<label for="text">${vi ? 'Nội dung chi bộ vận dụng' : 'What the cell adopts'}</label>
<textarea id="text" name="text" rows="5"${describedBy(form.errors, 'text')}>${form.text ?? adopted ?? ''}</textarea>
${fieldErrors(form.errors, 'text')}
<button class="primary" type="submit">${vi ? 'Ghi nhận' : 'Record'}</button>
</form>
<p><a href="/dot/${cycle.id}">${vi ? 'Về trang của đợt sinh hoạt' : 'Back to the cycle'}</a></p>`,
  );
}
