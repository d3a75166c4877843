import type { Language, Template } from './language.js';

/**
 * The sentences for a request whose shape is wrong, one per class-validator constraint (and the API's own
 * validators): what the exception filter answers beside each field.
 */
/** {field} is the JSON path, {n} the constraint's number, {values} the allowed values. */
const CONSTRAINT_MESSAGES: Record<string, Template> = {
  whitelistValidation: { vi: 'trường {field} không được phép gửi', en: 'field {field} is not allowed' },
  isDefined: { vi: '{field} là bắt buộc', en: '{field} is required' },
  isNotEmpty: { vi: '{field} không được để trống', en: '{field} must not be empty' },
  isString: { vi: '{field} phải là chuỗi ký tự', en: '{field} must be a string' },
  isInt: { vi: '{field} phải là số nguyên', en: '{field} must be an integer' },
  isNumber: { vi: '{field} phải là số', en: '{field} must be a number' },
  isUuid: { vi: '{field} phải là mã UUID hợp lệ', en: '{field} must be a UUID' },
  isUUID: { vi: '{field} phải là mã UUID hợp lệ', en: '{field} must be a UUID' },
  maxDepth: { vi: '{field} lồng nhau quá sâu (tối đa 32 cấp)', en: '{field} is nested too deeply (at most 32 levels)' },
  storableText: {
    vi: '{field} chứa ký tự không lưu được (ký tự NUL hoặc mã Unicode lẻ)',
    en: '{field} contains characters that cannot be stored (NUL or a lone surrogate)',
  },
  isIn: { vi: '{field} phải là một trong các giá trị cho phép: {values}', en: '{field} must be one of: {values}' },
  isEnum: { vi: '{field} phải là một trong các giá trị cho phép: {values}', en: '{field} must be one of: {values}' },
  isArray: { vi: '{field} phải là một danh sách', en: '{field} must be a list' },
  isObject: { vi: '{field} phải là một đối tượng', en: '{field} must be an object' },
  isIso8601: { vi: '{field} phải là thời gian ISO 8601 có múi giờ', en: '{field} must be an ISO 8601 time' },
  isDateString: { vi: '{field} phải là thời gian ISO 8601 có múi giờ', en: '{field} must be an ISO 8601 time' },
  isDurationString: { vi: '{field} phải là khoảng thời gian ISO 8601 (ví dụ P3D, PT30S)', en: '{field} must be an ISO 8601 duration (e.g. P3D)' },
  isOffsetDateTime: {
    vi: '{field} phải là một thời điểm có thật kèm múi giờ, từ năm 2000 đến năm 2099 (ví dụ 2026-12-05T08:00:00+07:00)',
    en: '{field} must be a real time with an offset, in the years 2000 to 2099 (e.g. 2026-12-05T08:00:00+07:00)',
  },
  isCalendarDate: {
    vi: '{field} phải là một ngày có thật dạng YYYY-MM-DD, từ năm 2000 đến năm 2099',
    en: '{field} must be a real date YYYY-MM-DD in the years 2000 to 2099',
  },
  isDisplayName: {
    vi: '{field} phải là một tên có chữ, không quá {n} ký tự, không chứa ký tự ẩn hay ký tự đổi chiều viết',
    en: '{field} must be a name with letters, at most {n} characters, without hidden or direction-changing characters',
  },
  isScoreSheet: {
    vi: '{field} phải là bảng điểm: mã tiêu chí → số điểm từ 0 đến 100 (lẻ đến nửa điểm)',
    en: '{field} must map criterion ids to points from 0 to 100 (half points allowed)',
  },
  maxLength: { vi: '{field} không được dài quá {n} ký tự', en: '{field} must be at most {n} characters' },
  minLength: { vi: '{field} phải có ít nhất {n} ký tự', en: '{field} must be at least {n} characters' },
  arrayMinSize: { vi: '{field} phải có ít nhất {n} phần tử', en: '{field} must have at least {n} items' },
  arrayMaxSize: { vi: '{field} có tối đa {n} phần tử', en: '{field} must have at most {n} items' },
  arrayUnique: { vi: '{field} không được có phần tử trùng nhau', en: '{field} must not repeat items' },
  min: { vi: '{field} không được nhỏ hơn {n}', en: '{field} must not be less than {n}' },
  max: { vi: '{field} không được lớn hơn {n}', en: '{field} must not be greater than {n}' },
  matches: { vi: '{field} không đúng định dạng', en: '{field} has the wrong format' },
  nestedValidation: { vi: '{field} phải là đối tượng hợp lệ', en: '{field} must be a valid object' },
};

export function constraintMessage(
  constraint: string,
  language: Language,
  field: string,
  details: { n?: string; values?: string },
): string {
  const template = CONSTRAINT_MESSAGES[constraint] ?? { vi: '{field} không hợp lệ', en: '{field} is not valid' };
  return template[language]
    .replace('{field}', field)
    .replace('{n}', details.n ?? '')
    .replace('{values}', details.values ?? '');
}
