export type Language = 'vi' | 'en';

/** One sentence or label in both languages; {name} placeholders are filled by `fill`. */
export type Template = { vi: string; en: string };

/** Vietnamese first: anything but an explicit English preference gets Vietnamese. */
export function languageOf(acceptLanguage: string | undefined): Language {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}

/** The template with each {name} replaced by its value; a value that is missing reads "…", never "undefined". */
export function fill(template: string, values: Record<string, string | number | undefined>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? '…'));
}
