import type { Language, Template } from '../../../../libs/wording/language.js';
import { html, type SafeHtml } from '../html.js';
import type { PageForm } from '../web-organisation-forms.js';
import { describedBy, fieldErrors } from './form-parts.js';

export type AnyForm = PageForm<Record<string, string | undefined>>;

/** A labelled one-line field of a form: what is in it, its hint, and its sentences beside it. */
export function textField(form: AnyForm, name: string, label: string, options: { attributes?: SafeHtml; hint?: string } = {}): SafeHtml {
  const hintId = `${name}-hint`;
  const ids = [options.hint ? hintId : '', form.errors?.[name]?.length ? `${name}-error` : ''].filter(Boolean).join(' ');
  const described = ids ? html` aria-describedby="${ids}"` : '';
  return html`<label for="${name}">${label}</label>
${options.hint ? html`<p class="muted hint" id="${hintId}">${options.hint}</p>` : ''}
<input id="${name}" name="${name}" value="${form.typed[name] ?? ''}"${options.attributes ?? ''}${described}>
${fieldErrors(form.errors, name)}`;
}

/** A labelled field of several lines (a reason), with its sentences beside it. */
export function textArea(form: AnyForm, name: string, label: string): SafeHtml {
  return html`<label for="${name}">${label}</label>
<textarea id="${name}" name="${name}" rows="3"${describedBy(form.errors, name)}>${form.typed[name] ?? ''}</textarea>
${fieldErrors(form.errors, name)}`;
}

/** What a form just did, said on the page it led to (Post/Redirect/Get), when `done` names one of them. */
export function doneNotice(done: string | undefined, notices: Record<string, Template>, language: Language): SafeHtml | string {
  return done && Object.hasOwn(notices, done) ? html`<p class="notice" role="status">${notices[done][language]}</p>` : '';
}
