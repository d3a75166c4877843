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
import { html, type SafeHtml } from '../html.js';
import { page, type PagePerson } from '../layout.js';

/** The stages a cycle goes through, in order, for the stepper (a cancelled cycle shows where it stopped). */
const STEPS: readonly CycleStage[] = CYCLE_STAGES.filter((stage) => stage !== 'CANCELLED');

function when(iso: string, language: Language): string {
  return language === 'vi' ? vietnamPageTime(Date.parse(iso)) : englishVietnamTime(Date.parse(iso));
}

function section(title: string, body: SafeHtml | string): SafeHtml {
  return html`<section><h2>${title}</h2>${body}</section>`;
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
export function cyclePage(language: Language, person: PagePerson, cycle: CycleView, cellNames: ReadonlyMap<string, string>, nowMs: number, allowed: ReadonlySet<CycleAction> = new Set()): string {
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

  const critiqueDue = cycle.deadlines.critiqueClosesAt ? dueInWords(Date.parse(cycle.deadlines.critiqueClosesAt), nowMs, language) : null;
  const timeline = html`<ol class="plain timeline">${cycle.timeline.map((entry) => html`<li><span class="muted">${when(entry.at, language)}</span> ${eventLabel(entry.event, language)}${entry.cellId ? html`: ${cellName(entry.cellId)}` : ''}</li>`)}</ol>`;

  return page(
    { title: cycle.title, language, signedIn: person },
    html`<h1>${cycle.title}</h1>
<p><strong>${cycle.statusLabel}</strong>${cycle.status === 'CANCELLED' && cycle.cancelReason ? html` (${vi ? 'lý do' : 'reason'}: ${cycle.cancelReason})` : ''}</p>
${stepper(cycle.status, language)}
${changes(cycle.id, allowed, language)}
<p>${vi ? 'Chi bộ điểm' : 'Host cell'}: ${host}<br>${when(cycle.meetingAt, language)}, ${cycle.location}<br>${vi ? 'Chuyên đề' : 'Topic'}: ${cycle.topic}</p>
${section(vi ? 'Chi bộ được mời' : 'Invited cells', invitations)}
${section(vi ? 'Chương trình, tài liệu sinh hoạt' : 'Agenda and documents', plan)}
${section(vi ? 'Buổi sinh hoạt' : 'The meeting', meeting)}
${section(vi ? 'Nhận xét, góp ý' : 'Critiques', html`${critiqueDue && cycle.status === 'CRITIQUE' ? html`<p class="due${critiqueDue.late ? ' late' : ''}">${critiqueDue.words}</p>` : ''}${critiques}`)}
${section(vi ? 'Báo cáo rút kinh nghiệm' : 'Lessons-learned report', report)}
${section(vi ? 'Đánh giá, xếp loại' : 'Review and rating', review)}
${section(vi ? 'Dòng thời gian' : 'Timeline', timeline)}`,
  );
}
