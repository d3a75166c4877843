import { fill, type Language, type Template } from './language.js';

/** A field as its sentences name it (see describeField in field-labels.ts). */
export interface FieldDescription {
  /** The field's label on the form, or "Ý kiến thứ 2: nội dung ý kiến" for a field of a list's element. */
  label: string;
  /** What one element of a list is called, for sentences about the list's length. */
  item?: string;
  /** The labels of the values the field takes, as one list. */
  choices?: string;
  /** How a value checked against a pattern must be written. */
  format?: string;
}

/** What a sentence needs besides the field: the constraint's number, or the key that the form does not have. */
export interface ConstraintDetails {
  n?: number;
  key?: string;
}

/**
 * The sentence for each class-validator constraint (and the API's own checks) as a Party office writes it
 * (language.md): it starts with the field's label, names values by their labels, says what to do where it
 * helps, and never shows a path, a code, an ISO example or a programmer's word. {label}, {item}, {choices}
 * and {format} come from the field, {n} from the constraint, {key} from what the client sent.
 */
const CONSTRAINT_MESSAGES: Record<string, Template> = {
  whitelistValidation: { vi: 'Mục thông tin “{key}” không có trong biểu mẫu này.', en: 'This form has no field “{key}”.' },
  isDefined: { vi: '{label} là bắt buộc.', en: '{label} is required.' },
  isNotEmpty: { vi: '{label} không được để trống.', en: '{label} must not be empty.' },
  isString: { vi: '{label} phải được nhập dưới dạng văn bản.', en: '{label} must be text.' },
  isInt: { vi: '{label} phải là số nguyên.', en: '{label} must be a whole number.' },
  isNumber: { vi: '{label} phải là số.', en: '{label} must be a number.' },
  isBoolean: { vi: '{label} chỉ nhận “có” hoặc “không”.', en: '{label} must be yes or no.' },
  isUuid: { vi: '{label} không hợp lệ; đề nghị chọn lại từ danh sách.', en: '{label} is not valid; choose it again from the list.' },
  maxDepth: { vi: '{label} có quá nhiều tầng thông tin (tối đa {n} tầng).', en: '{label} is nested too deeply (at most {n} levels).' },
  storableText: {
    vi: '{label} có ký tự không lưu được; đề nghị gõ lại nội dung.',
    en: '{label} has characters that cannot be stored; type it again.',
  },
  isIn: { vi: '{label} phải chọn một trong: {choices}.', en: '{label} must be one of: {choices}.' },
  isArray: { vi: '{label} phải là một danh sách.', en: '{label} must be a list.' },
  isObject: { vi: '{label} phải gồm các mục thông tin của biểu mẫu.', en: '{label} must be a group of fields.' },
  nestedValidation: { vi: '{label} phải gồm các mục thông tin của biểu mẫu.', en: '{label} must be a group of fields.' },
  unknownValue: { vi: '{label} chưa đúng quy định.', en: '{label} is not valid.' },
  isDurationString: {
    vi: '{label} phải là một khoảng thời gian lớn hơn 0 và không quá một năm.',
    en: '{label} must be an ISO 8601 duration above zero and at most a year, such as P3D or PT4H.',
  },
  isOffsetDateTime: {
    vi: '{label} phải là một thời điểm có thật, đủ ngày, giờ và múi giờ, từ năm 2000 đến năm 2099.',
    en: '{label} must be a real time with its offset from UTC (such as +07:00), in the years 2000 to 2099.',
  },
  isCalendarDate: {
    vi: '{label} phải là một ngày có thật, từ năm 2000 đến năm 2099.',
    en: '{label} must be a real date (YYYY-MM-DD) in the years 2000 to 2099.',
  },
  isDisplayName: {
    vi: '{label} phải có chữ hoặc số, không quá {n} ký tự, không có ký tự ẩn hay ký tự đổi chiều viết.',
    en: '{label} must have letters or digits, at most {n} characters, and no hidden or direction-changing characters.',
  },
  isScoreSheet: {
    vi: '{label} chưa hợp lệ: mỗi tiêu chí được chấm từ 0 đến 100 điểm.',
    en: '{label} is not valid: each criterion takes 0 to 100 points.',
  },
  maxLength: { vi: '{label} không được dài quá {n} ký tự.', en: '{label} must be at most {n} characters.' },
  minLength: { vi: '{label} phải có ít nhất {n} ký tự.', en: '{label} must be at least {n} characters.' },
  arrayMinSize: { vi: '{label} cần có ít nhất {n} {item}.', en: '{label}: at least {n} needed.' },
  arrayMaxSize: { vi: '{label} không được quá {n} {item}.', en: '{label}: at most {n} allowed.' },
  arrayUnique: { vi: '{label} có {item} bị trùng.', en: '{label} has the same entry twice.' },
  min: { vi: '{label} không được nhỏ hơn {n}.', en: '{label} must not be less than {n}.' },
  max: { vi: '{label} không được lớn hơn {n}.', en: '{label} must not be greater than {n}.' },
  matches: { vi: '{label} chưa đúng quy cách ({format}).', en: '{label} is not written as required ({format}).' },
  isEmail: {
    vi: '{label} chưa đúng: cần có tên, dấu @ rồi tên miền.',
    en: '{label} is not valid: it needs a name, @ and then the domain.',
  },
  isVietnameseMobile: {
    vi: '{label} phải là một số điện thoại di động Việt Nam, ví dụ 0912 345 678 hoặc +84 912 345 678.',
    en: '{label} must be a Vietnamese mobile number, such as 0912 345 678 or +84 912 345 678.',
  },
};

/** Every constraint that has a sentence of its own. */
export const CONSTRAINTS: readonly string[] = Object.keys(CONSTRAINT_MESSAGES);

const OTHERWISE: Template = { vi: '{label} chưa đúng quy định.', en: '{label} is not valid.' };

/** A number as people write it: 5.000 and 0,25 in Vietnamese, 5,000 and 0.25 in English. */
function written(n: number, language: Language): string {
  return n.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-US');
}

export function constraintMessage(constraint: string, language: Language, field: FieldDescription, details: ConstraintDetails = {}): string {
  // Text of at least one character: what a person leaves empty, said as such.
  const name = constraint === 'minLength' && details.n === 1 ? 'isNotEmpty' : constraint;
  const template = Object.hasOwn(CONSTRAINT_MESSAGES, name) ? CONSTRAINT_MESSAGES[name] : OTHERWISE;
  const sentence = fill(template[language], {
    label: field.label,
    item: field.item,
    choices: field.choices,
    format: field.format,
    key: details.key,
    n: details.n === undefined ? undefined : written(details.n, language),
  });
  return sentence.charAt(0).toLocaleUpperCase(language) + sentence.slice(1);
}
