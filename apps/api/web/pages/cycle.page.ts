import { CYCLE_STAGES, type CycleStage } from '../../../../libs/domain/cycle.js';
import type { CycleAction } from '../../../../libs/domain/cycle-policy.js';
import {
  CRITIQUE_STAGE_LABELS,
  INVITATION_STATUS_LABELS,
  POINT_KIND_LABELS,
  QUALITY_FLAG_LABELS,
  STAGE_LABELS,
  STANCE_LABELS,
  type QualityFlag,
} from '../../../../libs/wording/labels.js';
import type { Language } from '../../../../libs/wording/language.js';
import { dueInWords, englishVietnamTime, vietnamCalendarDay, vietnamPageTime } from '../../../../libs/wording/vietnam-time.js';
import { eventLabel } from '../../../../libs/wording/timeline-labels.js';
import type { CycleView } from '../../cycles/cycle.mapper.js';
import { documentsOf } from '../../documents/document-list.js';
import { html, type SafeHtml } from '../html.js';
import { page, type PagePerson } from '../layout.js';

/** The stages a cycle goes through, in order, for the stepper (a cancelled cycle shows where it stopped). */
const STEPS: readonly CycleStage[] = CYCLE_STAGES.filter((stage) => stage !== 'CANCELLED');

function when(iso: string, language: Language): string {
  return language === 'vi' ? vietnamPageTime(Date.parse(iso)) : englishVietnamTime(Date.parse(iso));
}

/** "Chưa có biên bản: …." as an aside in brackets: "(chưa có biên bản: …)". */
function notYet(sentence: string): string {
  return `${sentence.charAt(0).toLocaleLowerCase('vi')}${sentence.slice(1).replace(/\.$/, '')}`;
}

function section(title: string, body: SafeHtml | string): SafeHtml {
  return html`<section><h2>${title}</h2>${body}</section>`;
}

/** What the current stage waits for and by when, as the office says it; the stages with no deadline have none. */
const STAGE_DEADLINES: Partial<Record<CycleStage, { due: keyof CycleView['deadlines']; vi: string; en: string }>> = {
  HOST_SELECTION: { due: 'hostDueAt', vi: 'Hạn chọn chi bộ điểm', en: 'Host to be chosen by' },
  PREPARATION: { due: 'planDueAt', vi: 'Hạn gửi chương trình, tài liệu sinh hoạt', en: 'Agenda due by' },
  SCHEDULED: { due: 'recordDueAt', vi: 'Hạn ghi nhận buổi sinh hoạt', en: 'Meeting to be recorded by' },
  CRITIQUE: { due: 'critiqueClosesAt', vi: 'Hạn gửi nhận xét, góp ý', en: 'Critiques due by' },
  REPORTING: { due: 'reportDueAt', vi: 'Hạn gửi báo cáo rút kinh nghiệm', en: 'Report due by' },
  REVIEW: { due: 'reviewDueAt', vi: 'Hạn đánh giá, xếp loại', en: 'Review due by' },
};

function stageDeadline(cycle: CycleView, nowMs: number, language: Language): SafeHtml | string {
  const deadline = STAGE_DEADLINES[cycle.status];
  const dueAt = deadline ? cycle.deadlines[deadline.due] : null;
  if (!deadline || !dueAt) return '';
  const left = dueInWords(Date.parse(dueAt), nowMs, language);
  return html`<p>${deadline[language]}: ${when(dueAt, language)} <span class="due${left.late ? ' late' : ''}">${left.words}</span></p>`;
}

/**
 * Who of the cells that attended has sent a critique and who has not, while critiques are open and after. Not
 * for a visitor who has not sent its own: the others' critiques, and so who has sent, stay hidden from it.
 */
function critiqueProgress(cycle: CycleView, cellName: (cellId: string) => string, language: Language): SafeHtml | string {
  if (!cycle.meeting || cycle.critiquesHidden || cycle.meeting.attendingCellIds.length === 0) return '';
  const vi = language === 'vi';
  const sent = new Set(cycle.critiques.map((critique) => critique.cellId));
  const missing = cycle.meeting.attendingCellIds.filter((cellId) => !sent.has(cellId));
  const count = cycle.meeting.attendingCellIds.length - missing.length;
  return html`<p>${vi ? `Đã gửi: ${count}/${cycle.meeting.attendingCellIds.length} chi bộ dự sinh hoạt.` : `Sent: ${count} of ${cycle.meeting.attendingCellIds.length} attending cells.`}${
    missing.length > 0 ? html` ${vi ? 'Chưa gửi' : 'Not sent yet'}: ${missing.map(cellName).join(', ')}.` : ''
  }</p>`;
}

function stepper(status: CycleStage, language: Language): SafeHtml {
  const current = STEPS.indexOf(status);
  return html`<ol class="stepper">${STEPS.map((stage, index) => {
    const state = status === 'CANCELLED' ? '' : index < current ? 'done' : index === current ? 'current' : '';
    return html`<li class="${state}"${index === current ? html` aria-current="step"` : ''}>${STAGE_LABELS[stage][language]}</li>`;
  })}</ol>`;
}

/** Moving the meeting and cancelling the cycle, each offered only to those allowed to, while it is possible. */
function changes(cycleId: string, allowed: ReadonlySet<CycleAction>, language: Language): SafeHtml | string {
  const vi = language === 'vi';
  const links = [
    ...(allowed.has('reschedule') ? [html`<a href="/dot/${cycleId}/doi-lich">${vi ? 'Đổi lịch' : 'Reschedule'}</a>`] : []),
    ...(allowed.has('cancel') ? [html`<a href="/dot/${cycleId}/huy">${vi ? 'Hủy đợt' : 'Cancel the cycle'}</a>`] : []),
  ];
  // A nav of its own: its links get the menu's large tap targets.
  return links.length > 0 ? html`<nav class="changes" aria-label="${vi ? 'Thay đổi đợt sinh hoạt' : 'Change the cycle'}">${links.map((link) => html`${link} `)}</nav>` : '';
}

/**
 * A cycle's page as the person may see it (the JSON API's view, so the same rules hide what is not theirs: a
 * visitor sees the others' critiques only after sending its own): the stages, the invitations, the plan, the
 * meeting, the critiques, the report with the answer under each point, the review and the timeline.
 */
/** Who looks at the page beyond their role: their cell (for its adoption) and the changes they may make now. */
export interface CycleViewer {
  cellId: string | null;
  allowed: ReadonlySet<CycleAction>;
}

export function cyclePage(language: Language, person: PagePerson, cycle: CycleView, cellNames: ReadonlyMap<string, string>, nowMs: number, viewer: CycleViewer): string {
  const vi = language === 'vi';
  const cellName = (cellId: string | null) => (cellId ? (cellNames.get(cellId) ?? (vi ? 'Chi bộ' : 'A cell')) : vi ? 'Đại biểu cấp trên' : 'Upper-level guest');
  const host = cycle.hostCellId ? cellName(cycle.hostCellId) : vi ? 'chưa chọn' : 'not chosen yet';
  const points = new Map(cycle.critiques.flatMap((critique) => critique.points.map((point) => [point.id, point] as const)));

  const invitations = html`<ul class="plain">${cycle.invitations.map(
    (invitation) => html`<li><strong>${cellName(invitation.cellId)}</strong>: ${INVITATION_STATUS_LABELS[invitation.status][language]}${invitation.delegate ? html` (${invitation.delegate})` : ''}${invitation.note ? html` — ${invitation.note}` : ''}</li>`,
  )}</ul>`;

  const plan = cycle.plan
    ? html`<ol>${cycle.plan.agenda.map((item) => html`<li>${item}</li>`)}</ol><p>${cycle.plan.content}</p>${cycle.plan.draftResolution ? html`<p><em>${vi ? 'Dự thảo nghị quyết' : 'Draft resolution'}:</em> ${cycle.plan.draftResolution}</p>` : ''}`
    : html`<p class="muted">${vi ? 'Chưa có.' : 'Not yet.'}</p>`;

  const meeting = cycle.meeting
    ? html`<p>${when(cycle.meeting.startedAt, language)} – ${when(cycle.meeting.endedAt, language)} (${cycle.meeting.durationMinutes} ${vi ? 'phút' : 'minutes'}).
${vi ? 'Số đảng viên dự sinh hoạt' : 'Members present'}: ${cycle.meeting.attendance.present}/${cycle.meeting.attendance.total}.</p>
${cycle.meeting.qualityFlags.length > 0 ? html`<p class="notice">${cycle.meeting.qualityFlags.map((flag) => (flag in QUALITY_FLAG_LABELS ? QUALITY_FLAG_LABELS[flag as QualityFlag][language] : '')).join('; ')}</p>` : ''}
<p><em>${vi ? 'Biên bản' : 'Minutes'}:</em> ${cycle.meeting.minutes}</p>`
    : html`<p class="muted">${vi ? 'Chưa có.' : 'Not yet.'}</p>`;

  const critiques = cycle.critiquesHidden
    ? html`<p class="muted">${vi ? 'Nhận xét, góp ý của các chi bộ khác hiện sau khi chi bộ gửi nhận xét, góp ý của mình.' : "The other cells' critiques show once your cell has sent its own."}</p>`
    : cycle.critiques.length === 0
      ? html`<p class="muted">${vi ? 'Chưa có.' : 'None yet.'}</p>`
      : html`${cycle.critiques.map(
          (critique) => html`<article class="card"><h3>${critique.cellId ? cellName(critique.cellId) : (critique.guestName ?? cellName(null))}</h3>
<ul class="plain">${critique.points.map((point) => html`<li><strong>${POINT_KIND_LABELS[point.kind][language]}</strong> (${CRITIQUE_STAGE_LABELS[point.stage][language].toLowerCase()}): ${point.text}</li>`)}</ul>
${critique.scoreTotal !== null ? html`<p class="muted">${vi ? 'Chấm' : 'Score'}: ${String(critique.scoreTotal).replace('.', vi ? ',' : '.')}/100</p>` : ''}</article>`,
        )}`;

  const report = cycle.report
    ? html`${cycle.report.responses.map((response) => {
        const point = points.get(response.pointId);
        return html`<article class="card"><p>“${point?.text ?? ''}”</p><p><strong>${STANCE_LABELS[response.stance][language]}</strong>: ${response.text}</p></article>`;
      })}
<h3>${vi ? 'Bài học kinh nghiệm' : 'Lessons'}</h3><ul>${cycle.report.lessons.map((lesson) => html`<li>${lesson}</li>`)}</ul>
<h3>${vi ? 'Việc cam kết' : 'Action items'}</h3><ul>${cycle.actionItems.map((item) => html`<li>${item.title} (${item.owner}; ${vi ? 'hạn' : 'due'} ${vietnamCalendarDay(item.dueDate)})${item.doneAt ? html` — ${vi ? 'đã hoàn thành' : 'done'}` : ''}</li>`)}</ul>`
    : html`<p class="muted">${vi ? 'Chưa có.' : 'Not yet.'}</p>`;

  const review = cycle.review
    ? html`<p>${cycle.review.ratingLabel ? html`${vi ? 'Xếp loại' : 'Rating'}: <strong>${cycle.review.ratingLabel}</strong>. ` : ''}${cycle.review.comment ?? ''}</p>`
    : html`<p class="muted">${vi ? 'Chưa có.' : 'Not yet.'}</p>`;

  const documents = html`<ul class="plain">${documentsOf(cycle, { role: person.role, cellId: viewer.cellId }, cellNames, language).map(
    (document) => html`<li>${document.title}: <a href="/dot/${cycle.id}/van-ban/${document.base}.docx" aria-label="${document.title} – Word">Word</a>, <a href="/dot/${cycle.id}/van-ban/${document.base}.pdf" aria-label="${document.title} – PDF">PDF</a>${document.missing ? html` <span class="muted">(${notYet(document.missing)})</span>` : ''}</li>`,
  )}</ul>`;

  const timeline = html`<ol class="plain timeline">${cycle.timeline.map((entry) => html`<li><span class="muted">${when(entry.at, language)}</span> ${eventLabel(entry.event, language)}${entry.cellId ? html`: ${cellName(entry.cellId)}` : ''}</li>`)}</ol>`;

  return page(
    { title: cycle.title, language, signedIn: person },
    html`<h1>${cycle.title}</h1>
<p><strong>${cycle.statusLabel}</strong>${cycle.status === 'CANCELLED' && cycle.cancelReason ? html` (${vi ? 'lý do' : 'reason'}: ${cycle.cancelReason})` : ''}</p>
${stepper(cycle.status, language)}
${stageDeadline(cycle, nowMs, language)}
${changes(cycle.id, viewer.allowed, language)}
${viewer.allowed.has('viewDeliveries') ? html`<p><a href="/dot/${cycle.id}/gui-tin">${vi ? 'Tình hình gửi tin' : 'Delivery of notifications'}</a></p>` : ''}
<p>${vi ? 'Chi bộ điểm' : 'Host cell'}: ${host}<br>${when(cycle.meetingAt, language)}, ${cycle.location}<br>${vi ? 'Chuyên đề' : 'Topic'}: ${cycle.topic}</p>
${section(vi ? 'Chi bộ được mời' : 'Invited cells', invitations)}
${section(vi ? 'Chương trình, tài liệu sinh hoạt' : 'Agenda and documents', plan)}
${section(vi ? 'Buổi sinh hoạt' : 'The meeting', meeting)}
${section(vi ? 'Nhận xét, góp ý' : 'Critiques', html`${critiqueProgress(cycle, cellName, language)}${critiques}`)}
${section(vi ? 'Báo cáo rút kinh nghiệm' : 'Lessons-learned report', report)}
${section(vi ? 'Đánh giá, xếp loại' : 'Review and rating', review)}
${section(vi ? 'Văn bản' : 'Documents', documents)}
${section(vi ? 'Dòng thời gian' : 'Timeline', timeline)}
${afterClose(cycle, person, viewer.cellId, language)}`,
  );
}

/**
 * Once the cycle has ended, its follow-up pages: a visiting cell's adoption of the lessons (after CLOSED), and the
 * host's action items (for the host and the committee to settle, for everyone else to follow).
 */
function afterClose(cycle: CycleView, person: PagePerson, viewerCellId: string | null, language: Language): SafeHtml | string {
  const vi = language === 'vi';
  const own = person.role === 'secretary' ? cycle.invitations.find((invitation) => invitation.cellId === viewerCellId) : undefined;
  const adopts = cycle.status === 'CLOSED' && own !== undefined;
  const followsItems = (cycle.status === 'CLOSED' || cycle.status === 'CANCELLED') && cycle.actionItems.length > 0;
  if (!adopts && !followsItems) return '';
  const count = (which: (item: CycleView['actionItems'][number]) => boolean) => cycle.actionItems.filter(which).length;
  const progress = (
    [
      [count((item) => item.doneAt !== null), vi ? 'đã hoàn thành' : 'done'],
      [count((item) => item.droppedAt !== null), vi ? 'không thực hiện' : 'dropped'],
      [count((item) => item.doneAt === null && item.droppedAt === null), vi ? 'đang thực hiện' : 'open'],
    ] as const
  )
    .filter(([n]) => n > 0)
    .map(([n, words]) => `${n} ${words}`)
    .join(', ');
  return section(
    vi ? 'Sau đợt sinh hoạt' : 'After the cycle',
    html`<ul class="plain">${adopts ? html`<li><a href="/dot/${cycle.id}/ap-dung">${vi ? 'Ghi nhận nội dung chi bộ vận dụng, nhân rộng' : 'Record what your cell adopts'}</a>${own?.adoption ? html`<br>${vi ? 'Chi bộ đã ghi nhận' : 'Your cell recorded'}: “${own.adoption}”` : ''}</li>` : ''}
${followsItems ? html`<li><a href="/dot/${cycle.id}/viec-can-lam">${vi ? 'Việc cam kết của chi bộ điểm' : "The host cell's action items"}</a> (${progress})</li>` : ''}</ul>`,
  );
}
