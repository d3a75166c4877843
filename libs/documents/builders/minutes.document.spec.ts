import { describe, expect, it } from '@jest/globals';
import { COMMITTEE_NAME, documentFixture, HOST_NAME, HOST_SECRETARY } from '../../../test/support/document-cycle.fixture.js';
import { documentLines, documentText, expectClean, expectedBand, listItems, missingTexts, tables, vietnameseNumber } from '../../../test/support/document-text.js';
import { buildMinutes } from './minutes.document.js';

describe('Biên bản sinh hoạt chi bộ điểm', () => {
  it('records the meeting as the host entered it, dated the meeting’s day', () => {
    const { source, entered } = documentFixture();
    const doc = buildMinutes(source);
    const meeting = source.cycle.meeting!;
    const text = documentText(doc);
    expect(doc.header).toEqual({ upperBody: 'ĐẢNG BỘ XÃ NA HỐI', issuer: 'CHI BỘ THÔN NA HỐI TÀY', number: 'Số …-BB/CB' });
    expect(doc.heading).toEqual({ kind: 'BIÊN BẢN', subject: 'sinh hoạt chi bộ điểm tháng 12 năm 2026' });
    expect(doc.placeAndDate).toEqual({ place: 'Na Hối', day: '2026-12-05' });
    expect(doc.fixedAt).toBe(source.cycle.updatedAt);
    expect(text).toContain(`Hôm nay, vào lúc 8 giờ 00, thứ Bảy, ngày 05/12/2026, tại Nhà văn hóa thôn Na Hối Tày, ${HOST_NAME} tổ chức sinh hoạt chi bộ điểm.`);
    expect(text).toContain('Buổi sinh hoạt kết thúc vào lúc 10 giờ 15, thứ Bảy, ngày 05/12/2026; thời lượng 135 phút.');
    expect(text).toContain('Tổng số đảng viên của chi bộ: 24; miễn sinh hoạt: 0; có mặt: 21; vắng có lý do: 2; vắng không có lý do: 1.');
    expect(text).toContain('Hình thức: Sinh hoạt chuyên đề kết hợp sinh hoạt thường kỳ');
    expect(text).toContain(`Chuyên đề, nội dung: ${source.cycle.topic}`);
    const lines = documentLines(doc);
    for (const line of meeting.minutes.split('\n').filter((line) => line !== '')) expect(lines).toContain(line);
    expect(lines).toContain(meeting.resolution);
    expect(missingTexts(doc)).toEqual([]);
    expectClean(doc, entered);
  });

  it('lists the attending cells with the delegates their invitations named, the invited guests and the agenda; not the cell that declined', () => {
    const { source, entered } = documentFixture();
    const doc = buildMinutes(source);
    expect(listItems(doc)).toEqual([
      'Chi bộ thôn Ngải Thầu – đồng chí dự: Thào A Dình',
      'Chi bộ thôn Sín Chải A – đồng chí dự: Hoàng Thị Lìu',
      'Chi bộ Trường Tiểu học Na Hối – chưa báo tên đồng chí dự',
      'Đồng chí Hoàng Văn Khởi',
      'Đồng chí Lục Thị Hoa',
      ...source.cycle.plan!.agenda,
    ]);
    expect(documentText(doc)).not.toContain('Cốc Môi');
    expectClean(doc, entered);
  });

  it('leaves the chair and the minute-taker to the hand and names only the secretary the organisation knows', () => {
    const { source } = documentFixture();
    const doc = buildMinutes(source);
    const lines = documentLines(doc);
    expect(lines.find((line) => line.startsWith('Chủ trì:'))).toMatch(/^Chủ trì: …+$/);
    expect(lines.find((line) => line.startsWith('Thư ký:'))).toMatch(/^Thư ký: …+$/);
    expect(doc.signatures).toEqual([{ role: 'THƯ KÝ' }, { onBehalfOf: 'T/M CHI BỘ', role: 'BÍ THƯ', name: HOST_SECRETARY }]);
    expect(doc.recipients).toEqual([`- ${COMMITTEE_NAME} (b/c);`, '- Lưu chi bộ.']);
  });

  it('gives the self-score sheet against the pinned rubric with its total and band, worked out here', () => {
    const { source } = documentFixture();
    const doc = buildMinutes(source);
    const { criteria } = source.cycle.rubric;
    const scores = source.cycle.meeting!.selfScores!;
    const [sheet] = tables(doc);
    expect(sheet.columns.map((column) => column.title)).toEqual(['Tiêu chí', 'Điểm tối đa', 'Điểm chi bộ tự chấm']);
    expect(sheet.rows.slice(0, -1)).toEqual(criteria.map((criterion) => [criterion.label, String(criterion.maxPoints), vietnameseNumber(scores[criterion.id])]));
    const { total, band } = expectedBand(criteria, scores);
    // 93,5 points, but not full points on members speaking: Khá, not Tốt, and the paper says why
    expect(band).toBe('Khá');
    const short = criteria.filter((criterion) => criterion.requiredForTop && scores[criterion.id] !== criterion.maxPoints).map((criterion) => criterion.label);
    expect(short).toEqual(['Đảng viên tham gia phát biểu, thảo luận']);
    expect(sheet.rows.at(-1)).toEqual(['Tổng cộng', '100', vietnameseNumber(total)]);
    expect(documentText(doc)).toContain(
      `Tổng điểm: ${vietnameseNumber(total)}/100; xếp loại theo thang điểm: ${band} (tổng điểm đạt mức Tốt nhưng chưa đạt điểm tối đa ở tiêu chí: ${short.join('; ')}).`,
    );
  });

  it('says what is not recorded: no minutes at all before the meeting, no resolution, no self-score', () => {
    const { source, entered } = documentFixture();
    const before = structuredClone(source.cycle);
    Object.assign(before, { status: 'SCHEDULED', meeting: null, critiques: [], report: null, review: null });
    const empty = buildMinutes({ ...source, cycle: before });
    expect(empty.placeAndDate.day).toBeNull();
    expect(missingTexts(empty)).toEqual(['Chưa có biên bản: chi bộ điểm chưa ghi nhận buổi sinh hoạt.']);
    expect(tables(empty)).toEqual([]);
    expectClean(empty, entered);

    Object.assign(source.cycle.meeting!, { resolution: null, selfScores: null, selfScoreTotal: null, selfRating: null });
    const partial = buildMinutes(source);
    expect(missingTexts(partial)).toEqual(['Chưa có nghị quyết.', 'Chi bộ chưa tự chấm điểm.']);
    expectClean(partial, entered);
  });

  it('still names a cell the organisation no longer lists, never by its id', () => {
    const { source, cells, entered } = documentFixture();
    const cellNames = new Map(source.cellNames);
    cellNames.delete(cells.ngaiThau);
    const doc = buildMinutes({ ...source, cellNames });
    expect(listItems(doc)[0]).toBe('Chi bộ chưa rõ tên – đồng chí dự: Thào A Dình');
    expectClean(doc, entered);
  });

  it('is the same document for the same cycle', () => {
    const { source } = documentFixture();
    const again = { ...source, cycle: structuredClone(source.cycle), cellNames: new Map(source.cellNames) };
    expect(buildMinutes(again)).toEqual(buildMinutes(source));
  });
});
