import { buildConclusion } from '../../../libs/documents/builders/conclusion.document.js';
import { buildCritiqueSheet } from '../../../libs/documents/builders/critique-sheet.document.js';
import { buildInvitation } from '../../../libs/documents/builders/invitation.document.js';
import { buildLessonsReport } from '../../../libs/documents/builders/lessons-report.document.js';
import { buildMinutes } from '../../../libs/documents/builders/minutes.document.js';
import { buildPlan } from '../../../libs/documents/builders/plan.document.js';
import type { DocumentSource } from '../../../libs/documents/document-source.js';
import type { PartyDocument } from '../../../libs/documents/party-document.js';
import type { Role } from '../../../libs/domain/roles.js';
import type { Language } from '../../../libs/wording/language.js';
import type { CycleView } from '../cycles/cycle.mapper.js';
import { documentBase, type DocumentKind } from './document-file-names.js';

/** One paper of a cycle as the caller may have it: what it is, whether its step is done, how to build it. */
export interface CycleDocument {
  document: DocumentKind;
  /** In the caller's language; for the papers there are several of, with whose it is. */
  title: string;
  ready: boolean;
  /** What is not there yet, when not ready (the paper itself says "chưa có" there). */
  missing?: string;
  cellId?: string;
  critiqueId?: string;
  /** `minutes`, `invitation-<cellId>`: the file's name without its extension. */
  base: string;
  /** The Vietnamese name the file is saved under, without its extension. */
  fileName: string;
  build: (source: DocumentSource) => PartyDocument;
}

/** The paper's name as the office says it; the saved files are named in Vietnamese whatever the page's language. */
const TITLES: Record<DocumentKind, { vi: string; en: string }> = {
  invitation: { vi: 'Giấy mời dự sinh hoạt chi bộ điểm', en: 'Invitation to the model meeting' },
  plan: { vi: 'Chương trình sinh hoạt chi bộ điểm', en: 'Programme of the model meeting' },
  minutes: { vi: 'Biên bản sinh hoạt chi bộ điểm', en: 'Minutes of the model meeting' },
  'critique-sheet': { vi: 'Phiếu nhận xét, góp ý', en: 'Critique sheet' },
  'lessons-report': { vi: 'Báo cáo rút kinh nghiệm', en: 'Lessons-learned report' },
  conclusion: { vi: 'Thông báo kết luận sinh hoạt chi bộ điểm', en: "The committee's conclusion" },
};

/** Why a paper is not ready, as the paper itself says it. */
const MISSING: Record<Exclude<DocumentKind, 'critique-sheet'>, { vi: string; en: string }> = {
  invitation: { vi: 'Chưa có chi bộ điểm: Đảng ủy chưa chọn chi bộ điểm.', en: 'No host cell yet: the committee has not picked it.' },
  plan: { vi: 'Chưa có chương trình: chi bộ điểm chưa gửi chương trình, tài liệu sinh hoạt.', en: 'No programme yet: the host cell has not sent its agenda and documents.' },
  minutes: { vi: 'Chưa có biên bản: chi bộ điểm chưa ghi nhận buổi sinh hoạt.', en: 'No minutes yet: the host cell has not recorded the meeting.' },
  'lessons-report': { vi: 'Chưa có báo cáo: chi bộ điểm chưa gửi báo cáo rút kinh nghiệm.', en: 'No report yet: the host cell has not filed its lessons-learned report.' },
  conclusion: { vi: 'Chưa có kết luận: Đảng ủy chưa đánh giá, xếp loại buổi sinh hoạt.', en: 'No conclusion yet: the committee has not rated the meeting.' },
};

/** Who asks: the office (committee staff, the admin) has every invitation, a secretary its own cell's. */
export interface DocumentReader {
  role: Role;
  cellId: string | null;
}

/**
 * The papers of a cycle the caller may have, in the order the cycle makes them: the invitations, the programme,
 * the minutes, the critique sheets, the report, the conclusion. Built from the caller's own view of the cycle,
 * so the same rules hold: a visitor has the other critiques' sheets only once it has sent its own. Every paper
 * is there from the start (it says "chưa có" where its step is not done); `ready` says whether that step is done.
 */
export function documentsOf(cycle: CycleView, reader: DocumentReader, cellNames: ReadonlyMap<string, string>, language: Language): CycleDocument[] {
  const named = (cellId: string | null) => (cellId ? (cellNames.get(cellId) ?? 'Chi bộ chưa rõ tên') : null);
  const host = named(cycle.hostCellId);
  const office = reader.role === 'admin' || reader.role === 'committee';
  const once = (document: Exclude<DocumentKind, 'invitation' | 'critique-sheet'>, ready: boolean, build: CycleDocument['build']): CycleDocument => ({
    document,
    title: TITLES[document][language],
    ready,
    ...(ready ? {} : { missing: MISSING[document][language] }),
    base: documentBase(document),
    fileName: host ? `${TITLES[document].vi} - ${host}` : TITLES[document].vi,
    build,
  });

  // By the invited cell's name, as the office files them (the view holds them in no order of its own).
  const invitations = cycle.invitations
    .filter((invitation) => office || invitation.cellId === reader.cellId)
    .map((invitation) => ({ invitation, invited: named(invitation.cellId) ?? '' }))
    .sort((a, b) => a.invited.localeCompare(b.invited, 'vi') || a.invitation.cellId.localeCompare(b.invitation.cellId))
    .map(({ invitation, invited }): CycleDocument => {
      const ready = cycle.hostCellId !== null;
      return {
        document: 'invitation',
        title: `${TITLES.invitation[language]} – ${invited}`,
        ready,
        ...(ready ? {} : { missing: MISSING.invitation[language] }),
        cellId: invitation.cellId,
        base: documentBase('invitation', invitation.cellId),
        fileName: `${TITLES.invitation.vi} - ${invited}`,
        build: (source) => buildInvitation(source, invitation.cellId),
      };
    });

  const critiqueSheets = cycle.critiques.map((critique): CycleDocument => {
    const author = named(critique.cellId) ?? (critique.guestName ? `Đồng chí ${critique.guestName}` : 'Đại biểu cấp trên');
    return {
      document: 'critique-sheet',
      title: `${TITLES['critique-sheet'][language]} – ${author}`,
      ready: true,
      ...(critique.cellId ? { cellId: critique.cellId } : {}),
      critiqueId: critique.id,
      base: documentBase('critique-sheet', critique.id),
      fileName: `${TITLES['critique-sheet'].vi} - ${author}`,
      build: (source) => buildCritiqueSheet(source, critique.id),
    };
  });

  const rated = cycle.review?.decision === 'accept' && Boolean(cycle.review.rating);
  return [
    ...invitations,
    once('plan', cycle.plan !== null, buildPlan),
    once('minutes', cycle.meeting !== null, buildMinutes),
    ...critiqueSheets,
    once('lessons-report', cycle.report !== null, buildLessonsReport),
    once('conclusion', rated, buildConclusion),
  ];
}
