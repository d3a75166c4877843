import type { Language } from '../../../../libs/wording/language.js';
import type { UserView } from '../../users/user.mapper.js';
import { html, type SafeHtml } from '../html.js';
import { page, type PagePerson } from '../layout.js';
import { fieldErrors, formTokens } from './form-parts.js';
import { doneNotice, textField, type AnyForm } from './organisation-parts.js';

export interface AdminCommittee {
  id: string;
  name: string;
  /** The committee this one was merged into (the 2025 mergers), or null. */
  mergedInto: { id: string; name: string } | null;
  /** The committee's staff accounts, active ones first. */
  staff: UserView[];
}

/** The committee page's forms; each staff account has one of its own (deactivate, or reactivate), by its id. */
export interface AdminCommitteeForms {
  rename: AnyForm;
  staff: AnyForm;
  accounts: Map<string, AnyForm>;
}

const DONE = {
  created: { vi: 'Đã thêm Đảng ủy. Đề nghị đồng chí tạo tài khoản cán bộ Đảng ủy ở dưới.', en: 'The committee was added. Create its staff accounts below.' },
  renamed: { vi: 'Đã đổi tên Đảng ủy.', en: 'The committee was renamed.' },
  staff: {
    vi: 'Đã tạo tài khoản cán bộ Đảng ủy. Đề nghị trao tên đăng nhập và mật khẩu khởi tạo cho đồng chí cán bộ; khi đăng nhập lần đầu, đồng chí đổi mật khẩu của mình.',
    en: 'The staff account was created. Hand the username and the initial password over; the password is changed at first sign-in.',
  },
  deactivated: { vi: 'Đã ngừng tài khoản; các phiên đăng nhập của tài khoản đã chấm dứt.', en: 'The account was deactivated and its sessions ended.' },
  reactivated: { vi: 'Tài khoản đã hoạt động trở lại.', en: 'The account is active again.' },
};

/** One staff account: who, its username, and the form to deactivate it (with a reason) or let it back in. */
function accountItem(user: UserView, forms: AdminCommitteeForms, committeeId: string, person: PagePerson, language: Language): SafeHtml {
  const vi = language === 'vi';
  const form = forms.accounts.get(user.id);
  if (!form) return html``;
  // Every account's form has a reason field: its id names the account, so each label and sentence finds its own.
  const reasonId = `reason-${user.id}`;
  const errors = form.errors?.reason ? { [reasonId]: form.errors.reason } : undefined;
  const state = user.active
    ? user.mustChangePassword
      ? vi
        ? 'đang hoạt động, chưa đổi mật khẩu khởi tạo'
        : 'active, has not changed the initial password yet'
      : vi
        ? 'đang hoạt động'
        : 'active'
    : vi
      ? 'đã ngừng hoạt động'
      : 'deactivated';
  const action = `/quan-tri/${committeeId}/tai-khoan/${user.id}/${user.active ? 'ngung' : 'mo-lai'}`;
  return html`<li><p><strong>${user.fullName}</strong>, ${vi ? 'tên đăng nhập' : 'username'} <code>${user.username}</code>: ${state}.</p>
${fieldErrors(form.errors, '')}
<form method="post" action="${action}">
${formTokens(person.csrfToken, form.key)}
${user.active
  ? html`<label for="${reasonId}">${vi ? 'Lý do ngừng tài khoản' : 'Reason for deactivating'}</label>
<input id="${reasonId}" name="reason" value="${form.typed.reason ?? ''}"${errors ? html` aria-describedby="${reasonId}-error"` : ''}>
${fieldErrors(errors, reasonId)}
<button class="primary" type="submit">${vi ? 'Ngừng tài khoản' : 'Deactivate'}</button>`
  : html`<button class="primary" type="submit">${vi ? 'Cho hoạt động trở lại' : 'Reactivate'}</button>`}
</form></li>`;
}

/** A committee for the admin: its name, and its staff accounts (created, deactivated with a reason, reactivated). */
export function adminCommitteePage(language: Language, person: PagePerson, committee: AdminCommittee, forms: AdminCommitteeForms, done?: string): string {
  const vi = language === 'vi';
  return page(
    { title: committee.name, language, signedIn: person },
    html`<p><a href="/quan-tri">${vi ? 'Các Đảng ủy' : 'All committees'}</a></p>
<h1>${committee.name}</h1>
${doneNotice(done, DONE, language)}
<p><a href="/bao-cao?dang-uy=${committee.id}">${vi ? 'Báo cáo năm của Đảng ủy' : "The committee's year report"}</a></p>
${committee.mergedInto ? html`<p class="notice">${vi ? 'Đảng ủy này đã hợp nhất vào' : 'This committee was merged into'} <a href="/quan-tri/${committee.mergedInto.id}">${committee.mergedInto.name}</a>.</p>` : ''}
<h2>${vi ? 'Đổi tên Đảng ủy' : 'Rename the committee'}</h2>
${fieldErrors(forms.rename.errors, '')}
<form method="post" action="/quan-tri/${committee.id}">
${formTokens(person.csrfToken, forms.rename.key)}
${textField(forms.rename, 'name', vi ? 'Tên Đảng ủy' : 'Committee name')}
<button class="primary" type="submit">${vi ? 'Đổi tên' : 'Rename'}</button>
</form>
<h2>${vi ? 'Cán bộ Đảng ủy' : 'Committee staff'}</h2>
${committee.staff.length > 0
  ? html`<ul class="tasks">${committee.staff.map((user) => accountItem(user, forms, committee.id, person, language))}</ul>`
  : html`<p class="muted">${vi ? 'Đảng ủy chưa có tài khoản cán bộ nào.' : 'The committee has no staff accounts yet.'}</p>`}
<h3>${vi ? 'Tạo tài khoản cán bộ Đảng ủy' : 'Create a staff account'}</h3>
${fieldErrors(forms.staff.errors, '')}
<form method="post" action="/quan-tri/${committee.id}/can-bo">
${formTokens(person.csrfToken, forms.staff.key)}
${textField(forms.staff, 'fullName', vi ? 'Họ và tên' : 'Full name', { hint: vi ? 'Ví dụ: Hoàng Thị Mai' : 'For example: Hoàng Thị Mai' })}
${textField(forms.staff, 'username', vi ? 'Tên đăng nhập' : 'Username', {
  attributes: html` autocomplete="off" autocapitalize="none" spellcheck="false"`,
  hint: vi ? 'Từ 3 đến 64 ký tự: chữ cái không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới. Ví dụ: vanphong.nahoi' : '3 to 64 characters: letters without diacritics, digits, dot, hyphen or underscore. For example: vanphong.nahoi',
})}
${textField(forms.staff, 'password', vi ? 'Mật khẩu khởi tạo' : 'Initial password', {
  attributes: html` autocomplete="off" autocapitalize="none" spellcheck="false"`,
  hint: vi
    ? 'Hệ thống đã tạo sẵn mật khẩu này, đồng chí có thể sửa. Đề nghị ghi lại để trao cho đồng chí cán bộ: sau khi gửi, mật khẩu không hiện lại.'
    : 'The system made up this password; you may change it. Write it down for the new staff member: it is not shown again once sent.',
})}
<button class="primary" type="submit">${vi ? 'Tạo tài khoản' : 'Create the account'}</button>
</form>`,
  );
}
