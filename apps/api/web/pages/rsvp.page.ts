import type { Language } from '../../../../libs/wording/language.js';
import { vietnamPageTime } from '../../../../libs/wording/vietnam-time.js';
import { html } from '../html.js';
import { page, type PagePerson } from '../layout.js';
import { describedBy, fieldErrors, formTokens } from './form-parts.js';

export interface RsvpForm {
  csrfToken: string;
  /** The form's idempotency key: sent again after a dropped connection, the answer is taken once. */
  key: string;
  response?: string;
  delegate?: string;
  note?: string;
  /** Sentences beside their fields ("delegate", "note", "response"), or for the whole form (""). */
  errors?: Record<string, string[]>;
}

export interface RsvpInvitation {
  cycleId: string;
  title: string;
  hostCellName: string | null;
  meetingAt: string;
  location: string;
  answerBy: string;
}

/** The invitation and its answer: attend with the delegate's name, or decline with a reason (web.md). */
export function rsvpPage(language: Language, person: PagePerson, invitation: RsvpInvitation, form: RsvpForm): string {
  const vi = language === 'vi';
  const chosen = form.response ?? 'accept';
  return page(
    { title: vi ? 'Xác nhận tham dự' : 'Answer the invitation', language, signedIn: person },
    html`<h1>${vi ? 'Xác nhận tham dự' : 'Answer the invitation'}</h1>
<p>${vi ? 'Sinh hoạt chi bộ điểm' : 'Model cell meeting'} “${invitation.title}”${invitation.hostCellName ? html` ${vi ? 'tại' : 'at'} ${invitation.hostCellName}` : ''}, ${vietnamPageTime(Date.parse(invitation.meetingAt))}, ${invitation.location}.</p>
<p class="muted">${vi ? 'Đề nghị chi bộ trả lời trước' : 'Please answer before'} ${vietnamPageTime(Date.parse(invitation.answerBy))}.</p>
${fieldErrors(form.errors, '')}
<form method="post" action="/dot/${invitation.cycleId}/xac-nhan">
${formTokens(form.csrfToken, form.key)}
<fieldset><legend>${vi ? 'Trả lời' : 'Answer'}</legend>
<label><input type="radio" name="response" value="accept"${chosen === 'accept' ? html` checked` : ''}> ${vi ? 'Chi bộ tham dự' : 'The cell attends'}</label>
<label><input type="radio" name="response" value="decline"${chosen === 'decline' ? html` checked` : ''}> ${vi ? 'Chi bộ không tham dự' : 'The cell does not attend'}</label>
</fieldset>
${fieldErrors(form.errors, 'response')}
<label for="delegate">${vi ? 'Đồng chí được cử dự (khi tham dự)' : 'Delegate (when attending)'}</label>
<input id="delegate" name="delegate" value="${form.delegate ?? ''}"${describedBy(form.errors, 'delegate')}>
${fieldErrors(form.errors, 'delegate')}
<label for="note">${vi ? 'Ghi chú hoặc lý do không tham dự' : 'Note, or why the cell does not attend'}</label>
<input id="note" name="note" value="${form.note ?? ''}"${describedBy(form.errors, 'note')}>
${fieldErrors(form.errors, 'note')}
<button class="primary" type="submit">${vi ? 'Gửi' : 'Send'}</button>
</form>
<p><a href="/">${vi ? 'Về trang Việc của tôi' : 'Back to my tasks'}</a></p>`,
  );
}
