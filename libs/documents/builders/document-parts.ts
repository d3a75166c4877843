import type { ActionItem, CritiquePoint } from '../../domain/cycle-records.js';
import { CRITIQUE_STAGES, POINT_KINDS, type PinnedRubric, type Scores } from '../../domain/cycle.js';
import { partyMonth, vietnamCalendarDayOf } from '../party-date.js';
import { ratingForTotal, ratingProblem, summariseScores } from '../../domain/rating.js';
import { CRITIQUE_STAGE_LABELS, MEETING_KIND_LABELS, POINT_KIND_LABELS, RATING_LABELS } from '../../wording/labels.js';
import { vietnamCalendarDay } from '../../wording/vietnam-time.js';
import type { DocumentCycle, DocumentSource } from '../document-source.js';
import type { Block, PartyDocument, Run, Signature } from '../party-document.js';

/**
 * The pieces every paper shares: the header's bodies from the committee's and the cells' names, the dates,
 * the running text, the score sheet. The documents are Vietnamese papers: every word here is Vietnamese as a
 * Party office writes it (language.md), and no id or code of the cycle reaches them.
 */

const upper = (text: string) => text.toLocaleUpperCase('vi');

/** "Đảng ủy xã Na Hối", "Đảng ủy phường …", "Đảng ủy thị trấn …", "Đảng ủy đặc khu …" (also the older "uỷ"). */
const COMMITTEE_NAME = /^đảng\s+(?:ủy|uỷ|bộ)\s+(xã|phường|thị trấn|đặc khu)\s+(.+)$/iu;

export interface PartyPlace {
  /** "Na Hối": the place of the date line. */
  place: string;
  /** "ĐẢNG BỘ XÃ NA HỐI": the upper body over a cell, and over the committee itself (our data has no district). */
  partyBody: string;
  /** "ĐẢNG ỦY XÃ NA HỐI": the committee as the issuer of its papers. */
  committee: string;
}

/** The place and the bodies from the committee's name; a name that does not read "Đảng ủy xã …" is used as it is. */
export function partyPlace(committeeName: string): PartyPlace {
  const name = committeeName.normalize('NFC').trim();
  const match = COMMITTEE_NAME.exec(name);
  if (!match) return { place: name, partyBody: upper(name.replace(/^đảng\s+(?:ủy|uỷ)/iu, 'Đảng bộ')), committee: upper(name) };
  const [, unit, place] = match;
  return { place, partyBody: upper(`Đảng bộ ${unit} ${place}`), committee: upper(name) };
}

/** A cell by its name; one the organisation no longer lists is still named, never by its id. */
export function cellName(source: DocumentSource, cellId: string): string {
  return source.cellNames.get(cellId) ?? 'Chi bộ chưa rõ tên';
}

/** Who wrote a critique: the visiting cell, or the upper-level guest by name. */
export function critiqueAuthor(source: DocumentSource, critique: DocumentCycle['critiques'][number]): string {
  if (critique.cellId) return cellName(source, critique.cellId);
  return critique.guestName ? `đồng chí ${critique.guestName}, đại biểu cấp trên` : 'đại biểu cấp trên';
}

/** "CHI BỘ THÔN NA HỐI TÀY": a cell as the issuer of its papers. */
export function cellIssuer(name: string): string {
  return upper(/^chi\s+bộ(?:\s|$)/iu.test(name.normalize('NFC')) ? name : `Chi bộ ${name}`);
}

/** The header of a cell's paper; the host's papers before a host is chosen leave the cell to fill by hand. */
export function cellHeader(source: DocumentSource, cellId: string | null, number?: string): PartyDocument['header'] {
  return {
    upperBody: partyPlace(source.committeeName).partyBody,
    issuer: cellId ? cellIssuer(cellName(source, cellId)) : 'CHI BỘ ……',
    ...(number ? { number } : {}),
  };
}

export function committeeHeader(source: DocumentSource, number?: string): PartyDocument['header'] {
  const place = partyPlace(source.committeeName);
  return { upperBody: place.partyBody, issuer: place.committee, ...(number ? { number } : {}) };
}

/** The calendar day of an instant in Asia/Ho_Chi_Minh (YYYY-MM-DD): the paper's day for its date line. */
export function eventDay(iso: string | null | undefined): string | null {
  return iso ? vietnamCalendarDayOf(iso) : null;
}

/** "tháng 12 năm 2026": the meeting's month, in Asia/Ho_Chi_Minh, for the paper's subject. */
export function meetingMonth(cycle: DocumentCycle): string {
  return partyMonth(vietnamCalendarDayOf(cycle.meetingAt));
}

/** "Sinh hoạt chuyên đề": the kind of meeting the committee launched; nothing for a kind it does not know. */
export function meetingKindLabel(cycle: DocumentCycle): string | null {
  return cycle.kind === 'regular' || cycle.kind === 'thematic' ? MEETING_KIND_LABELS[cycle.kind].vi : null;
}

/** "87", "87,5": points as people write numbers. */
export function points(value: number): string {
  return String(Math.round(value * 100) / 100).replace('.', ',');
}

// ── blocks ─────────────────────────────────────────────────────────────────────────────────────────────

/** A paragraph of running text, justified with its first line indented as a Party paper's body is. */
export function paragraph(...runs: (Run | string)[]): Block {
  return { kind: 'paragraph', runs: runs.map((run) => (typeof run === 'string' ? { text: run } : run)), align: 'justify', firstLineIndent: true };
}

/** "Địa điểm: Nhà văn hóa thôn": one fact of the paper, its value exactly as typed. */
export function field(label: string, value: string): Block {
  return paragraph(`${label}: ${value}`);
}

/** A bold line over a group ("Công tác chuẩn bị"), lower than a section. */
export function subheading(text: string): Block {
  return { kind: 'paragraph', runs: [{ text, bold: true }], align: 'left' };
}

export function section(text: string): Block {
  return { kind: 'section', text };
}

export function missing(text: string): Block {
  return { kind: 'missing', text };
}

/** A text people typed over several lines, one paragraph a line (blank lines carry nothing). */
export function freeText(text: string): Block[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => paragraph(line));
}

/** A text people typed, or the words for the part not there yet. */
export function textOr(text: string | null | undefined, absent: string): Block[] {
  const blocks = text ? freeText(text) : [];
  return blocks.length > 0 ? blocks : [missing(absent)];
}

export function plainList(items: string[]): Block {
  return { kind: 'list', items: items.map((item) => [{ text: item }]) };
}

/** A cancelled cycle says so at the top of every paper, with the committee's reason. */
export function cancellation(cycle: DocumentCycle): Block[] {
  if (cycle.status !== 'CANCELLED') return [];
  return [missing(cycle.cancelReason ? `Đảng ủy đã hủy đợt sinh hoạt (lý do: ${cycle.cancelReason}).` : 'Đảng ủy đã hủy đợt sinh hoạt.')];
}

/**
 * Critique points as the office reads them, "từng khâu, từng việc": by stage in the meeting's order, then by
 * kind (ưu điểm, hạn chế, đề xuất), each point's text as typed. Stages no point is about are left out.
 */
export function pointsByStage(all: readonly Pick<CritiquePoint, 'stage' | 'kind' | 'text'>[]): Block[] {
  const stages = CRITIQUE_STAGES.filter((stage) => all.some((point) => point.stage === stage));
  return stages.flatMap((stage, index) => [
    subheading(`${index + 1}. ${CRITIQUE_STAGE_LABELS[stage].vi}`),
    ...POINT_KINDS.flatMap((kind) => {
      const texts = all.filter((point) => point.stage === stage && point.kind === kind).map((point) => point.text);
      return texts.length > 0 ? [paragraph({ text: `${POINT_KIND_LABELS[kind].vi}:`, italic: true }), plainList(texts)] : [];
    }),
  ]);
}

/**
 * A score sheet against the cycle's pinned rubric: each criterion with its maximum and the points given
 * (a criterion left out says so), the total, and the band the total reaches on a complete sheet.
 */
export function scoreSheet(rubric: PinnedRubric, scores: Scores, pointsTitle: string): Block[] {
  const summary = summariseScores(rubric, scores);
  const rows = rubric.criteria.map((criterion) => [
    criterion.label,
    points(criterion.maxPoints),
    Object.prototype.hasOwnProperty.call(scores, criterion.id) ? points(scores[criterion.id]) : 'chưa chấm',
  ]);
  rows.push(['Tổng cộng', points(summary.maxTotal), points(summary.total)]);
  return [
    {
      kind: 'table',
      columns: [
        { title: 'Tiêu chí', widthPercent: 60 },
        { title: 'Điểm tối đa', widthPercent: 20 },
        { title: pointsTitle, widthPercent: 20 },
      ],
      rows,
    },
    summary.rating
      ? paragraph(`Tổng điểm: ${points(summary.total)}/${points(summary.maxTotal)}; xếp loại theo thang điểm: `, { text: RATING_LABELS[summary.rating].vi, bold: true }, `${shortOfTop(rubric, scores, summary.total, summary.maxTotal)}.`)
      : paragraph(`Tổng điểm: ${points(summary.total)}/${points(summary.maxTotal)}; phiếu chấm chưa đủ các tiêu chí nên chưa xếp loại theo thang điểm.`),
  ];
}

/** The host's commitments as a table: what, who, by which day (dd/mm/yyyy). */
export function actionItemsTable(items: readonly Pick<ActionItem, 'title' | 'owner' | 'dueDate'>[]): Block {
  return {
    kind: 'table',
    columns: [
      { title: 'TT', widthPercent: 8 },
      { title: 'Việc cần làm', widthPercent: 52 },
      { title: 'Người thực hiện', widthPercent: 22 },
      { title: 'Hạn hoàn thành', widthPercent: 18 },
    ],
    rows: items.map((item, index) => [String(index + 1), item.title, item.owner, vietnamCalendarDay(item.dueDate)]),
  };
}

/** Why a total worth Tốt is not Tốt: the criteria marked for it that the sheet does not give full points. */
function shortOfTop(rubric: PinnedRubric, scores: Scores, total: number, maxTotal: number): string {
  if (ratingForTotal(total, maxTotal) !== 'TOT') return '';
  const problem = ratingProblem(rubric, 'TOT', scores, []);
  if (problem?.reason !== 'TOP_NEEDS_FULL_POINTS') return '';
  return ` (tổng điểm đạt mức Tốt nhưng chưa đạt điểm tối đa ở tiêu chí: ${problem.criteria.join('; ')})`;
}

// ── signatures and recipients ─────────────────────────────────────────────────────────────────────────

/** "T/M CHI BỘ / BÍ THƯ", with the cell's secretary's name where the organisation knows it. */
export function cellSignature(source: DocumentSource, cellId: string | null): Signature {
  const name = cellId ? source.secretaryNames?.get(cellId) : undefined;
  return { onBehalfOf: 'T/M CHI BỘ', role: 'BÍ THƯ', ...(name ? { name } : {}) };
}

export const COMMITTEE_SIGNATURE: Signature = { onBehalfOf: 'T/M ĐẢNG ỦY', role: 'BÍ THƯ' };

/** "- Đảng ủy xã Na Hối (b/c);": the committee as the first reader of a cell's paper, to report to. */
export const toCommittee = (source: DocumentSource) => `- ${source.committeeName} (b/c);`;
