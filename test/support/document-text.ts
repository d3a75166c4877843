import { expect } from '@jest/globals';
import type { Block, PartyDocument } from '../../libs/documents/party-document.js';

/**
 * Reading a built document back as a person would, for the builders' specs: every line it prints, and the
 * checks each document must pass (no id, no code, no ISO time, nothing quoted that nobody typed).
 */

export function blockLines(block: Block): string[] {
  switch (block.kind) {
    case 'paragraph':
      return [block.runs.map((run) => run.text).join('')];
    case 'section':
    case 'missing':
      return [block.text];
    case 'list':
      return block.items.map((runs) => runs.map((run) => run.text).join(''));
    case 'table':
      return [block.columns.map((column) => column.title).join(' | '), ...block.rows.map((row) => row.join(' | '))];
  }
}

/** Every line a person reads on the paper (the date line's day is data the renderers write in words). */
export function documentLines(doc: PartyDocument): string[] {
  return [
    doc.title,
    doc.header.upperBody,
    doc.header.issuer,
    ...(doc.header.number ? [doc.header.number] : []),
    doc.placeAndDate.place,
    doc.heading.kind,
    ...(doc.heading.subject ? [doc.heading.subject] : []),
    ...doc.blocks.flatMap(blockLines),
    ...doc.signatures.flatMap((signature) => [signature.onBehalfOf ?? '', signature.role, signature.name ?? '']),
    ...doc.recipients,
  ];
}

export const documentText = (doc: PartyDocument) => documentLines(doc).join('\n');

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** The codes the API stores, which a paper must say in words. */
const CODES = /\b(TOT|KHA|TRUNG_BINH|KEM|HOST_SELECTION|PREPARATION|SCHEDULED|CRITIQUE|REPORTING|REVIEW|CLOSED|CANCELLED|ACCEPTED|DECLINED|PENDING|UNEXCUSED_ABSENCE|SHORT_MEETING|LOW_ATTENDANCE|preparation|procedure|content|chairing|minutes|tasks|strength|weakness|suggestion|accept|partly|disagree|revise|thematic|regular|undefined|null|NaN)\b/;
const ISO_TIME = /\d{4}-\d{2}-\d{2}|T\d{2}:\d{2}|Z\b|UTC/;

/** What no paper may show, and what every quotation on it must come from. */
export function expectClean(doc: PartyDocument, entered: readonly string[]): void {
  expect(JSON.stringify(doc)).not.toMatch(UUID);
  const text = documentText(doc);
  expect(text).not.toMatch(CODES);
  expect(text).not.toMatch(ISO_TIME);
  for (const [, quoted] of text.matchAll(/“([^”]*)”/g)) {
    expect(entered.some((typed) => typed.includes(quoted))).toBe(true);
  }
  expect(doc.placeAndDate.day === null || /^\d{4}-\d{2}-\d{2}$/.test(doc.placeAndDate.day)).toBe(true);
}

/** The list items of the paper in order, each as one line. */
export function listItems(doc: PartyDocument): string[] {
  return doc.blocks.flatMap((block) => (block.kind === 'list' ? blockLines(block) : []));
}

export function tables(doc: PartyDocument): Extract<Block, { kind: 'table' }>[] {
  return doc.blocks.filter((block): block is Extract<Block, { kind: 'table' }> => block.kind === 'table');
}

export function missingTexts(doc: PartyDocument): string[] {
  return doc.blocks.filter((block) => block.kind === 'missing').map((block) => (block as { text: string }).text);
}

/**
 * The band of a score sheet, worked out here from domain.md and not from the code: a complete sheet of 100
 * points is Tốt at 90 and up (when every criterion marked for it has full points, else Khá), Khá at 70,
 * Trung bình at 50, Kém below; an incomplete sheet has no band.
 */
export function expectedBand(
  criteria: readonly { id: string; maxPoints: number; requiredForTop?: boolean }[],
  scores: Record<string, number>,
): { total: number; band: string | null } {
  let total = 0;
  for (const value of Object.values(scores)) total += value;
  if (!criteria.every((criterion) => criterion.id in scores)) return { total, band: null };
  const full = criteria.filter((criterion) => criterion.requiredForTop).every((criterion) => scores[criterion.id] === criterion.maxPoints);
  const band = total >= 90 ? (full ? 'Tốt' : 'Khá') : total >= 70 ? 'Khá' : total >= 50 ? 'Trung bình' : 'Kém';
  return { total, band };
}

/** 87.5 as people write it: "87,5". */
export const vietnameseNumber = (value: number) => String(value).replace('.', ',');
