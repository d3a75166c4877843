import type { Rating } from '../../../../libs/domain/cycle.js';
import { RATING_LABELS } from '../../../../libs/wording/labels.js';
import type { Language } from '../../../../libs/wording/language.js';
import { vietnamDay, vietnamWeekday } from '../../../../libs/wording/vietnam-time.js';
import type { CellView } from '../../committees/committee.mapper.js';
import { html, type SafeHtml } from '../html.js';
import { page, type PagePerson } from '../layout.js';
import type { PageForm } from '../web-organisation-forms.js';
import { fieldErrors, formTokens } from './form-parts.js';
import { textField } from './organisation-parts.js';

/** A cell as the office's list shows it: the API's cell, and the active secretary accounts of it. */
export interface CellRow extends Omit<CellView, 'committeeId'> {
  secretaries: { fullName: string; username: string }[];
}

export type CellForm = PageForm<{ name?: string; memberCount?: string }>;

/** "Thứ Bảy, 05/12/2026": the day a cell last hosted (English readers get the day alone). */
function hostedOn(iso: string, language: Language): string {
  const epochMs = Date.parse(iso);
  return language === 'vi' ? `${vietnamWeekday(epochMs)}, ${vietnamDay(epochMs)}` : vietnamDay(epochMs);
}

/** When the cell last hosted and how that meeting was rated, in words. */
export function lastHostedWords(cell: Pick<CellView, 'lastHostedAt' | 'lastRating'>, language: Language): string {
  const vi = language === 'vi';
  if (!cell.lastHostedAt) return vi ? 'Chưa làm chi bộ điểm.' : 'Has not hosted a model meeting yet.';
  const rating = cell.lastRating ? RATING_LABELS[cell.lastRating as Rating][language] : null;
  const day = hostedOn(cell.lastHostedAt, language);
  if (vi) return `Làm chi bộ điểm gần nhất: ${day}, ${rating ? `xếp loại ${rating}` : 'chưa xếp loại'}.`;
  return `Last hosted on ${day}, ${rating ? `rated ${rating}` : 'not rated yet'}.`;
}

/** The cell's secretary accounts, by name and username, or that it has none yet. */
export function secretaryWords(secretaries: CellRow['secretaries'], language: Language): SafeHtml {
  const vi = language === 'vi';
  if (secretaries.length === 0) return html`<strong>${vi ? 'Chưa có tài khoản bí thư chi bộ.' : 'No secretary account yet.'}</strong>`;
  return html`${vi ? 'Bí thư chi bộ' : 'Secretary'}: ${secretaries.map(
    (secretary, index) => html`${index > 0 ? '; ' : ''}${secretary.fullName} (${vi ? 'tên đăng nhập' : 'username'} <code>${secretary.username}</code>)`,
  )}`;
}

/**
 * The committee's cells for its office (web.md: "Cells and secretaries of the committee"): each with its members,
 * its secretary, and when it last hosted and how that was rated; a form to add a cell; the dissolved ones apart.
 */
export function cellsPage(language: Language, person: PagePerson, committeeName: string, cells: CellRow[], form: CellForm): string {
  const vi = language === 'vi';
  const active = cells.filter((cell) => cell.active);
  const closed = cells.filter((cell) => !cell.active);
  const names = new Map(cells.map((cell) => [cell.id, cell.name]));
  const members = active.reduce((sum, cell) => sum + cell.memberCount, 0);
  const addForm = html`<h2 id="them-chi-bo">${vi ? 'Thêm chi bộ' : 'Add a cell'}</h2>
${fieldErrors(form.errors, '')}
<form method="post" action="/chi-bo">
${formTokens(person.csrfToken, form.key)}
${textField(form, 'name', vi ? 'Tên chi bộ' : 'Cell name', { hint: vi ? 'Ví dụ: Chi bộ thôn Na Hối Tày' : 'For example: Chi bộ thôn Na Hối Tày' })}
${textField(form, 'memberCount', vi ? 'Số đảng viên của chi bộ' : 'Number of members', { attributes: html` inputmode="numeric"` })}
<button class="primary" type="submit">${vi ? 'Thêm chi bộ' : 'Add the cell'}</button>
</form>`;
  const list = html`<h2>${vi ? 'Danh sách chi bộ' : 'The cells'}</h2>
<ul class="tasks">${active.map(
    (cell) => html`<li><a class="task-label" href="/chi-bo/${cell.id}">${cell.name}</a>
<span>${cell.memberCount} ${vi ? 'đảng viên' : 'members'}</span><br>
<span>${secretaryWords(cell.secretaries, language)}</span><br>
<span class="muted">${lastHostedWords(cell, language)}</span></li>`,
  )}</ul>`;
  // A form sent back with its sentences comes first, where the person looks; otherwise the list does.
  const refused = Boolean(form.errors);
  return page(
    { title: vi ? 'Chi bộ trực thuộc' : 'Cells', language, signedIn: person },
    html`<h1>${vi ? 'Chi bộ trực thuộc' : 'Cells'} ${committeeName}</h1>
<p>${vi ? `${active.length} chi bộ, ${members} đảng viên.` : `${active.length} cells, ${members} members.`}${refused ? '' : html` <a href="#them-chi-bo">${vi ? 'Thêm chi bộ' : 'Add a cell'}</a>`}</p>
${refused ? addForm : ''}
${active.length > 0 ? list : html`<p class="muted">${vi ? 'Đảng bộ chưa có chi bộ nào.' : 'The committee has no cells yet.'}</p>`}
${refused ? '' : addForm}
${closed.length > 0
  ? html`<h2>${vi ? 'Chi bộ đã giải thể, sáp nhập' : 'Dissolved or merged cells'}</h2>
<ul class="plain">${closed.map(
      (cell) => html`<li><a href="/chi-bo/${cell.id}">${cell.name}</a>: ${
        cell.mergedIntoCellId
          ? `${vi ? 'đã sáp nhập vào' : 'merged into'} ${names.get(cell.mergedIntoCellId) ?? (vi ? 'chi bộ khác' : 'another cell')}`
          : vi ? 'đã giải thể' : 'dissolved'
      }</li>`,
    )}</ul>`
  : ''}`,
  );
}
