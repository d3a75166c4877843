import { html, type SafeHtml } from '../html.js';

/** The sentences about one field, beside it (the id ties them to the field for a screen reader). */
export function fieldErrors(errors: Record<string, string[]> | undefined, field: string): SafeHtml {
  const sentences = errors?.[field] ?? [];
  return html`${sentences.map((sentence, index) => html`<p class="error" id="${field || 'form'}-error${index ? `-${index}` : ''}"${field ? '' : html` role="alert"`}>${sentence}</p>`)}`;
}

/** aria-describedby for a field with sentences beside it. */
export function describedBy(errors: Record<string, string[]> | undefined, field: string): SafeHtml | string {
  return errors?.[field]?.length ? html` aria-describedby="${field}-error"` : '';
}

/** The two hidden fields every form of a session carries: its CSRF token and its own idempotency key. */
export function formTokens(csrfToken: string, key: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${csrfToken}"><input type="hidden" name="_key" value="${key}">`;
}
