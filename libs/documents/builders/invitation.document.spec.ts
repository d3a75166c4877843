import { describe, expect, it } from '@jest/globals';
import { COMMITTEE_NAME, documentFixture, HOST_NAME } from '../../../test/support/document-cycle.fixture.js';
import { documentLines, documentText, expectClean, missingTexts } from '../../../test/support/document-text.js';
import { DomainError } from '../../domain/domain-error.js';
import { placeAndDateLine } from '../party-date.js';
import { buildInvitation } from './invitation.document.js';

describe('Giấy mời dự sinh hoạt chi bộ điểm', () => {
  it('invites one cell, from the committee, with the meeting’s time, place, host, topic and the day to answer by', () => {
    const { source, cells, entered } = documentFixture();
    const doc = buildInvitation(source, cells.ngaiThau);
    const text = documentText(doc);
    expect(doc.header).toEqual({ upperBody: 'ĐẢNG BỘ XÃ NA HỐI', issuer: 'ĐẢNG ỦY XÃ NA HỐI', number: 'Số …-GM/ĐU' });
    expect(doc.heading.kind).toBe('GIẤY MỜI');
    expect(doc.heading.subject).toBe('dự sinh hoạt chi bộ điểm tháng 12 năm 2026');
    expect(text).toContain('Kính gửi: Chi bộ thôn Ngải Thầu');
    expect(text).toContain(`${COMMITTEE_NAME} trân trọng mời Chi bộ thôn Ngải Thầu cử đồng chí dự sinh hoạt chi bộ điểm tại ${HOST_NAME}`);
    expect(text).toContain('Thời gian: 8 giờ 00, thứ Bảy, ngày 05/12/2026');
    expect(text).toContain('Địa điểm: Nhà văn hóa thôn Na Hối Tày');
    expect(text).toContain(`Chi bộ điểm: ${HOST_NAME}`);
    // the kind launched: how the meeting was held later is the minutes' business
    expect(documentLines(doc)).toContain('Hình thức: Sinh hoạt chuyên đề');
    expect(text).toContain(`Chuyên đề, nội dung: ${source.cycle.topic}`);
    expect(text).toContain('Đề nghị chi bộ xác nhận tham dự và báo tên đồng chí dự trước 8 giờ 00 ngày 04/12/2026.');
    expect(doc.signatures).toEqual([{ onBehalfOf: 'T/M ĐẢNG ỦY', role: 'BÍ THƯ' }]);
    expect(doc.recipients).toEqual(['- Như trên;', `- ${HOST_NAME} (chi bộ điểm);`, '- Lưu Văn phòng Đảng ủy.']);
    // another cell's invitation, its answer or its delegate are not this paper's business
    for (const other of ['Cốc Môi', 'Sín Chải A', 'Thào A Dình', 'Trùng lịch']) expect(text).not.toContain(other);
    expectClean(doc, entered);
  });

  it('is dated the day the invitations went out (the host was chosen), in Vietnam, and fixed at the cycle’s last change', () => {
    const { source, cells } = documentFixture();
    const doc = buildInvitation(source, cells.school);
    expect(doc.placeAndDate).toEqual({ place: 'Na Hối', day: '2026-11-23' });
    expect(placeAndDateLine(doc.placeAndDate.place, doc.placeAndDate.day)).toBe('Na Hối, ngày 23 tháng 11 năm 2026');
    expect(doc.fixedAt).toBe(source.cycle.updatedAt);
    // a host named at launch: the invitations went out that day
    source.cycle.timeline = source.cycle.timeline.filter((entry) => entry.event !== 'HOST_SELECTED');
    expect(buildInvitation(source, cells.school).placeAndDate.day).toBe('2026-11-20');
  });

  it('is there for a cell that declined too: the paper it was sent', () => {
    const { source, cells, entered } = documentFixture();
    const doc = buildInvitation(source, cells.cocMoi);
    expect(documentText(doc)).toContain('Kính gửi: Chi bộ thôn Cốc Môi');
    expectClean(doc, entered);
  });

  it('says the host is not chosen yet and leaves the day to the hand before the invitations go out', () => {
    const { source, cells, entered } = documentFixture();
    Object.assign(source.cycle, { status: 'HOST_SELECTION', hostCellId: null, plan: null, meeting: null, critiques: [], report: null, review: null });
    source.cycle.timeline = source.cycle.timeline.slice(0, 1);
    const doc = buildInvitation(source, cells.ngaiThau);
    expect(doc.placeAndDate.day).toBeNull();
    expect(missingTexts(doc)).toContain('Chi bộ điểm: chưa có (Đảng ủy chưa chọn chi bộ điểm).');
    expect(documentText(doc)).not.toContain(HOST_NAME);
    expect(doc.recipients).toEqual(['- Như trên;', '- Lưu Văn phòng Đảng ủy.']);
    expectClean(doc, entered);
  });

  it('gives the time the cycle holds now after a reschedule, and says a cancellation with its reason', () => {
    const { source, cells, entered } = documentFixture();
    source.cycle.meetingAt = '2026-12-06T07:30:00.000Z';
    source.cycle.status = 'CANCELLED';
    source.cycle.cancelReason = 'Mưa lũ, đường vào thôn bị sạt lở';
    const doc = buildInvitation(source, cells.ngaiThau);
    expect(documentText(doc)).toContain('Thời gian: 14 giờ 30, Chủ nhật, ngày 06/12/2026');
    expect(missingTexts(doc)).toContain('Đảng ủy đã hủy đợt sinh hoạt (lý do: Mưa lũ, đường vào thôn bị sạt lở).');
    expectClean(doc, [...entered, source.cycle.cancelReason]);
  });

  it('is no paper for a cell that was not invited', () => {
    const { source, cells } = documentFixture();
    expect(() => buildInvitation(source, cells.host)).toThrow(DomainError);
    expect(() => buildInvitation(source, cells.host)).toThrow('NOT_INVITED');
  });

  it('is the same document for the same cycle', () => {
    const { source, cells } = documentFixture();
    const again = { ...source, cycle: structuredClone(source.cycle), cellNames: new Map(source.cellNames) };
    expect(buildInvitation(again, cells.sinChaiA)).toEqual(buildInvitation(source, cells.sinChaiA));
  });
});
