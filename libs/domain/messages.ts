import { RATING_LABELS, type Rating } from './cycle.js';
import type { TimelineEventName } from './cycle-events.js';
import { englishVietnamTime, vietnamTime } from './vietnamese-time.js';
import type { ErrorCode } from './error-codes.js';

export type Language = 'vi' | 'en';

/** Vietnamese first: anything but an explicit English preference gets Vietnamese. */
export function languageOf(acceptLanguage: string | undefined): Language {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}

export type Template = { vi: string; en: string };

/** What a person reads for each refusal. {name} is filled from the error's params. */
const ERROR_MESSAGES: Record<ErrorCode, Template> = {
  WRONG_STAGE: {
    vi: 'Bước này không phù hợp với giai đoạn hiện tại của đợt sinh hoạt ({stage}).',
    en: 'This step does not fit the current stage of the cycle ({stage}).',
  },
  DEADLINE_PASSED: { vi: 'Đã hết hạn cho bước này.', en: 'The deadline for this step has passed.' },
  UNCHANGED: { vi: 'Nội dung gửi lên giống hệt lần trước; không có gì thay đổi.', en: 'This is the same as before; nothing changed.' },
  ALREADY_DONE: { vi: 'Bước này đã được thực hiện rồi.', en: 'This step has already been done.' },
  MEETING_NOT_YET: {
    vi: 'Chưa đến giờ sinh hoạt ({meetingAt}); chỉ ghi nhận buổi sinh hoạt từ thời điểm đó.',
    en: 'The meeting time ({meetingAt}) has not come yet; the meeting can be recorded from then on.',
  },
  RESCHEDULE_TOO_LATE: {
    vi: 'Đã đến giờ sinh hoạt nên không đổi lịch được nữa; nếu buổi sinh hoạt không tổ chức được, đề nghị Đảng ủy hủy đợt và nêu lý do.',
    en: 'The meeting time has come, so it can no longer be rescheduled; if the meeting cannot be held, the committee cancels the cycle with a reason.',
  },
  TOO_MANY_CHANGES: {
    vi: 'Bước này đã được thay đổi {limit} lần, là số lần tối đa cho một đợt sinh hoạt; đề nghị liên hệ Đảng ủy.',
    en: 'This step has been changed {limit} times, the most one cycle allows; contact the committee.',
  },
  HOST_BUSY: {
    vi: 'Chi bộ này đang là chi bộ điểm của một đợt sinh hoạt khác chưa kết thúc; một chi bộ không làm chi bộ điểm hai đợt cùng lúc.',
    en: 'This cell already hosts another open cycle; a cell never hosts two open cycles at once.',
  },
  DUPLICATE_REQUEST_IN_PROGRESS: {
    vi: 'Yêu cầu với cùng Idempotency-Key đang được xử lý; vui lòng thử lại sau giây lát.',
    en: 'A request with the same Idempotency-Key is still being processed; try again shortly.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    vi: 'Idempotency-Key này đã được dùng cho một yêu cầu khác.',
    en: 'This Idempotency-Key was already used for a different request.',
  },
  NOT_COMMITTEE_OF_CYCLE: {
    vi: 'Chỉ cán bộ Đảng ủy phụ trách đợt sinh hoạt này mới được thực hiện bước này.',
    en: 'Only staff of the committee that owns this cycle may do this.',
  },
  NOT_HOST_SECRETARY: {
    vi: 'Chỉ bí thư chi bộ điểm (chi bộ tổ chức) mới được thực hiện bước này.',
    en: 'Only the secretary of the host cell may do this.',
  },
  NOT_INVITED: { vi: 'Chi bộ của đồng chí không được mời dự đợt sinh hoạt này.', en: 'Your cell is not invited to this cycle.' },
  NOT_ATTENDING: {
    vi: 'Chỉ chi bộ đã dự buổi sinh hoạt mới được gửi nhận xét, góp ý.',
    en: 'Only a cell that attended the meeting may submit a critique.',
  },
  ROLE_NOT_ALLOWED: { vi: 'Vai trò của đồng chí không được thực hiện thao tác này.', en: 'Your role may not do this.' },
  UNKNOWN_CRITIQUE_POINT: {
    vi: 'Ý kiến góp ý {pointId} không thuộc đợt sinh hoạt này.',
    en: 'Critique point {pointId} does not belong to this cycle.',
  },
  DUPLICATE_RESPONSE: { vi: 'Ý kiến {pointId} được trả lời nhiều lần.', en: 'Point {pointId} is answered more than once.' },
  MISSING_RESPONSES: {
    vi: 'Còn {count} ý kiến hạn chế hoặc góp ý chưa được trả lời (ví dụ {pointId}); cần trả lời từng ý kiến.',
    en: '{count} weakness or suggestion points are not answered (e.g. {pointId}); every one needs an answer.',
  },
  INVALID_SCORES: {
    vi: 'Điểm chấm không khớp với phiếu chấm của đợt: {why}.',
    en: "The scores do not fit the cycle's score sheet: {why}.",
  },
  INVALID_ATTENDANCE: {
    vi: 'Số liệu dự họp không hợp lệ: số có mặt và vắng mặt không được vượt tổng số đảng viên.',
    en: 'Attendance does not add up: present and absent cannot exceed the total.',
  },
  INVALID_MEETING_TIMES: {
    vi: 'Thời gian buổi sinh hoạt không hợp lệ: {why}.',
    en: 'The meeting times are not valid: {why}.',
  },
  INVALID_CELL: {
    vi: 'Chi bộ {cellId} không thuộc Đảng bộ này hoặc không nằm trong danh sách được mời.',
    en: 'Cell {cellId} is not in this committee or not among the invited cells.',
  },
  ATTENDING_NOT_ACCEPTED: {
    vi: 'Chỉ ghi là đã dự sinh hoạt những chi bộ đã xác nhận tham dự; có chi bộ trong danh sách chưa nhận lời.',
    en: 'Only cells that accepted the invitation can be recorded as attending; one in the list had not.',
  },
  HOST_IS_INVITED: {
    vi: 'Chi bộ điểm không thể đồng thời là chi bộ được mời dự.',
    en: 'The host cell cannot also be an invited cell.',
  },
  MEETING_NOT_IN_FUTURE: { vi: 'Thời gian sinh hoạt phải ở tương lai.', en: 'The meeting time must be in the future.' },
  RATING_REQUIRED: {
    vi: 'Khi chấp nhận báo cáo cần xếp loại buổi sinh hoạt (TOT, KHA, TRUNG_BINH, KEM).',
    en: 'Accepting the report needs a rating (TOT, KHA, TRUNG_BINH, KEM).',
  },
  RATING_NOT_ALLOWED: {
    vi: 'Không thể xếp loại {rating}: {why}.',
    en: 'The rating {rating} is not allowed: {why}.',
  },
  MEETING_TOO_FAR: {
    vi: 'Thời gian sinh hoạt không được muộn hơn hai năm kể từ hôm nay.',
    en: 'The meeting cannot be more than two years from today.',
  },
  DATE_OUT_OF_RANGE: {
    vi: 'Hạn hoàn thành phải từ ngày {from} đến ngày {to}.',
    en: 'The due date must be between {from} and {to}.',
  },
  NO_INVITEES_LEFT: {
    vi: 'Chi bộ này là chi bộ duy nhất được mời dự; đợt sinh hoạt cần ít nhất một chi bộ dự ngoài chi bộ điểm.',
    en: 'This is the only invited cell; a cycle needs at least one visiting cell besides the host.',
  },
  WEAK_PASSWORD: {
    vi: 'Mật khẩu chưa đủ an toàn: {why}.',
    en: 'The password is not safe enough: {why}.',
  },
  NOT_VOUCHED: {
    vi: 'Bước này không được gửi qua hệ thống nên không được ghi nhận.',
    en: 'This step did not come through the system, so it was not taken.',
  },
  PASSWORD_CHANGE_REQUIRED: {
    vi: 'Đề nghị đồng chí đổi mật khẩu khởi tạo trước khi sử dụng hệ thống.',
    en: 'Change the initial password before using the system.',
  },
  MALFORMED_STEP: {
    vi: 'Nội dung gửi lên không đúng quy định (mục “{field}”).',
    en: 'The step is not well formed (field "{field}").',
  },
  NOT_STORABLE: {
    vi: 'Không lưu được nội dung của bước này; bước chưa được ghi nhận, đợt sinh hoạt vẫn tiếp tục. Đề nghị kiểm tra lại nội dung rồi gửi lại.',
    en: 'This step could not be stored; it was not recorded and the cycle goes on. Check what was entered and send it again.',
  },
  VALIDATION_FAILED: { vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The request is not valid.' },
  NOT_AUTHENTICATED: {
    vi: 'Cần đăng nhập: thiếu mã truy cập, hoặc mã không hợp lệ hay đã hết hạn.',
    en: 'Sign-in required: the access token is missing, invalid or expired.',
  },
  BAD_CREDENTIALS: { vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong username or password.' },
  NOT_FOUND: { vi: 'Không tìm thấy.', en: 'Not found.' },
  PAYLOAD_TOO_LARGE: { vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request body is too large.' },
  TOO_MANY_REQUESTS: {
    vi: 'Đồng chí đã gửi quá nhiều yêu cầu trong thời gian ngắn; đề nghị thử lại sau {retryAfterSeconds} giây.',
    en: 'Too many requests in a short time; try again in {retryAfterSeconds} seconds.',
  },
  TEMPORAL_UNAVAILABLE: {
    vi: 'Hệ thống xử lý quy trình tạm thời không phản hồi; vui lòng thử lại (dùng cùng Idempotency-Key).',
    en: 'The workflow engine is not answering right now; please retry (with the same Idempotency-Key).',
  },
  DATABASE_UNAVAILABLE: {
    vi: 'Cơ sở dữ liệu tạm thời không phản hồi; vui lòng thử lại sau.',
    en: 'The database is not answering right now; please retry later.',
  },
  USERNAME_TAKEN: { vi: 'Tên đăng nhập đã có người dùng.', en: 'That username is already taken.' },
  COMMITTEE_MERGED: {
    vi: 'Đảng ủy này đã hợp nhất vào Đảng ủy mới; đề nghị thực hiện trên Đảng ủy mới.',
    en: 'This committee has been merged into a new one; do this on the new committee.',
  },
  IMPORT_UNREADABLE: {
    vi: 'Không đọc được tệp danh sách chi bộ: {why}.',
    en: 'The list of cells could not be read: {why}.',
  },
  IMPORT_HAS_ERRORS: {
    vi: 'Danh sách còn {count} dòng có lỗi; đề nghị sửa rồi nhập lại. Chưa có gì được ghi.',
    en: 'The list still has {count} rows with errors; fix them and import again. Nothing was written.',
  },
  INVALID_RUBRIC: {
    vi: 'Phiếu chấm điểm chưa hợp lệ: điểm tối đa của tiêu chí “{criterion}” phải là bội số của bước điểm {step}.',
    en: 'The score sheet is not valid: the most points of “{criterion}” must be a multiple of the point step {step}.',
  },
  RUBRIC_NOT_FOR_KIND: {
    vi: 'Phiếu chấm điểm này không dùng cho loại sinh hoạt đã chọn.',
    en: 'This score sheet is not for the kind of meeting chosen.',
  },
  CELL_IN_OPEN_CYCLE: {
    vi: 'Chi bộ đang tham gia đợt sinh hoạt “{title}” chưa kết thúc. Đề nghị kết thúc hoặc hủy đợt đó trước khi chuyển chi bộ.',
    en: 'The cell takes part in the open cycle “{title}”. Close or cancel it before moving the cell.',
  },
  ACCOUNT_DEACTIVATED: {
    vi: 'Tài khoản của đồng chí đã ngừng hoạt động. Đề nghị đồng chí liên hệ văn phòng Đảng ủy.',
    en: 'Your account has been deactivated. Please contact the committee office.',
  },
};

/** Why a rating is not allowed (RATING_NOT_ALLOWED's reason), in words. */
const RATING_REASONS: Record<string, Template> = {
  TOP_NEEDS_FULL_POINTS: { vi: 'xếp loại Tốt cần đạt điểm tối đa ở các tiêu chí {criteria}', en: 'Tốt needs full points on {criteria}' },
  SHORT_MEETING: { vi: 'thời gian sinh hoạt chưa đủ', en: 'the meeting was too short' },
  LOW_ATTENDANCE: { vi: 'số đảng viên dự sinh hoạt chưa đủ 90%', en: 'fewer than 90% of the members attended' },
  UNEXCUSED_ABSENCE: { vi: 'có đảng viên vắng mặt không có lý do', en: 'a member was absent without a reason' },
  DISAGREES_WITH_SCORES: { vi: 'tổng điểm trên phiếu chấm ứng với xếp loại {band}', en: 'the score sheet’s total gives {band}' },
};

/** Why a password is refused (WEAK_PASSWORD's reason), in words. */
const PASSWORD_PROBLEMS: Record<string, Template> = {
  TOO_SHORT: { vi: 'cần ít nhất 10 ký tự', en: 'it needs at least 10 characters' },
  BLANK: { vi: 'không được chỉ có dấu cách', en: 'it cannot be only spaces' },
  COMMON: { vi: 'đây là mật khẩu phổ biến, dễ bị đoán', en: 'it is a common password, easily guessed' },
  LIKE_USERNAME: { vi: 'không được chứa tên đăng nhập', en: 'it cannot contain the username' },
  SAME_AS_BEFORE: { vi: 'mật khẩu mới phải khác mật khẩu cũ', en: 'the new password must differ from the old one' },
};

/** Why a meeting's start and end are refused (INVALID_MEETING_TIMES's problem), in words. */
const MEETING_TIME_PROBLEMS: Record<string, Template> = {
  END_BEFORE_START: { vi: 'giờ kết thúc phải sau giờ bắt đầu', en: 'the end must be after the start' },
  ENDS_IN_FUTURE: { vi: 'giờ kết thúc không được muộn hơn thời điểm hiện tại', en: 'the end cannot be later than now' },
  STARTS_TOO_EARLY: { vi: 'buổi sinh hoạt không thể bắt đầu trước {earliest}', en: 'the meeting cannot have started before {earliest}' },
  TOO_LONG: { vi: 'một buổi sinh hoạt không kéo dài quá {hours} giờ', en: 'a meeting does not last more than {hours} hours' },
};

/** Why a score does not fit (INVALID_SCORES's problem), in words. */
const SCORE_PROBLEMS: Record<string, Template> = {
  UNKNOWN_CRITERION: { vi: 'phiếu chấm không có tiêu chí “{criterion}”', en: 'the sheet has no criterion "{criterion}"' },
  OUT_OF_RANGE: { vi: 'tiêu chí “{criterion}” chấm từ 0 đến {max} điểm', en: 'criterion "{criterion}" takes 0 to {max} points' },
  OFF_STEP: {
    vi: 'điểm của tiêu chí “{criterion}” chấm theo bước {step} điểm (với bước 0,5 là chấm đến nửa điểm, ví dụ 25 hoặc 25,5)',
    en: 'points on criterion "{criterion}" go in steps of {step} (with steps of 0.5, half points, e.g. 25 or 25.5)',
  },
};

/** Why an import file cannot be read (IMPORT_UNREADABLE's problem), in words. */
const IMPORT_PROBLEMS: Record<string, Template> = {
  NOT_A_SHEET: { vi: 'tệp không phải bảng tính Excel (.xlsx) hay tệp CSV', en: 'the file is neither an Excel workbook (.xlsx) nor a CSV file' },
  EMPTY: { vi: 'tệp không có dòng nào', en: 'the file has no rows' },
  MISSING_COLUMNS: { vi: 'dòng đầu thiếu cột {columns}', en: 'the first row lacks the columns {columns}' },
  TOO_MANY_ROWS: { vi: 'tệp có quá {limit} dòng', en: 'the file has more than {limit} rows' },
  NO_FILE: { vi: 'chưa gửi kèm tệp (mục “file”)', en: 'no file was sent (field "file")' },
};

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parameters as a person reads them: ratings by their labels, days as dd/mm/yyyy, reasons in words. */
function readableParams(code: ErrorCode, language: Language, params: Record<string, string | number>): Record<string, string | number> {
  const readable: Record<string, string | number> = { ...params };
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string' && value in RATING_LABELS) readable[name] = RATING_LABELS[value as Rating];
    const day = typeof value === 'string' ? isoDate.exec(value) : null;
    if (day) readable[name] = `${day[3]}/${day[2]}/${day[1]}`;
    if (typeof value === 'string' && isoTime.test(value)) readable[name] = language === 'vi' ? vietnamTime(Date.parse(value)) : englishVietnamTime(Date.parse(value));
  }
  if (typeof params.step === 'number' && language === 'vi') readable.step = String(params.step).replace('.', ',');
  if (code === 'TOO_MANY_REQUESTS' && readable.retryAfterSeconds === undefined) readable.retryAfterSeconds = 60;
  if (code === 'IMPORT_UNREADABLE') {
    const why = IMPORT_PROBLEMS[String(params.problem)] ?? IMPORT_PROBLEMS.NOT_A_SHEET;
    readable.why = why[language].replace(/\{(\w+)\}/g, (_, name: string) => String(readable[name] ?? '…'));
  }
  if (code === 'WEAK_PASSWORD') readable.why = PASSWORD_PROBLEMS[String(params.reason)]?.[language] ?? String(params.reason);
  if (code === 'INVALID_SCORES') {
    const why = SCORE_PROBLEMS[String(params.problem)] ?? { vi: 'tiêu chí không có hoặc điểm không hợp lệ', en: 'unknown criterion or points out of range' };
    readable.why = why[language].replace(/\{(\w+)\}/g, (_, name: string) => String(readable[name] ?? '…'));
  }
  if (code === 'INVALID_MEETING_TIMES') {
    const why = MEETING_TIME_PROBLEMS[String(params.problem)] ?? { vi: 'giờ bắt đầu hoặc giờ kết thúc không phù hợp', en: 'the start or the end does not fit' };
    readable.why = why[language].replace(/\{(\w+)\}/g, (_, name: string) => String(readable[name] ?? '…'));
  }
  if (code === 'RATING_NOT_ALLOWED' && typeof params.reason === 'string') {
    const why = RATING_REASONS[params.reason]?.[language] ?? String(params.reason);
    readable.why = why.replace(/\{(\w+)\}/g, (_, name: string) => String(readable[name] ?? '…'));
  }
  return readable;
}

export function errorMessage(code: ErrorCode, language: Language, params: Record<string, string | number> = {}): string {
  const template = ERROR_MESSAGES[code][language];
  const readable = readableParams(code, language, params);
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(readable[name] ?? '…'));
}

const EVENT_LABELS: Record<TimelineEventName, string> = {
  CYCLE_LAUNCHED: 'Khởi tạo đợt sinh hoạt chi bộ điểm',
  HOST_CANDIDATES_RANKED: 'Hệ thống đề xuất các chi bộ có thể làm chi bộ điểm',
  HOST_SELECTED: 'Đảng ủy chọn chi bộ điểm',
  PLAN_POSTED: 'Chi bộ điểm đăng kế hoạch',
  PLAN_REVISED: 'Chi bộ điểm cập nhật kế hoạch',
  RSVP_ACCEPTED: 'Chi bộ xác nhận tham dự',
  RSVP_DECLINED: 'Chi bộ báo không tham dự',
  RESCHEDULED: 'Đổi lịch sinh hoạt',
  MEETING_RECORDED: 'Ghi nhận buổi sinh hoạt',
  CRITIQUE_SUBMITTED: 'Chi bộ gửi nhận xét, góp ý',
  CRITIQUE_CLOSED: 'Hết thời hạn góp ý',
  REPORT_FILED: 'Chi bộ điểm nộp báo cáo rút kinh nghiệm',
  REVISION_REQUESTED: 'Đảng ủy đề nghị hoàn thiện báo cáo',
  CYCLE_CLOSED: 'Đảng ủy đánh giá, xếp loại và kết thúc đợt',
  CYCLE_CANCELLED: 'Hủy đợt sinh hoạt',
  RSVP_REMINDER_SENT: 'Nhắc các chi bộ chưa xác nhận tham dự',
  PLAN_OVERDUE: 'Quá hạn đăng kế hoạch: nhắc chi bộ điểm, báo Đảng ủy',
  CRITIQUE_REMINDER_SENT: 'Nhắc các chi bộ chưa gửi góp ý',
  REPORT_REMINDER_SENT: 'Nhắc nộp báo cáo rút kinh nghiệm',
  REPORT_OVERDUE: 'Quá hạn báo cáo: báo cáo Đảng ủy',
  LESSONS_ADOPTED: 'Chi bộ ghi nhận nội dung vận dụng, nhân rộng',
  ACTION_ITEM_DONE: 'Hoàn thành một việc trong báo cáo rút kinh nghiệm',
  ACTION_ITEM_DROPPED: 'Thôi thực hiện một việc trong báo cáo rút kinh nghiệm',
  CYCLE_CANCELLED_WITHOUT_WORKFLOW: 'Hủy đợt sinh hoạt khi quy trình không phản hồi',
  ATTENDANCE_CLAIMED: 'Chi bộ báo đã dự sinh hoạt (chưa được ghi nhận)',
  GUESTS_INVITED: 'Đảng ủy mời đại biểu cấp trên',
  HOST_SELECTION_OVERDUE: 'Quá hạn chọn chi bộ điểm: nhắc Đảng ủy',
  PLAN_REMINDER_SENT: 'Nhắc chi bộ điểm gửi chương trình, tài liệu',
  MEETING_RECORD_REMINDER_SENT: 'Nhắc chi bộ điểm ghi nhận buổi sinh hoạt',
  MEETING_RECORD_OVERDUE: 'Quá hạn ghi nhận buổi sinh hoạt: báo Đảng ủy',
  REVIEW_OVERDUE: 'Quá hạn đánh giá báo cáo rút kinh nghiệm: nhắc Đảng ủy',
};

const EVENT_LABELS_EN: Record<TimelineEventName, string> = {
  CYCLE_LAUNCHED: 'Cycle launched',
  HOST_CANDIDATES_RANKED: 'Host candidates suggested',
  HOST_SELECTED: 'Host cell selected',
  PLAN_POSTED: 'Plan posted',
  PLAN_REVISED: 'Plan revised',
  RSVP_ACCEPTED: 'Invitation accepted',
  RSVP_DECLINED: 'Invitation declined',
  RESCHEDULED: 'Meeting rescheduled',
  MEETING_RECORDED: 'Meeting recorded',
  CRITIQUE_SUBMITTED: 'Critique submitted',
  CRITIQUE_CLOSED: 'Critique window closed',
  REPORT_FILED: 'Lessons-learned report filed',
  REVISION_REQUESTED: 'Report sent back for revision',
  CYCLE_CLOSED: 'Meeting rated, cycle closed',
  CYCLE_CANCELLED: 'Cycle cancelled',
  RSVP_REMINDER_SENT: 'RSVP reminder sent',
  PLAN_OVERDUE: 'Plan overdue: host reminded, committee alerted',
  CRITIQUE_REMINDER_SENT: 'Critique reminder sent',
  REPORT_REMINDER_SENT: 'Report reminder sent',
  REPORT_OVERDUE: 'Report overdue: committee alerted',
  LESSONS_ADOPTED: 'A cell recorded what it will adopt',
  ACTION_ITEM_DONE: 'Action item done',
  ACTION_ITEM_DROPPED: 'Action item dropped',
  CYCLE_CANCELLED_WITHOUT_WORKFLOW: 'Cycle cancelled while its workflow did not answer',
  ATTENDANCE_CLAIMED: 'A cell said it attended (it had not been recorded)',
  GUESTS_INVITED: 'Upper-level guests invited',
  HOST_SELECTION_OVERDUE: 'Host not picked in time: committee reminded',
  PLAN_REMINDER_SENT: 'Host reminded to send the plan',
  MEETING_RECORD_REMINDER_SENT: 'Host reminded to record the meeting',
  MEETING_RECORD_OVERDUE: 'Meeting not recorded in time: committee alerted',
  REVIEW_OVERDUE: 'Report waiting for review too long: committee reminded',
};

export function eventLabel(event: string, language: Language): string {
  const labels = language === 'en' ? EVENT_LABELS_EN : EVENT_LABELS;
  return event in labels ? labels[event as TimelineEventName] : event;
}
