import { placeAndDateLine } from './party-date.js';
import type { PartyDocument, Run, Signature } from './party-document.js';

/**
 * What the DOCX and the PDF renderers share, so that the two files look alike: the page and type sizes of
 * Hướng dẫn 36-HD/VPTW, the words the format itself adds, how text is cleaned, and how the closing
 * (signatures and "Nơi nhận") is arranged.
 */
export const LAYOUT = {
  page: { widthMm: 210, heightMm: 297 },
  margins: { topMm: 20, bottomMm: 20, leftMm: 30, rightMm: 15 },
  /** The page number: top centre, 10 mm from the top edge, none on the first page. */
  pageNumberFromTopMm: 10,
  bodyPt: 14,
  partyTitlePt: 15,
  kindPt: 16,
  tablePt: 13,
  recipientsPt: 12,
  /** Baseline to baseline in the body: 36-HD asks 18–22 pt for a 14 pt body. */
  bodyLinePt: 20,
  paragraphGapPt: 6,
  firstLineIndentMm: 10,
  /** The header's and the closing's left column, as a share of the text width. */
  leftColumnShare: 0.45,
  /** Empty lines between a signer's role and name, where the signature (and the seal) go. */
  signatureSpaceLines: 4,
  tableCellPaddingMm: 1.5,
  /** Above the closing, and between its rows (two signers, then "Nơi nhận" under them). */
  closingGapPt: 12,
} as const;

export const PARTY_TITLE = 'ĐẢNG CỘNG SẢN VIỆT NAM';
export const ISSUER_MARK = '*';
/** Under the subject line: 36-HD's five hyphens. */
export const HEADING_RULE = '-----';
export const RECIPIENTS_LABEL = 'Nơi nhận:';

export const mmToPt = (mm: number) => (mm * 72) / 25.4;
export const mmToTwip = (mm: number) => Math.round((mm * 1440) / 25.4);
export const ptToTwip = (pt: number) => Math.round(pt * 20);

/**
 * Text exactly as typed, written the one way both files can hold it: NFC (decomposed marks would sit apart from
 * their letters in the PDF's font), line ends as "\n", tabs as spaces, and none of the control characters or lone
 * surrogates that make a DOCX unreadable to Word.
 */
export function clean(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Capitals as the format wants them ("CHI BỘ THÔN NA HỐI TÀY"), whatever case the builder gave. */
export function capitals(text: string): string {
  return clean(text).toLocaleUpperCase('vi-VN');
}

/** The header's two rows: the bodies and the party's title, then the number beside the place and date. */
export function headerLines(document: PartyDocument) {
  return {
    upperBody: capitals(document.header.upperBody),
    issuer: capitals(document.header.issuer),
    number: document.header.number === undefined ? '' : clean(document.header.number),
    placeAndDate: clean(placeAndDateLine(document.placeAndDate.place, document.placeAndDate.day)),
  };
}

/** A signer's lines: the bold capitals over the space to sign, then the name when it is known. */
export interface SignatureLines {
  headings: string[];
  name: string;
}

export type ClosingCell = { kind: 'signature'; lines: SignatureLines } | { kind: 'recipients'; items: string[] } | { kind: 'empty' };

/**
 * The closing as rows of two cells, the way 36-HD places it: "Nơi nhận" bottom left, level with the signature on
 * the right; two signers side by side (minutes: the minute-taker and the secretary), "Nơi nhận" then goes under
 * them. Headings are padded so that the names of one row stand on one line.
 */
export function closingRows(document: PartyDocument): [ClosingCell, ClosingCell][] {
  const signatures = document.signatures.map(signatureLines);
  const headingCount = Math.max(0, ...signatures.map((lines) => lines.headings.length));
  for (const lines of signatures) while (lines.headings.length < headingCount) lines.headings.push('');
  const recipients: ClosingCell | null =
    document.recipients.length > 0 ? { kind: 'recipients', items: document.recipients.map((item) => clean(item)) } : null;

  const rows: [ClosingCell, ClosingCell][] = [];
  let recipientsPlaced = recipients === null;
  for (let index = 0; index < signatures.length; index += 2) {
    const first: ClosingCell = { kind: 'signature', lines: signatures[index] };
    if (index + 1 < signatures.length) {
      rows.push([first, { kind: 'signature', lines: signatures[index + 1] }]);
    } else if (!recipientsPlaced && recipients) {
      rows.push([recipients, first]);
      recipientsPlaced = true;
    } else {
      rows.push([{ kind: 'empty' }, first]);
    }
  }
  if (!recipientsPlaced && recipients) rows.push([recipients, { kind: 'empty' }]);
  return rows;
}

function signatureLines(signature: Signature): SignatureLines {
  const headings = [signature.onBehalfOf, signature.role].filter((line): line is string => line !== undefined && line !== '');
  return { headings: headings.map(capitals), name: signature.name === undefined ? '' : clean(signature.name) };
}

/**
 * "- Đảng ủy xã (để báo cáo),": a line of "Nơi nhận" or of a list starts with a dash, which the renderer writes
 * unless the builder did; the words and their punctuation are the builder's.
 */
export const dashed = (item: string) => (/^[-–]\s/.test(item) ? item : `- ${item}`);

/** A list item's runs with the dash in front, in a run of its own so that the item's first run keeps its style. */
export function dashedItem(items: Run[]): Run[] {
  const first = items[0]?.text ?? '';
  return dashed(first) === first ? items : [{ text: '- ' }, ...items];
}
