/** Markup that is already safe to send: built only by `html`, which escapes everything put into it. */
export class SafeHtml {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escaped(value: unknown): string {
  if (value instanceof SafeHtml) return value.markup;
  if (Array.isArray(value)) return value.map(escaped).join('');
  if (value === null || value === undefined || value === false) return '';
  if (typeof value !== 'string' && typeof value !== 'number') throw new TypeError('a page interpolates text, numbers or SafeHtml only');
  return String(value).replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

/**
 * A template of the pages: every interpolated value is escaped unless it is SafeHtml (or a list of them), so
 * what people typed (names, critiques) can never become markup.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  return new SafeHtml(strings.reduce((markup, part, index) => markup + part + (index < values.length ? escaped(values[index]) : ''), ''));
}
