import { describe, expect, it } from '@jest/globals';
import { COMMITTEE_NAME, documentFixture, HOST_SECRETARY } from '../../../test/support/document-cycle.fixture.js';
import { documentText, expectClean, listItems, missingTexts, tables } from '../../../test/support/document-text.js';
import { placeAndDateLine } from '../party-date.js';
import { buildLessonsReport } from './lessons-report.document.js';

const STANCES: Record<string, string> = { accept: 'Tiếp thu', partly: 'Tiếp thu một phần', disagree: 'Giải trình, bảo lưu' };
const KINDS: Record<string, string> = { weakness: 'Hạn chế', suggestion: 'Đề xuất' };

describe('Báo cáo rút kinh nghiệm', () => {
  it('quotes each weakness and suggestion with who raised it, the host’s stance and its answer; no strength', () => {
    const { source, entered } = documentFixture();
    const doc = buildLessonsReport(source);
    const { critiques, report } = source.cycle;
    const items = listItems(doc);
    const authors = ['Chi bộ thôn Ngải Thầu', 'Chi bộ thôn Sín Chải A', 'đồng chí Hoàng Văn Khởi, đại biểu cấp trên'];
    critiques.forEach((critique, index) => {
      for (const point of critique.points) {
        const line = items.find((item) => item.includes(`“${point.text}”`));
        if (point.kind === 'strength') {
          expect(line).toBeUndefined();
          continue;
        }
        const response = report!.responses.find((candidate) => candidate.pointId === point.id)!;
        expect(line).toBe(`${KINDS[point.kind]} (${authors[index]}): “${point.text}” – ${STANCES[response.stance]}: ${response.text}`);
      }
    });
    expect(items.filter((item) => item.includes('“'))).toHaveLength(report!.responses.length);
    expectClean(doc, entered);
  });

  it('groups the answers by stage in the meeting’s order', () => {
    const { source } = documentFixture();
    const doc = buildLessonsReport(source);
    const stageLines = doc.blocks
      .filter((block) => block.kind === 'paragraph' && block.runs.length === 1 && block.runs[0].bold)
      .map((block) => (block.kind === 'paragraph' ? block.runs[0].text : ''));
    // the weaknesses and suggestions are about preparation, procedure, content, chairing, minutes and tasks
    expect(stageLines).toEqual([
      '1. Công tác chuẩn bị',
      '2. Trình tự, thủ tục sinh hoạt',
      '3. Nội dung sinh hoạt',
      '4. Điều hành của đồng chí chủ trì',
      '5. Biên bản, nghị quyết',
      '6. Phân công nhiệm vụ',
    ]);
  });

  it('gives the lessons and the action items with owner and due day, dated the day it was filed in Vietnam', () => {
    const { source, entered } = documentFixture();
    const doc = buildLessonsReport(source);
    const report = source.cycle.report!;
    expect(doc.header).toEqual({ upperBody: 'ĐẢNG BỘ XÃ NA HỐI', issuer: 'CHI BỘ THÔN NA HỐI TÀY', number: 'Số …-BC/CB' });
    expect(doc.heading).toEqual({ kind: 'BÁO CÁO', subject: 'rút kinh nghiệm sinh hoạt chi bộ điểm tháng 12 năm 2026' });
    // filed at 18:30 UTC on 15 December: 01:30 on the 16th in Na Hối
    expect(placeAndDateLine(doc.placeAndDate.place, doc.placeAndDate.day)).toBe('Na Hối, ngày 16 tháng 12 năm 2026');
    expect(listItems(doc).slice(-2)).toEqual(report.lessons);
    const [items] = tables(doc);
    expect(items.columns.map((column) => column.title)).toEqual(['TT', 'Việc cần làm', 'Người thực hiện', 'Hạn hoàn thành']);
    expect(items.rows).toEqual([
      ['1', 'Bổ sung số liệu hộ nghèo vào nghị quyết tháng 1', 'Đồng chí Lò Văn Pằng', '31/12/2026'],
      ['2', 'Tập huấn ghi biên bản cho chi ủy viên', 'Đồng chí Hà Thị Nga', '15/01/2027'],
    ]);
    const text = documentText(doc);
    expect(text).toContain('Báo cáo hoàn thiện lần 1 theo ý kiến của Đảng ủy.');
    expect(text).toContain('Sau buổi sinh hoạt, chi bộ nhận được nhận xét, góp ý của: Chi bộ thôn Ngải Thầu; Chi bộ thôn Sín Chải A; đồng chí Hoàng Văn Khởi, đại biểu cấp trên.');
    expect(missingTexts(doc)).toEqual([]);
    expect(doc.signatures).toEqual([{ onBehalfOf: 'T/M CHI BỘ', role: 'BÍ THƯ', name: HOST_SECRETARY }]);
    expect(doc.recipients).toEqual([`- ${COMMITTEE_NAME} (b/c);`, '- Các chi bộ được mời;', '- Lưu chi bộ.']);
    expectClean(doc, entered);
  });

  it('says “chưa có” for every part before the host has filed, with no day', () => {
    const { source, entered } = documentFixture();
    Object.assign(source.cycle, { status: 'REPORTING', report: null, review: null });
    const doc = buildLessonsReport(source);
    expect(doc.placeAndDate.day).toBeNull();
    expect(missingTexts(doc)).toEqual([
      'Chưa có báo cáo rút kinh nghiệm: chi bộ điểm chưa gửi báo cáo.',
      'Chưa có ý kiến tiếp thu, giải trình của chi bộ điểm.',
      'Chưa có bài học kinh nghiệm.',
      'Chưa có việc cần làm.',
    ]);
    expect(tables(doc)).toEqual([]);
    for (const critique of source.cycle.critiques) for (const point of critique.points) expect(documentText(doc)).not.toContain(point.text);
    expectClean(doc, entered);
  });

  it('says the committee sent the report back, with its words, while the host has not refiled', () => {
    const { source, entered } = documentFixture();
    source.cycle.status = 'REPORTING';
    source.cycle.report!.revision = 0;
    source.cycle.review = { decision: 'revise', rating: null, comment: 'Đề nghị giải trình rõ ý kiến về biên bản.', reviewedAt: '2026-12-12T02:00:00.000Z', reviewedBy: source.cycle.id };
    const doc = buildLessonsReport(source);
    expect(missingTexts(doc)).toEqual(['Đảng ủy đã đề nghị hoàn thiện báo cáo này: “Đề nghị giải trình rõ ý kiến về biên bản.”; chi bộ điểm chưa gửi báo cáo hoàn thiện.']);
    expect(documentText(doc)).not.toContain('Báo cáo hoàn thiện lần');
    expectClean(doc, entered);

    // refiled: the report answers the committee's words
    source.cycle.status = 'REVIEW';
    source.cycle.report!.revision = 1;
    const refiled = buildLessonsReport(source);
    expect(missingTexts(refiled)).toEqual([]);
    expect(documentText(refiled)).toContain('Báo cáo hoàn thiện lần 1 theo ý kiến của Đảng ủy: “Đề nghị giải trình rõ ý kiến về biên bản.”.');
    expectClean(refiled, entered);
  });

  it('is the same document for the same cycle', () => {
    const { source } = documentFixture();
    const again = { ...source, cycle: structuredClone(source.cycle), cellNames: new Map(source.cellNames) };
    expect(buildLessonsReport(again)).toEqual(buildLessonsReport(source));
  });
});
