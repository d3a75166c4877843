import { TASK_LABELS } from '../../../../libs/wording/labels.js';
import type { Language } from '../../../../libs/wording/language.js';
import { dueInWords, englishVietnamTime, vietnamDay, vietnamPageTime, vietnamWeekday } from '../../../../libs/wording/vietnam-time.js';
import type { TaskView } from '../../tasks/tasks.service.js';
import { html } from '../html.js';
import { page, type PagePerson } from '../layout.js';

/** The page each task is done on, one tap away; the tasks without one yet are listed all the same. */
const FORMS: Partial<Record<TaskView['action'], (cycleId: string) => string>> = {
  RSVP: (cycleId) => `/dot/${cycleId}/xac-nhan`,
  SUBMIT_PLAN: (cycleId) => `/dot/${cycleId}/chuong-trinh`,
  SUBMIT_CRITIQUE: (cycleId) => `/dot/${cycleId}/gop-y`,
  REVIEW_REPORT: (cycleId) => `/dot/${cycleId}/danh-gia`,
  SUBMIT_REPORT: (cycleId) => `/dot/${cycleId}/bao-cao`,
  RECORD_MEETING: (cycleId) => `/dot/${cycleId}/buoi-sinh-hoat`,
  SELECT_HOST: (cycleId) => `/dot/${cycleId}/chon-chi-bo-diem`,
  COMPLETE_ACTION_ITEM: (cycleId) => `/dot/${cycleId}/viec-can-lam`,
};

/** What a step just taken says when the person is back on their tasks (Post/Redirect/Get). */
const DONE: Record<string, { vi: string; en: string }> = {
  rsvp: { vi: 'Đã gửi xác nhận tham dự.', en: 'Your answer to the invitation was sent.' },
  password: {
    vi: 'Đã đổi mật khẩu. Các phiên đăng nhập khác của tài khoản đã chấm dứt; trên máy khác, đồng chí đăng nhập lại bằng mật khẩu mới.',
    en: 'Your password was changed. Your other sessions ended; sign in again with the new password on other devices.',
  },
};

/**
 * When a task is due, as people say it: a moment for a step of the cycle, the day itself for an action item
 * (due by the end of its day, which the task holds as the next midnight in Vietnam).
 */
function dueText(task: TaskView, dueMs: number, language: Language): string {
  if (task.action !== 'COMPLETE_ACTION_ITEM') return language === 'vi' ? vietnamPageTime(dueMs) : englishVietnamTime(dueMs);
  const day = `${vietnamWeekday(dueMs - 1)}, ${vietnamDay(dueMs - 1)}`;
  return language === 'vi' ? `hết ngày ${day}` : `by the end of ${day}`;
}

/** "Việc của tôi": what is the person's to do, soonest deadline first, each with how long is left. */
export function tasksPage(
  language: Language,
  person: PagePerson & { mustChangePassword: boolean; mayLaunch: boolean },
  tasks: TaskView[],
  nowMs: number,
  done?: string,
  /** Notifications of the office's committee that reached nobody (0 for anyone else). */
  unreached = 0,
): string {
  const vi = language === 'vi';
  const items = tasks.map((task) => {
    const dueMs = Date.parse(task.dueAt);
    // An action item is late from the day after its day; its due moment is that next midnight.
    const due = dueInWords(task.action === 'COMPLETE_ACTION_ITEM' ? dueMs - 1 : dueMs, nowMs, language);
    // An action item's task names the item: a host may have several open from one cycle.
    const label = `${TASK_LABELS[task.action][language]}${task.actionItemTitle ? `: “${task.actionItemTitle}”` : ''}`;
    const formPage = FORMS[task.action]?.(task.cycleId);
    // Straight to the item on a page of several.
    const form = formPage && task.actionItemId ? `${formPage}#viec-${task.actionItemId}` : formPage;
    return html`<li><span class="task-label">${form ? html`<a href="${form}">${label}</a>` : label}</span>
<a href="/dot/${task.cycleId}">“${task.title}”</a><br>
<span class="muted">${vi ? 'Hạn' : 'Due'}: ${dueText(task, dueMs, language)}</span>
<span class="due${due.late ? ' late' : ''}">${due.words}</span></li>`;
  });
  return page(
    { title: vi ? 'Việc của tôi' : 'My tasks', language, signedIn: person },
    html`<h1>${vi ? 'Việc của tôi' : 'My tasks'}</h1>
${done && Object.hasOwn(DONE, done) ? html`<p class="notice" role="status">${DONE[done][language]}</p>` : ''}
${unreached > 0 ? html`<p class="notice"><a href="/chua-nhan-tin">${vi ? `${unreached} thông báo chưa đến được người nhận` : `${unreached} notifications reached nobody`}</a></p>` : ''}
${person.mayLaunch ? html`<p><a href="/dot-moi">${vi ? 'Khởi tạo đợt sinh hoạt chi bộ điểm' : 'Launch a model meeting cycle'}</a></p>` : ''}
${person.mustChangePassword ? html`<p class="notice"><a href="/doi-mat-khau">${vi ? 'Đề nghị đồng chí đổi mật khẩu khởi tạo trước khi làm việc khác.' : 'Change your initial password before anything else.'}</a></p>` : ''}
${items.length > 0 ? html`<ul class="tasks">${items}</ul>` : html`<p class="muted">${vi ? 'Hiện đồng chí không có việc nào cần làm.' : 'Nothing is waiting for you.'}</p>`}
${person.mustChangePassword ? '' : html`<p><a href="/doi-mat-khau">${vi ? 'Đổi mật khẩu' : 'Change your password'}</a></p>`}`,
  );
}
