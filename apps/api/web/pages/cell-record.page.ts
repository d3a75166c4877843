import { RATINGS, type Rating } from '../../../../libs/domain/cycle.js';
import type { CritiqueOutcome } from '../../../../libs/persistence/repositories/dashboard.repository.js';
import { RATING_LABELS, STAGE_LABELS } from '../../../../libs/wording/labels.js';
import type { Language } from '../../../../libs/wording/language.js';
import { vietnamCalendarDay, vietnamDay } from '../../../../libs/wording/vietnam-time.js';
import type { CellRecordView, VisitView } from '../../dashboard/dashboard.mapper.js';
import { html } from '../html.js';
import { page, type PagePerson } from '../layout.js';
import { barChart, chartPatterns, ratingTimeline } from './charts.js';
import { cycleTitle, figureLinks, meetingDay, punctualitySeries, punctualityValues, punctualityWords } from './dashboard.page.js';

/** The visits listed one by one: the latest few; the years' chart holds the rest. */
const RECENT_VISITS = 10;

const OUTCOME_WORDS: Record<CritiqueOutcome, { vi: string; en: string }> = {
  ON_TIME: { vi: 'gửi nhận xét, góp ý đúng hạn', en: 'critique sent on time' },
  MISSED: { vi: 'không gửi nhận xét, góp ý', en: 'no critique sent' },
  PENDING: { vi: 'chưa gửi nhận xét, góp ý (còn hạn)', en: 'critique not sent yet (still open)' },
};

/** "03/2026": the month of a meeting, under its point on the chart. */
function monthOf(iso: string): string {
  return vietnamDay(Date.parse(iso)).slice(3);
}

function visitWords(visit: VisitView, language: Language): string {
  const vi = language === 'vi';
  if (!visit.attended) return vi ? 'không dự' : 'did not attend';
  const critique = visit.critique ? OUTCOME_WORDS[visit.critique][language] : '';
  const adopted = visit.adopted ? (vi ? '; đã ghi nội dung áp dụng' : '; recorded what it adopts') : '';
  return `${vi ? 'đã dự' : 'attended'}; ${critique}${adopted}`;
}

/**
 * One cell's record for its committee's office (issue 18): when it hosted and how each meeting was rated (a chart
 * over time), its part as a visitor (attended, critiques on time or missed, lessons adopted) by year, the
 * latest visits, and its action items still open.
 */
export function cellRecordPage(language: Language, person: PagePerson, view: CellRecordView): string {
  const vi = language === 'vi';
  const nowMs = Date.parse(view.asOf);
  const rated = view.hosted.filter((meeting): meeting is typeof meeting & { rating: Rating } => meeting.rating !== null);
  const links = figureLinks(person, view.committeeId);
  const labels = Object.fromEntries(RATINGS.map((rating) => [rating, RATING_LABELS[rating][language]])) as Record<Rating, string>;

  const hosted = html`<h2>${vi ? `Làm chi bộ điểm (${view.hosted.length} lần)` : `Hosted model meetings (${view.hosted.length})`}</h2>
${view.hosted.length === 0
  ? html`<p class="muted">${vi ? 'Chi bộ chưa làm chi bộ điểm.' : 'The cell has not hosted a model meeting yet.'}</p>`
  : html`<ul class="plain">${[...view.hosted].reverse().map(
      (meeting) => html`<li>${meetingDay(meeting.meetingAt, language)}: ${cycleTitle(meeting.title, links.cycle(meeting.cycleId))}<br><strong>${
        meeting.rating ? `${vi ? 'Xếp loại' : 'Rated'} ${RATING_LABELS[meeting.rating][language]}` : STAGE_LABELS[meeting.status][language]
      }</strong></li>`,
    )}</ul>`}
${rated.length > 0
  ? ratingTimeline(
      'xep-loai',
      vi ? 'Xếp loại qua các lần làm chi bộ điểm' : 'Ratings of the meetings it hosted',
      rated.map((meeting) => `${vietnamDay(Date.parse(meeting.meetingAt))}: ${labels[meeting.rating]}`).join('; '),
      labels,
      rated.map((meeting) => ({ epochMs: Date.parse(meeting.meetingAt), rating: meeting.rating, tick: monthOf(meeting.meetingAt) })),
    )
  : ''}`;

  const { totals, years, items } = view.visits;
  const visits = html`<h2>${vi ? 'Dự sinh hoạt chi bộ điểm ở chi bộ khác' : 'Visits to other cells’ model meetings'}</h2>
${totals.invited === 0
  ? html`<p class="muted">${vi ? 'Chi bộ chưa được mời dự buổi sinh hoạt chi bộ điểm nào đã tổ chức.' : 'The cell has not been invited to a meeting that was held.'}</p>`
  : html`<p>${vi ? 'Tất cả các năm' : 'All years'}: ${punctualityWords(totals, language)}; ${
      vi ? `đã ghi nội dung áp dụng ${totals.adopted} lần` : `recorded what it adopts ${totals.adopted} times`
    }.</p>
${barChart(
  vi ? 'Nhận xét, góp ý sau các buổi đã dự, từng năm' : 'Critiques after the meetings it attended, each year',
  punctualitySeries(language),
  years.map((year) => ({ label: vi ? `Năm ${year.year}` : String(year.year), words: punctualityWords(year, language), values: punctualityValues(year) })),
)}
<h3>${vi ? 'Các buổi gần đây' : 'Latest visits'}</h3>
<ul class="plain">${items.slice(0, RECENT_VISITS).map(
      (visit) => html`<li>${meetingDay(visit.meetingAt, language)}: ${cycleTitle(visit.title, links.cycle(visit.cycleId))}${
        visit.hostCellName ? html` <span class="muted">(${visit.hostCellName})</span>` : ''
      }<br>${visitWords(visit, language)}</li>`,
    )}</ul>`}`;

  const open = view.openActionItems;
  const actionItems = html`<h2>${vi ? `Việc đã cam kết chưa hoàn thành (${open.length})` : `Action items still open (${open.length})`}</h2>
${open.length === 0
  ? html`<p class="muted">${vi ? 'Không có việc nào chưa hoàn thành.' : 'No open action item.'}</p>`
  : html`<ul class="tasks">${open.map(
      (item) => html`<li><span class="task-label">${item.title}</span>
<span>${vi ? 'Người thực hiện' : 'Owner'}: ${item.owner}. ${vi ? 'Đợt' : 'Cycle'}: ${cycleTitle(item.cycleTitle, links.cycle(item.cycleId))}</span><br>
<span class="due${item.overdue ? ' late' : ''}">${vi ? 'Hạn' : 'Due'} ${vietnamCalendarDay(item.dueDate)}${item.overdue ? (vi ? ', đã quá hạn' : ', overdue') : ''}</span></li>`,
    )}</ul>`}`;

  const cellPage = links.cell(view.cell.id);
  const asOf = vi ? `Số liệu đến ${vietnamDay(nowMs)}.` : `Figures as of ${vietnamDay(nowMs)}.`;
  return page(
    { title: view.cell.name, language, signedIn: person },
    html`${chartPatterns()}<p><a href="${links.overview()}">${vi ? 'Tổng quan' : 'Overview'}</a>${
      cellPage ? html` · <a href="${cellPage}">${vi ? 'Chi bộ và bí thư' : 'Cell and secretary'}</a>` : ''
    }</p>
<h1>${view.cell.name}</h1>
<p>${view.cell.memberCount} ${vi ? 'đảng viên' : 'members'}${view.cell.active ? '' : vi ? '; đã giải thể, sáp nhập' : '; dissolved or merged'}. <span class="muted">${asOf}</span></p>
${hosted}
${visits}
${actionItems}`,
  );
}
