import { isUuid } from '../../../libs/domain/input-bounds.js';

/** The six papers of a cycle (documents.md), as the API names them. */
export const DOCUMENT_KINDS = ['invitation', 'plan', 'minutes', 'critique-sheet', 'lessons-report', 'conclusion'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_FORMATS = ['docx', 'pdf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export const CONTENT_TYPES: Record<DocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** A file a cycle offers: `minutes.pdf`, `invitation-<cellId>.docx`, `critique-sheet-<critiqueId>.pdf`. */
export interface DocumentFileName {
  /** The name without its extension: `minutes`, `invitation-<cellId>`. */
  base: string;
  format: DocumentFormat;
}

const FILE_NAME = /^(plan|minutes|lessons-report|conclusion|invitation-[0-9a-f-]{36}|critique-sheet-[0-9a-f-]{36})\.(docx|pdf)$/;

/** The base name of a cycle's file: the kind, and for the papers there are several of, whose it is. */
export function documentBase(document: DocumentKind, id?: string): string {
  return id ? `${document}-${id}` : document;
}

/** A file name the API offers, or null for anything else (which is a 404). */
export function parseDocumentFileName(name: string): DocumentFileName | null {
  const match = FILE_NAME.exec(name);
  if (!match) return null;
  const [, base, format] = match;
  const id = /-([0-9a-f-]{36})$/.exec(base)?.[1];
  if (id !== undefined && !isUuid(id)) return null;
  return { base, format: format as DocumentFormat };
}

/**
 * The name the browser saves the file under, in both forms RFC 6266 gives: an ASCII fallback for old clients
 * and the Vietnamese name, percent-encoded UTF-8 (RFC 8187), for every current one.
 */
export function contentDisposition(fileName: string): string {
  const name = fileName.normalize('NFC').replace(/[\p{Cc}"\\/]/gu, ' ').replace(/\s+/g, ' ').trim();
  const ascii = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_');
  // encodeURIComponent leaves ' ( ) * as they are; RFC 8187's attr-char does not allow them.
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
