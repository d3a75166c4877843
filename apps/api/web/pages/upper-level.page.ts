import { RATINGS } from '../../../../libs/domain/cycle.js';
import type { Language } from '../../../../libs/wording/language.js';
import { vietnamDay } from '../../../../libs/wording/vietnam-time.js';
import type { AreaDashboardView, CommuneFiguresView, HeadlineFigures } from '../../dashboard/area-dashboard.mapper.js';
import { html, type SafeHtml } from '../html.js';
import { page, type PagePerson } from '../layout.js';
import { barChart, chartPatterns } from './charts.js';
import { figureLinks, punctualityWords, ratingSeries, ratingWords } from './dashboard.page.js';

/** One commune's (or the totals') headline figures, each with its words: the same figures as the commune's own overview. */
function figures(figures: HeadlineFigures, year: number, language: Language): SafeHtml {
  const vi = language === 'vi';
  const row = (label: string, value: string | number) => html`<dt>${label}</dt><dd>${value}</dd>`;
  return html`<dl class="figures">${row(vi ? 'Đợt chưa kết thúc' : 'Open cycles', figures.openCycles)}${row(vi ? 'Việc quá hạn' : 'Overdue tasks', figures.late)}${row(
    vi ? `Buổi sinh hoạt chi bộ điểm năm ${year}` : `Model meetings in ${year}`,
    figures.meetings,
  )}</dl>
<p>${vi ? 'Xếp loại' : 'Ratings'}: ${ratingWords(figures.ratings, language)}.</p>
<p>${vi ? 'Chi bộ được mời' : 'Invited cells'}: ${figures.critiques.invited === 0 ? (vi ? 'chưa có buổi nào đã tổ chức' : 'no meeting held yet') : punctualityWords(figures.critiques, language)}.</p>`;
}

/** The communes under one district (or straight under the province), each a card linking to its own overview. */
function group(title: string, communes: CommuneFiguresView[], person: PagePerson, year: number, language: Language): SafeHtml {
  return html`<h2>${title} (${communes.length})</h2>
${communes.map((commune) => {
  const links = figureLinks(person, commune.committeeId);
  return html`<article class="card"><h3><a href="${links.overview(year)}">${commune.committeeName}</a></h3>
${figures(commune, year, language)}</article>`;
})}`;
}

/**
 * An upper level's overview (issue 18): every commune under the district or province side by side, grouped by
 * district, with the same headline figures as each commune's own overview and their totals, and the year's ratings
 * as a chart. Reading only: each commune links to its overview, and nothing here acts.
 */
export function upperLevelPage(language: Language, person: PagePerson, view: AreaDashboardView, currentYear: number): string {
  const vi = language === 'vi';
  const { year } = view;
  const yearLink = (shown: number, words: string) => html`<a href="/tong-quan-cap-tren?nam=${shown}">${words}</a>`;
  const yearLinks = html`<p class="muted">${yearLink(year - 1, vi ? `Năm ${year - 1}` : String(year - 1))}${
    year < currentYear ? html` · ${yearLink(year + 1, vi ? `Năm ${year + 1}` : String(year + 1))}` : ''
  }${year !== currentYear ? html` · <a href="/tong-quan-cap-tren">${vi ? 'Năm nay' : 'This year'}</a>` : ''}</p>`;

  const districts = new Map<string | null, CommuneFiguresView[]>();
  for (const commune of view.communes) districts.set(commune.districtName, [...(districts.get(commune.districtName) ?? []), commune]);
  const groups = [...districts].map(([district, communes]) =>
    group(district ?? (vi ? 'Trực thuộc tỉnh' : 'Directly under the province'), communes, person, year, language),
  );

  const { totals } = view;
  const summary = html`<section class="card"><h2>${vi ? `Toàn ${view.kind === 'province' ? 'tỉnh' : 'huyện'}: ${totals.communes} Đảng bộ xã` : `All ${totals.communes} communes`}</h2>
${figures(totals, year, language)}</section>`;

  const rated = view.communes.filter((commune) => RATINGS.some((rating) => commune.ratings[rating] > 0));
  const chart =
    rated.length === 0
      ? ''
      : barChart(
          vi ? `Xếp loại các buổi sinh hoạt chi bộ điểm năm ${year}, từng Đảng bộ xã` : `Model meetings by rating in ${year}, each commune`,
          ratingSeries(language),
          rated.map((commune) => ({
            label: commune.committeeName,
            href: figureLinks(person, commune.committeeId).overview(year),
            words: ratingWords(commune.ratings, language),
            values: RATINGS.map((rating) => commune.ratings[rating]),
          })),
        );

  const asOf = vi ? `Số liệu đến ${vietnamDay(Date.parse(view.asOf))}.` : `Figures as of ${vietnamDay(Date.parse(view.asOf))}.`;
  return page(
    { title: vi ? 'Tổng quan cấp trên' : 'Upper-level overview', language, signedIn: person },
    html`${chartPatterns()}<h1>${vi ? `Tổng quan năm ${year}` : `Overview ${year}`}</h1>
<p>${view.areaName}. <span class="muted">${asOf}</span></p>
${yearLinks}
${view.communes.length === 0
  ? html`<p class="muted">${vi ? 'Chưa có Đảng bộ xã nào trực thuộc.' : 'No commune is placed here yet.'}</p>`
  : html`${summary}
${chart}
${groups}`}`,
  );
}
