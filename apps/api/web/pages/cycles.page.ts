import { CYCLE_STAGES, OPEN_STAGES, type CycleStage, type TaskAction } from '../../../../libs/domain/cycle.js';
import { STAGE_LABELS } from '../../../../libs/wording/labels.js';
import type { Language } from '../../../../libs/wording/language.js';
import { dueInWords, englishVietnamTime, vietnamPageTime } from '../../../../libs/wording/vietnam-time.js';
import type { CycleSummary } from '../../cycles/cycle.mapper.js';
import type { WaitingTask } from '../../tasks/tasks.service.js';
import { html, type SafeHtml } from '../html.js';
import { page, type PagePerson } from '../layout.js';

/** The cycles a person may see, with what still waits in each and the host cells' names. */
export interface CyclesBoard {
  cycles: CycleSummary[];
  waiting: WaitingTask[];
  hostNames: ReadonlyMap<string, string>;
  /** The next page of older cycles, when there is one. */
  nextCursor: string | null;
  /** Committee staff launch cycles (/dot-moi). */
  mayLaunch: boolean;
}

/** What a late task says of whoever has not done it: "Chi bộ … chưa gửi …"; in English by how many have not. */
const NOT_DONE: Record<TaskAction, { vi: (count: number) => string; en: (count: number, many: boolean) => string }> = {
  SELECT_HOST: { vi: () => 'chưa chọn chi bộ điểm', en: () => 'has not chosen the host cell' },
  SUBMIT_PLAN: { vi: () => 'chưa gửi chương trình, tài liệu sinh hoạt', en: () => 'has not sent the agenda and documents' },
  RSVP: { vi: () => 'chưa xác nhận tham dự', en: (_, many) => `${many ? 'have' : 'has'} not answered the invitation` },
  RECORD_MEETING: { vi: () => 'chưa ghi nhận buổi sinh hoạt', en: () => 'has not recorded the meeting' },
  SUBMIT_CRITIQUE: { vi: () => 'chưa gửi nhận xét, góp ý', en: (_, many) => (many ? 'have not sent their critiques' : 'has not sent its critique') },
  SUBMIT_REPORT: { vi: () => 'chưa gửi báo cáo rút kinh nghiệm', en: () => 'has not sent the lessons-learned report' },
  REVIEW_REPORT: { vi: () => 'chưa đánh giá, xếp loại', en: () => 'has not reviewed and rated the report' },
  COMPLETE_ACTION_ITEM: {
    vi: (count) => `chưa hoàn thành ${count} việc đã cam kết`,
    en: (count) => `has not done ${count} committed action item${count === 1 ? '' : 's'}`,
  },
};

function when(iso: string, language: Language): string {
  return language === 'vi' ? vietnamPageTime(Date.parse(iso)) : englishVietnamTime(Date.parse(iso));
}

function whoIs(task: WaitingTask, language: Language): string {
  const vi = language === 'vi';
  if (task.party === 'committee') return vi ? 'Đảng ủy' : 'The committee';
  if (task.party === 'guest') return vi ? `Đồng chí ${task.partyName ?? ''} (đại biểu cấp trên)` : `${task.partyName ?? ''} (upper-level guest)`;
  return task.partyName ?? (vi ? 'Chi bộ' : 'A cell');
}

/**
 * A cycle's late tasks, one line for each kind of task: who has not done it and how late the latest of them
 * is ("quá hạn 2 ngày"). The tasks come soonest due first, so the first of a kind is the most overdue.
 */
export function lateLines(tasks: WaitingTask[], nowMs: number, language: Language): SafeHtml[] {
  const byAction = new Map<TaskAction, WaitingTask[]>();
  for (const task of tasks) if (Date.parse(task.dueAt) < nowMs) byAction.set(task.action, [...(byAction.get(task.action) ?? []), task]);
  return [...byAction].map(([action, late]) => {
    const who = [...new Set(late.map((task) => whoIs(task, language)))];
    const words = language === 'vi' ? NOT_DONE[action].vi(late.length) : NOT_DONE[action].en(late.length, who.length > 1);
    return html`<p><span class="due late">${dueInWords(Date.parse(late[0].dueAt), nowMs, language).words}</span> ${who.join(', ')} ${words}.</p>`;
  });
}

/**
 * The committee's cycles by stage in the order a cycle goes through them, each a card with its meeting time,
 * its host and what is late now and whose it is; closed and cancelled cycles last, a line each (web.md).
 */
export function cyclesPage(language: Language, person: PagePerson, board: CyclesBoard, nowMs: number): string {
  const vi = language === 'vi';
  const waiting = new Map<string, WaitingTask[]>();
  for (const task of board.waiting) waiting.set(task.cycleId, [...(waiting.get(task.cycleId) ?? []), task]);
  const late = new Map(board.cycles.map((cycle) => [cycle.id, lateLines(waiting.get(cycle.id) ?? [], nowMs, language)]));
  const host = (cycle: CycleSummary) =>
    cycle.hostCellId ? (board.hostNames.get(cycle.hostCellId) ?? (vi ? 'Chi bộ' : 'A cell')) : vi ? 'chưa chọn' : 'not chosen yet';
  const inStage = (stage: CycleStage) => board.cycles.filter((cycle) => cycle.status === stage);
  const lateCycles = [...late.values()].filter((lines) => lines.length > 0).length;

  const card = (cycle: CycleSummary) => html`<article class="card"><h3><a href="/dot/${cycle.id}">${cycle.title}</a></h3>
<p>${when(cycle.meetingAt, language)}. ${vi ? 'Chi bộ điểm' : 'Host'}: ${host(cycle)}</p>${late.get(cycle.id)}</article>`;
  const line = (cycle: CycleSummary) =>
    html`<li><a href="/dot/${cycle.id}">${cycle.title}</a> <span class="muted">(${when(cycle.meetingAt, language)}${cycle.hostCellId ? `; ${host(cycle)}` : ''})</span>${late.get(cycle.id)}</li>`;
  // Open stages soonest meeting first; closed and cancelled ones the latest first.
  const byMeeting = (cycles: CycleSummary[], order: 1 | -1) => [...cycles].sort((a, b) => order * (Date.parse(a.meetingAt) - Date.parse(b.meetingAt)));
  const section = (stage: CycleStage, body: SafeHtml) => html`<section><h2>${STAGE_LABELS[stage][language]} (${inStage(stage).length})</h2>${body}</section>`;

  const open = OPEN_STAGES.filter((stage) => inStage(stage).length > 0).map((stage) => section(stage, html`${byMeeting(inStage(stage), 1).map(card)}`));
  const ended = CYCLE_STAGES.filter((stage) => !OPEN_STAGES.includes(stage) && inStage(stage).length > 0).map((stage) =>
    section(stage, html`<ul class="plain">${byMeeting(inStage(stage), -1).map(line)}</ul>`),
  );

  return page(
    { title: vi ? 'Các đợt sinh hoạt' : 'Cycles', language, signedIn: person },
    html`<h1>${vi ? 'Các đợt sinh hoạt chi bộ điểm' : 'Model meeting cycles'}</h1>
${board.mayLaunch ? html`<p><a href="/dot-moi">${vi ? 'Khởi tạo đợt sinh hoạt chi bộ điểm' : 'Launch a model meeting cycle'}</a></p>` : ''}
${lateCycles > 0 ? html`<p class="notice">${vi ? `${lateCycles} đợt có việc quá hạn.` : `${lateCycles} cycle${lateCycles === 1 ? ' has' : 's have'} something overdue.`}</p>` : ''}
${board.cycles.length === 0 ? html`<p class="muted">${vi ? 'Chưa có đợt sinh hoạt nào.' : 'No cycles yet.'}</p>` : ''}
${open}${ended}
${board.nextCursor ? html`<p><a href="/dot?sau=${board.nextCursor}">${vi ? 'Các đợt cũ hơn' : 'Older cycles'}</a></p>` : ''}`,
  );
}
