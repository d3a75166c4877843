import type { Language } from '../../../../libs/wording/language.js';
import { html } from '../html.js';
import { page } from '../layout.js';

/** The login page: what was typed comes back with the reason it was refused, beside the form. */
export function loginPage(language: Language, form: { csrfToken: string; username?: string; error?: string }): string {
  const vi = language === 'vi';
  return page(
    { title: vi ? 'Đăng nhập' : 'Log in', language },
    html`<h1>${vi ? 'Đăng nhập' : 'Log in'}</h1>
${form.error ? html`<p class="error" role="alert" id="login-error">${form.error}</p>` : ''}
<form method="post" action="/login">
<input type="hidden" name="_csrf" value="${form.csrfToken}">
<label for="username">${vi ? 'Tên đăng nhập' : 'Username'}</label>
<input id="username" name="username" autocomplete="username" autocapitalize="none" required value="${form.username ?? ''}"${form.error ? html` aria-describedby="login-error"` : ''}>
<label for="password">${vi ? 'Mật khẩu' : 'Password'}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button class="primary" type="submit">${vi ? 'Đăng nhập' : 'Log in'}</button>
</form>`,
  );
}
