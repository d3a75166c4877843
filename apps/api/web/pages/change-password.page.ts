import type { Language } from '../../../../libs/wording/language.js';
import { html } from '../html.js';
import { page, type PagePerson } from '../layout.js';
import { fieldErrors, formTokens } from './form-parts.js';
import type { AnyForm } from './organisation-parts.js';
import { textField } from './organisation-parts.js';

/**
 * The signed-in person changes their own password: the current one, the new one twice. Passwords never come back
 * into the fields of a refused form; only the sentences do, beside the fields.
 */
export function changePasswordPage(language: Language, person: PagePerson & { username: string; mustChangePassword: boolean }, form: AnyForm): string {
  const vi = language === 'vi';
  const secret = (autocomplete: string) => html` type="password" autocomplete="${autocomplete}" required`;
  const empty = { ...form, typed: {} };
  return page(
    { title: vi ? 'Đổi mật khẩu' : 'Change your password', language, signedIn: person },
    html`<h1>${vi ? 'Đổi mật khẩu' : 'Change your password'}</h1>
${person.mustChangePassword ? html`<p class="notice">${vi ? 'Đề nghị đồng chí đổi mật khẩu khởi tạo trước khi làm việc khác.' : 'Change your initial password before anything else.'}</p>` : ''}
<p class="muted">${
      vi
        ? 'Sau khi đổi, các phiên đăng nhập khác của tài khoản (trên máy khác, điện thoại khác) chấm dứt; trên máy này đồng chí vẫn tiếp tục làm việc.'
        : 'Once changed, your account’s other sessions (other computers and phones) end; you stay signed in here.'
    }</p>
${fieldErrors(form.errors, '')}
<form method="post" action="/doi-mat-khau">
${formTokens(person.csrfToken, form.key)}
<input type="hidden" name="username" value="${person.username}" autocomplete="username">
${textField(empty, 'currentPassword', vi ? 'Mật khẩu hiện tại' : 'Current password', { attributes: secret('current-password') })}
${textField(empty, 'newPassword', vi ? 'Mật khẩu mới' : 'New password', {
  attributes: secret('new-password'),
  hint: vi
    ? 'Ít nhất 10 ký tự; không dùng mật khẩu phổ biến, không chứa tên đăng nhập, khác mật khẩu cũ.'
    : 'At least 10 characters; not a common password, not containing the username, not the old one.',
})}
${textField(empty, 'repeatPassword', vi ? 'Nhập lại mật khẩu mới' : 'New password again', { attributes: secret('new-password') })}
<button class="primary" type="submit">${vi ? 'Đổi mật khẩu' : 'Change the password'}</button>
</form>`,
  );
}
