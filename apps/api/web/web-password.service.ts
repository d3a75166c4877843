import { Inject, Injectable } from '@nestjs/common';
import type { Language } from '../../../libs/wording/language.js';
import { AuthService } from '../auth/auth.service.js';
import { ChangePasswordDto } from '../auth/change-password.dto.js';
import { changePasswordPage } from './pages/change-password.page.js';
import type { AnyForm } from './pages/organisation-parts.js';
import { formKey, type FormBody } from './web-forms.js';
import { passwordFields } from './web-organisation-forms.js';
import { newSecret, WebSessionsService, type WebVisitor } from './web-sessions.service.js';
import { answered, personOf, sendForm, type FormErrors, type PageAnswer } from './web.service.js';

/**
 * "Đổi mật khẩu" for everyone signed in, through the service behind POST /api/auth/password. Its rule ends every
 * session opened before the change (a stolen one with it); as the API hands back a new token, this browser gets
 * a new session at once, so the person goes on working here while their other devices sign in again.
 */
@Injectable()
export class WebPasswordService {
  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(WebSessionsService) private readonly sessions: WebSessionsService,
  ) {}

  changePasswordPage(visitor: WebVisitor, language: Language, form: AnyForm = { key: newSecret(), typed: {} }): string {
    const person = { ...personOf(visitor), username: visitor.user.username, mustChangePassword: visitor.user.mustChangePassword };
    return changePasswordPage(language, person, form);
  }

  /** The change, and the new session's cookie token when it was made. */
  async changePassword(visitor: WebVisitor, body: FormBody, language: Language): Promise<{ answer: PageAnswer; sessionToken?: string }> {
    const typed = passwordFields(body);
    const key = formKey(body);
    let sessionToken: string | undefined;
    const again = (found: FormErrors) => Promise.resolve(this.changePasswordPage(visitor, language, { key, typed: {}, errors: found }));
    // Typed twice so a slip of the finger does not lock the person out; the API takes the password once.
    if ((typed.newPassword ?? '') !== (typed.repeatPassword ?? '')) {
      const mismatch = language === 'vi' ? 'Mật khẩu nhập lại không khớp với mật khẩu mới.' : 'The repeated password does not match the new one.';
      return { answer: await answered({ repeatPassword: [mismatch] }, '/', again) };
    }
    const errors = await sendForm(
      ChangePasswordDto,
      { currentPassword: typed.currentPassword ?? '', newPassword: typed.newPassword ?? '' },
      language,
      async (dto) => {
        await this.auth.changePassword(visitor.user, dto);
        sessionToken = (await this.sessions.signIn(visitor.user.username, dto.newPassword)).token;
      },
      { BAD_CREDENTIALS: 'currentPassword', WEAK_PASSWORD: 'newPassword' },
    );
    return { answer: await answered(errors, '/?done=password', again), ...(sessionToken ? { sessionToken } : {}) };
  }
}
