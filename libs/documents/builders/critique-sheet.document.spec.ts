import { describe, expect, it } from '@jest/globals';
import { COMMITTEE_NAME, documentFixture, HOST_NAME } from '../../../test/support/document-cycle.fixture.js';
import { blockLines, documentText, expectClean, expectedBand, missingTexts, tables, vietnameseNumber } from '../../../test/support/document-text.js';
import { DomainError } from '../../domain/domain-error.js';
import type { PartyDocument } from '../party-document.js';
import { buildCritiqueSheet } from './critique-sheet.document.js';

/** The stages and kinds as the office reads them, in the meeting's order ("từng khâu, từng việc"). */
const STAGES: [string, string][] = [
  ['preparation', 'Công tác chuẩn bị'],
  ['procedure', 'Trình tự, thủ tục sinh hoạt'],
  ['content', 'Nội dung sinh hoạt'],
  ['chairing', 'Điều hành của đồng chí chủ trì'],
  ['minutes', 'Biên bản, nghị quyết'],
  ['tasks', 'Phân công nhiệm vụ'],
];
const KINDS: [string, string][] = [
  ['strength', 'Ưu điểm:'],
  ['weakness', 'Hạn chế:'],
  ['suggestion', 'Đề xuất:'],
];

/** The body between the first two sections, line by line: the points grouped as the paper prints them. */
function pointLines(doc: PartyDocument): string[] {
  const first = doc.blocks.findIndex((block) => block.kind === 'section');
  const second = doc.blocks.findIndex((block, index) => index > first && block.kind === 'section');
  return doc.blocks.slice(first + 1, second).flatMap(blockLines);
}

/** The same grouping worked out here from the points as entered. */
function expectedPointLines(points: { stage: string; kind: string; text: string }[]): string[] {
  const lines: string[] = [];
  for (const [stage, stageLabel] of STAGES.filter(([stage]) => points.some((point) => point.stage === stage))) {
    const number = lines.filter((line) => /^\d+\. /.test(line)).length + 1;
    lines.push(`${number}. ${stageLabel}`);
    for (const [kind, kindLabel] of KINDS) {
      const texts = points.filter((point) => point.stage === stage && point.kind === kind).map((point) => point.text);
      if (texts.length > 0) lines.push(kindLabel, ...texts);
    }
  }
  return lines;
}

describe('Phiếu nhận xét, góp ý', () => {
  it('gives a visiting cell’s points grouped by stage then kind, its sheet with total and band, and the rating it proposes', () => {
    const { source, critiques, entered } = documentFixture();
    const doc = buildCritiqueSheet(source, critiques.ngaiThau);
    const critique = source.cycle.critiques[0];
    expect(doc.header).toEqual({ upperBody: 'ĐẢNG BỘ XÃ NA HỐI', issuer: 'CHI BỘ THÔN NGẢI THẦU' });
    expect(doc.heading).toEqual({ kind: 'PHIẾU NHẬN XÉT, GÓP Ý', subject: `buổi sinh hoạt chi bộ điểm tháng 12 năm 2026 tại ${HOST_NAME}` });
    expect(doc.placeAndDate).toEqual({ place: 'Na Hối', day: '2026-12-06' });
    expect(doc.fixedAt).toBe(source.cycle.updatedAt);
    // preparation (strength, weakness), content (suggestion), chairing (weakness): the order of the stages, not of typing
    expect(pointLines(doc)).toEqual(expectedPointLines(critique.points));
    expect(pointLines(doc).slice(0, 5)).toEqual([
      '1. Công tác chuẩn bị',
      'Ưu điểm:',
      'Chi bộ gửi tài liệu sinh hoạt trước 3 ngày, đầy đủ, rõ ràng.',
      'Hạn chế:',
      'Phòng họp thiếu ánh sáng, chưa treo khẩu hiệu.',
    ]);
    const { total, band } = expectedBand(source.cycle.rubric.criteria, critique.scores!);
    const [sheet] = tables(doc);
    expect(sheet.rows.at(-1)).toEqual(['Tổng cộng', '100', vietnameseNumber(total)]);
    const text = documentText(doc);
    expect(text).toContain(`Tổng điểm: ${vietnameseNumber(total)}/100; xếp loại theo thang điểm: ${band}.`);
    expect(text).toContain('Đề xuất xếp loại chất lượng buổi sinh hoạt: Khá.');
    expect(text).toContain('Chi bộ nhận xét, góp ý: Chi bộ thôn Ngải Thầu');
    expect(text).toContain('Buổi sinh hoạt: 8 giờ 00, thứ Bảy, ngày 05/12/2026, tại Nhà văn hóa thôn Na Hối Tày');
    // only this cell's points: another cell's or the guest's are not on its sheet
    for (const other of source.cycle.critiques.slice(1).flatMap((c) => c.points)) expect(text).not.toContain(other.text);
    expect(doc.signatures).toEqual([{ onBehalfOf: 'T/M CHI BỘ', role: 'BÍ THƯ' }]);
    expect(doc.recipients).toEqual([`- ${COMMITTEE_NAME} (b/c);`, `- ${HOST_NAME};`, '- Lưu chi bộ.']);
    expectClean(doc, entered);
  });

  it('marks each criterion a partial sheet left out and gives no band for it; no proposal says so', () => {
    const { source, critiques, entered } = documentFixture();
    const doc = buildCritiqueSheet(source, critiques.sinChaiA);
    const critique = source.cycle.critiques[1];
    const [sheet] = tables(doc);
    const unscored = sheet.rows.filter((row) => row[2] === 'chưa chấm').map((row) => row[0]);
    expect(unscored).toEqual(source.cycle.rubric.criteria.filter((criterion) => !(criterion.id in critique.scores!)).map((criterion) => criterion.label));
    const { total, band } = expectedBand(source.cycle.rubric.criteria, critique.scores!);
    expect(band).toBeNull();
    expect(documentText(doc)).toContain(`Tổng điểm: ${vietnameseNumber(total)}/100; phiếu chấm chưa đủ các tiêu chí nên chưa xếp loại theo thang điểm.`);
    expect(missingTexts(doc)).toEqual(['Không đề xuất xếp loại.']);
    expect(pointLines(doc)).toEqual(expectedPointLines(critique.points));
    expectClean(doc, entered);
  });

  it('gives an upper-level guest’s sheet under the committee’s header, signed with the guest’s name', () => {
    const { source, critiques, entered } = documentFixture();
    const doc = buildCritiqueSheet(source, critiques.guest);
    const critique = source.cycle.critiques[2];
    expect(doc.header).toEqual({ upperBody: 'ĐẢNG BỘ XÃ NA HỐI', issuer: 'ĐẢNG ỦY XÃ NA HỐI' });
    expect(doc.placeAndDate.day).toBe('2026-12-07');
    expect(pointLines(doc)).toEqual(expectedPointLines(critique.points));
    const text = documentText(doc);
    expect(text).toContain('Đại biểu cấp trên nhận xét, góp ý: đồng chí Hoàng Văn Khởi');
    expect(text).toContain('Đề xuất xếp loại chất lượng buổi sinh hoạt: Trung bình.');
    expect(missingTexts(doc)).toEqual(['Đại biểu không chấm điểm.']);
    expect(tables(doc)).toEqual([]);
    expect(doc.signatures).toEqual([{ role: 'NGƯỜI NHẬN XÉT, GÓP Ý', name: 'Hoàng Văn Khởi' }]);
    expect(doc.recipients).toEqual([`- ${COMMITTEE_NAME};`, `- ${HOST_NAME}.`]);
    expectClean(doc, entered);
  });

  it('names a guest the visitor’s view does not name by the title alone, never by an id', () => {
    const { source, critiques, entered } = documentFixture();
    delete source.cycle.critiques[2].guestName;
    const doc = buildCritiqueSheet(source, critiques.guest);
    expect(documentText(doc)).toContain('Đại biểu cấp trên nhận xét, góp ý: chưa rõ tên');
    expect(doc.signatures).toEqual([{ role: 'NGƯỜI NHẬN XÉT, GÓP Ý' }]);
    expectClean(doc, entered);
  });

  it('signs a visiting cell’s sheet with its secretary’s name where the organisation knows it', () => {
    const { source, cells, critiques } = documentFixture();
    const doc = buildCritiqueSheet({ ...source, secretaryNames: new Map([[cells.ngaiThau, 'Sùng A Tủa']]) }, critiques.ngaiThau);
    expect(doc.signatures).toEqual([{ onBehalfOf: 'T/M CHI BỘ', role: 'BÍ THƯ', name: 'Sùng A Tủa' }]);
  });

  it('is no paper for a critique the cycle does not hold', () => {
    const { source } = documentFixture();
    expect(() => buildCritiqueSheet(source, source.cycle.id)).toThrow(DomainError);
  });

  it('is the same document for the same cycle', () => {
    const { source, critiques } = documentFixture();
    const again = { ...source, cycle: structuredClone(source.cycle), cellNames: new Map(source.cellNames) };
    expect(buildCritiqueSheet(again, critiques.guest)).toEqual(buildCritiqueSheet(source, critiques.guest));
    expect(buildCritiqueSheet(again, critiques.ngaiThau)).toEqual(buildCritiqueSheet(source, critiques.ngaiThau));
  });
});
