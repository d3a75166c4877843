import { CYCLE_STAGES, OPEN_STAGES, RATINGS, type CycleStage, type Rating } from '../domain/cycle.js';
import type { ErrorCode } from '../domain/error-codes.js';
import { stepFieldLabel } from './field-labels.js';
import { QUALITY_FLAG_LABELS, RATING_LABELS, STAGE_LABELS } from './labels.js';
import { fill, type Language, type Template } from './language.js';
import { englishVietnamTime, vietnamCalendarDay, vietnamTime } from './vietnam-time.js';

/**
 * What a person reads for each refusal, as a Party office writes it (language.md): "Đề nghị đồng chí …",
 * never "Vui lòng"; no code, id, field path or UTC time in a sentence. {name} is filled from the error's
 * params after `readableParams` has turned them into words.
 */
const ERROR_MESSAGES: Record<ErrorCode, Template> = {
  WRONG_STAGE: {
    vi: 'Bước này không thực hiện được lúc này: đợt sinh hoạt đang ở bước “{stage}”.',
    en: 'This step cannot be taken now: the cycle is at the stage “{stage}”.',
  },
  DEADLINE_PASSED: { vi: 'Đã hết hạn thực hiện bước này.', en: 'The deadline for this step has passed.' },
  UNCHANGED: { vi: 'Nội dung gửi lên giống hệt lần trước; không có gì thay đổi.', en: 'This is the same as before; nothing changed.' },
  ALREADY_DONE: { vi: 'Bước này đã được thực hiện trước đó; không cần gửi lại.', en: 'This step has already been done.' },
  MEETING_NOT_YET: {
    vi: 'Chưa đến giờ sinh hoạt ({meetingAt}); chỉ ghi nhận buổi sinh hoạt từ thời điểm đó.',
    en: 'The meeting time ({meetingAt}) has not come yet; the meeting can be recorded from then on.',
  },
  RESCHEDULE_TOO_LATE: {
    vi: 'Đã đến giờ sinh hoạt nên không đổi lịch được nữa; nếu buổi sinh hoạt không tổ chức được, đề nghị Đảng ủy hủy đợt và nêu lý do.',
    en: 'The meeting time has come, so it can no longer be rescheduled; if the meeting cannot be held, the committee cancels the cycle with a reason.',
  },
  TOO_MANY_CHANGES: {
    vi: 'Bước này đã được sửa {limit} lần, là số lần tối đa trong một đợt sinh hoạt; đề nghị đồng chí liên hệ văn phòng Đảng ủy.',
    en: 'This step has been changed {limit} times, the most one cycle allows; contact the committee office.',
  },
  HOST_BUSY: {
    vi: 'Chi bộ này đang là chi bộ điểm của một đợt sinh hoạt khác chưa kết thúc; một chi bộ không làm chi bộ điểm hai đợt cùng lúc.',
    en: 'This cell already hosts another open cycle; a cell never hosts two open cycles at once.',
  },
  DUPLICATE_REQUEST_IN_PROGRESS: {
    vi: 'Yêu cầu này đang được xử lý; đề nghị đồng chí chờ giây lát rồi xem lại kết quả.',
    en: 'A request with the same Idempotency-Key is still being processed; try again shortly.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    vi: 'Yêu cầu này trùng với một yêu cầu khác đã gửi trước đó; đề nghị đồng chí mở lại biểu mẫu rồi gửi.',
    en: 'This Idempotency-Key was already used for a different request.',
  },
  NOT_COMMITTEE_OF_CYCLE: {
    vi: 'Chỉ cán bộ Đảng ủy phụ trách đợt sinh hoạt này mới thực hiện được bước này.',
    en: 'Only staff of the committee that owns this cycle may do this.',
  },
  NOT_HOST_SECRETARY: { vi: 'Chỉ bí thư chi bộ điểm mới thực hiện được bước này.', en: 'Only the secretary of the host cell may do this.' },
  NOT_INVITED: { vi: 'Chi bộ của đồng chí không được mời dự đợt sinh hoạt này.', en: 'Your cell is not invited to this cycle.' },
  NOT_ATTENDING: {
    vi: 'Chỉ chi bộ đã dự buổi sinh hoạt mới gửi được nhận xét, góp ý.',
    en: 'Only a cell that attended the meeting may submit a critique.',
  },
  ROLE_NOT_ALLOWED: { vi: 'Tài khoản của đồng chí không có quyền thực hiện việc này.', en: 'Your account may not do this.' },
  UNKNOWN_CRITIQUE_POINT: {
    vi: 'Ý kiến trả lời thứ {position} không ứng với ý kiến nào trong các nhận xét, góp ý của đợt sinh hoạt này.',
    en: 'Answer {position} does not match any critique point of this cycle.',
  },
  DUPLICATE_RESPONSE: {
    vi: 'Ý kiến{point} được trả lời hơn một lần; mỗi ý kiến chỉ trả lời một lần.',
    en: 'A point{point} is answered more than once; answer each point once.',
  },
  MISSING_RESPONSES: {
    vi: 'Còn {count} ý kiến hạn chế, đề xuất chưa được tiếp thu hoặc giải trình{point}; đề nghị chi bộ trả lời từng ý kiến.',
    en: 'Not answered yet: {count} weakness or suggestion points{point}; every one needs an answer.',
  },
  INVALID_SCORES: {
    vi: 'Điểm chấm không khớp với phiếu chấm điểm của đợt sinh hoạt: {why}.',
    en: "The scores do not fit the cycle's score sheet: {why}.",
  },
  INVALID_ATTENDANCE: {
    vi: 'Số đảng viên dự sinh hoạt không hợp lệ: số có mặt, vắng mặt và được miễn sinh hoạt cộng lại không được vượt tổng số đảng viên.',
    en: 'Attendance does not add up: present, absent and exempted cannot exceed the total.',
  },
  INVALID_MEETING_TIMES: {
    vi: 'Thời gian buổi sinh hoạt không hợp lệ: {why}.',
    en: 'The meeting times are not valid: {why}.',
  },
  INVALID_CELL: {
    vi: 'Chi bộ được chọn không phải chi bộ trực thuộc Đảng bộ xã, đã giải thể hoặc không nằm trong danh sách được mời; đề nghị chọn lại.',
    en: 'The chosen cell is not a cell of this commune, has been dissolved or is not among the invited cells.',
  },
  ATTENDING_NOT_ACCEPTED: {
    vi: 'Chỉ ghi là đã dự sinh hoạt những chi bộ đã xác nhận tham dự; có chi bộ trong danh sách chưa nhận lời.',
    en: 'Only cells that accepted the invitation can be recorded as attending; one in the list had not.',
  },
  HOST_IS_INVITED: {
    vi: 'Chi bộ điểm không thể đồng thời là chi bộ được mời dự.',
    en: 'The host cell cannot also be an invited cell.',
  },
  MEETING_NOT_IN_FUTURE: { vi: 'Thời gian sinh hoạt phải muộn hơn thời điểm hiện tại.', en: 'The meeting time must be later than now.' },
  RATING_REQUIRED: {
    vi: 'Khi thông qua báo cáo rút kinh nghiệm, đề nghị Đảng ủy xếp loại buổi sinh hoạt: {ratings}.',
    en: 'Accepting the report needs a rating: {ratings}.',
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
    vi: 'Nội dung gửi lên chưa đúng quy định (mục “{field}”).',
    en: 'The step is not well formed (“{field}”).',
  },
  NOT_STORABLE: {
    vi: 'Không lưu được nội dung của bước này; bước chưa được ghi nhận, đợt sinh hoạt vẫn tiếp tục. Đề nghị đồng chí kiểm tra lại nội dung rồi gửi lại.',
    en: 'This step could not be stored; it was not recorded and the cycle goes on. Check what was entered and send it again.',
  },
  VALIDATION_FAILED: { vi: 'Nội dung gửi lên chưa đúng quy định.', en: 'The request is not valid.' },
  NOT_AUTHENTICATED: {
    vi: 'Đề nghị đồng chí đăng nhập: phiên đăng nhập chưa có, không hợp lệ hoặc đã hết hạn.',
    en: 'Sign-in required: the access token is missing, invalid or expired.',
  },
  BAD_CREDENTIALS: { vi: 'Tên đăng nhập hoặc mật khẩu không đúng.', en: 'Wrong username or password.' },
  NOT_FOUND: {
    vi: 'Không tìm thấy nội dung này, hoặc tài khoản của đồng chí không được xem nội dung này.',
    en: 'Not found, or not visible to your account.',
  },
  PAYLOAD_TOO_LARGE: {
    vi: 'Nội dung gửi lên quá dài; đề nghị đồng chí rút gọn rồi gửi lại.',
    en: 'The request body is too large.',
  },
  TOO_MANY_REQUESTS: {
    vi: 'Đồng chí đã gửi quá nhiều yêu cầu trong thời gian ngắn; đề nghị thử lại sau {retryAfterSeconds} giây.',
    en: 'Too many requests in a short time; try again in {retryAfterSeconds} seconds.',
  },
  TEMPORAL_UNAVAILABLE: {
    vi: 'Hệ thống tạm thời chưa xử lý được bước này và bước chưa được ghi nhận; đề nghị đồng chí gửi lại sau ít phút.',
    en: 'The workflow engine is not answering right now; retry with the same Idempotency-Key.',
  },
  DATABASE_UNAVAILABLE: {
    vi: 'Hệ thống tạm thời chưa đọc, ghi được dữ liệu; đề nghị đồng chí thử lại sau ít phút.',
    en: 'The database is not answering right now; retry later.',
  },
  USERNAME_TAKEN: { vi: 'Tên đăng nhập này đã có người dùng; đề nghị chọn tên khác.', en: 'That username is already taken.' },
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
    en: 'Your account has been deactivated. Contact the committee office.',
  },
  CELL_NAME_TAKEN: {
    vi: 'Đảng bộ đã có một chi bộ mang tên này; đề nghị đặt tên khác.',
    en: 'The committee already has a cell of this name; choose another name.',
  },
  INVALID_AREA: {
    vi: 'Đơn vị cấp trên được chọn không có hoặc không đúng cấp: huyện phải trực thuộc một tỉnh, tài khoản cấp trên và Đảng bộ xã thuộc một huyện hoặc một tỉnh; đề nghị chọn lại.',
    en: 'The chosen upper level does not exist or is of the wrong kind: a district belongs to a province, and an upper-level account or a commune to a district or a province.',
  },
};

/** WRONG_STAGE on a cycle that has ended; {ended} is "đã kết thúc", "đã hủy", or both when the stage is not known. */
const NO_LONGER_OPEN: Template = {
  vi: 'Bước này không thực hiện được nữa: đợt sinh hoạt {ended}.',
  en: 'This step can no longer be taken: the cycle is {ended}.',
};
const ENDED_UNKNOWN: Template = { vi: 'đã kết thúc hoặc đã hủy', en: 'closed or cancelled' };

/** Why a rating is not allowed (RATING_NOT_ALLOWED's reason), in words. */
const RATING_REASONS: Record<string, Template> = {
  TOP_NEEDS_FULL_POINTS: { vi: 'xếp loại Tốt cần đạt điểm tối đa ở các tiêu chí {criteria}', en: 'Tốt needs full points on {criteria}' },
  ...QUALITY_FLAG_LABELS,
  DISAGREES_WITH_SCORES: { vi: 'tổng điểm trên phiếu chấm điểm ứng với xếp loại {band}', en: 'the score sheet’s total gives {band}' },
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
  UNKNOWN_CRITERION: { vi: 'phiếu chấm điểm không có tiêu chí “{criterion}”', en: 'the sheet has no criterion “{criterion}”' },
  OUT_OF_RANGE: { vi: 'tiêu chí “{criterion}” chấm từ 0 đến {max} điểm', en: 'criterion “{criterion}” takes 0 to {max} points' },
  OFF_STEP: {
    vi: 'điểm của tiêu chí “{criterion}” chấm theo bước {step} điểm (với bước 0,5 là chấm đến nửa điểm, ví dụ 25 hoặc 25,5)',
    en: 'points on criterion “{criterion}” go in steps of {step} (with steps of 0.5, half points, for example 25 or 25.5)',
  },
};

/** Why an import file cannot be read (IMPORT_UNREADABLE's problem), in words. */
const IMPORT_PROBLEMS: Record<string, Template> = {
  NOT_A_SHEET: { vi: 'tệp không phải bảng tính Excel (.xlsx) hay tệp CSV', en: 'the file is neither an Excel workbook (.xlsx) nor a CSV file' },
  EMPTY: { vi: 'tệp không có dòng nào', en: 'the file has no rows' },
  MISSING_COLUMNS: { vi: 'dòng đầu thiếu cột {columns}', en: 'the first row lacks the columns {columns}' },
  TOO_MANY_ROWS: { vi: 'tệp có quá {limit} dòng', en: 'the file has more than {limit} rows' },
  NO_FILE: { vi: 'chưa gửi kèm tệp danh sách', en: 'no file was sent' },
};

/** The reason tables of the codes whose {why} is one of several problems, and the fallback when it is none of them. */
const REASONS: Partial<Record<ErrorCode, { param: string; table: Record<string, Template>; otherwise: Template }>> = {
  IMPORT_UNREADABLE: { param: 'problem', table: IMPORT_PROBLEMS, otherwise: IMPORT_PROBLEMS.NOT_A_SHEET },
  WEAK_PASSWORD: { param: 'reason', table: PASSWORD_PROBLEMS, otherwise: { vi: 'mật khẩu dễ bị đoán', en: 'it is easily guessed' } },
  INVALID_SCORES: {
    param: 'problem',
    table: SCORE_PROBLEMS,
    otherwise: { vi: 'tiêu chí không có hoặc điểm không hợp lệ', en: 'unknown criterion or points out of range' },
  },
  INVALID_MEETING_TIMES: {
    param: 'problem',
    table: MEETING_TIME_PROBLEMS,
    otherwise: { vi: 'giờ bắt đầu hoặc giờ kết thúc không phù hợp', en: 'the start or the end does not fit' },
  },
  RATING_NOT_ALLOWED: {
    param: 'reason',
    table: RATING_REASONS,
    otherwise: { vi: 'biên bản và phiếu chấm điểm không cho phép xếp loại này', en: 'the record and the score sheet do not allow it' },
  },
};

/** The reasons a refusal may give, as params (`{ problem: 'TOO_LONG' }`): what a walk over every sentence goes through. */
export function reasonParamsOf(code: ErrorCode): Record<string, string>[] {
  const reason = REASONS[code];
  return reason ? Object.keys(reason.table).map((key) => ({ [reason.param]: key })) : [];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
/** How much of a point a refusal quotes: enough to recognise it. */
const QUOTE_LENGTH = 60;

/** “The start of a point…”: how a refusal names a critique point (language.md: never its id). */
export function quotePoint(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  if (chars.length <= QUOTE_LENGTH) return `“${flat}”`;
  // Cut between words, so the quote ends on a whole word a person recognises.
  const head = chars.slice(0, QUOTE_LENGTH + 1).join('');
  const lastSpace = head.lastIndexOf(' ');
  return `“${(lastSpace > QUOTE_LENGTH / 2 ? head.slice(0, lastSpace) : chars.slice(0, QUOTE_LENGTH).join('')).replace(/[\s,;:.]+$/, '')}…”`;
}

/** One param as a person reads it: a rating or stage by its label, a day as dd/mm/yyyy, a time in Vietnam's. */
function readableValue(value: string | number, language: Language): string | number {
  if (typeof value !== 'string') return value;
  if ((RATINGS as readonly string[]).includes(value)) return RATING_LABELS[value as Rating][language];
  if ((CYCLE_STAGES as readonly string[]).includes(value)) return STAGE_LABELS[value as CycleStage][language];
  if (ISO_DATE.test(value)) return vietnamCalendarDay(value);
  if (ISO_TIME.test(value)) return language === 'vi' ? vietnamTime(Date.parse(value)) : englishVietnamTime(Date.parse(value));
  return value;
}

/** Params as a person reads them: labels for codes, days and times as people write them, reasons in words. */
function readableParams(code: ErrorCode, language: Language, params: Record<string, string | number>): Record<string, string | number> {
  const readable: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) readable[name] = readableValue(value, language);
  if (typeof params.step === 'number' && language === 'vi') readable.step = String(params.step).replace('.', ',');
  if (code === 'TOO_MANY_REQUESTS' && readable.retryAfterSeconds === undefined) readable.retryAfterSeconds = 60;
  if (code === 'MALFORMED_STEP') readable.field = stepFieldLabel(String(params.field), language);
  if (code === 'RATING_REQUIRED') readable.ratings = RATINGS.map((rating) => RATING_LABELS[rating][language]).join(', ');
  // A point is named by the start of its text; without its text the sentence goes on without naming it.
  const quoted = typeof params.pointText === 'string' ? quotePoint(params.pointText) : null;
  readable.point = !quoted ? '' : code === 'MISSING_RESPONSES' ? (language === 'vi' ? ` (như ý kiến ${quoted})` : ` (such as ${quoted})`) : ` ${quoted}`;
  const reason = REASONS[code];
  if (reason) {
    const why = reason.table[String(params[reason.param])] ?? reason.otherwise;
    readable.why = fill(why[language], readable);
  }
  return readable;
}

export function errorMessage(code: ErrorCode, language: Language, params: Record<string, string | number> = {}): string {
  const readable = readableParams(code, language, params);
  if (code === 'WRONG_STAGE' && !(OPEN_STAGES as readonly unknown[]).includes(params.stage)) {
    const ended = params.stage === 'CLOSED' || params.stage === 'CANCELLED' ? STAGE_LABELS[params.stage][language] : ENDED_UNKNOWN[language];
    return fill(NO_LONGER_OPEN[language], { ended: ended.charAt(0).toLowerCase() + ended.slice(1) });
  }
  return fill(ERROR_MESSAGES[code][language], readable);
}

/** Refusals of a request the API could not even read, and the answer to an error nobody foresaw. */
const TRANSPORT_MESSAGES = {
  unsupportedEncoding: {
    vi: 'Nội dung gửi lên được nén theo cách hệ thống không đọc được (chỉ nhận gzip, deflate, br).',
    en: 'The body is compressed in a way this API does not read (use gzip, deflate or br).',
  },
  damagedCompression: { vi: 'Nội dung nén gửi lên bị hỏng, không giải nén được.', en: 'The compressed body is damaged and cannot be read.' },
  badAddress: { vi: 'Địa chỉ trang có ký tự không hợp lệ; đề nghị kiểm tra lại đường dẫn.', en: 'The address contains an invalid character sequence.' },
  unreadableBody: { vi: 'Nội dung gửi lên không đọc được (không đúng định dạng JSON).', en: 'The request body is not valid JSON.' },
  unexpected: {
    vi: 'Hệ thống gặp lỗi ngoài dự kiến; lỗi đã được ghi lại để xử lý. Đề nghị đồng chí thử lại sau.',
    en: 'Unexpected error; it has been logged.',
  },
} satisfies Record<string, Template>;
export type TransportProblem = keyof typeof TRANSPORT_MESSAGES;
export const TRANSPORT_PROBLEMS = Object.keys(TRANSPORT_MESSAGES) as TransportProblem[];

export function transportMessage(problem: TransportProblem, language: Language): string {
  return TRANSPORT_MESSAGES[problem][language];
}
