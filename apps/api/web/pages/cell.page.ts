import type { CycleStage } from '../../../../libs/domain/cycle.js';
import { STAGE_LABELS } from '../../../../libs/wording/labels.js';
import type { Language } from '../../../../libs/wording/language.js';
import { vietnamDay } from '../../../../libs/wording/vietnam-time.js';
import { html, type SafeHtml } from '../html.js';
import { page, type PagePerson } from '../layout.js';
import { describedBy, fieldErrors, formTokens } from './form-parts.js';
import { lastHostedWords, type CellRow } from './cells.page.js';
import { doneNotice, textArea, textField, type AnyForm } from './organisation-parts.js';

export interface CellDetails {
  cell: CellRow;
  /** The cell's active secretary accounts, with how they are reached (the phone masked). */
  secretaries: { id: string; fullName: string; username: string; mustChangePassword: boolean; email: string | null; phoneMasked: string | null }[];
  /** The committee's other active cells: what this one may merge into. */
  mergeTargets: { id: string; name: string }[];
  /** When and why the cell was dissolved or merged (null while it is active). */
  deactivation: { at: string | null; reason: string | null; mergedIntoName: string | null } | null;
  /** The open cycles a dissolved or merged cell still has a part in: the committee decides on them. */
  openCycles: { id: string; title: string; status: string; part: 'host' | 'invited' }[];
}

/** The cell page's forms, each with its own key (a refused one comes back as it was typed). */
export interface CellForms {
  change: AnyForm;
  secretary: AnyForm;
  reset: AnyForm;
  deactivate: AnyForm;
  contact: AnyForm;
}

const DONE = {
  created: { vi: 'Đã thêm chi bộ. Đề nghị đồng chí tạo tài khoản bí thư chi bộ ở dưới.', en: 'The cell was added. Create its secretary’s account below.' },
  changed: { vi: 'Đã lưu tên chi bộ và số đảng viên.', en: 'The name and number of members were saved.' },
  secretary: {
    vi: 'Đã tạo tài khoản bí thư chi bộ. Đề nghị trao tên đăng nhập và mật khẩu khởi tạo cho đồng chí bí thư; khi đăng nhập lần đầu, đồng chí bí thư đổi mật khẩu của mình.',
    en: 'The secretary’s account was created. Hand the username and the initial password to the secretary, who changes the password at first sign-in.',
  },
  password: {
    vi: 'Đã đặt lại mật khẩu; các phiên đăng nhập cũ của tài khoản đã chấm dứt. Đề nghị trao mật khẩu tạm cho đồng chí bí thư; khi đăng nhập, đồng chí bí thư đổi mật khẩu của mình.',
    en: 'The password was reset and the account’s sessions ended. Hand the temporary password to the secretary, who changes it at the next sign-in.',
  },
  deactivated: { vi: 'Đã ghi nhận chi bộ giải thể, sáp nhập.', en: 'The cell is recorded as dissolved or merged.' },
  contact: { vi: 'Đã lưu thông tin liên lạc của đồng chí bí thư.', en: 'The secretary’s contact details were saved.' },
};

/** The hint under an initial or temporary password the page made up. */
const PASSWORD_HINT = {
  vi: 'Hệ thống đã tạo sẵn mật khẩu này, đồng chí có thể sửa. Đề nghị ghi lại để trao cho đồng chí bí thư: sau khi gửi, mật khẩu không hiện lại.',
  en: 'The system made up this password; you may change it. Write it down for the secretary: it is not shown again once sent.',
};

const USERNAME_HINT = {
  vi: 'Từ 3 đến 64 ký tự: chữ cái không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới. Ví dụ: bithu.nahoitay',
  en: '3 to 64 characters: letters without diacritics, digits, dot, hyphen or underscore. For example: bithu.nahoitay',
};

const secretField = html` autocomplete="off" autocapitalize="none" spellcheck="false"`;

/** How a secretary is reached: the email, and the phone masked (the office never sees it in full either). */
function contactWords(secretary: CellDetails['secretaries'][number], language: Language): string {
  const vi = language === 'vi';
  const phone = secretary.phoneMasked ? `${vi ? 'điện thoại' : 'phone'} ${secretary.phoneMasked}` : vi ? 'chưa có số điện thoại' : 'no phone number';
  const email = secretary.email ? `${vi ? 'thư điện tử' : 'email'} ${secretary.email}` : vi ? 'chưa có thư điện tử' : 'no email';
  return `${phone}; ${email}`;
}

/** The email and phone of the cell's one secretary, set by the office (a secretary also sets them on /lien-lac). */
function contactForm(details: CellDetails, form: AnyForm, person: PagePerson, language: Language): SafeHtml | string {
  const vi = language === 'vi';
  if (details.secretaries.length !== 1) return '';
  const [secretary] = details.secretaries;
  const current = secretary.phoneMasked
    ? vi ? `Số hiện tại: ${secretary.phoneMasked}. Để trống nếu không đổi.` : `Current number: ${secretary.phoneMasked}. Leave empty to keep it.`
    : vi ? 'Chưa có số điện thoại. Ví dụ: 0912 345 678.' : 'No phone number yet. For example: 0912 345 678.';
  return html`<h3>${vi ? 'Liên lạc của đồng chí bí thư' : 'The secretary’s contact details'}</h3>
${fieldErrors(form.errors, '')}
<form method="post" action="/chi-bo/${details.cell.id}/lien-lac">
${formTokens(person.csrfToken, form.key)}
<input type="hidden" name="userId" value="${secretary.id}">
${textField(form, 'email', vi ? 'Địa chỉ thư điện tử' : 'Email address', { attributes: html` inputmode="email" autocapitalize="none" spellcheck="false"` })}
${textField(form, 'phone', vi ? 'Số điện thoại di động mới' : 'New mobile number', { attributes: html` inputmode="tel"`, hint: current })}
${secretary.phoneMasked ? html`<fieldset><legend>${vi ? 'Số điện thoại hiện tại' : 'Current number'}</legend><label><input type="checkbox" name="clearPhone" value="1"${form.typed.clearPhone ? html` checked` : ''}> ${vi ? 'Xóa số điện thoại' : 'Remove the number'}</label></fieldset>` : ''}
<button class="primary" type="submit">${vi ? 'Lưu liên lạc' : 'Save the contact details'}</button>
</form>`;
}

function secretaryForms(details: CellDetails, forms: CellForms, person: PagePerson, language: Language): SafeHtml {
  const vi = language === 'vi';
  const { cell, secretaries } = details;
  const replacing = secretaries.length > 0;
  const reset = forms.reset;
  const whose =
    secretaries.length === 1
      ? html`<input type="hidden" name="userId" value="${secretaries[0].id}"><p>${vi ? 'Tài khoản của' : 'The account of'} ${secretaries[0].fullName}.</p>`
      : html`<label for="userId">${vi ? 'Tài khoản' : 'Account'}</label>
<select id="userId" name="userId">${secretaries.map((secretary) => html`<option value="${secretary.id}"${reset.typed.userId === secretary.id ? html` selected` : ''}>${secretary.fullName} (${secretary.username})</option>`)}</select>`;
  return html`<h2>${vi ? 'Bí thư chi bộ' : 'Secretary'}</h2>
${replacing
  ? html`<ul class="plain">${secretaries.map(
      (secretary) => html`<li>${secretary.fullName}, ${vi ? 'tên đăng nhập' : 'username'} <code>${secretary.username}</code>${
        secretary.mustChangePassword ? (vi ? ' (chưa đổi mật khẩu khởi tạo)' : ' (has not changed the initial password yet)') : ''
      }<br><span class="muted">${contactWords(secretary, language)}</span></li>`,
    )}</ul>
${contactForm(details, forms.contact, person, language)}
<h3>${vi ? 'Đặt lại mật khẩu' : 'Reset the password'}</h3>
${fieldErrors(reset.errors, '')}
<form method="post" action="/chi-bo/${cell.id}/mat-khau">
${formTokens(person.csrfToken, reset.key)}
${whose}
${textField(reset, 'newPassword', vi ? 'Mật khẩu tạm' : 'Temporary password', { attributes: secretField, hint: PASSWORD_HINT[language] })}
<button class="primary" type="submit">${vi ? 'Đặt lại mật khẩu' : 'Reset the password'}</button>
</form>`
  : html`<p>${vi ? 'Chi bộ chưa có tài khoản bí thư chi bộ.' : 'The cell has no secretary account yet.'}</p>`}
<h3>${replacing ? (vi ? 'Thay bí thư chi bộ' : 'Replace the secretary') : vi ? 'Tạo tài khoản bí thư chi bộ' : 'Create the secretary’s account'}</h3>
${replacing ? html`<p class="muted">${vi ? 'Tài khoản của bí thư hiện tại sẽ ngừng hoạt động khi tạo tài khoản bí thư mới.' : 'The current secretary’s account is deactivated when the new one is created.'}</p>` : ''}
${fieldErrors(forms.secretary.errors, '')}
<form method="post" action="/chi-bo/${cell.id}/bi-thu">
${formTokens(person.csrfToken, forms.secretary.key)}
${textField(forms.secretary, 'fullName', vi ? 'Họ và tên bí thư chi bộ' : 'Secretary’s full name', { hint: vi ? 'Ví dụ: Lò Văn Pằng' : 'For example: Lò Văn Pằng' })}
${textField(forms.secretary, 'username', vi ? 'Tên đăng nhập' : 'Username', { attributes: secretField, hint: USERNAME_HINT[language] })}
${textField(forms.secretary, 'password', vi ? 'Mật khẩu khởi tạo' : 'Initial password', { attributes: secretField, hint: PASSWORD_HINT[language] })}
<button class="primary" type="submit">${replacing ? (vi ? 'Thay bí thư chi bộ' : 'Replace the secretary') : vi ? 'Tạo tài khoản' : 'Create the account'}</button>
</form>`;
}

function deactivateForm(details: CellDetails, form: AnyForm, person: PagePerson, language: Language): SafeHtml {
  const vi = language === 'vi';
  return html`<h2>${vi ? 'Giải thể, sáp nhập chi bộ' : 'Dissolve or merge the cell'}</h2>
<p class="muted">${
    vi
      ? 'Chi bộ đã giải thể, sáp nhập không được mời dự hay chọn làm chi bộ điểm nữa; các đợt sinh hoạt chưa kết thúc vẫn tiếp tục, Đảng ủy quyết định về từng đợt.'
      : 'A dissolved or merged cell is never invited or chosen to host again; its open cycles go on, and the committee decides on each.'
  }</p>
${fieldErrors(form.errors, '')}
<form method="post" action="/chi-bo/${details.cell.id}/giai-the">
${formTokens(person.csrfToken, form.key)}
<label for="mergedIntoCellId">${vi ? 'Sáp nhập vào chi bộ' : 'Merge into'}</label>
<select id="mergedIntoCellId" name="mergedIntoCellId"${describedBy(form.errors, 'mergedIntoCellId')}><option value="">${vi ? 'Không sáp nhập: giải thể chi bộ' : 'None: the cell is dissolved'}</option>${details.mergeTargets.map(
    (target) => html`<option value="${target.id}"${form.typed.mergedIntoCellId === target.id ? html` selected` : ''}>${target.name}</option>`,
  )}</select>
${fieldErrors(form.errors, 'mergedIntoCellId')}
${textArea(form, 'reason', vi ? 'Lý do giải thể, sáp nhập chi bộ' : 'Reason for dissolving or merging the cell')}
<button class="primary" type="submit">${vi ? 'Ghi nhận giải thể, sáp nhập' : 'Record it'}</button>
</form>`;
}

function deactivationWords(details: CellDetails, language: Language): SafeHtml {
  const vi = language === 'vi';
  const deactivation = details.deactivation;
  if (!deactivation) return html``;
  const day = deactivation.at ? (vi ? ` ngày ${vietnamDay(Date.parse(deactivation.at))}` : ` on ${vietnamDay(Date.parse(deactivation.at))}`) : '';
  const what = deactivation.mergedIntoName
    ? vi
      ? `Chi bộ đã sáp nhập vào ${deactivation.mergedIntoName}${day}`
      : `The cell was merged into ${deactivation.mergedIntoName}${day}`
    : vi
      ? `Chi bộ đã giải thể${day}`
      : `The cell was dissolved${day}`;
  const reason = deactivation.reason ? (vi ? ` (lý do: ${deactivation.reason})` : ` (reason: ${deactivation.reason})`) : '';
  const part = (cycle: CellDetails['openCycles'][number]) =>
    cycle.part === 'host' ? (vi ? 'chi bộ điểm' : 'host') : vi ? 'chi bộ được mời' : 'invited';
  return html`<p class="notice">${what}${reason}.</p>
${details.openCycles.length > 0
  ? html`<h2>${vi ? 'Các đợt sinh hoạt chưa kết thúc có chi bộ tham gia' : 'Open cycles the cell takes part in'}</h2>
<p>${vi ? 'Đề nghị Đảng ủy quyết định về từng đợt: tiếp tục, hoặc hủy và nêu lý do.' : 'The committee decides on each: go on, or cancel it with a reason.'}</p>
<ul class="plain">${details.openCycles.map(
      (cycle) => html`<li><a href="/dot/${cycle.id}">“${cycle.title}”</a>: ${part(cycle)}, ${STAGE_LABELS[cycle.status as CycleStage]?.[language] ?? ''}</li>`,
    )}</ul>`
  : ''}`;
}

/**
 * One cell for its committee's office: its name and members, its secretary's account (made, replaced, a password
 * reset), and its dissolution or merger with a reason; once dissolved, the open cycles it still has a part in.
 */
export function cellPage(language: Language, person: PagePerson, details: CellDetails, forms: CellForms, done?: string): string {
  const vi = language === 'vi';
  const { cell } = details;
  return page(
    { title: cell.name, language, signedIn: person },
    html`<p><a href="/chi-bo">${vi ? 'Các chi bộ trực thuộc' : 'All cells'}</a></p>
<h1>${cell.name}</h1>
${doneNotice(done, DONE, language)}
<p>${cell.memberCount} ${vi ? 'đảng viên' : 'members'}. ${lastHostedWords(cell, language)}</p>
<p><a href="/chi-bo/${cell.id}/tinh-hinh">${vi ? 'Tình hình sinh hoạt chi bộ điểm của chi bộ' : 'The cell’s model meeting record'}</a></p>
${cell.active
  ? html`<h2>${vi ? 'Tên chi bộ, số đảng viên' : 'Name and members'}</h2>
${fieldErrors(forms.change.errors, '')}
<form method="post" action="/chi-bo/${cell.id}">
${formTokens(person.csrfToken, forms.change.key)}
${textField(forms.change, 'name', vi ? 'Tên chi bộ' : 'Cell name')}
${textField(forms.change, 'memberCount', vi ? 'Số đảng viên của chi bộ' : 'Number of members', { attributes: html` inputmode="numeric"` })}
<button class="primary" type="submit">${vi ? 'Lưu' : 'Save'}</button>
</form>
${secretaryForms(details, forms, person, language)}
${deactivateForm(details, forms.deactivate, person, language)}`
  : deactivationWords(details, language)}`,
  );
}
