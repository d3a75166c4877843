import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
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
  mmToPt,
  PARTY_TITLE,
  RECIPIENTS_LABEL,
  type ClosingCell,
} from './party-layout.js';

type Face = 'regular' | 'bold' | 'italic' | 'boldItalic';

/**
 * Tinos: Times New Roman's metrics with every Vietnamese letter, under the SIL Open Font License. The TTF files
 * are resolved one by one; the package's index is for Expo apps and must not be imported here.
 */
const FONT_FILES: Record<Face, string> = {
  regular: '@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf',
  bold: '@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf',
  italic: '@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf',
  boldItalic: '@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf',
};

let fonts: Record<Face, Buffer> | undefined;
function tinos(): Record<Face, Buffer> {
  if (!fonts) {
    const require = createRequire(import.meta.url);
    const read = (face: Face) => readFileSync(require.resolve(FONT_FILES[face]));
    fonts = { regular: read('regular'), bold: read('bold'), italic: read('italic'), boldItalic: read('boldItalic') };
  }
  return fonts;
}

const faceOf = (bold?: boolean, italic?: boolean): Face => (bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular');

/** Who made the file, fixed so that the bytes depend on the document only. */
const PRODUCER = 'chi-bo-diem';

/**
 * A Party document as a PDF laid out like the Word file (Hướng dẫn 36-HD/VPTW): A4, the same margins and sizes,
 * Tinos embedded as subsets. The same document gives the same bytes: the file's dates (and so its ID) are
 * `fixedAt`, and nothing else varies.
 */
export async function renderPdf(document: PartyDocument): Promise<Buffer> {
  const fixedAt = new Date(document.fixedAt);
  if (Number.isNaN(fixedAt.getTime())) throw new Error(`fixedAt is not an ISO moment: ${document.fixedAt}`);
  const pdf = new PDFDocument({
    size: 'A4',
    margins: {
      top: mmToPt(LAYOUT.margins.topMm),
      bottom: mmToPt(LAYOUT.margins.bottomMm),
      left: mmToPt(LAYOUT.margins.leftMm),
      right: mmToPt(LAYOUT.margins.rightMm),
    },
    bufferPages: true,
    lang: 'vi-VN',
    displayTitle: true,
    info: {
      Title: clean(document.title),
      Author: clean(document.header.issuer),
      Creator: PRODUCER,
      Producer: PRODUCER,
      CreationDate: fixedAt,
      ModDate: fixedAt,
    },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  for (const [face, data] of Object.entries(tinos())) pdf.registerFont(face, data);

  new PdfLayout(pdf).draw(document);
  pdf.end();
  return finished;
}

/** Draws a document's parts in order, keeping what must stay together on one page. */
class PdfLayout {
  private readonly left: number;
  private readonly width: number;
  private readonly leftWidth: number;

  constructor(private readonly pdf: PDFKit.PDFDocument) {
    this.left = pdf.page.margins.left;
    this.width = pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
    this.leftWidth = this.width * LAYOUT.leftColumnShare;
  }

  draw(document: PartyDocument) {
    this.header(document);
    this.heading(document);
    for (const block of document.blocks) this.block(block);
    this.closing(document);
    this.pageNumbers();
  }

  private get bottom() {
    return this.pdf.page.height - this.pdf.page.margins.bottom;
  }

  private use(face: Face, pt: number) {
    this.pdf.font(face).fontSize(pt);
    return this.pdf;
  }

  /** The gap that puts the body's baselines LAYOUT.bodyLinePt apart, for the font and size in use. */
  private bodyLineGap() {
    return Math.max(0, LAYOUT.bodyLinePt - this.pdf.currentLineHeight(true));
  }

  private ensureRoom(height: number) {
    if (this.pdf.y + height > this.bottom) this.pdf.addPage();
  }

  /** Lines centred in a column from `top`; returns where they end. */
  private column(lines: { text: string; face: Face; pt: number; underline?: boolean }[], x: number, width: number, top: number) {
    let y = top;
    for (const line of lines) {
      this.use(line.face, line.pt).text(line.text, x, y, { width, align: 'center', underline: line.underline });
      y = this.pdf.y;
    }
    return y;
  }

  private header(document: PartyDocument) {
    const lines = headerLines(document);
    const rightX = this.left + this.leftWidth;
    const rightWidth = this.width - this.leftWidth;
    const top = this.pdf.page.margins.top;
    const bodies = [
      { text: lines.upperBody, face: 'regular' as const, pt: LAYOUT.bodyPt },
      { text: lines.issuer, face: 'bold' as const, pt: LAYOUT.bodyPt },
      { text: ISSUER_MARK, face: 'regular' as const, pt: LAYOUT.bodyPt },
    ];
    const firstRowEnd = Math.max(
      this.column(bodies, this.left, this.leftWidth, top),
      this.column([{ text: PARTY_TITLE, face: 'bold', pt: LAYOUT.partyTitlePt, underline: true }], rightX, rightWidth, top),
    );
    const secondRowEnd = Math.max(
      this.column([{ text: lines.number, face: 'regular', pt: LAYOUT.bodyPt }], this.left, this.leftWidth, firstRowEnd),
      this.column([{ text: lines.placeAndDate, face: 'italic', pt: LAYOUT.bodyPt }], rightX, rightWidth, firstRowEnd),
    );
    this.pdf.x = this.left;
    this.pdf.y = secondRowEnd;
  }

  private heading(document: PartyDocument) {
    const centred = { width: this.width, align: 'center' as const };
    this.pdf.y += LAYOUT.bodyLinePt;
    this.use('bold', LAYOUT.kindPt).text(capitals(document.heading.kind), this.left, this.pdf.y, centred);
    if (document.heading.subject !== undefined) this.use('bold', LAYOUT.bodyPt).text(clean(document.heading.subject), centred);
    this.use('regular', LAYOUT.bodyPt).text(HEADING_RULE, centred);
    this.pdf.y += LAYOUT.bodyLinePt;
  }

  /** Runs of one paragraph in their faces, one after another, wrapped and aligned as one paragraph. */
  private paragraph(items: Run[], options: { align: 'justify' | 'center' | 'left'; indent: boolean; gapBefore?: number }) {
    const pieces = items.map((run) => ({ text: clean(run.text), face: faceOf(run.bold, run.italic) }));
    // pdfkit trims a justified line's ends, so a run's leading space would vanish where it starts mid-line:
    // the space goes to the end of the run before, whose last line is never justified.
    for (let index = 1; index < pieces.length; index += 1) {
      const leading = /^[ \u00A0]+/.exec(pieces[index].text)?.[0] ?? '';
      pieces[index - 1].text += leading;
      pieces[index].text = pieces[index].text.slice(leading.length);
    }
    const drawn = pieces.filter((piece) => piece.text !== '');
    if (drawn.length === 0) drawn.push({ text: ' ', face: 'regular' });
    this.use('regular', LAYOUT.bodyPt);
    const lineGap = this.bodyLineGap();
    if (options.gapBefore) this.pdf.y += options.gapBefore;
    this.pdf.x = this.left;
    drawn.forEach((piece, index) => {
      const last = index === drawn.length - 1;
      // Only (text, options): pdfkit reads an undefined x as the options and would drop these.
      this.use(piece.face, LAYOUT.bodyPt).text(piece.text, {
        width: this.width,
        align: options.align,
        indent: options.indent ? mmToPt(LAYOUT.firstLineIndentMm) : 0,
        lineGap,
        paragraphGap: last ? LAYOUT.paragraphGapPt : 0,
        continued: !last,
      });
    });
  }

  private block(block: Block) {
    switch (block.kind) {
      case 'paragraph':
        return this.paragraph(block.runs, { align: block.align ?? 'justify', indent: block.firstLineIndent ?? false });
      case 'section': {
        // A section's title never ends a page: it moves on with the first two lines of what it introduces.
        this.use('bold', LAYOUT.bodyPt);
        this.ensureRoom(LAYOUT.paragraphGapPt + this.pdf.heightOfString(clean(block.text), { width: this.width }) + 2 * LAYOUT.bodyLinePt);
        return this.paragraph([{ text: block.text, bold: true }], { align: 'left', indent: false, gapBefore: LAYOUT.paragraphGapPt });
      }
      case 'list':
        for (const item of block.items) this.paragraph(dashedItem(item), { align: 'justify', indent: true });
        return;
      case 'table':
        return this.table(block);
      case 'missing':
        return this.paragraph([{ text: block.text, italic: true }], { align: 'justify', indent: true });
    }
  }

  private table(block: Extract<Block, { kind: 'table' }>) {
    const widths = block.columns.map((column) => (this.width * column.widthPercent) / 100);
    const padX = mmToPt(LAYOUT.tableCellPaddingMm);
    const padY = padX / 2;
    const titles = block.columns.map((column) => clean(column.title));
    const heightOf = (cells: string[], face: Face) => {
      this.use(face, LAYOUT.tablePt);
      return Math.max(...cells.map((text, index) => this.pdf.heightOfString(text || ' ', { width: widths[index] - 2 * padX }))) + 2 * padY;
    };
    const row = (cells: string[], face: Face) => {
      const height = heightOf(cells, face);
      const top = this.pdf.y;
      let x = this.left;
      cells.forEach((text, index) => {
        this.pdf.lineWidth(0.5).rect(x, top, widths[index], height).stroke();
        this.use(face, LAYOUT.tablePt).text(text, x + padX, top + padY, {
          width: widths[index] - 2 * padX,
          align: face === 'bold' ? 'center' : 'left',
        });
        x += widths[index];
      });
      this.pdf.x = this.left;
      this.pdf.y = top + height;
    };
    // The title row goes first, and again at the top of every page the table runs onto, as in Word.
    this.ensureRoom(heightOf(titles, 'bold') + (block.rows.length > 0 ? heightOf(this.cellsOf(block.rows[0], widths), 'regular') : 0));
    row(titles, 'bold');
    for (const cells of block.rows.map((cellsOfRow) => this.cellsOf(cellsOfRow, widths))) {
      if (this.pdf.y + heightOf(cells, 'regular') > this.bottom) {
        this.pdf.addPage();
        row(titles, 'bold');
      }
      row(cells, 'regular');
    }
    this.pdf.y += LAYOUT.paragraphGapPt;
  }

  private cellsOf(row: string[], widths: number[]) {
    return widths.map((_, index) => clean(row[index] ?? ''));
  }

  /** One closing cell's lines, drawn or (with draw false) only measured; returns its height. */
  private closingCell(content: ClosingCell, x: number, width: number, top: number, draw: boolean): number {
    let y = top;
    const put = (text: string, face: Face, pt: number, options: { align: 'center' | 'left'; underline?: boolean }) => {
      this.use(face, pt);
      const height = this.pdf.heightOfString(text || ' ', { width });
      if (draw && text !== '') this.pdf.text(text, x, y, { width, ...options });
      y += height;
    };
    switch (content.kind) {
      case 'empty':
        break;
      case 'recipients':
        put(RECIPIENTS_LABEL, 'regular', LAYOUT.bodyPt, { align: 'left', underline: true });
        for (const item of content.items) put(dashed(item), 'regular', LAYOUT.recipientsPt, { align: 'left' });
        break;
      case 'signature':
        for (const heading of content.lines.headings) put(heading, 'bold', LAYOUT.bodyPt, { align: 'center' });
        for (let line = 0; line < LAYOUT.signatureSpaceLines; line += 1) put('', 'regular', LAYOUT.bodyPt, { align: 'center' });
        put(content.lines.name, 'bold', LAYOUT.bodyPt, { align: 'center' });
        break;
    }
    return y - top;
  }

  /** Signers and "Nơi nhận" row by row; a row that does not fit starts a new page, so no name is parted from its role. */
  private closing(document: PartyDocument) {
    const rightX = this.left + this.leftWidth;
    const rightWidth = this.width - this.leftWidth;
    for (const [leftCell, rightCell] of closingRows(document)) {
      this.pdf.y += LAYOUT.closingGapPt;
      const measure = (top: number, draw: boolean) =>
        Math.max(this.closingCell(leftCell, this.left, this.leftWidth, top, draw), this.closingCell(rightCell, rightX, rightWidth, top, draw));
      this.ensureRoom(measure(this.pdf.y, false));
      const top = this.pdf.y;
      const height = measure(top, true);
      this.pdf.x = this.left;
      this.pdf.y = top + height;
    }
  }

  /** 36-HD: the number at the top centre from the second page on. */
  private pageNumbers() {
    const { start, count } = this.pdf.bufferedPageRange();
    for (let index = 1; index < count; index += 1) {
      this.pdf.switchToPage(start + index);
      this.use('regular', LAYOUT.bodyPt).text(String(index + 1), this.left, mmToPt(LAYOUT.pageNumberFromTopMm), {
        width: this.width,
        align: 'center',
        lineBreak: false,
      });
    }
  }
}
