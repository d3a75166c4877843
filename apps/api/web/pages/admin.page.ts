import type { Language } from '../../../../libs/wording/language.js';
import type { CommitteeView } from '../../committees/committee.mapper.js';
import { html } from '../html.js';
import { page, type PagePerson } from '../layout.js';
import { fieldErrors, formTokens } from './form-parts.js';
import { textField, type AnyForm } from './organisation-parts.js';

/** One page of the committees, by name, and whether pages come before and after it. */
export interface CommitteeList {
  committees: CommitteeView[];
  pageNumber: number;
  hasMore: boolean;
}

/** The admin's committees (web.md, "Admin: committees, cells, users"): each opens its page; a form adds one. */
export function adminPage(language: Language, person: PagePerson, list: CommitteeList, form: AnyForm): string {
  const vi = language === 'vi';
  const pageLink = (number: number, label: string) => html`<a href="/quan-tri?trang=${number}">${label}</a>`;
  return page(
    { title: vi ? 'Quản trị' : 'Administration', language, signedIn: person },
    html`<h1>${vi ? 'Các Đảng ủy' : 'Committees'}</h1>
${list.committees.length > 0
  ? html`<ul class="plain">${list.committees.map(
      (committee) => html`<li><a href="/quan-tri/${committee.id}">${committee.name}</a>${committee.mergedIntoId ? (vi ? ' (đã hợp nhất vào Đảng ủy mới)' : ' (merged into a new committee)') : ''}</li>`,
    )}</ul>`
  : html`<p class="muted">${vi ? 'Chưa có Đảng ủy nào.' : 'There are no committees yet.'}</p>`}
${list.pageNumber > 1 || list.hasMore
  ? html`<p>${list.pageNumber > 1 ? pageLink(list.pageNumber - 1, vi ? 'Trang trước' : 'Previous page') : ''} ${list.hasMore ? pageLink(list.pageNumber + 1, vi ? 'Trang sau' : 'Next page') : ''}</p>`
  : ''}
<h2>${vi ? 'Thêm Đảng ủy' : 'Add a committee'}</h2>
${fieldErrors(form.errors, '')}
<form method="post" action="/quan-tri">
${formTokens(person.csrfToken, form.key)}
${textField(form, 'name', vi ? 'Tên Đảng ủy' : 'Committee name', { hint: vi ? 'Ví dụ: Đảng ủy xã Na Hối' : 'For example: Đảng ủy xã Na Hối' })}
<button class="primary" type="submit">${vi ? 'Thêm Đảng ủy' : 'Add the committee'}</button>
</form>`,
  );
}
