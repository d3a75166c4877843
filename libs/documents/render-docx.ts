import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { vietnamCalendarDayOf } from './party-date.js';
import type { Block, PartyDocument, Run } from './party-document.js';
import {
  capitals,
  clean,
  closingRows,
  dashed,
  dashedItem,
  HEADING_RULE,
  headerLines,
  ISSUER_MARK,
  LAYOUT,
  mmToTwip,
  PARTY_TITLE,
  ptToTwip,
  RECIPIENTS_LABEL,
  type ClosingCell,
} from './party-layout.js';

/** Word's name for the font 36-HD asks for; Word substitutes a metric twin where it is missing. */
export const DOCX_FONT = 'Times New Roman';

const PAGE = { width: mmToTwip(LAYOUT.page.widthMm), height: mmToTwip(LAYOUT.page.heightMm) };
const MARGIN = {
  top: mmToTwip(LAYOUT.margins.topMm),
  bottom: mmToTwip(LAYOUT.margins.bottomMm),
  left: mmToTwip(LAYOUT.margins.leftMm),
  right: mmToTwip(LAYOUT.margins.rightMm),
};
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const LEFT_WIDTH = Math.round(TEXT_WIDTH * LAYOUT.leftColumnShare);
const RIGHT_WIDTH = TEXT_WIDTH - LEFT_WIDTH;
const halfPoints = (pt: number) => pt * 2;

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };
const TABLE_NO_BORDERS = { ...NO_BORDERS, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const TABLE_LINES = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  pt?: number;
}

/**
 * The runs of one piece of text: every run names the font and size itself (a person who pastes the text elsewhere
 * keeps them), and a line end typed in a text area becomes a line break, not a space.
 */
function runs(text: string, style: RunStyle = {}): TextRun[] {
  return clean(text)
    .split('\n')
    .map(
      (line, index) =>
        new TextRun({
          text: line,
          break: index > 0 ? 1 : undefined,
          font: DOCX_FONT,
          size: halfPoints(style.pt ?? LAYOUT.bodyPt),
          bold: style.bold,
          italics: style.italics,
          underline: style.underline ? { type: UnderlineType.SINGLE } : undefined,
        }),
    );
}

const richRuns = (items: Run[], pt?: number) => items.flatMap((run) => runs(run.text, { bold: run.bold, italics: run.italic, pt }));

type LineStyle = RunStyle & { align?: 'center' | 'left'; before?: number };

/** A paragraph of the header, title or closing: single spacing, no gap after. */
function line(text: string, style: LineStyle = {}): Paragraph {
  return new Paragraph({
    alignment: style.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
    spacing: { before: style.before ?? 0, after: 0 },
    children: runs(text, style),
  });
}

const BODY_SPACING = { before: 0, after: ptToTwip(LAYOUT.paragraphGapPt), line: ptToTwip(LAYOUT.bodyLinePt), lineRule: LineRuleType.AT_LEAST };
const FIRST_LINE = { firstLine: mmToTwip(LAYOUT.firstLineIndentMm) };
const ALIGNMENTS = { justify: AlignmentType.JUSTIFIED, center: AlignmentType.CENTER, left: AlignmentType.LEFT } as const;

function cell(width: number, children: Paragraph[]): TableCell {
  return new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, children });
}

/** A borderless table of two columns whose rows never split across pages. */
function twoColumns(rows: [Paragraph[], Paragraph[]][]): Table {
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [LEFT_WIDTH, RIGHT_WIDTH],
    borders: TABLE_NO_BORDERS,
    rows: rows.map(([left, right]) => new TableRow({ cantSplit: true, children: [cell(LEFT_WIDTH, left), cell(RIGHT_WIDTH, right)] })),
  });
}

/** 36-HD's header: the bodies and an asterisk left, the party's title underlined right; the number beside the date. */
function header(document: PartyDocument): Table {
  const lines = headerLines(document);
  return twoColumns([
    [
      [line(lines.upperBody), line(lines.issuer, { bold: true }), line(ISSUER_MARK)],
      [line(PARTY_TITLE, { bold: true, underline: true, pt: LAYOUT.partyTitlePt })],
    ],
    [[line(lines.number)], [line(lines.placeAndDate, { italics: true })]],
  ]);
}

function heading(document: PartyDocument): Paragraph[] {
  const spaced = (paragraph: RunStyle & { text: string; before?: number }) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: paragraph.before ?? 0, after: 0 },
      children: runs(paragraph.text, paragraph),
    });
  const { kind, subject } = document.heading;
  return [
    spaced({ text: capitals(kind), bold: true, pt: LAYOUT.kindPt, before: ptToTwip(LAYOUT.bodyLinePt) }),
    ...(subject === undefined ? [] : [spaced({ text: subject, bold: true })]),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: ptToTwip(LAYOUT.bodyLinePt) },
      children: runs(HEADING_RULE),
    }),
  ];
}

/** An empty paragraph after every table: Word joins two tables that touch, and wants the body to end in a paragraph. */
const AFTER_TABLE = () => new Paragraph({ spacing: { before: 0, after: 0 }, children: [] });

function block(item: Block): (Paragraph | Table)[] {
  switch (item.kind) {
    case 'paragraph':
      return [
        new Paragraph({
          alignment: ALIGNMENTS[item.align ?? 'justify'],
          indent: item.firstLineIndent ? FIRST_LINE : undefined,
          spacing: BODY_SPACING,
          children: richRuns(item.runs),
        }),
      ];
    case 'section':
      return [
        new Paragraph({
          alignment: AlignmentType.LEFT,
          keepNext: true,
          spacing: { ...BODY_SPACING, before: ptToTwip(LAYOUT.paragraphGapPt) },
          children: runs(item.text, { bold: true }),
        }),
      ];
    case 'list':
      return item.items.map(
        (runsOfItem) =>
          new Paragraph({
            alignment: AlignmentType.JUSTIFIED,
            indent: FIRST_LINE,
            spacing: BODY_SPACING,
            children: richRuns(dashedItem(runsOfItem)),
          }),
      );
    case 'table':
      return [table(item), AFTER_TABLE()];
    case 'missing':
      return [
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: FIRST_LINE,
          spacing: BODY_SPACING,
          children: runs(item.text, { italics: true }),
        }),
      ];
  }
}

function table(item: Extract<Block, { kind: 'table' }>): Table {
  const widths = item.columns.map((column) => Math.round((TEXT_WIDTH * column.widthPercent) / 100));
  const margin = mmToTwip(LAYOUT.tableCellPaddingMm);
  const tableCell = (text: string, width: number, bold: boolean) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: bold ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
      margins: { top: margin / 2, bottom: margin / 2, left: margin, right: margin },
      children: [
        new Paragraph({
          alignment: bold ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { before: 0, after: 0 },
          children: runs(text, { bold, pt: LAYOUT.tablePt }),
        }),
      ],
    });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: TABLE_LINES,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: item.columns.map((column, index) => tableCell(column.title, widths[index], true)) }),
      ...item.rows.map(
        (row) => new TableRow({ cantSplit: true, children: widths.map((width, index) => tableCell(row[index] ?? '', width, false)) }),
      ),
    ],
  });
}

function closingCell(content: ClosingCell, before: number): Paragraph[] {
  const lines = ((): { text: string; style: LineStyle }[] => {
    switch (content.kind) {
      case 'empty':
        return [{ text: '', style: {} }];
      case 'recipients':
        return [
          { text: RECIPIENTS_LABEL, style: { align: 'left', underline: true } },
          ...content.items.map((item) => ({ text: dashed(item), style: { align: 'left' as const, pt: LAYOUT.recipientsPt } })),
        ];
      case 'signature':
        return [
          ...content.lines.headings.map((text) => ({ text, style: { bold: true } })),
          ...Array.from({ length: LAYOUT.signatureSpaceLines }, () => ({ text: '', style: {} })),
          { text: content.lines.name, style: { bold: true } },
        ];
    }
  })();
  return lines.map(({ text, style }, index) => line(text, index === 0 ? { ...style, before } : style));
}

/** Signers and "Nơi nhận" in rows that never split across pages, so a signature stays with its name. */
function closing(document: PartyDocument): (Table | Paragraph)[] {
  const rows = closingRows(document);
  if (rows.length === 0) return [];
  const gap = ptToTwip(LAYOUT.closingGapPt);
  return [twoColumns(rows.map(([left, right]) => [closingCell(left, gap), closingCell(right, gap)])), AFTER_TABLE()];
}

function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: DOCX_FONT, size: halfPoints(LAYOUT.bodyPt) })],
      }),
    ],
  });
}

const xmlText = (text: string) => clean(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The file's properties, dated when the cycle last changed instead of now, so that the bytes follow the cycle. */
function coreProperties(document: PartyDocument): string {
  const when = new Date(document.fixedAt).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const author = xmlText(document.header.issuer);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlText(document.title)}</dc:title><dc:creator>${author}</dc:creator>` +
    `<cp:lastModifiedBy>${author}</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/**
 * The zip's entry times: the cycle's day at noon. A zip stores wall-clock time and fflate reads it in the process's
 * time zone; noon is never skipped by a daylight-saving change, so every server writes the same bytes.
 */
function zipTime(fixedAt: string): Date {
  const [year, month, day] = vietnamCalendarDayOf(fixedAt).split('-').map(Number);
  return new Date(year, month - 1, day, 12, 0, 0);
}

const CONTENT_TYPES = '[Content_Types].xml';

/**
 * A Party document as a Word file laid out by Hướng dẫn 36-HD/VPTW. The same document gives the same bytes: the
 * properties carry `fixedAt`, the zip is written again with fixed times in docx's order, and nothing that draws
 * an id at random (bookmarks, links, images, numbered lists) is used.
 */
export async function renderDocx(document: PartyDocument): Promise<Buffer> {
  if (Number.isNaN(Date.parse(document.fixedAt))) throw new Error(`fixedAt is not an ISO moment: ${document.fixedAt}`);
  const word = new Document({
    title: clean(document.title),
    creator: clean(document.header.issuer),
    lastModifiedBy: clean(document.header.issuer),
    revision: 1,
    styles: {
      default: {
        document: { run: { font: DOCX_FONT, size: halfPoints(LAYOUT.bodyPt), language: { value: 'vi-VN' } } },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: PAGE,
            margin: { ...MARGIN, header: mmToTwip(LAYOUT.pageNumberFromTopMm), footer: mmToTwip(LAYOUT.pageNumberFromTopMm) },
          },
        },
        headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
        children: [header(document), ...heading(document), ...document.blocks.flatMap(block), ...closing(document)],
      },
    ],
  });
  const packed = await Packer.toBuffer(word, false, [{ path: 'docProps/core.xml', data: coreProperties(document) }]);
  const mtime = zipTime(document.fixedAt);
  const files = Object.entries(unzipSync(packed));
  // [Content_Types].xml first, as Word writes it: tools that sniff a file's type look there; then docx's order.
  const ordered = [...files.filter(([name]) => name === CONTENT_TYPES), ...files.filter(([name]) => name !== CONTENT_TYPES)];
  const entries: Zippable = {};
  for (const [name, data] of ordered) entries[name] = [data, { mtime, level: 6 }];
  return Buffer.from(zipSync(entries));
}
