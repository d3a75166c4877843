import { RATINGS } from '../../../../libs/domain/cycle.js';
import { RATING_LABELS, STAGE_LABELS } from '../../../../libs/wording/labels.js';
import type { Language } from '../../../../libs/wording/language.js';
import { vietnamDay, vietnamWeekday } from '../../../../libs/wording/vietnam-time.js';
import type { CommitteeDashboardView, LateTaskView, RatingCounts, VisitTallyView } from '../../dashboard/dashboard.mapper.js';
import type { WaitingTask } from '../../tasks/tasks.service.js';
import { html, type SafeHtml } from '../html.js';
import { page, type PagePerson } from '../layout.js';
import { barChart, chartPatterns, type Series } from './charts.js';
import { lateLines } from './cycles.page.js';

/**
 * Where the figures' pages link: the office to its own overview, its cells' pages and its cycles; an upper level
 * (overseer), which reads and never acts, to this commune's overview and cells' records only (the commune named in
 * the address), with a cycle's title as plain text and no way to a form.
 */
export interface FigureLinks {
  upperLevel: boolean;
  overview(year?: number): string;
  cellRecord(cellId: string): string;
  /** The year report's page. */
  report(year: number): string;
  /** A cycle's page; null for an upper level. */
  cycle(cycleId: string): string | null;
  /** The cell's own page (its secretaries, its forms); null for an upper level. */
  cell(cellId: string): string | null;
}

export function figureLinks(person: PagePerson, committeeId: string): FigureLinks {
  if (person.role !== 'overseer') {
    return {
      upperLevel: false,
      overview: (year) => (year === undefined ? '/tong-quan' : `/tong-quan?nam=${year}`),
      cellRecord: (cellId) => `/chi-bo/${cellId}/tinh-hinh`,
      report: (year) => `/bao-cao?nam=${year}`,
      cycle: (cycleId) => `/dot/${cycleId}`,
      cell: (cellId) => `/chi-bo/${cellId}`,
    };
  }
  return {
    upperLevel: true,
    overview: (year) => `/tong-quan?dang-uy=${committeeId}${year === undefined ? '' : `&nam=${year}`}`,
    cellRecord: (cellId) => `/chi-bo/${cellId}/tinh-hinh?dang-uy=${committeeId}`,
    report: (year) => `/bao-cao?nam=${year}&dang-uy=${committeeId}`,
    cycle: () => null,
    cell: () => null,
  };
}

/** A cycle's title, linking to its page where the reader has one. */
export function cycleTitle(title: string, href: string | null): SafeHtml {
  return href ? html`<a href="${href}">${title}</a>` : html`${title}`;
}

/** "Thứ Năm, 05/03/2026": the day of a meeting (English readers get the day alone). */
export function meetingDay(iso: string, language: Language): string {
  const epochMs = Date.parse(iso);
  return language === 'vi' ? `${vietnamWeekday(epochMs)}, ${vietnamDay(epochMs)}` : vietnamDay(epochMs);
}

/** Tốt solid, Khá hatched, Trung bình dotted, Kém empty: the better the rating, the more ink. */
export function ratingSeries(language: Language): Series[] {
  const fills = { TOT: 'solid', KHA: 'hatch', TRUNG_BINH: 'dots', KEM: 'empty' } as const;
  return RATINGS.map((rating) => ({ label: RATING_LABELS[rating][language], fill: fills[rating] }));
}

/** "Tốt 2, Khá 1": the ratings given, best first (a rating no meeting got is left out, so the line stays short on a phone). */
export function ratingWords(counts: RatingCounts, language: Language): string {
  const given = RATINGS.filter((rating) => counts[rating] > 0).map((rating) => `${RATING_LABELS[rating][language]} ${counts[rating]}`);
  if (given.length > 0) return given.join(', ');
  return language === 'vi' ? 'chưa buổi nào được xếp loại' : 'none rated yet';
}

/** On time solid, missed empty, still open dotted. */
export function punctualitySeries(language: Language): Series[] {
  const vi = language === 'vi';
  return [
    { label: vi ? 'Gửi đúng hạn' : 'Sent on time', fill: 'solid' },
    { label: vi ? 'Không gửi' : 'Not sent', fill: 'empty' },
    { label: vi ? 'Chưa gửi, còn hạn' : 'Not yet sent, still open', fill: 'dots' },
  ];
}

export const punctualityValues = (tally: VisitTallyView) => [tally.onTime, tally.missed, tally.pending];

/** "dự 3/4 buổi; nhận xét, góp ý đúng hạn 2, không gửi 1": a visiting cell's year in words. */
export function punctualityWords(tally: VisitTallyView, language: Language): string {
  if (language === 'en') {
    const pending = tally.pending > 0 ? `, ${tally.pending} still open` : '';
    return `attended ${tally.attended} of ${tally.invited}; critiques on time ${tally.onTime}, not sent ${tally.missed}${pending}`;
  }
  const pending = tally.pending > 0 ? `, chưa gửi (còn hạn) ${tally.pending}` : '';
  return `dự ${tally.attended}/${tally.invited} buổi; nhận xét, góp ý đúng hạn ${tally.onTime}, không gửi ${tally.missed}${pending}`;
}

/** The late tasks of one cycle as /dot words them: one line per kind of task, who has not done it, how late. */
function lateByCycle(late: LateTaskView[], nowMs: number, language: Language, links: FigureLinks): SafeHtml[] {
  const cycles = new Map<string, { title: string; tasks: WaitingTask[] }>();
  for (const task of late) {
    const entry = cycles.get(task.cycleId) ?? { title: task.cycleTitle, tasks: [] };
    entry.tasks.push({
      cycleId: task.cycleId,
      action: task.action,
      dueAt: task.dueAt,
      party: task.responsible.party,
      partyName: task.responsible.party === 'committee' ? null : task.responsible.name,
    });
    cycles.set(task.cycleId, entry);
  }
  return [...cycles].map(([cycleId, { title, tasks }]) => html`<article class="card"><h3>${cycleTitle(title, links.cycle(cycleId))}</h3>${lateLines(tasks, nowMs, language)}</article>`);
}

/**
 * The committee's overview (issue 18): its cycles by stage, what is late now and whose it is, the year's model
 * meetings with their ratings, the ratings of every year and each cell's critiques of the year, as charts that read
 * in black and white with every figure also in words.
 */
export function dashboardPage(language: Language, person: PagePerson, view: CommitteeDashboardView, currentYear: number): string {
  const vi = language === 'vi';
  const nowMs = Date.parse(view.asOf);
  const { year } = view;
  const links = figureLinks(person, view.committeeId);
  const yearLinks = html`<p class="muted"><a href="${links.overview(year - 1)}">${vi ? `Năm ${year - 1}` : `${year - 1}`}</a>${
    year < currentYear ? html` · <a href="${links.overview(year + 1)}">${vi ? `Năm ${year + 1}` : `${year + 1}`}</a>` : ''
  }${year !== currentYear ? html` · <a href="${links.overview()}">${vi ? 'Năm nay' : 'This year'}</a>` : ''}</p>`;
  const reportLink = html`<p><a href="${links.report(year)}">${vi ? `Báo cáo năm ${year} (bảng tính Excel, văn bản Word)` : `Report ${year} (Excel, Word)`}</a></p>`;

  const stages = html`<h2>${vi ? 'Các đợt theo giai đoạn' : 'Cycles by stage'}</h2>
<dl class="figures">${view.stages.map((stage) => html`<dt>${STAGE_LABELS[stage.status][language]}</dt><dd>${stage.count}</dd>`)}</dl>
${links.upperLevel ? '' : html`<p><a href="/dot">${vi ? 'Xem các đợt sinh hoạt' : 'See the cycles'}</a></p>`}`;

  const lateCount = view.late.length;
  const late = html`<h2>${vi ? `Việc quá hạn (${lateCount})` : `Overdue (${lateCount})`}</h2>
${lateCount === 0 ? html`<p class="muted">${vi ? 'Không có việc nào quá hạn.' : 'Nothing is overdue.'}</p>` : lateByCycle(view.late, nowMs, language, links)}`;

  const unrated = view.meetings.filter((meeting) => !meeting.rating).length;
  const meetings = html`<h2>${vi ? `Các buổi sinh hoạt chi bộ điểm năm ${year} (${view.meetings.length})` : `Model meetings in ${year} (${view.meetings.length})`}</h2>
${view.meetings.length === 0
  ? html`<p class="muted">${vi ? 'Chưa có buổi sinh hoạt chi bộ điểm nào trong năm.' : 'No model meeting this year.'}</p>`
  : html`<p>${vi ? 'Xếp loại' : 'Ratings'}: ${ratingWords(view.ratings, language)}${
      unrated > 0 ? (vi ? `; ${unrated} buổi chưa xếp loại` : `; ${unrated} not rated yet`) : ''
    }.</p>
<ul class="plain">${view.meetings.map(
      (meeting) => html`<li>${meetingDay(meeting.meetingAt, language)}: ${cycleTitle(meeting.title, links.cycle(meeting.cycleId))}<br>
<span class="muted">${vi ? 'Chi bộ điểm' : 'Host'}: ${meeting.hostCellName ?? (vi ? 'chưa chọn' : 'not chosen yet')}.</span>
<strong>${meeting.rating ? `${vi ? 'Xếp loại' : 'Rated'} ${RATING_LABELS[meeting.rating][language]}` : STAGE_LABELS[meeting.status][language]}</strong></li>`,
    )}</ul>`}`;

  const ratingsChart = html`<h2>${vi ? 'Xếp loại qua các năm' : 'Ratings over the years'}</h2>
${view.ratingsByYear.length === 0
  ? html`<p class="muted">${vi ? 'Chưa có buổi sinh hoạt nào được xếp loại.' : 'No meeting has been rated yet.'}</p>`
  : barChart(
      vi ? 'Số buổi sinh hoạt chi bộ điểm theo xếp loại, từng năm' : 'Model meetings by rating, each year',
      ratingSeries(language),
      view.ratingsByYear.map((entry) => ({
        label: vi ? `Năm ${entry.year}` : String(entry.year),
        words: ratingWords(entry.counts, language),
        values: RATINGS.map((rating) => entry.counts[rating]),
      })),
    )}`;

  const punctuality = html`<h2>${vi ? `Chi bộ dự sinh hoạt và gửi nhận xét, góp ý năm ${year}` : `Cells’ attendance and critiques in ${year}`}</h2>
${view.punctuality.length === 0
  ? html`<p class="muted">${vi ? 'Chưa có chi bộ nào được mời dự buổi sinh hoạt đã tổ chức trong năm.' : 'No cell was invited to a meeting held this year.'}</p>`
  : barChart(
      vi ? 'Nhận xét, góp ý của từng chi bộ sau các buổi đã dự' : 'Each cell’s critiques after the meetings it attended',
      punctualitySeries(language),
      view.punctuality.map((cell) => ({ label: cell.cellName, href: links.cellRecord(cell.cellId), words: punctualityWords(cell, language), values: punctualityValues(cell) })),
    )}`;

  return page(
    { title: vi ? 'Tổng quan' : 'Overview', language, signedIn: person },
    html`${chartPatterns()}${links.upperLevel ? html`<p><a href="/tong-quan-cap-tren?nam=${year}">${vi ? 'Các Đảng bộ xã trực thuộc' : 'All communes'}</a></p>` : ''}<h1>${vi ? `Tổng quan năm ${year}` : `Overview ${year}`}</h1>
<p>${view.committeeName}</p>
${yearLinks}
${reportLink}
${late}
${stages}
${meetings}
${ratingsChart}
${punctuality}`,
  );
}
