import type { Language } from '../../../../libs/wording/language.js';
import { dueInWords, vietnamDay, vietnamPageTime, vietnamWeekday } from '../../../../libs/wording/vietnam-time.js';
import type { ActionItemView, CycleView } from '../../cycles/cycle.mapper.js';
import { html, type SafeHtml } from '../html.js';
import { page, type PagePerson } from '../layout.js';
import { describedBy, fieldErrors, formTokens } from './form-parts.js';

/** How an action item is settled: ticked off (with how, if the host says) or dropped (with a reason). */
export type Settlement = 'done' | 'drop';

/** The one form sent back with sentences: which item, which way, what was typed and its key. */
export interface SettleForm {
  itemId: string;
  settlement: Settlement;
  key: string;
  note?: string;
  reason?: string;
  /** Sentences by the field's id ("note-<item>", "reason-<item>"), or for the whole form (""). */
  errors?: Record<string, string[]>;
}

export interface ActionItemsPage {
  csrfToken: string;
  /** Whether this person may tick items off or drop them (the host's secretary, the committee; cycle-policy.ts). */
  maySettle: boolean;
  /** A fresh idempotency key for each form not sent back. */
  newKey: () => string;
  sentBack?: SettleForm;
  /** The item a step was just taken on (Post/Redirect/Get): its state is said at the top. */
  settledItemId?: string;
}

/** The last moment of an item's due day in Vietnam: it is late from the day after. */
const endOfDueDay = (dueDate: string) => Date.parse(`${dueDate}T23:59:59.999+07:00`);

function state(item: ActionItemView, language: Language): SafeHtml {
  const vi = language === 'vi';
  if (item.doneAt) return html`<strong>${vi ? 'Đã hoàn thành' : 'Done'}</strong> (${vietnamPageTime(Date.parse(item.doneAt))})`;
  if (item.droppedAt) return html`<strong>${vi ? 'Không thực hiện' : 'Dropped'}</strong> (${vi ? 'lý do' : 'reason'}: ${item.dropReason ?? ''})`;
  return html`<strong>${vi ? 'Đang thực hiện' : 'Open'}</strong>`;
}

function settleForms(cycleId: string, item: ActionItemView, language: Language, form: ActionItemsPage): SafeHtml {
  const vi = language === 'vi';
  const sent = form.sentBack?.itemId === item.id ? form.sentBack : undefined;
  const keyOf = (settlement: Settlement) => (sent?.settlement === settlement ? sent.key : form.newKey());
  const errors = sent?.errors;
  const note = `note-${item.id}`;
  const reason = `reason-${item.id}`;
  return html`<form method="post" action="/dot/${cycleId}/viec-can-lam/${item.id}/xong">
${formTokens(form.csrfToken, keyOf('done'))}
<label for="${note}">${vi ? 'Kết quả thực hiện (không bắt buộc)' : 'How it was done (optional)'}</label>
<input id="${note}" name="note" value="${sent?.note ?? ''}"${describedBy(errors, note)}>
${fieldErrors(errors, note)}
<button class="primary" type="submit">${vi ? 'Đánh dấu hoàn thành' : 'Tick it off'}</button>
</form>
<details${sent?.settlement === 'drop' ? html` open` : ''}><summary>${vi ? 'Không thực hiện việc này' : 'Drop this item'}</summary>
<form method="post" action="/dot/${cycleId}/viec-can-lam/${item.id}/bo">
${formTokens(form.csrfToken, keyOf('drop'))}
<label for="${reason}">${vi ? 'Lý do không thực hiện' : 'Reason for dropping it'}</label>
<textarea id="${reason}" name="reason" rows="2"${describedBy(errors, reason)}>${sent?.reason ?? ''}</textarea>
${fieldErrors(errors, reason)}
<button type="submit">${vi ? 'Xác nhận không thực hiện' : 'Drop it'}</button>
</form></details>`;
}

/**
 * After close, the host's action items (web.md): each with who, by which day and how long is left, and its
 * state; those who may settle them tick each off or drop it with a reason, everyone else reads them.
 */
export function actionItemsPage(language: Language, person: PagePerson, cycle: CycleView, hostCellName: string | null, nowMs: number, form: ActionItemsPage): string {
  const vi = language === 'vi';
  const isOpen = (item: ActionItemView) => !item.doneAt && !item.droppedAt;
  const settled = cycle.actionItems.find((item) => item.id === form.settledItemId);
  // A form sent back shows its sentences beside its fields; where its item has no forms (now settled, or the
  // person may not settle it), every sentence goes to the top, as the refusal of the whole form does.
  const sentBack = form.sentBack;
  const inline = sentBack !== undefined && form.maySettle && cycle.actionItems.some((item) => item.id === sentBack.itemId && isOpen(item));
  const topErrors = { '': Object.entries(sentBack?.errors ?? {}).flatMap(([field, sentences]) => (field === '' || !inline ? sentences : [])) };
  const items = cycle.actionItems.map((item) => {
    const dueMs = endOfDueDay(item.dueDate);
    const open = isOpen(item);
    const due = dueInWords(dueMs, nowMs, language);
    return html`<article class="card" id="viec-${item.id}"><h2>${item.title}</h2>
<p>${vi ? 'Người thực hiện' : 'Who'}: ${item.owner}<br>${vi ? 'Hạn' : 'Due'}: ${vietnamWeekday(dueMs)}, ${vietnamDay(dueMs)}${open ? html` <span class="due${due.late ? ' late' : ''}">${due.words}</span>` : ''}</p>
<p>${state(item, language)}</p>
${open && form.maySettle ? settleForms(cycle.id, item, language, form) : ''}</article>`;
  });
  return page(
    { title: vi ? 'Việc cam kết' : 'Action items', language, signedIn: person },
    html`<h1>${vi ? 'Việc cam kết' : 'Action items'}</h1>
<p>${vi ? 'Việc cam kết trong báo cáo rút kinh nghiệm của' : 'Action items in the lessons-learned report of'} ${hostCellName ?? (vi ? 'chi bộ điểm' : 'the host cell')}, ${vi ? 'đợt sinh hoạt' : 'cycle'} “${cycle.title}”.</p>
${settled ? html`<p class="notice" role="status">“${settled.title}”: ${state(settled, language)}</p>` : ''}
${fieldErrors(topErrors, '')}
${form.maySettle ? '' : html`<p class="muted">${vi ? 'Chi bộ điểm và Đảng ủy đánh dấu việc hoàn thành hoặc không thực hiện; đồng chí xem được tình hình thực hiện.' : 'The host cell and the committee tick the items off or drop them; you can follow them here.'}</p>`}
${items.length > 0 ? items : html`<p class="muted">${vi ? 'Chưa có việc cam kết.' : 'No action items yet.'}</p>`}
<p><a href="/dot/${cycle.id}">${vi ? 'Về trang của đợt sinh hoạt' : 'Back to the cycle'}</a></p>`,
  );
}
