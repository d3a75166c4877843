import { describe, expect, it } from '@jest/globals';
import { COMMITTEE_NAME, documentFixture, HOST_NAME } from '../../../test/support/document-cycle.fixture.js';
import { documentLines, documentText, expectClean, expectedBand, listItems, missingTexts, tables, vietnameseNumber } from '../../../test/support/document-text.js';
import { buildConclusion } from './conclusion.document.js';

const STAGES: [string, string][] = [
  ['preparation', 'Công tác chuẩn bị'],
  ['procedure', 'Trình tự, thủ tục sinh hoạt'],
  ['content', 'Nội dung sinh hoạt'],
  ['chairing', 'Điều hành của đồng chí chủ trì'],
  ['minutes', 'Biên bản, nghị quyết'],
  ['tasks', 'Phân công nhiệm vụ'],
];
const KINDS = ['strength', 'weakness', 'suggestion'];

describe('Thông báo kết luận', () => {
  it('gives the committee’s rating with its words and its sheet, dated the day it rated', () => {
    const { source, entered } = documentFixture();
    const doc = buildConclusion(source);
    expect(doc.header).toEqual({ upperBody: 'ĐẢNG BỘ XÃ NA HỐI', issuer: 'ĐẢNG ỦY XÃ NA HỐI', number: 'Số …-TB/ĐU' });
    expect(doc.heading).toEqual({ kind: 'THÔNG BÁO', subject: `kết luận về sinh hoạt chi bộ điểm tháng 12 năm 2026 tại ${HOST_NAME}` });
    expect(doc.placeAndDate).toEqual({ place: 'Na Hối', day: '2026-12-18' });
    expect(doc.fixedAt).toBe(source.cycle.updatedAt);
    const text = documentText(doc);
    expect(text).toContain('Đảng ủy xếp loại chất lượng buổi sinh hoạt: Khá.');
    expect(documentLines(doc)).toContain(source.cycle.review!.comment);
    expect(text).toContain(`Ngày 05/12/2026, ${HOST_NAME} tổ chức sinh hoạt chi bộ điểm (chuyên đề, nội dung: ${source.cycle.topic}) tại Nhà văn hóa thôn Na Hối Tày, có đại biểu của 3 chi bộ dự.`);
    // the committee's own sheet, and the host's own score beside it, each worked out here
    const committee = expectedBand(source.cycle.rubric.criteria, { time: 5, attendance: 5, preparation: 9, conduct: 26, speaking: 8, principles: 5, results: 24, closing: 5 });
    const sheet = tables(doc).find((table) => table.columns[2].title === 'Điểm Đảng ủy chấm')!;
    expect(sheet.rows.at(-1)).toEqual(['Tổng cộng', '100', vietnameseNumber(committee.total)]);
    expect(text).toContain(`Tổng điểm: ${vietnameseNumber(committee.total)}/100; xếp loại theo thang điểm: ${committee.band}.`);
    const self = expectedBand(source.cycle.rubric.criteria, source.cycle.meeting!.selfScores!);
    expect(text).toContain(`Chi bộ điểm tự chấm ${vietnameseNumber(self.total)}/100 điểm, xếp loại theo thang điểm: ${self.band}.`);
    expect(text).toContain('Theo biên bản, buổi sinh hoạt còn điểm chưa đạt: có đảng viên vắng mặt không có lý do.');
    expect(doc.signatures).toEqual([{ onBehalfOf: 'T/M ĐẢNG ỦY', role: 'BÍ THƯ' }]);
    expect(doc.recipients).toEqual([`- ${HOST_NAME} (chi bộ điểm);`, '- Các chi bộ được mời;', '- Lưu Văn phòng Đảng ủy.']);
    expect(missingTexts(doc)).toEqual([]);
    expectClean(doc, entered);
  });

  it('sums the critiques up by stage and kind, counted here, then gives the points themselves', () => {
    const { source } = documentFixture();
    const doc = buildConclusion(source);
    const all = source.cycle.critiques.flatMap((critique) => critique.points);
    const counts = tables(doc).find((table) => table.columns[0].title === 'Khâu')!;
    expect(counts.columns.map((column) => column.title)).toEqual(['Khâu', 'Ưu điểm', 'Hạn chế', 'Đề xuất']);
    const expected = STAGES.map(([stage, label]) => [label, ...KINDS.map((kind) => String(all.filter((p) => p.stage === stage && p.kind === kind).length))]);
    expected.push(['Tổng cộng', ...KINDS.map((kind) => String(all.filter((p) => p.kind === kind).length))]);
    expect(counts.rows).toEqual(expected);
    expect(counts.rows.at(-1)).toEqual(['Tổng cộng', '3', '4', '2']);
    const items = listItems(doc);
    for (const point of all) expect(items).toContain(point.text);
    // the chairing stage: its strength (the guest's) before its weakness (Ngải Thầu's), though typed the other way round
    const strength = items.indexOf('Đồng chí chủ trì kết luận ngắn gọn, rõ việc, rõ người.');
    const weakness = items.indexOf('Phần điều hành còn dài, đồng chí chủ trì chưa gợi mở để đảng viên phát biểu.');
    expect(strength).toBeLessThan(weakness);
    expect(documentText(doc)).toContain(
      'Đảng ủy nhận được 3 phiếu nhận xét, góp ý của: Chi bộ thôn Ngải Thầu; Chi bộ thôn Sín Chải A; đồng chí Hoàng Văn Khởi, đại biểu cấp trên.',
    );
  });

  it('gives the lessons to spread, the host’s commitments and what each invited cell recorded it adopts', () => {
    const { source, entered } = documentFixture();
    const doc = buildConclusion(source);
    const report = source.cycle.report!;
    const items = listItems(doc);
    for (const lesson of report.lessons) expect(items).toContain(lesson);
    const actions = tables(doc).find((table) => table.columns[1].title === 'Việc cần làm')!;
    expect(actions.rows).toEqual(report.actionItems.map((item, index) => [String(index + 1), item.title, item.owner, item.dueDate.split('-').reverse().join('/')]));
    expect(items.slice(-4)).toEqual([
      'Chi bộ thôn Ngải Thầu: chưa ghi nhận nội dung vận dụng',
      'Chi bộ thôn Sín Chải A: “Áp dụng cách gửi tài liệu sớm kèm câu hỏi gợi ý thảo luận.”',
      'Chi bộ thôn Cốc Môi: chưa ghi nhận nội dung vận dụng',
      'Chi bộ Trường Tiểu học Na Hối: chưa ghi nhận nội dung vận dụng',
    ]);
    expect(documentText(doc)).toContain('Đề nghị các chi bộ được mời vận dụng những bài học kinh nghiệm trên vào sinh hoạt của chi bộ mình.');
    expectClean(doc, entered);
  });

  it('says there is no conclusion yet while the report is sent back or waits for the committee, with no day', () => {
    const { source, entered } = documentFixture();
    source.cycle.status = 'REPORTING';
    source.cycle.review = { decision: 'revise', rating: null, comment: 'Đề nghị giải trình rõ ý kiến về biên bản.', reviewedAt: '2026-12-12T02:00:00.000Z', reviewedBy: source.cycle.id };
    const sentBack = buildConclusion(source);
    expect(sentBack.placeAndDate.day).toBeNull();
    expect(missingTexts(sentBack)).toEqual(['Chưa có kết luận: Đảng ủy đã đề nghị chi bộ điểm hoàn thiện báo cáo rút kinh nghiệm.']);
    expect(documentText(sentBack)).not.toContain('Đề nghị các chi bộ được mời vận dụng');
    expect(documentText(sentBack)).not.toContain('kết luận như sau');
    expectClean(sentBack, entered);

    source.cycle.status = 'REVIEW';
    expect(missingTexts(buildConclusion(source))).toEqual(['Chưa có kết luận: chi bộ điểm đã gửi báo cáo hoàn thiện, Đảng ủy chưa đánh giá, xếp loại.']);
  });

  it('says “chưa có” for every part of a cycle still waiting for its meeting', () => {
    const { source, entered } = documentFixture();
    Object.assign(source.cycle, { status: 'SCHEDULED', meeting: null, critiques: [], report: null, review: null });
    source.cycle.invitations.forEach((invitation) => (invitation.adoption = null));
    const doc = buildConclusion(source);
    expect(doc.placeAndDate.day).toBeNull();
    expect(missingTexts(doc)).toEqual([
      'Chưa có buổi sinh hoạt: chi bộ điểm chưa ghi nhận buổi sinh hoạt.',
      'Chưa có kết luận: Đảng ủy chưa đánh giá, xếp loại buổi sinh hoạt.',
      'Chưa có nhận xét, góp ý.',
      'Chưa có bài học kinh nghiệm.',
      'Chưa có việc cần làm.',
    ]);
    expect(tables(doc)).toEqual([]);
    expectClean(doc, entered);
  });

  it('is the same document for the same cycle', () => {
    const { source } = documentFixture();
    const again = { ...source, cycle: structuredClone(source.cycle), cellNames: new Map(source.cellNames) };
    expect(buildConclusion(again)).toEqual(buildConclusion(source));
  });

  it('names the committee as typed in its running text', () => {
    const { source } = documentFixture();
    expect(documentText(buildConclusion(source))).toContain(`${COMMITTEE_NAME} kết luận như sau:`);
  });
});
