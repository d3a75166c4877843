import {
  AREA_KIND_LABELS,
  CRITIQUE_STAGE_LABELS,
  MEETING_KIND_LABELS,
  POINT_KIND_LABELS,
  RATING_LABELS,
  REVIEW_DECISION_LABELS,
  ROLE_LABELS,
  RSVP_LABELS,
  STAGE_LABELS,
  STANCE_LABELS,
} from './labels.js';
import { CHANNEL_LABELS } from './delivery-words.js';
import type { Language, Template } from './language.js';
import type { FieldDescription } from './validation-messages.js';

/**
 * A field as a person reads it on a form (language.md: validation messages name the field by its label,
 * never its JSON path).
 */
export interface FieldLabel extends Template {
  /** What one element of a list is called, so an error in one reads "Ý kiến thứ 2: …". */
  item?: Template;
  /** The table of the fields of the nested object, or of each element of the list. */
  fields?: string;
  /** The label of each code the field takes, for a sentence that lists the choices. */
  values?: Readonly<Record<string, Template>>;
  /** How the value must be written, for a field checked against a pattern. */
  format?: Template;
}

export type FieldTable = Readonly<Record<string, FieldLabel>>;

/** Whether a list of cells sent for import is only previewed or also written (the import's `commit`). */
const IMPORT_MODE_LABELS: Record<'true' | 'false', Template> = {
  true: { vi: 'Ghi vào danh sách', en: 'Write the list' },
  false: { vi: 'Chỉ xem trước', en: 'Preview only' },
};

/** The point steps a score sheet may use, written as people write numbers. */
const POINT_STEP_LABELS: Record<string, Template> = {
  '1': { vi: '1', en: '1' },
  '0.5': { vi: '0,5', en: '0.5' },
  '0.25': { vi: '0,25', en: '0.25' },
};

/** What a sentence names when the path leads nowhere known: the request as a whole. */
const WHOLE_REQUEST: Template = { vi: 'Nội dung gửi lên', en: 'The request' };

const CYCLE: FieldLabel = { vi: 'Đợt sinh hoạt', en: 'Cycle' };
const COMMITTEE: FieldLabel = { vi: 'Đảng ủy', en: 'Committee' };
const PAGE_SIZE: FieldLabel = { vi: 'Số dòng mỗi trang', en: 'Page size' };
const USERNAME: FieldLabel = {
  vi: 'Tên đăng nhập',
  en: 'Username',
  format: {
    vi: 'từ 3 đến 64 ký tự, chỉ gồm chữ cái không dấu, chữ số và các dấu . _ -',
    en: '3 to 64 characters: letters without diacritics, digits and . _ -',
  },
};
const PASSWORD: FieldLabel = { vi: 'Mật khẩu', en: 'Password' };
const MUST_CHANGE_PASSWORD: FieldLabel = { vi: 'Phải đổi mật khẩu khi đăng nhập lần đầu', en: 'Must change the password at first sign-in' };
const FULL_NAME: FieldLabel = { vi: 'Họ và tên', en: 'Full name' };
const CELL_NAME: FieldLabel = { vi: 'Tên chi bộ', en: 'Cell name' };
const MEMBER_COUNT: FieldLabel = { vi: 'Số đảng viên của chi bộ', en: 'Number of members' };
const DELEGATE: FieldLabel = { vi: 'Đồng chí được cử dự', en: 'Delegate' };
const RATING: FieldLabel = { vi: 'Xếp loại', en: 'Rating', values: RATING_LABELS };
const MEETING_KIND: FieldLabel = { vi: 'Loại sinh hoạt', en: 'Kind of meeting', values: MEETING_KIND_LABELS };
const AREA: FieldLabel = { vi: 'Huyện hoặc tỉnh', en: 'District or province' };
const ROLE: FieldLabel = { vi: 'Loại tài khoản', en: 'Kind of account', values: ROLE_LABELS };
const GUESTS: FieldLabel = { vi: 'Đại biểu cấp trên được mời', en: 'List of invited upper-level guests', item: { vi: 'đại biểu', en: 'guest' } };
const MEETING_AT: FieldLabel = { vi: 'Thời gian sinh hoạt', en: 'Meeting time' };
const EMAIL: FieldLabel = { vi: 'Địa chỉ thư điện tử', en: 'Email address' };
const PHONE: FieldLabel = { vi: 'Số điện thoại', en: 'Phone number' };
const CHANNELS_LABEL = (vi: string, en: string): FieldLabel => ({ vi, en, item: { vi: 'kênh', en: 'channel' }, values: CHANNEL_LABELS });
const CONTACT = { email: EMAIL, phone: PHONE, notifyChannels: CHANNELS_LABEL('Kênh nhận thông báo', 'Notification channels') };

/**
 * The label of every property of every DTO, params and query class of the API, by class name then
 * property: what the exception filter names in a validation message. field-labels.spec.ts fails when a
 * validated property has none.
 */
export const FIELD_LABELS = {
  AuditQuery: {
    committeeId: COMMITTEE,
    before: { vi: 'Vị trí đã xem đến', en: 'Position already seen', format: { vi: 'một số nguyên dương', en: 'a positive whole number' } },
    limit: PAGE_SIZE,
  },
  ChangePasswordDto: {
    currentPassword: { vi: 'Mật khẩu hiện tại', en: 'Current password' },
    newPassword: { vi: 'Mật khẩu mới', en: 'New password' },
  },
  LoginDto: { username: { vi: 'Tên đăng nhập', en: 'Username' }, password: PASSWORD },
  CellImportQuery: { commit: { vi: 'Cách nhập danh sách', en: 'Import mode', values: IMPORT_MODE_LABELS } },
  ChangeCellDto: { name: CELL_NAME, memberCount: MEMBER_COUNT },
  DeactivateCellDto: {
    reason: { vi: 'Lý do giải thể, sáp nhập chi bộ', en: 'Reason for dissolving or merging the cell' },
    mergedIntoCellId: { vi: 'Chi bộ được sáp nhập vào', en: 'Cell merged into' },
  },
  MoveCellDto: { committeeId: { vi: 'Đảng ủy mới của chi bộ', en: 'New committee of the cell' } },
  CommitteeIdParams: { committeeId: COMMITTEE },
  CreateCellDto: { name: CELL_NAME, memberCount: MEMBER_COUNT },
  CreateCommitteeDto: { name: { vi: 'Tên Đảng ủy', en: 'Committee name' } },
  MergeCommitteesDto: {
    committeeIds: { vi: 'Các Đảng ủy hợp nhất', en: 'List of committees to merge', item: { vi: 'Đảng ủy', en: 'committee' } },
    name: { vi: 'Tên Đảng ủy mới', en: 'Name of the new committee' },
  },
  PageQuery: { limit: PAGE_SIZE, offset: { vi: 'Số dòng bỏ qua', en: 'Number of rows to skip' } },
  CancelCycleDto: { reason: { vi: 'Lý do hủy đợt sinh hoạt', en: 'Reason for cancelling' } },
  ClaimAttendanceDto: { delegate: DELEGATE },
  CompleteActionItemDto: { note: { vi: 'Kết quả thực hiện', en: 'How it was done' } },
  CycleIdParams: { id: CYCLE },
  CycleCellParams: { id: CYCLE, cellId: { vi: 'Chi bộ được mời', en: 'Invited cell' } },
  CycleActionItemParams: { id: CYCLE, itemId: { vi: 'Việc cam kết', en: 'Action item' } },
  DocumentFileParams: { id: CYCLE, file: { vi: 'Tên tệp văn bản', en: 'Document file name' } },
  DropActionItemDto: { reason: { vi: 'Lý do không thực hiện', en: 'Reason for dropping it' } },
  PointResponseDto: {
    pointId: { vi: 'Ý kiến được tiếp thu, giải trình', en: 'Point answered' },
    stance: { vi: 'Hình thức tiếp thu, giải trình', en: 'Answer', values: STANCE_LABELS },
    text: { vi: 'Nội dung tiếp thu, giải trình', en: 'Text of the answer' },
  },
  ActionItemDto: {
    title: { vi: 'Nội dung việc cam kết', en: 'Action item' },
    owner: { vi: 'Người phụ trách', en: 'Owner' },
    dueDate: { vi: 'Hạn hoàn thành', en: 'Due date' },
  },
  FileReportDto: {
    responses: {
      vi: 'Tiếp thu, giải trình ý kiến',
      en: 'List of answers',
      item: { vi: 'phần tiếp thu, giải trình', en: 'answer' },
      fields: 'PointResponseDto',
    },
    lessons: { vi: 'Bài học kinh nghiệm', en: 'List of lessons learned', item: { vi: 'bài học', en: 'lesson' } },
    actionItems: { vi: 'Việc cam kết thực hiện', en: 'List of action items', item: { vi: 'việc cam kết', en: 'action item' }, fields: 'ActionItemDto' },
  },
  InviteGuestsDto: { guestIds: GUESTS },
  ReminderLeadsDto: {
    rsvpReminderLead: { vi: 'Thời gian nhắc xác nhận tham dự trước buổi sinh hoạt', en: 'RSVP reminder before the meeting' },
    planDueLead: {
      vi: 'Hạn gửi chương trình, tài liệu sinh hoạt trước buổi sinh hoạt',
      en: 'Agenda and documents due before the meeting',
    },
    critiqueReminderLead: { vi: 'Thời gian nhắc gửi nhận xét, góp ý trước hạn', en: 'Critique reminder before the deadline' },
    reportReminderLead: {
      vi: 'Thời gian nhắc gửi báo cáo rút kinh nghiệm trước hạn',
      en: 'Lessons-learned report reminder before the deadline',
    },
    hostPickLead: {
      vi: 'Hạn chọn chi bộ điểm trước hạn gửi chương trình, tài liệu sinh hoạt',
      en: 'Host cell chosen before the agenda is due',
    },
    planReminderLead: {
      vi: 'Thời gian nhắc chi bộ điểm gửi chương trình, tài liệu sinh hoạt trước hạn',
      en: 'Agenda reminder before the deadline',
    },
    recordReminderDelay: { vi: 'Thời gian nhắc ghi nhận buổi sinh hoạt sau giờ sinh hoạt', en: 'Meeting record reminder after the meeting' },
    recordDueDelay: { vi: 'Hạn ghi nhận buổi sinh hoạt sau giờ sinh hoạt', en: 'Meeting record due after the meeting' },
    earlyStartTolerance: {
      vi: 'Thời gian được ghi nhận bắt đầu sớm hơn giờ sinh hoạt đã định',
      en: 'How much earlier than planned the meeting may start',
    },
  },
  LaunchCycleDto: {
    committeeId: COMMITTEE,
    title: { vi: 'Tên đợt sinh hoạt', en: 'Title' },
    topic: { vi: 'Chủ đề sinh hoạt', en: 'Topic' },
    kind: MEETING_KIND,
    hostCellId: { vi: 'Chi bộ điểm', en: 'Host cell' },
    invitedCellIds: { vi: 'Chi bộ được mời', en: 'List of invited cells', item: { vi: 'chi bộ', en: 'invited cell' } },
    meetingAt: MEETING_AT,
    location: { vi: 'Địa điểm sinh hoạt', en: 'Place' },
    rubricId: { vi: 'Phiếu chấm điểm', en: 'Score sheet' },
    critiqueWindow: { vi: 'Thời gian nhận xét, góp ý', en: 'Critique window' },
    reportWindow: { vi: 'Thời hạn gửi báo cáo rút kinh nghiệm', en: 'Time for the lessons-learned report' },
    reviewWindow: { vi: 'Thời hạn Đảng ủy đánh giá báo cáo rút kinh nghiệm', en: 'Time for the committee’s review' },
    guestIds: GUESTS,
    reminders: { vi: 'Lịch nhắc việc', en: 'Reminder settings', fields: 'ReminderLeadsDto' },
  },
  ListCyclesQuery: {
    status: { vi: 'Giai đoạn', en: 'Stage', values: STAGE_LABELS },
    committeeId: COMMITTEE,
    limit: PAGE_SIZE,
    cursor: { vi: 'Vị trí trang tiếp theo', en: 'Next page position' },
  },
  PickHostDto: { cellId: { vi: 'Chi bộ điểm', en: 'Host cell' } },
  PostPlanDto: {
    agenda: { vi: 'Chương trình sinh hoạt', en: 'Agenda', item: { vi: 'mục chương trình', en: 'agenda item' } },
    content: { vi: 'Tài liệu sinh hoạt', en: 'Meeting material' },
    draftResolution: { vi: 'Dự thảo nghị quyết', en: 'Draft resolution' },
  },
  RecordAdoptionDto: { text: { vi: 'Nội dung chi bộ vận dụng', en: 'What the cell adopts' } },
  AttendanceDto: {
    present: { vi: 'Số đảng viên có mặt', en: 'Number of members present' },
    total: { vi: 'Tổng số đảng viên', en: 'Total number of members' },
    absentWithReason: { vi: 'Số đảng viên vắng mặt có lý do', en: 'Number of members absent with a reason' },
    absentWithoutReason: { vi: 'Số đảng viên vắng mặt không có lý do', en: 'Number of members absent without a reason' },
    exempted: { vi: 'Số đảng viên được miễn sinh hoạt', en: 'Number of members exempted' },
  },
  RecordMeetingDto: {
    startedAt: { vi: 'Giờ bắt đầu', en: 'Start' },
    endedAt: { vi: 'Giờ kết thúc', en: 'End' },
    attendance: { vi: 'Số đảng viên dự sinh hoạt', en: 'Attendance', fields: 'AttendanceDto' },
    attendingCellIds: { vi: 'Chi bộ đã dự sinh hoạt', en: 'List of cells that attended', item: { vi: 'chi bộ', en: 'cell' } },
    minutes: { vi: 'Biên bản', en: 'Minutes' },
    resolution: { vi: 'Nghị quyết', en: 'Resolution' },
    selfScores: { vi: 'Điểm chi bộ tự chấm', en: 'The cell’s own score sheet' },
    combined: { vi: 'Sinh hoạt chuyên đề kết hợp sinh hoạt thường kỳ', en: 'Thematic and regular meeting combined' },
  },
  RescheduleDto: {
    meetingAt: { vi: 'Thời gian sinh hoạt mới', en: 'New meeting time' },
    reason: { vi: 'Lý do đổi lịch', en: 'Reason for rescheduling' },
  },
  ReviewDto: {
    decision: { vi: 'Kết luận của Đảng ủy', en: 'Decision', values: REVIEW_DECISION_LABELS },
    rating: RATING,
    comment: { vi: 'Ý kiến của Đảng ủy', en: 'Comment' },
    scores: { vi: 'Điểm Đảng ủy chấm', en: 'The committee’s score sheet' },
  },
  RsvpDto: {
    response: { vi: 'Xác nhận tham dự', en: 'Answer to the invitation', values: RSVP_LABELS },
    delegate: DELEGATE,
    note: { vi: 'Ghi chú', en: 'Note' },
  },
  CritiquePointDto: {
    stage: { vi: 'Khâu được nhận xét', en: 'Stage of the meeting', values: CRITIQUE_STAGE_LABELS },
    kind: { vi: 'Loại ý kiến', en: 'Kind of point', values: POINT_KIND_LABELS },
    text: { vi: 'Nội dung ý kiến', en: 'Text of the point' },
  },
  SubmitCritiqueDto: {
    points: { vi: 'Ý kiến nhận xét, góp ý', en: 'List of points', item: { vi: 'ý kiến', en: 'point' }, fields: 'CritiquePointDto' },
    scores: { vi: 'Điểm chấm', en: 'Score sheet' },
    rating: RATING,
  },
  RubricCriterionDto: {
    id: {
      vi: 'Mã tiêu chí',
      en: 'Criterion code',
      format: {
        vi: 'bắt đầu bằng chữ cái thường không dấu, chỉ gồm chữ cái thường không dấu, chữ số và các dấu _ -, không quá 40 ký tự',
        en: 'a lower-case letter first, then lower-case letters without diacritics, digits, _ or -, at most 40 characters',
      },
    },
    label: { vi: 'Tên tiêu chí', en: 'Criterion' },
    maxPoints: { vi: 'Điểm tối đa', en: 'Maximum score' },
    requiredForTop: { vi: 'Bắt buộc đủ điểm để xếp loại Tốt', en: 'Full points needed for Tốt' },
  },
  AddRubricDto: {
    name: { vi: 'Tên phiếu chấm điểm', en: 'Name of the score sheet' },
    kind: MEETING_KIND,
    pointStep: { vi: 'Bước điểm', en: 'Point step', values: POINT_STEP_LABELS },
    criteria: { vi: 'Tiêu chí chấm điểm', en: 'List of criteria', item: { vi: 'tiêu chí', en: 'criterion' }, fields: 'RubricCriterionDto' },
    basedOnRubricId: { vi: 'Phiếu chấm điểm gốc', en: 'Score sheet it is based on' },
  },
  ChangeUserDto: { fullName: FULL_NAME, role: ROLE, cellId: { vi: 'Chi bộ phụ trách', en: 'Cell' }, ...CONTACT },
  DeactivateUserDto: { reason: { vi: 'Lý do cho tài khoản ngừng hoạt động', en: 'Reason for deactivating the account' } },
  ResetPasswordDto: { newPassword: { vi: 'Mật khẩu tạm', en: 'Temporary password' } },
  ReplaceSecretaryDto: {
    username: USERNAME,
    password: PASSWORD,
    fullName: { vi: 'Họ và tên bí thư mới', en: 'Full name of the new secretary' },
    mustChangePassword: MUST_CHANGE_PASSWORD,
    ...CONTACT,
  },
  CreateUserDto: {
    username: USERNAME,
    password: PASSWORD,
    fullName: FULL_NAME,
    role: ROLE,
    committeeId: COMMITTEE,
    cellId: { vi: 'Chi bộ', en: 'Cell' },
    areaId: AREA,
    mustChangePassword: MUST_CHANGE_PASSWORD,
    ...CONTACT,
  },
  CreateAreaDto: {
    name: { vi: 'Tên đơn vị cấp trên', en: 'Name of the upper level' },
    kind: { vi: 'Cấp', en: 'Level', values: AREA_KIND_LABELS },
    parentId: { vi: 'Tỉnh mà huyện trực thuộc', en: 'Province of the district' },
  },
  PlaceCommitteeDto: { areaId: AREA },
  AreaIdParams: { areaId: AREA },
  UserIdParams: { userId: { vi: 'Tài khoản', en: 'Account' } },
  CommitteeCellParams: { committeeId: COMMITTEE, cellId: { vi: 'Chi bộ', en: 'Cell' } },
  ContactDto: CONTACT,
  CommitteeChannelsDto: { channels: CHANNELS_LABEL('Kênh Đảng ủy dùng', 'Channels the committee uses') },
  DashboardQuery: {
    year: { vi: 'Năm', en: 'Year' },
  },
  YearReportQuery: {
    year: { vi: 'Năm báo cáo', en: 'Year of the report' },
    quarter: { vi: 'Quý', en: 'Quarter' },
  },
  UnreachedQuery: {
    since: { vi: 'Thời điểm bắt đầu xem', en: 'Since' },
    limit: PAGE_SIZE,
    offset: { vi: 'Số dòng bỏ qua', en: 'Number of rows to skip' },
  },
} satisfies Record<string, FieldTable>;

/**
 * The fields of a step's payload (model-meeting.payloads.ts names them by path): the envelope around it,
 * and the fields of every update and of a launch, which mean the same as on the API's forms.
 */
const STEP_TABLES: Readonly<Record<string, FieldTable>> = {
  ...FIELD_LABELS,
  StepPayload: {
    envelope: WHOLE_REQUEST,
    update: { vi: 'Bước thực hiện', en: 'The step' },
    input: { vi: 'Nội dung của bước', en: 'The content of the step' },
    actor: { vi: 'Người gửi', en: 'Sender', fields: 'StepActor' },
    cellId: { vi: 'Chi bộ', en: 'Cell' },
    delegate: DELEGATE,
    guestIds: GUESTS,
    agenda: FIELD_LABELS.PostPlanDto.agenda,
    content: FIELD_LABELS.PostPlanDto.content,
    draftResolution: FIELD_LABELS.PostPlanDto.draftResolution,
    response: FIELD_LABELS.RsvpDto.response,
    note: FIELD_LABELS.RsvpDto.note,
    meetingAt: MEETING_AT,
    reason: { vi: 'Lý do', en: 'Reason' },
    ...FIELD_LABELS.RecordMeetingDto,
    points: FIELD_LABELS.SubmitCritiqueDto.points,
    scores: FIELD_LABELS.SubmitCritiqueDto.scores,
    rating: RATING,
    ...FIELD_LABELS.FileReportDto,
    decision: FIELD_LABELS.ReviewDto.decision,
    comment: FIELD_LABELS.ReviewDto.comment,
    cycleId: CYCLE,
    committeeId: COMMITTEE,
    title: FIELD_LABELS.LaunchCycleDto.title,
    topic: FIELD_LABELS.LaunchCycleDto.topic,
    kind: MEETING_KIND,
    hostCellId: FIELD_LABELS.LaunchCycleDto.hostCellId,
    invitedCellIds: FIELD_LABELS.LaunchCycleDto.invitedCellIds,
    location: FIELD_LABELS.LaunchCycleDto.location,
    rubric: FIELD_LABELS.LaunchCycleDto.rubricId,
    critiqueWindow: FIELD_LABELS.LaunchCycleDto.critiqueWindow,
    reportWindow: FIELD_LABELS.LaunchCycleDto.reportWindow,
    schedule: { vi: 'Thời hạn và lịch nhắc việc', en: 'Schedule', fields: 'CycleSchedule' },
    launchedBy: { vi: 'Người khởi tạo đợt sinh hoạt', en: 'Who launched the cycle' },
  },
  StepActor: {
    userId: { vi: 'Tài khoản người gửi', en: 'Sender’s account' },
    role: { vi: 'Loại tài khoản của người gửi', en: 'Sender’s kind of account' },
    committeeId: { vi: 'Đảng ủy của người gửi', en: 'Sender’s committee' },
    cellId: { vi: 'Chi bộ của người gửi', en: 'Sender’s cell' },
  },
  CycleSchedule: {
    critiqueWindowMs: FIELD_LABELS.LaunchCycleDto.critiqueWindow,
    reportWindowMs: FIELD_LABELS.LaunchCycleDto.reportWindow,
    reviewWindowMs: FIELD_LABELS.LaunchCycleDto.reviewWindow,
    rsvpReminderLeadMs: FIELD_LABELS.ReminderLeadsDto.rsvpReminderLead,
    planDueLeadMs: FIELD_LABELS.ReminderLeadsDto.planDueLead,
    critiqueReminderLeadMs: FIELD_LABELS.ReminderLeadsDto.critiqueReminderLead,
    reportReminderLeadMs: FIELD_LABELS.ReminderLeadsDto.reportReminderLead,
    hostPickLeadMs: FIELD_LABELS.ReminderLeadsDto.hostPickLead,
    planReminderLeadMs: FIELD_LABELS.ReminderLeadsDto.planReminderLead,
    recordReminderDelayMs: FIELD_LABELS.ReminderLeadsDto.recordReminderDelay,
    recordDueDelayMs: FIELD_LABELS.ReminderLeadsDto.recordDueDelay,
    earlyStartToleranceMs: FIELD_LABELS.ReminderLeadsDto.earlyStartTolerance,
  },
};

const ELEMENT = /^(0|[1-9]\d*)$/;

function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** Lower case after "Ý kiến thứ 2: "; no field inside a list starts with a proper noun such as "Đảng ủy". */
function uncapitalised(text: string): string {
  return text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

/**
 * Walks a path through the tables as far as it leads: each known property names itself (a nested one
 * alone, as it reads on the form), each index of a list names its element ("Ý kiến thứ 2"), and what
 * follows an element is named after it ("Ý kiến thứ 2: nội dung ý kiến"). An unknown key stops the walk,
 * so a sentence names the nearest field the person can see.
 */
function resolve(
  tables: Readonly<Record<string, FieldTable>>,
  root: string | undefined,
  path: readonly string[],
  language: Language,
): { label: string; field: FieldLabel | undefined } {
  let table: FieldTable | undefined = root !== undefined && Object.hasOwn(tables, root) ? tables[root] : undefined;
  let field: FieldLabel | undefined;
  let element: string | undefined;
  let label = WHOLE_REQUEST[language];
  for (const segment of path) {
    if (field?.item && ELEMENT.test(segment)) {
      const position = Number(segment) + 1;
      element = language === 'vi' ? `${capitalised(field.item.vi)} thứ ${position}` : `${capitalised(field.item.en)} ${position}`;
      label = element;
      continue;
    }
    if (!table || !Object.hasOwn(table, segment)) break;
    field = table[segment];
    table = field.fields !== undefined && Object.hasOwn(tables, field.fields) ? tables[field.fields] : undefined;
    label = element ? `${element}: ${uncapitalised(field[language])}` : field[language];
  }
  return { label, field };
}

/** The labels of the allowed codes, as one list; quoted when a label holds a comma ("Giải trình, bảo lưu"). */
function choiceList(labels: readonly string[]): string {
  return labels.some((label) => label.includes(',')) ? labels.map((label) => `“${label}”`).join(', ') : labels.join(', ');
}

/**
 * A field of an API form as a validation message names it: `form` is the DTO, params or query class,
 * `path` the keys from the body's root, `allowed` the codes the field takes (for a sentence listing them).
 */
export function describeField(form: string | undefined, path: readonly string[], language: Language, allowed: readonly string[] = []): FieldDescription {
  const { label, field } = resolve(FIELD_LABELS, form, path, language);
  const values = field?.values;
  const choices = values ? allowed.filter((code) => Object.hasOwn(values, code)).map((code) => values[code][language]) : [];
  return {
    label,
    item: field?.item?.[language],
    choices: choices.length > 0 ? choiceList(choices) : undefined,
    format: field?.format?.[language],
  };
}

/** The field of a MALFORMED_STEP refusal: a path inside a step's payload, as malformedStep and malformedLaunch give it. */
export function stepFieldLabel(path: string, language: Language): string {
  return resolve(STEP_TABLES, 'StepPayload', path.split('.'), language).label;
}
