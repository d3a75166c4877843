import { reportPeriod, share } from '../../../../libs/documents/builders/year-report.document.js';
import { RATINGS } from '../../../../libs/domain/cycle.js';
import { RATING_LABELS, STAGE_LABELS } from '../../../../libs/wording/labels.js';
import type { Language } from '../../../../libs/wording/language.js';
import { englishVietnamTime, vietnamDay, vietnamPageTime } from '../../../../libs/wording/vietnam-time.js';
import type { ReportMeetingView, YearReportView } from '../../year-report/year-report.mapper.js';
import { html, type SafeHtml } from '../html.js';
import { page, type PagePerson } from '../layout.js';
import { ratingWords } from './dashboard.page.js';

const ROMAN = ['I', 'II', 'III', 'IV'];

/** How far back the period picker goes: ten years, the current one first. */
const PICKER_YEARS = 10;

export interface YearReportPageOptions {
  currentYear: number;
  /** The admin and an upper level name the committee in the address (?dang-uy=); the office reports on its own. */
  committeeParam: string | null;
  /** The office may open a cell's record (/chi-bo/:id/tinh-hinh); the admin has no such page. */
  linkCells: boolean;
  /** A meeting's host links to the cycle's page; not for an upper level, which reads figures and no cycle. */
  linkCycles: boolean;
}

/** The query of this period (and, for the admin, of this committee), for the links to the files. */
function periodQuery(view: YearReportView, committeeParam: string | null): string {
  const parts = [`nam=${view.year}`, ...(view.quarter === null ? [] : [`quy=${view.quarter}`]), ...(committeeParam ? [`dang-uy=${committeeParam}`] : [])];
  return parts.join('&');
}

function periodWords(view: YearReportView, language: Language): string {
  if (language === 'vi') return reportPeriod(view.year, view.quarter);
  return view.quarter === null ? String(view.year) : `Q${view.quarter} ${view.year}`;
}

/** The year and quarter, picked with JavaScript off (a GET form). */
function picker(view: YearReportView, options: YearReportPageOptions, language: Language): SafeHtml {
  const vi = language === 'vi';
  const years = Array.from({ length: PICKER_YEARS }, (_, index) => options.currentYear - index);
  if (!years.includes(view.year)) years.push(view.year);
  return html`<form method="get" action="/bao-cao" class="period">
${options.committeeParam ? html`<input type="hidden" name="dang-uy" value="${options.committeeParam}">` : ''}
<div><label for="nam">${vi ? 'Năm' : 'Year'}</label><select id="nam" name="nam">${years.map(
    (year) => html`<option value="${year}"${year === view.year ? html` selected` : ''}>${year}</option>`,
  )}</select></div>
<div><label for="quy">${vi ? 'Kỳ' : 'Period'}</label><select id="quy" name="quy"><option value=""${view.quarter === null ? html` selected` : ''}>${vi ? 'Cả năm' : 'Whole year'}</option>${ROMAN.map(
    (roman, index) => html`<option value="${index + 1}"${view.quarter === index + 1 ? html` selected` : ''}>${vi ? `Quý ${roman}` : `Quarter ${index + 1}`}</option>`,
  )}</select></div>
<button type="submit">${vi ? 'Xem báo cáo' : 'Show'}</button>
</form>`;
}

/** A table that scrolls sideways on its own when a phone is too narrow, never the page; focusable so it can be scrolled by keyboard. */
function scrolling(labelId: string, table: SafeHtml): SafeHtml {
  return html`<div class="scroll" role="region" tabindex="0" aria-labelledby="${labelId}">${table}</div>`;
}

function meetingRating(meeting: ReportMeetingView, language: Language): string {
  if (meeting.rating) return RATING_LABELS[meeting.rating][language];
  return meeting.held ? (language === 'vi' ? 'Chưa xếp loại' : 'Not rated') : STAGE_LABELS[meeting.status][language];
}

/**
 * The committee's report on a year or a quarter (issue 18): the period picker, the links to the Excel workbook and
 * the Word paper, the commune's figures, the meetings and every cell, as tables that fit a 360 px phone.
 */
export function yearReportPage(language: Language, person: PagePerson, view: YearReportView, options: YearReportPageOptions): string {
  const vi = language === 'vi';
  const { totals } = view;
  const { visits, actionItems } = totals;
  const query = periodQuery(view, options.committeeParam);
  const asOf = Date.parse(view.asOf);
  const heading = vi ? `Báo cáo ${periodWords(view, language)}` : `Report ${periodWords(view, language)}`;

  const figure = (label: string, value: string | number) => html`<dt>${label}</dt><dd>${value}</dd>`;
  const commune = html`<h2>${vi ? 'Toàn Đảng bộ' : 'The whole commune'}</h2>
<dl class="figures">
${figure(vi ? 'Buổi sinh hoạt chi bộ điểm đã tổ chức' : 'Model meetings held', totals.held)}
${totals.planned > totals.held ? figure(vi ? 'Buổi đã lên lịch, chưa tổ chức' : 'Scheduled, not held yet', totals.planned - totals.held) : ''}
${totals.cancelled > 0 ? figure(vi ? 'Đợt đã hủy' : 'Cancelled', totals.cancelled) : ''}
${figure(vi ? 'Chi bộ đã làm chi bộ điểm' : 'Cells that hosted', totals.hostCells)}
${figure(vi ? 'Lượt chi bộ dự / được mời' : 'Visits attended / invited', share(visits.attended, visits.invited))}
${figure(vi ? 'Lượt từ chối dự' : 'Invitations declined', visits.declined)}
${figure(vi ? 'Nhận xét, góp ý đúng hạn / lượt dự' : 'Critiques on time / visits', share(visits.onTime, visits.attended))}
${figure(vi ? 'Không gửi nhận xét, góp ý' : 'Critiques not sent', visits.missed)}
${visits.pending > 0 ? figure(vi ? 'Chưa gửi, còn thời gian góp ý' : 'Not yet sent, still open', visits.pending) : ''}
${figure(vi ? 'Lượt ghi nội dung vận dụng bài học' : 'Lessons adopted (records)', visits.adopted)}
${figure(vi ? 'Việc chi bộ điểm đã cam kết' : 'Action items committed', actionItems.committed)}
${figure(vi ? 'Đã hoàn thành' : 'Done', actionItems.done)}
${figure(vi ? 'Chưa hoàn thành (quá hạn)' : 'Open (overdue)', `${actionItems.open} (${actionItems.overdue})`)}
</dl>
<p>${vi ? 'Xếp loại' : 'Ratings'}: ${ratingWords(totals.ratings, language)}${
    totals.held > totals.rated ? (vi ? `; ${totals.held - totals.rated} buổi chưa xếp loại` : `; ${totals.held - totals.rated} not rated yet`) : ''
  }.</p>`;

  const meetings = html`<h2 id="cac-buoi">${vi ? `Các buổi sinh hoạt chi bộ điểm (${view.meetings.length})` : `Model meetings (${view.meetings.length})`}</h2>
${view.meetings.length === 0
  ? html`<p class="muted">${vi ? 'Không có buổi sinh hoạt chi bộ điểm nào trong kỳ.' : 'No model meeting in this period.'}</p>`
  : scrolling(
      'cac-buoi',
      html`<table class="report"><thead><tr><th scope="col">${vi ? 'Ngày' : 'Day'}</th><th scope="col">${vi ? 'Chi bộ điểm' : 'Host'}</th><th scope="col">${vi ? 'Xếp loại' : 'Rating'}</th><th scope="col">${vi ? 'Dự / mời' : 'Came / invited'}</th><th scope="col">${vi ? 'Góp ý đúng hạn' : 'Critiques on time'}</th></tr></thead>
<tbody>${view.meetings.map(
        (meeting) => html`<tr><td>${vietnamDay(Date.parse(meeting.meetingAt))}</td><th scope="row">${
          options.linkCycles ? html`<a href="/dot/${meeting.cycleId}">${meeting.hostCellName ?? (vi ? 'Chưa chọn' : 'Not chosen')}</a>` : (meeting.hostCellName ?? (vi ? 'Chưa chọn' : 'Not chosen'))
        }</th><td class="text">${meetingRating(meeting, language)}</td><td>${meeting.held ? `${meeting.visitors.attended}/${meeting.visitors.invited}` : '–'}</td><td>${meeting.held ? `${meeting.visitors.onTime}/${meeting.visitors.attended}` : '–'}</td></tr>`,
      )}</tbody></table>`,
    )}`;

  const cells = html`<h2 id="cac-chi-bo">${vi ? `Các chi bộ (${view.cells.length})` : `Cells (${view.cells.length})`}</h2>
${view.cells.length === 0
  ? html`<p class="muted">${vi ? 'Đảng bộ chưa có chi bộ trực thuộc.' : 'The committee has no cells yet.'}</p>`
  : html`<p class="muted">${vi
      ? 'Chi bộ điểm: số buổi làm chi bộ điểm; dự / mời: số lượt dự trên số lượt được mời; đúng hạn: nhận xét, góp ý gửi đúng hạn; vận dụng: lượt ghi nội dung vận dụng bài học; việc chưa xong: việc đã cam kết chưa hoàn thành (quá hạn).'
      : 'Hosted: meetings hosted; came / invited: visits attended of those invited; on time: critiques sent on time; adopted: lessons recorded as adopted; open: action items not done (overdue).'}</p>
${scrolling(
  'cac-chi-bo',
  html`<table class="report"><thead><tr><th scope="col">${vi ? 'Chi bộ' : 'Cell'}</th><th scope="col">${vi ? 'Chi bộ điểm' : 'Hosted'}</th><th scope="col">${vi ? 'Dự / mời' : 'Came / invited'}</th><th scope="col">${vi ? 'Đúng hạn' : 'On time'}</th><th scope="col">${vi ? 'Vận dụng' : 'Adopted'}</th><th scope="col">${vi ? 'Việc chưa xong' : 'Open'}</th></tr></thead>
<tbody>${view.cells.map((cell) => {
    const name = cell.active ? cell.cellName : `${cell.cellName} (${vi ? 'đã giải thể' : 'dissolved'})`;
    const rated = RATINGS.some((rating) => cell.hostedRatings[rating] > 0);
    const ratingsLine = rated ? ratingWords(cell.hostedRatings, language) : vi ? 'chưa xếp loại' : 'not rated';
    const ratings = cell.hosted > 0 ? html`<br><span class="muted">${ratingsLine}</span>` : '';
    return html`<tr><th scope="row">${options.linkCells ? html`<a href="/chi-bo/${cell.cellId}/tinh-hinh">${name}</a>` : name}</th><td>${cell.hosted}${ratings}</td><td>${cell.visits.attended}/${cell.visits.invited}</td><td>${cell.visits.onTime}</td><td>${cell.visits.adopted}</td><td>${cell.actionItems.open}${cell.actionItems.overdue > 0 ? ` (${cell.actionItems.overdue})` : ''}</td></tr>`;
  })}</tbody></table>`,
)}`}`;

  return page(
    { title: heading, language, signedIn: person },
    html`${options.linkCells ? html`<p><a href="/tong-quan?nam=${view.year}">${vi ? 'Tổng quan' : 'Overview'}</a></p>` : ''}
<h1>${heading}</h1>
<p>${view.committeeName}</p>
<p class="muted">${vi ? `Số liệu tính đến ${vietnamPageTime(asOf)}.` : `Figures as of ${englishVietnamTime(asOf)}.`}</p>
${picker(view, options, language)}
<ul class="plain downloads"><li><a href="/bao-cao/tep.xlsx?${query}" download>${vi ? 'Tải bảng tính Excel (mỗi bảng một trang tính)' : 'Download the Excel workbook'}</a></li>
<li><a href="/bao-cao/tep.docx?${query}" download>${vi ? 'Tải báo cáo Word theo thể thức văn bản của Đảng' : 'Download the Word report (Party format)'}</a></li>
<li><a href="/bao-cao/tep.pdf?${query}" download>${vi ? 'Tải báo cáo PDF để in' : 'Download the report as PDF, to print'}</a></li></ul>
${commune}
${meetings}
${cells}`,
  );
}
