import { describe, expect, it } from '@jest/globals';
import { COMMITTEE_NAME, documentFixture, HOST_SECRETARY } from '../../../test/support/document-cycle.fixture.js';
import { documentLines, documentText, expectClean, listItems, missingTexts } from '../../../test/support/document-text.js';
import { buildPlan } from './plan.document.js';

describe('Chương trình sinh hoạt chi bộ điểm', () => {
  it('gives the host’s agenda, material and draft resolution as sent, dated the day it sent them', () => {
    const { source, entered } = documentFixture();
    const doc = buildPlan(source);
    const plan = source.cycle.plan!;
    expect(doc.header).toEqual({ upperBody: 'ĐẢNG BỘ XÃ NA HỐI', issuer: 'CHI BỘ THÔN NA HỐI TÀY', number: 'Số …-CTr/CB' });
    expect(doc.heading).toEqual({ kind: 'CHƯƠNG TRÌNH', subject: 'sinh hoạt chi bộ điểm tháng 12 năm 2026' });
    expect(doc.placeAndDate).toEqual({ place: 'Na Hối', day: '2026-12-01' });
    expect(doc.fixedAt).toBe(source.cycle.updatedAt);
    expect(listItems(doc)).toEqual(plan.agenda);
    // the material's lines, each as typed
    const lines = documentLines(doc);
    for (const line of plan.content.split('\n')) expect(lines).toContain(line);
    expect(lines).toContain(plan.draftResolution);
    const text = documentText(doc);
    expect(text).toContain('Thời gian: 8 giờ 00, thứ Bảy, ngày 05/12/2026');
    expect(missingTexts(doc)).toEqual([]);
    expect(doc.signatures).toEqual([{ onBehalfOf: 'T/M CHI BỘ', role: 'BÍ THƯ', name: HOST_SECRETARY }]);
    expect(doc.recipients).toEqual([`- ${COMMITTEE_NAME} (b/c);`, '- Các chi bộ được mời;', '- Lưu chi bộ.']);
    expectClean(doc, entered);
  });

  it('says “chưa có” for each part while the host has sent nothing, and leaves the day to the hand', () => {
    const { source, entered } = documentFixture();
    Object.assign(source.cycle, { status: 'PREPARATION', plan: null, meeting: null, critiques: [], report: null, review: null });
    const doc = buildPlan(source);
    expect(doc.placeAndDate.day).toBeNull();
    expect(missingTexts(doc)).toEqual([
      'Chưa có chương trình sinh hoạt: chi bộ điểm chưa gửi chương trình, tài liệu sinh hoạt.',
      'Chưa có tài liệu sinh hoạt.',
      'Chưa có dự thảo nghị quyết.',
    ]);
    expect(listItems(doc)).toEqual([]);
    expectClean(doc, entered);
  });

  it('says a draft resolution not sent with the plan is not there, and names no secretary it does not know', () => {
    const { source, entered } = documentFixture();
    source.cycle.plan!.draftResolution = null;
    const doc = buildPlan({ ...source, secretaryNames: new Map() });
    expect(missingTexts(doc)).toEqual(['Chưa có dự thảo nghị quyết.']);
    expect(doc.signatures).toEqual([{ onBehalfOf: 'T/M CHI BỘ', role: 'BÍ THƯ' }]);
    expectClean(doc, entered);
  });

  it('leaves the cell to the hand before the committee has chosen the host', () => {
    const { source, entered } = documentFixture();
    Object.assign(source.cycle, { status: 'HOST_SELECTION', hostCellId: null, plan: null });
    const doc = buildPlan(source);
    expect(doc.header.issuer).toBe('CHI BỘ ……');
    expect(missingTexts(doc)[0]).toBe('Chưa có chi bộ điểm: Đảng ủy chưa chọn chi bộ điểm.');
    expect(doc.signatures).toEqual([{ onBehalfOf: 'T/M CHI BỘ', role: 'BÍ THƯ' }]);
    expectClean(doc, entered);
  });

  it('is the same document for the same cycle', () => {
    const { source } = documentFixture();
    const again = { ...source, cycle: structuredClone(source.cycle), cellNames: new Map(source.cellNames) };
    expect(buildPlan(again)).toEqual(buildPlan(source));
  });
});
