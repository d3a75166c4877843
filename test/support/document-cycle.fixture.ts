import { randomUUID } from 'node:crypto';
import type { CycleView } from '../../apps/api/cycles/cycle.mapper.js';
import type { CritiqueStage, PointKind } from '../../libs/domain/cycle.js';
import { DEFAULT_RUBRIC } from '../../libs/domain/default-rubric.js';
import type { DocumentSource } from '../../libs/documents/document-source.js';

/**
 * A closed cycle of Na Hối as the API's view gives it, for the document builders' specs: diacritics everywhere,
 * four invited cells (one declined, one attended without naming its delegate and sent no critique), two
 * upper-level guests (one critiqued), a critique with a complete score sheet, one with a partial one, a
 * report sent back once and refiled, the committee's rating with its own sheet, and one adoption recorded.
 * Every id is a fresh UUID, so a spec can tell that none reaches a paper. Names are made up.
 */
export interface DocumentFixture {
  source: Omit<DocumentSource, 'cycle'> & { cycle: CycleView };
  cells: { host: string; ngaiThau: string; sinChaiA: string; cocMoi: string; school: string };
  critiques: { ngaiThau: string; sinChaiA: string; guest: string };
  /** Every text a person typed into the cycle (and the organisation's names): what a paper may quote. */
  entered: string[];
}

export const COMMITTEE_NAME = 'Đảng ủy xã Na Hối';
export const HOST_NAME = 'Chi bộ thôn Na Hối Tày';
export const HOST_SECRETARY = 'Lò Văn Pằng';

export function documentFixture(): DocumentFixture {
  const id = () => randomUUID();
  const cells = { host: id(), ngaiThau: id(), sinChaiA: id(), cocMoi: id(), school: id() };
  const cellNames = new Map([
    [cells.host, HOST_NAME],
    [cells.ngaiThau, 'Chi bộ thôn Ngải Thầu'],
    [cells.sinChaiA, 'Chi bộ thôn Sín Chải A'],
    [cells.cocMoi, 'Chi bộ thôn Cốc Môi'],
    [cells.school, 'Chi bộ Trường Tiểu học Na Hối'],
  ]);
  const guests = [
    { userId: id(), fullName: 'Hoàng Văn Khởi' },
    { userId: id(), fullName: 'Lục Thị Hoa' },
  ];
  const critiques = { ngaiThau: id(), sinChaiA: id(), guest: id() };
  const point = (stage: CritiqueStage, kind: PointKind, text: string) => ({ id: id(), stage, kind, text });
  const ngaiThauPoints = [
    point('preparation', 'strength', 'Chi bộ gửi tài liệu sinh hoạt trước 3 ngày, đầy đủ, rõ ràng.'),
    point('chairing', 'weakness', 'Phần điều hành còn dài, đồng chí chủ trì chưa gợi mở để đảng viên phát biểu.'),
    point('content', 'suggestion', 'Đề nghị bổ sung số liệu về hộ nghèo của thôn vào báo cáo chuyên đề.'),
    point('preparation', 'weakness', 'Phòng họp thiếu ánh sáng, chưa treo khẩu hiệu.'),
  ];
  const sinChaiPoints = [
    point('content', 'strength', 'Nội dung chuyên đề sát với đời sống bà con, có ví dụ cụ thể ở thôn.'),
    point('minutes', 'weakness', 'Biên bản ghi chưa đủ ý kiến phát biểu của từng đồng chí.'),
    point('tasks', 'suggestion', 'Nên giao nhiệm vụ cụ thể cho từng đảng viên phụ trách hộ.'),
  ];
  const guestPoints = [
    point('procedure', 'weakness', 'Chưa thông qua chương trình sinh hoạt trước khi vào nội dung chính.'),
    point('chairing', 'strength', 'Đồng chí chủ trì kết luận ngắn gọn, rõ việc, rõ người.'),
  ];
  const answered = [...ngaiThauPoints, ...sinChaiPoints, ...guestPoints].filter((p) => p.kind !== 'strength');
  const answers: Record<string, { stance: 'accept' | 'partly' | 'disagree'; text: string }> = {
    [answered[0].id]: { stance: 'accept', text: 'Chi bộ tiếp thu; đồng chí bí thư sẽ rút ngắn phần điều hành, để dành thời gian thảo luận.' },
    [answered[1].id]: { stance: 'partly', text: 'Bổ sung số liệu hộ nghèo; số liệu hộ cận nghèo chờ xã công bố.' },
    [answered[2].id]: { stance: 'disagree', text: 'Nhà văn hóa thôn chưa có điện lưới ổn định; chi bộ đã đề nghị xã hỗ trợ.' },
    [answered[3].id]: { stance: 'accept', text: 'Thư ký ghi đủ ý kiến từng đồng chí theo mẫu.' },
    [answered[4].id]: { stance: 'accept', text: 'Mỗi đảng viên phụ trách từ 3 đến 5 hộ.' },
    [answered[5].id]: { stance: 'accept', text: 'Từ tháng sau chi bộ thông qua chương trình ngay khi khai mạc.' },
  };
  const cycle: CycleView = {
    id: id(),
    committeeId: id(),
    title: 'Sinh hoạt chi bộ điểm tháng 12/2026',
    topic: 'Nâng cao chất lượng phát triển đảng viên ở thôn bản',
    kind: 'thematic',
    status: 'CLOSED',
    statusLabel: 'Đã kết thúc',
    hostCellId: cells.host,
    meetingAt: '2026-12-05T01:00:00.000Z',
    location: 'Nhà văn hóa thôn Na Hối Tày',
    rubricId: DEFAULT_RUBRIC.id,
    rubric: { id: DEFAULT_RUBRIC.id, name: DEFAULT_RUBRIC.name, version: DEFAULT_RUBRIC.version, criteria: DEFAULT_RUBRIC.criteria, pointStep: 0.5 },
    plan: {
      agenda: ['Khai mạc, thông qua chương trình', 'Thảo luận chuyên đề “Phát triển đảng viên ở thôn bản”', 'Thông qua nghị quyết'],
      content: 'Chuyên đề: nâng cao chất lượng phát triển đảng viên.\nTài liệu gửi kèm: báo cáo tình hình của chi bộ năm 2026.',
      draftResolution: 'Phấn đấu kết nạp 2 đảng viên mới trong năm 2027.',
      postedAt: '2026-12-01T08:30:00.000Z',
      postedBy: id(),
    },
    invitations: [
      { cellId: cells.ngaiThau, status: 'ACCEPTED', delegate: 'Thào A Dình', note: null, respondedAt: '2026-11-24T02:00:00.000Z', attended: true, adoption: null },
      { cellId: cells.sinChaiA, status: 'ACCEPTED', delegate: 'Hoàng Thị Lìu', note: 'Đồng chí phó bí thư đi thay.', respondedAt: '2026-11-25T02:00:00.000Z', attended: true, adoption: 'Áp dụng cách gửi tài liệu sớm kèm câu hỏi gợi ý thảo luận.' },
      { cellId: cells.cocMoi, status: 'DECLINED', delegate: null, note: 'Trùng lịch họp dân.', respondedAt: '2026-11-25T03:00:00.000Z', attended: false, adoption: null },
      { cellId: cells.school, status: 'ACCEPTED', delegate: null, note: null, respondedAt: '2026-11-26T02:00:00.000Z', attended: true, adoption: null },
    ],
    meeting: {
      startedAt: '2026-12-05T01:00:00.000Z',
      endedAt: '2026-12-05T03:15:00.000Z',
      durationMinutes: 135,
      // The records of ruleset 2 on carry these beside what the view's type declares.
      attendance: { present: 21, total: 24, absentWithReason: 2, absentWithoutReason: 1, ...{ exempted: 0 } },
      attendingCellIds: [cells.ngaiThau, cells.sinChaiA, cells.school],
      minutes: 'Đồng chí bí thư khai mạc, thông qua chương trình.\n\nĐảng viên thảo luận sôi nổi, 9 lượt ý kiến.\nChi bộ thống nhất nghị quyết.',
      resolution: 'Giao chi ủy theo dõi 3 quần chúng ưu tú; báo cáo Đảng ủy trước 31/3/2027.',
      selfScores: { time: 5, attendance: 5, preparation: 9.5, conduct: 28, speaking: 8, principles: 5, results: 28, closing: 5 },
      selfScoreTotal: 93.5,
      selfRating: 'KHA',
      qualityFlags: ['UNEXCUSED_ABSENCE'],
      recordedAt: '2026-12-05T05:00:00.000Z',
      recordedBy: id(),
      ...{ combined: true },
    },
    guests,
    critiques: [
      {
        id: critiques.ngaiThau,
        cellId: cells.ngaiThau,
        guestId: null,
        submittedAt: '2026-12-06T09:00:00.000Z',
        points: ngaiThauPoints,
        scores: { time: 5, attendance: 4, preparation: 8, conduct: 25, speaking: 7.5, principles: 5, results: 22, closing: 4 },
        scoreTotal: 80.5,
        rating: 'KHA',
      },
      {
        id: critiques.sinChaiA,
        cellId: cells.sinChaiA,
        guestId: null,
        submittedAt: '2026-12-07T02:00:00.000Z',
        points: sinChaiPoints,
        scores: { time: 5, attendance: 5, preparation: 9 },
        scoreTotal: 19,
        rating: null,
      },
      {
        id: critiques.guest,
        cellId: null,
        guestId: guests[0].userId,
        guestName: guests[0].fullName,
        submittedAt: '2026-12-07T10:00:00.000Z',
        points: guestPoints,
        scores: null,
        scoreTotal: null,
        rating: 'TRUNG_BINH',
      },
    ],
    critiquesHidden: false,
    report: {
      responses: answered.map((p) => ({ pointId: p.id, ...answers[p.id] })),
      lessons: ['Gửi tài liệu sớm và kèm câu hỏi gợi ý thảo luận.', 'Phân công thư ký ghi biên bản theo mẫu của Đảng ủy.'],
      actionItems: [
        { id: id(), title: 'Bổ sung số liệu hộ nghèo vào nghị quyết tháng 1', owner: 'Đồng chí Lò Văn Pằng', dueDate: '2026-12-31' },
        { id: id(), title: 'Tập huấn ghi biên bản cho chi ủy viên', owner: 'Đồng chí Hà Thị Nga', dueDate: '2027-01-15' },
      ],
      revision: 1,
      // 01:30 on 16 December in Na Hối: the paper's day is the day in Vietnam, not in UTC.
      filedAt: '2026-12-15T18:30:00.000Z',
      filedBy: id(),
      late: false,
    },
    actionItems: [],
    carriedOverActionItems: [],
    review: {
      decision: 'accept',
      rating: 'KHA',
      comment: 'Chi bộ tiếp thu nghiêm túc; cần rút kinh nghiệm phần điều hành.',
      reviewedAt: '2026-12-18T02:00:00.000Z',
      reviewedBy: id(),
      ratingLabel: 'Khá',
      ...{ scores: { time: 5, attendance: 5, preparation: 9, conduct: 26, speaking: 8, principles: 5, results: 24, closing: 5 }, scoreTotal: 87 },
    },
    cancelReason: null,
    deadlines: {
      hostDueAt: null,
      planDueAt: '2026-12-04T01:00:00.000Z',
      recordDueAt: null,
      critiqueClosesAt: '2026-12-08T01:00:00.000Z',
      reportDueAt: '2026-12-22T02:00:00.000Z',
      reviewDueAt: null,
    },
    timeline: [
      { at: '2026-11-20T02:00:00.000Z', event: 'CYCLE_LAUNCHED', label: 'Khởi tạo đợt sinh hoạt', actorId: id(), cellId: null },
      { at: '2026-11-23T03:00:00.000Z', event: 'HOST_SELECTED', label: 'Chọn chi bộ điểm', actorId: id(), cellId: cells.host },
      { at: '2026-12-01T08:30:00.000Z', event: 'PLAN_POSTED', label: 'Gửi chương trình', actorId: id(), cellId: cells.host },
      { at: '2026-12-12T02:00:00.000Z', event: 'REVISION_REQUESTED', label: 'Đề nghị hoàn thiện báo cáo', actorId: id(), cellId: null },
      { at: '2026-12-18T02:00:00.000Z', event: 'CYCLE_CLOSED', label: 'Kết thúc', actorId: id(), cellId: null },
    ],
    createdAt: '2026-11-20T02:00:00.000Z',
    updatedAt: '2026-12-20T04:00:00.000Z',
  };
  const names = [...cellNames.values(), ...guests.map((guest) => guest.fullName), HOST_SECRETARY, COMMITTEE_NAME];
  const typed = [
    cycle.topic,
    cycle.location,
    ...cycle.plan!.agenda,
    cycle.plan!.content,
    cycle.plan!.draftResolution!,
    ...cycle.invitations.flatMap((invitation) => [invitation.delegate ?? '', invitation.adoption ?? '']),
    cycle.meeting!.minutes,
    cycle.meeting!.resolution!,
    ...cycle.critiques.flatMap((critique) => critique.points.map((p) => p.text)),
    ...cycle.report!.responses.map((response) => response.text),
    ...cycle.report!.lessons,
    ...cycle.report!.actionItems.flatMap((item) => [item.title, item.owner]),
    cycle.review!.comment!,
    'Đề nghị giải trình rõ ý kiến về biên bản.',
  ].filter((text) => text !== '');
  return {
    source: { cycle, committeeName: COMMITTEE_NAME, cellNames, secretaryNames: new Map([[cells.host, HOST_SECRETARY]]) },
    cells,
    critiques,
    entered: [...names, ...typed],
  };
}
