/**
 * A Party document as Hướng dẫn 36-HD/VPTW lays it out, before it becomes DOCX or PDF: the two-column header,
 * the place and date line, the title, the body, the signatures and "Nơi nhận". The builders fill one from a
 * cycle; the two renderers draw the same one, so the Word file and the PDF say the same thing.
 */
export interface PartyDocument {
  /** The document's own title, for the file's metadata and its name ("Biên bản sinh hoạt chi bộ điểm"). */
  title: string;
  /** When the cycle last changed (ISO): the files' metadata dates, so the same cycle state gives the same bytes. */
  fixedAt: string;
  /** Left column: the upper body ("ĐẢNG BỘ XÃ NA HỐI"), the issuing body in bold capitals and its number if any. */
  header: { upperBody: string; issuer: string; number?: string };
  /** Right column's italic line: "Na Hối, ngày 05 tháng 12 năm 2026"; a day not known yet is left to fill by hand. */
  placeAndDate: { place: string; day: string | null };
  /** "BIÊN BẢN" over "sinh hoạt chi bộ điểm tháng 12 năm 2026". */
  heading: { kind: string; subject?: string };
  blocks: Block[];
  /** One or two columns at the end: "T/M CHI BỘ / BÍ THƯ" and, on minutes, "THƯ KÝ". */
  signatures: Signature[];
  /** "Nơi nhận:" at the bottom left. */
  recipients: string[];
}

export type Block =
  | { kind: 'paragraph'; runs: Run[]; align?: 'justify' | 'center' | 'left'; firstLineIndent?: boolean }
  | { kind: 'section'; text: string }
  | { kind: 'list'; items: Run[][] }
  | { kind: 'table'; columns: { title: string; widthPercent: number }[]; rows: string[][] }
  /** A step not done yet: said in italics ("Chưa có biên bản: chi bộ điểm chưa ghi nhận buổi sinh hoạt."). */
  | { kind: 'missing'; text: string };

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export interface Signature {
  /** "T/M CHI BỘ", "T/M ĐẢNG ỦY"; absent for "THƯ KÝ". */
  onBehalfOf?: string;
  /** "BÍ THƯ", "THƯ KÝ", "PHÓ BÍ THƯ". */
  role: string;
  /** The signer's name when the cycle knows it; else the line is left for the signature and a hand-written name. */
  name?: string;
}
