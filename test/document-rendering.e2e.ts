// The DOCX and PDF renderers read back as people's tools read them: the Word file's XML, and the PDF through
// Poppler (pdftotext, pdffonts, pdftoppm). A diacritic-heavy document, given partly decomposed (NFD), must come
// out letter for letter, in Times New Roman (DOCX) or with every font embedded (PDF), laid out by 36-HD, and the
// same document must give the same bytes. The pages land in test-artifacts/documents/ as PNG for a person to see.
import { describe, expect, it } from '@jest/globals';
import type { PartyDocument, Run } from '../libs/documents/party-document.js';
import { renderDocx } from '../libs/documents/render-docx.js';
import { renderPdf } from '../libs/documents/render-pdf.js';
import { comparable, pdfFonts, pdfPagesAsPng, pdfPagesText, readDocx, saveArtifact } from './support/document-files.js';

/**
 * Every Vietnamese vowel with every tone, both cases, and đ/Đ, built from base letters and combining marks: one
 * word per vowel ("aàáảãạ AÀÁẢÃẠ …"), as pdftotext reads single letters evenly spaced as one letter-spaced word.
 */
const BASES = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const ALPHABET_NFD = [...BASES.map((base) => TONES.map((tone) => base.normalize('NFD') + tone).join('')), 'đ']
  .flatMap((word) => [word, word.toUpperCase()])
  .join(' ');

const LONG =
  'Chi bộ đã thảo luận sôi nổi, thẳng thắn; các đồng chí đảng viên phát biểu ý kiến đóng góp xây dựng, tập trung vào ' +
  'việc nâng cao chất lượng sinh hoạt, giữ vững nguyên tắc tập trung dân chủ, tự phê bình và phê bình, đoàn kết thống ' +
  'nhất trong chi bộ; những việc khó như vận động hộ nghèo trồng thảo quả, giữ rừng đầu nguồn ở Sín Chải được nói rõ ' +
  'người làm, việc làm, thời hạn.';

/** A minutes-like document: ặ ỡ ự Đ everywhere, combining and precomposed forms, pages of text, a long table. */
function sampleDocument(): PartyDocument {
  return {
    title: 'Biên bản sinh hoạt chi bộ điểm tháng 01 năm 2026',
    fixedAt: '2026-01-05T03:15:00.000Z',
    header: { upperBody: 'Đảng bộ xã Na Hối', issuer: 'Chi bộ thôn Na Hối Tày', number: 'Số 07-BB/CB' },
    placeAndDate: { place: 'Na Hối', day: '2026-01-05' },
    heading: { kind: 'Biên bản', subject: 'sinh hoạt chi bộ điểm tháng 01 năm 2026' },
    blocks: [
      { kind: 'section', text: 'I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN' },
      {
        kind: 'paragraph',
        firstLineIndent: true,
        runs: [
          { text: 'Vào hồi ' },
          { text: '8 giờ 00, thứ Hai, ngày 05 tháng 01 năm 2026', bold: true },
          { text: ', tại Nhà văn hóa thôn Na Hối Tày, Chi bộ tiến hành sinh hoạt chi bộ điểm. ' },
          { text: 'Chủ trì: đồng chí Đặng Văn Lự, Bí thư Chi bộ.', italic: true },
          // Non-canonical order of the marks under and over the e: NFC still makes one letter ệ.
          { text: ' Tie\u0302\u0301ng Vie\u0323\u0302t và Tiếng Việt là một chữ; “ngoặc kép” & <ngoặc nhọn>.' },
        ],
      },
      { kind: 'paragraph', runs: [{ text: 'Bảng chữ: ' }, { text: ALPHABET_NFD }] },
      {
        kind: 'list',
        items: [
          [{ text: 'Đảng viên có mặt: ', bold: true }, { text: '14/16 đồng chí.' }],
          [{ text: 'Vắng có lý do: đồng chí Vàng Seo Sử (đi học lớp trung cấp lý luận chính trị).' }],
          [{ text: '- Vắng không lý do: không có.' }],
        ],
      },
      { kind: 'section', text: 'II. NỘI DUNG' },
      ...Array.from({ length: 26 }, (_, index) => ({
        kind: 'paragraph' as const,
        firstLineIndent: true,
        runs: [{ text: `Ý kiến thứ ${index + 1}: ` , bold: true }, { text: (index % 2 === 0 ? LONG.normalize('NFD') : LONG) }],
      })),
      { kind: 'paragraph', align: 'left', runs: [{ text: 'Dòng gõ trong ô văn bản:\r\nxuống dòng\tvà dấu tab.' }] },
      { kind: 'section', text: 'III. PHIẾU TỰ CHẤM ĐIỂM' },
      {
        kind: 'table',
        columns: [
          { title: 'TT', widthPercent: 8 },
          { title: 'Tiêu chí', widthPercent: 62 },
          { title: 'Điểm tối đa', widthPercent: 15 },
          { title: 'Tự chấm', widthPercent: 15 },
        ],
        rows: Array.from({ length: 28 }, (_, index) => [
          String(index + 1),
          `Tiêu chí ${index + 1}: chuẩn bị nội dung, tài liệu ặ ỡ ự${index % 3 === 0 ? ' (đã gửi trước cho đảng viên nghiên cứu)' : ''}`,
          '10',
          String(10 - (index % 4)),
        ]),
      },
      { kind: 'missing', text: 'Chưa có nghị quyết: chi bộ điểm chưa thông qua nghị quyết.' },
    ],
    signatures: [
      { role: 'Thư ký', name: 'Hoàng Thị Mỷ' },
      { onBehalfOf: 'T/M Chi bộ', role: 'Bí thư', name: 'Đặng Văn Lự' },
    ],
    recipients: ['Đảng ủy xã Na Hối (để báo cáo),', 'Lưu Chi bộ.'],
  };
}

/** The same document with every string decomposed (NFD), as some keyboards and pastes deliver text. */
function decomposed(document: PartyDocument): PartyDocument {
  return JSON.parse(JSON.stringify(document), (_, value: unknown) => (typeof value === 'string' ? value.normalize('NFD') : value));
}

const runsText = (runs: Run[]) => runs.map((run) => run.text).join('');
const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
const vi = (text: string) => text.normalize('NFC').toLocaleUpperCase('vi-VN');

/** A PDF's text per page, with the page number (top centre, from page 2 on) checked and taken off. */
function pdfBody(pdfPath: string): { pages: string[]; text: string } {
  const raw = pdfPagesText(pdfPath);
  const pages = raw.map((page, index) => {
    const lines = page.split('\n');
    if (index === 0) {
      expect(lines[0].trim()).not.toBe('1');
      return page;
    }
    expect(lines[0].trim()).toBe(String(index + 1));
    return lines.slice(1).join('\n');
  });
  return { pages, text: comparable(pages.join('\n')) };
}

describe('Party documents as DOCX and PDF', () => {
  it('writes every run of a diacritic-heavy Word file exactly, in Times New Roman, on A4 with 36-HD margins', async () => {
    const document = sampleDocument();
    const file = await renderDocx(decomposed(document));
    saveArtifact('sample.docx', file);
    const { parts, runs, paragraphs } = readDocx(file);

    for (const run of runs) {
      expect(run.text).toBe(run.text.normalize('NFC'));
      for (const script of ['ascii', 'hAnsi', 'cs', 'eastAsia']) expect(run.properties).toContain(`w:${script}="Times New Roman"`);
    }
    for (const part of ['word/document.xml', 'word/styles.xml', 'word/header1.xml', 'word/header2.xml']) {
      for (const [, font] of parts[part].matchAll(/w:(?:ascii|hAnsi|cs|eastAsia)="([^"]*)"/g)) expect(font).toBe('Times New Roman');
    }
    expect(parts['word/styles.xml']).toMatch(/<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"[^>]*\/><w:sz w:val="28"\/>/);

    const runTexts = new Set(runs.map((run) => run.text));
    for (const block of document.blocks) {
      if (block.kind !== 'paragraph') continue;
      const expected = runsText(block.runs).normalize('NFC').replace(/\r\n/g, '\n').replace(/\t/g, ' ');
      expect(paragraphs).toContain(expected);
      for (const run of block.runs.filter((item) => !/[\r\n\t]/.test(item.text))) expect(runTexts).toContain(run.text.normalize('NFC'));
    }
    for (const item of (document.blocks.find((block) => block.kind === 'list') as { items: Run[][] }).items) {
      const text = runsText(item);
      expect(paragraphs).toContain(text.startsWith('- ') ? text : `- ${text}`);
    }
    const table = document.blocks.find((block) => block.kind === 'table') as { columns: { title: string }[]; rows: string[][] };
    for (const cell of [...table.columns.map((column) => column.title), ...table.rows.flat()]) expect(paragraphs).toContain(cell.normalize('NFC'));
    expect(parts['word/document.xml']).toMatch(/<w:tr><w:trPr><w:cantSplit\/><w:tblHeader\/><\/w:trPr>/);

    // The header, the title and the closing as 36-HD sets them.
    const runWith = (text: string) => runs.find((run) => run.text === text)?.properties ?? `no run "${text}"`;
    expect(runWith('ĐẢNG BỘ XÃ NA HỐI')).not.toContain('<w:b/>');
    expect(runWith('CHI BỘ THÔN NA HỐI TÀY')).toContain('<w:b/>');
    expect(runWith('ĐẢNG CỘNG SẢN VIỆT NAM')).toMatch(/<w:b\/>.*<w:sz w:val="30"\/>.*<w:u w:val="single"\/>/s);
    expect(runWith('Na Hối, ngày 05 tháng 01 năm 2026')).toContain('<w:i/>');
    expect(runWith('Số 07-BB/CB')).toContain('<w:sz w:val="28"/>');
    expect(runWith('BIÊN BẢN')).toContain('<w:b/>');
    expect(runWith('sinh hoạt chi bộ điểm tháng 01 năm 2026')).toContain('<w:b/>');
    expect(runWith(LONG)).toMatch(/<w:sz w:val="28"\/>/);
    expect(runWith('Chưa có nghị quyết: chi bộ điểm chưa thông qua nghị quyết.')).toContain('<w:i/>');
    for (const text of ['T/M CHI BỘ', 'BÍ THƯ', 'THƯ KÝ', 'Đặng Văn Lự', 'Hoàng Thị Mỷ']) expect(runWith(text)).toContain('<w:b/>');
    expect(runWith('Nơi nhận:')).toContain('<w:u w:val="single"/>');
    expect(runWith('- Lưu Chi bộ.')).toContain('<w:sz w:val="24"/>');

    const section = /<w:sectPr>.*<\/w:sectPr>/s.exec(parts['word/document.xml'])?.[0] ?? '';
    expect(section).toContain(`<w:pgSz w:w="${twips(210)}" w:h="${twips(297)}" w:orient="portrait"/>`);
    expect(section).toContain(`w:top="${twips(20)}" w:right="${twips(15)}" w:bottom="${twips(20)}" w:left="${twips(30)}"`);
    expect(section).toContain('<w:titlePg/>');
    expect(parts['docProps/core.xml']).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-05T03:15:00Z</dcterms:modified>');
    expect(parts['docProps/core.xml']).toContain('<dc:title>Biên bản sinh hoạt chi bộ điểm tháng 01 năm 2026</dc:title>');
  });

  it('prints every letter of the same document into a PDF that embeds its fonts, numbers its pages and keeps its order', async () => {
    const document = sampleDocument();
    const pdfPath = saveArtifact('sample.pdf', await renderPdf(decomposed(document)));
    const { pages, text } = pdfBody(pdfPath);
    expect(pages.length).toBeGreaterThanOrEqual(4);

    // The header's two columns: pdftotext may read them side by side or one after the other.
    for (const piece of ['ĐẢNG BỘ XÃ NA HỐI', 'CHI BỘ THÔN NA HỐI TÀY', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Số 07-BB/CB', 'Na Hối, ngày 05 tháng 01 năm 2026']) {
      expect(comparable(pages[0])).toContain(comparable(piece));
    }
    const expected = [
      'BIÊN BẢN',
      document.heading.subject ?? '',
      ...document.blocks.flatMap((block) => {
        switch (block.kind) {
          case 'paragraph':
            return [runsText(block.runs)];
          case 'section':
          case 'missing':
            return [block.text];
          case 'list':
            return block.items.map((item) => runsText(item));
          case 'table':
            return [];
        }
      }),
    ].map(comparable);
    let from = 0;
    for (const piece of expected) {
      const at = text.indexOf(piece, from);
      expect(at === -1 ? `missing or out of order: ${piece}` : 'found').toBe('found');
      from = at + piece.length;
    }
    const table = document.blocks.find((block) => block.kind === 'table') as { columns: { title: string }[]; rows: string[][] };
    for (const cell of table.rows.flat()) expect(text).toContain(comparable(cell));
    // The table runs onto a second page, and its title row comes again there.
    expect(text.split(comparable('Điểm tối đa')).length - 1).toBeGreaterThanOrEqual(2);
    for (const piece of ['THƯ KÝ', 'T/M CHI BỘ', 'BÍ THƯ', 'Đặng Văn Lự', 'Hoàng Thị Mỷ', 'Nơi nhận:', '- Đảng ủy xã Na Hối (để báo cáo),', '- Lưu Chi bộ.']) {
      expect(text).toContain(comparable(piece));
    }

    const fonts = pdfFonts(pdfPath);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const font of fonts) expect(font).toMatchObject({ embedded: true, subset: true, unicode: true, name: expect.stringMatching(/\+Tinos-/) });

    const images = pdfPagesAsPng(pdfPath, 'sample');
    expect(images).toHaveLength(pages.length);
  });

  it('gives the same bytes for the same document, whatever was rendered before and whether it came composed or not', async () => {
    const document = sampleDocument();
    const other: PartyDocument = { ...sampleDocument(), title: 'Giấy mời', signatures: [{ onBehalfOf: 'T/M Đảng ủy', role: 'Phó Bí thư' }] };
    const docx = await renderDocx(document);
    const pdf = await renderPdf(document);
    await renderDocx(other);
    await renderPdf(other);
    expect((await renderDocx(document)).equals(docx)).toBe(true);
    expect((await renderPdf(document)).equals(pdf)).toBe(true);
    expect((await renderDocx(decomposed(document))).equals(docx)).toBe(true);
    expect((await renderPdf(decomposed(document))).equals(pdf)).toBe(true);

    // The bytes follow the cycle: a later change is a different file.
    const later = { ...document, fixedAt: '2026-01-06T03:15:00.000Z' };
    expect((await renderDocx(later)).equals(docx)).toBe(false);
    expect((await renderPdf(later)).equals(pdf)).toBe(false);
  });

  it('leaves a date not known yet to be written by hand, and lays out a one-signer document with "Nơi nhận" beside it', async () => {
    const invitation: PartyDocument = {
      title: 'Giấy mời dự sinh hoạt chi bộ điểm',
      fixedAt: '2026-12-31T23:30:00.000Z',
      header: { upperBody: 'Đảng bộ huyện Bắc Hà', issuer: 'Đảng ủy xã Na Hối' },
      placeAndDate: { place: 'Na Hối', day: null },
      heading: { kind: 'Giấy mời' },
      blocks: [
        { kind: 'paragraph', firstLineIndent: true, runs: [{ text: 'Đảng ủy xã Na Hối trân trọng mời ' }, { text: 'Chi bộ thôn Sín Chải A', bold: true }, { text: ' cử đồng chí dự sinh hoạt chi bộ điểm.' }] },
        { kind: 'paragraph', firstLineIndent: true, runs: [{ text: 'Thời gian: 8 giờ 00, thứ Năm, ngày 11 tháng 12 năm 2026.' }] },
      ],
      signatures: [{ onBehalfOf: 'T/M Đảng ủy', role: 'Phó Bí thư' }],
      recipients: ['Như trên,', 'Lưu Văn phòng Đảng ủy.'],
    };
    const dateToFill = 'Na Hối, ngày … tháng … năm 20…';
    const docx = await renderDocx(invitation);
    saveArtifact('invitation.docx', docx);
    const { runs } = readDocx(docx);
    expect(runs.map((run) => run.text)).toContain(dateToFill);

    const pdfPath = saveArtifact('invitation.pdf', await renderPdf(invitation));
    const { pages, text } = pdfBody(pdfPath);
    expect(pages).toHaveLength(1);
    expect(text).toContain(comparable(dateToFill));
    expect(text).toContain(comparable(`${vi('T/M Đảng ủy')} ${vi('Phó Bí thư')}`));
    expect(pdfPagesAsPng(pdfPath, 'invitation')).toHaveLength(1);
  });

  it('never parts a signer from the name under the signature when the closing meets the end of a page', async () => {
    let movedToNextPage = 0;
    for (let lines = 14; lines <= 27; lines += 1) {
      const document: PartyDocument = {
        ...sampleDocument(),
        blocks: Array.from({ length: lines }, (_, index) => ({ kind: 'paragraph' as const, runs: [{ text: `Dòng ${index + 1}: ý kiến ngắn.` }] })),
      };
      const pdfPath = saveArtifact('closing.pdf', await renderPdf(document));
      const { pages } = pdfBody(pdfPath);
      const pageOf = (piece: string) => pages.findIndex((page) => comparable(page).includes(comparable(piece)));
      const lastLine = pageOf(`Dòng ${lines}: ý kiến ngắn.`);
      const closing = ['THƯ KÝ', 'T/M CHI BỘ', 'BÍ THƯ', 'Hoàng Thị Mỷ', 'Đặng Văn Lự'].map(pageOf);
      expect(new Set(closing).size).toBe(1);
      expect(closing[0]).toBeGreaterThanOrEqual(lastLine);
      if (closing[0] > lastLine) movedToNextPage += 1;
    }
    // Some of these lengths leave too little room on the page for the closing: it moved, whole.
    expect(movedToNextPage).toBeGreaterThan(0);
  });
});
