import type { HostCandidate } from '../../../../libs/domain/host-ranking.js';
import type { Language } from '../../../../libs/wording/language.js';
import type { CycleView } from '../../cycles/cycle.mapper.js';
import { html } from '../html.js';
import { page, type PagePerson } from '../layout.js';
import { fieldErrors, formTokens } from './form-parts.js';

/** The committee picks the host from the ranked candidates, each with the reasons of its place (web.md). */
export function pickHostPage(
  language: Language,
  person: PagePerson,
  cycle: CycleView,
  candidates: HostCandidate[],
  form: { csrfToken: string; key: string; cellId?: string; errors?: Record<string, string[]> },
): string {
  const vi = language === 'vi';
  const chosen = form.cellId ?? candidates[0]?.cellId;
  return page(
    { title: vi ? 'Chọn chi bộ điểm' : 'Choose the host cell', language, signedIn: person },
    html`<h1>${vi ? 'Chọn chi bộ điểm' : 'Choose the host cell'}</h1>
<p>“${cycle.title}”.</p>
${fieldErrors(form.errors, '')}
<form method="post" action="/dot/${cycle.id}/chon-chi-bo-diem">
${formTokens(form.csrfToken, form.key)}
<fieldset><legend>${vi ? 'Các chi bộ đề xuất, xếp theo thứ tự ưu tiên' : 'Candidates, best first'}</legend>
${candidates.map(
  (candidate) => html`<label><input type="radio" name="cellId" value="${candidate.cellId}"${chosen === candidate.cellId ? html` checked` : ''}> <span><strong>${candidate.name}</strong><br><span class="muted">${candidate.reasons.join('; ')}</span></span></label>`,
)}
</fieldset>
${fieldErrors(form.errors, 'cellId')}
<button class="primary" type="submit">${vi ? 'Chọn làm chi bộ điểm' : 'Choose as host'}</button>
</form>
<p><a href="/dot/${cycle.id}">${vi ? 'Về trang của đợt sinh hoạt' : 'Back to the cycle'}</a></p>`,
  );
}
