// Reading rendered Party documents back as a person's tools would: the Word file's XML, and the PDF through
// Poppler (pdftotext, pdffonts, pdftoppm; scripts/lib/poppler.mjs installs them). For the document suites.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';

/** Where the rendered files and their pages as PNG land, for people to look at; kept out of git. */
export const DOCUMENT_ARTIFACTS_DIR = join(fileURLToPath(new URL('../..', import.meta.url)), 'test-artifacts', 'documents');

/** NFC, and every run of white space as one space: how two texts compare when only their layout differs. */
export const comparable = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of an XML text node, entities decoded. */
export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) =>
    entity.startsWith('#x')
      ? String.fromCodePoint(parseInt(entity.slice(2), 16))
      : entity.startsWith('#')
        ? String.fromCodePoint(Number(entity.slice(1)))
        : ENTITIES[entity],
  );
}

export interface DocxRun {
  text: string;
  /** The w:rPr of the run, as written. */
  properties: string;
}

export interface DocxContents {
  parts: Record<string, string>;
  /** Every w:r of the body that holds text, in order. */
  runs: DocxRun[];
  /** Every w:p of the body and its headers: its runs' texts joined, a w:br as "\n". */
  paragraphs: string[];
}

/** Unzips a DOCX and reads its body's runs and paragraphs. */
export function readDocx(file: Buffer): DocxContents {
  const parts: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(file))) parts[name] = strFromU8(data);
  const body = parts['word/document.xml'];
  const runs: DocxRun[] = [];
  for (const [, run] of body.matchAll(/<w:r>(.*?)<\/w:r>/gs)) {
    const texts = [...run.matchAll(/<w:t(?: [^>]*)?>(.*?)<\/w:t>/gs)].map(([, text]) => decodeXml(text));
    if (texts.length > 0) runs.push({ text: texts.join(''), properties: /<w:rPr>(.*?)<\/w:rPr>/s.exec(run)?.[1] ?? '' });
  }
  const paragraphs = [...body.matchAll(/<w:p>(.*?)<\/w:p>|<w:p [^>]*>(.*?)<\/w:p>/gs)].map(([, plain, attributed]) =>
    [...(plain ?? attributed).matchAll(/<w:t(?: [^>]*)?>(.*?)<\/w:t>|<w:br\/>/gs)]
      .map(([whole, text]) => (whole === '<w:br/>' ? '\n' : decodeXml(text)))
      .join(''),
  );
  return { parts, runs, paragraphs };
}

/** Writes a rendered file under DOCUMENT_ARTIFACTS_DIR and returns its path. */
export function saveArtifact(fileName: string, data: Buffer): string {
  mkdirSync(DOCUMENT_ARTIFACTS_DIR, { recursive: true });
  const path = join(DOCUMENT_ARTIFACTS_DIR, fileName);
  writeFileSync(path, data);
  return path;
}

/** pdftotext's reading of a PDF, one string per page (UTF-8, pages split on form feeds). */
export function pdfPagesText(pdfPath: string): string[] {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

/** pdffonts' table of a PDF's fonts. */
export function pdfFonts(pdfPath: string): PdfFont[] {
  const lines = execFileSync('pdffonts', [pdfPath], { encoding: 'utf8' }).split('\n').slice(2);
  return lines
    .filter((line) => line.trim() !== '')
    .map((line) => {
      // name type… encoding emb sub uni object ID: the three yes/no columns sit before the object number.
      const match = /^(\S+)\s+(.*?)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
      if (!match) throw new Error(`pdffonts line not understood: ${line}`);
      return { name: match[1], type: match[2], embedded: match[3] === 'yes', subset: match[4] === 'yes', unicode: match[5] === 'yes' };
    });
}

/** Every page as test-artifacts/documents/<name>-<page>.png at 80 dpi; returns the paths in page order. */
export function pdfPagesAsPng(pdfPath: string, name: string): string[] {
  mkdirSync(DOCUMENT_ARTIFACTS_DIR, { recursive: true });
  const ofThisName = new RegExp(`^${name}--?\\d+\\.png$`);
  for (const file of readdirSync(DOCUMENT_ARTIFACTS_DIR).filter((file) => ofThisName.test(file))) rmSync(join(DOCUMENT_ARTIFACTS_DIR, file));
  const prefix = join(DOCUMENT_ARTIFACTS_DIR, `${name}-`);
  execFileSync('pdftoppm', ['-png', '-r', '80', pdfPath, prefix]);
  // pdftoppm pads page numbers to the page count's width ("-01"); the artefacts are named by the plain number.
  const pages = readdirSync(DOCUMENT_ARTIFACTS_DIR)
    .map((file) => ({ file, page: new RegExp(`^${name}--(\\d+)\\.png$`).exec(file)?.[1] }))
    .filter((entry): entry is { file: string; page: string } => entry.page !== undefined)
    .sort((a, b) => Number(a.page) - Number(b.page));
  return pages.map(({ file, page }) => {
    const path = join(DOCUMENT_ARTIFACTS_DIR, `${name}-${Number(page)}.png`);
    renameSync(join(DOCUMENT_ARTIFACTS_DIR, file), path);
    return path;
  });
}
