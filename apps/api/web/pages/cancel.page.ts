import type { Language } from '../../../../libs/wording/language.js';
import { englishVietnamTime, vietnamPageTime } from '../../../../libs/wording/vietnam-time.js';
import type { CycleView } from '../../cycles/cycle.mapper.js';
import { html } from '../html.js';
import { page, type PagePerson } from '../layout.js';
import { describedBy, fieldErrors, formTokens } from './form-parts.js';

export interface CancelForm {
  csrfToken: string;
  key: string;
  reason?: string;
  errors?: Record<string, string[]>;
}

/** The committee cancels a cycle at any open stage, with a reason (domain.md); there is no undoing it, and the page says so. */
export function cancelPage(language: Language, person: PagePerson, cycle: CycleView, form: CancelForm): string {
  const vi = language === 'vi';
  const meetingMs = Date.parse(cycle.meetingAt);
  return page(
    { title: vi ? 'Hủy đợt sinh hoạt' : 'Cancel the cycle', language, signedIn: person },
    html`<h1>${vi ? 'Hủy đợt sinh hoạt' : 'Cancel the cycle'}</h1>
<p>“${cycle.title}”, ${vi ? vietnamPageTime(meetingMs) : englishVietnamTime(meetingMs)}, ${cycle.location}. ${vi ? 'Bước hiện nay' : 'Stage'}: ${cycle.statusLabel}.</p>
<p class="notice">${
      vi
        ? 'Hủy đợt sinh hoạt là không thể hoàn tác: đợt dừng lại ở bước hiện nay và không bước nào thực hiện tiếp được nữa. Lý do hủy được ghi trên trang của đợt và gửi kèm thông báo hủy.'
        : 'Cancelling cannot be undone: the cycle stops at its present stage and no further step can be taken. The reason is kept on the cycle’s page and sent with the notice of cancellation.'
    }</p>
${fieldErrors(form.errors, '')}
<form method="post" action="/dot/${cycle.id}/huy">
${formTokens(form.csrfToken, form.key)}
<label for="reason">${vi ? 'Lý do hủy đợt sinh hoạt' : 'Reason for cancelling'}</label>
<textarea id="reason" name="reason" rows="3"${describedBy(form.errors, 'reason')}>${form.reason ?? ''}</textarea>
${fieldErrors(form.errors, 'reason')}
<button class="primary" type="submit">${vi ? 'Hủy đợt sinh hoạt' : 'Cancel the cycle'}</button>
</form>
<p><a href="/dot/${cycle.id}">${vi ? 'Không hủy, về trang của đợt sinh hoạt' : 'Keep it; back to the cycle'}</a></p>`,
  );
}
