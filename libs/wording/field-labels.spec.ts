import { beforeAll, describe, expect, it } from '@jest/globals';
import 'reflect-metadata';
import { getMetadataStorage } from 'class-validator';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultLeads } from '../domain/cycle-schedule.js';
import { errorMessage } from './error-messages.js';
import { FIELD_LABELS, describeField, stepFieldLabel, type FieldLabel, type FieldTable } from './field-labels.js';
import type { Language } from './language.js';
import { CONSTRAINTS, constraintMessage } from './validation-messages.js';

const API = fileURLToPath(new URL('../../apps/api/', import.meta.url));
const PAYLOADS = fileURLToPath(new URL('../../workflows/model-meeting/model-meeting.payloads.ts', import.meta.url));
const LANGUAGES: Language[] = ['vi', 'en'];
const TABLES: Readonly<Record<string, FieldTable>> = FIELD_LABELS;

/** class-validator does not export the type of one decorator's metadata. */
type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

/** class-validator keeps its metadata by class and offers no list of the classes: the test reads the map itself. */
type Storage = {
  validationMetadatas: Map<Class, ValidationMetadata[]>;
  getTargetValidatorConstraints(target: ValidationMetadata['constraintCls']): { name?: string }[];
};
type Class = abstract new (...args: never[]) => unknown;

/** Metadata that only says "skip when absent" (IsOptional) validates nothing. */
const CONDITIONAL = 'conditionalValidation';

interface Property {
  target: Class;
  form: string;
  property: string;
  metadata: ValidationMetadata[];
}

let properties: Property[] = [];

/** The key of each constraint in a ValidationError: a custom validator's name, else the metadata's type. */
function constraintOf(storage: Storage, metadata: ValidationMetadata): string {
  return storage.getTargetValidatorConstraints(metadata.constraintCls)[0]?.name ?? metadata.type;
}

beforeAll(async () => {
  const files = (readdirSync(API, { recursive: true }) as string[]).filter((file) => /\.(dto|params|query)\.ts$/.test(file));
  for (const file of files) await import(`${API}${file}`);
  const storage = getMetadataStorage() as unknown as Storage;
  properties = [];
  for (const [target, metadatas] of storage.validationMetadatas) {
    const byProperty = new Map<string, ValidationMetadata[]>();
    for (const metadata of metadatas) byProperty.set(metadata.propertyName, [...(byProperty.get(metadata.propertyName) ?? []), metadata]);
    for (const [property, metadata] of byProperty) properties.push({ target, form: target.name, property, metadata });
  }
});

function labelOf({ form, property }: Property): FieldLabel | undefined {
  const table = Object.hasOwn(TABLES, form) ? TABLES[form] : undefined;
  return table && Object.hasOwn(table, property) ? table[property] : undefined;
}

function constraintsOf(entry: Property): string[] {
  const storage = getMetadataStorage() as unknown as Storage;
  return entry.metadata.filter((metadata) => metadata.type !== CONDITIONAL).map((metadata) => constraintOf(storage, metadata));
}

const FORBIDDEN_WORDS = /trường|chuỗi ký tự|đối tượng|mã Unicode|lồng nhau|vai trò|ở tương lai|vui lòng/i;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}|\bUUID\b/i;
const ISO_TIME = /\d{4}-\d{2}-\d{2}|\bT\d{2}:\d{2}/;
const DOTTED_IDENTIFIER = /\b[A-Za-z_]\w*\.[A-Za-z_]\w*/;
/** invitedCellIds, or AttendancePresent once a sentence capitalises it; never a word of Vietnamese or English. */
const CAMEL_CASE_IDENTIFIER = /\b[A-Za-z][a-z]+[A-Z]\w*/;

/** What a sentence a person reads must not be: each problem in words, none when it is fine. */
function problemsOf(sentence: string): string[] {
  const problems: string[] = [];
  if (!/^\p{Lu}/u.test(sentence)) problems.push('does not start with a capital letter');
  if (!sentence.endsWith('.')) problems.push('does not end with a full stop');
  if (FORBIDDEN_WORDS.test(sentence)) problems.push(`has a word the house style forbids: ${FORBIDDEN_WORDS.exec(sentence)?.[0]}`);
  if (UUID.test(sentence)) problems.push('shows a UUID');
  if (ISO_TIME.test(sentence)) problems.push('shows an ISO date or time');
  if (DOTTED_IDENTIFIER.test(sentence)) problems.push(`shows a field path: ${DOTTED_IDENTIFIER.exec(sentence)?.[0]}`);
  if (CAMEL_CASE_IDENTIFIER.test(sentence)) problems.push(`shows a field name: ${CAMEL_CASE_IDENTIFIER.exec(sentence)?.[0]}`);
  return problems;
}

/** The paths a sentence can name for a property: itself, an element of it, and the fields of its elements or its nested object. */
function pathsOf(entry: Property, label: FieldLabel): string[][] {
  const nested = label.fields !== undefined && Object.hasOwn(TABLES, label.fields) ? Object.keys(TABLES[label.fields]) : [];
  const paths: string[][] = [[entry.property]];
  if (label.item) paths.push([entry.property, '1'], ...nested.map((child) => [entry.property, '1', child]));
  else paths.push(...nested.map((child) => [entry.property, child]));
  return paths;
}

/** The codes an isIn constraint allows, as the filter reads them from class-validator's message. */
function allowedOf(entry: Property): string[] {
  return entry.metadata.filter((metadata) => metadata.name === 'isIn').flatMap((metadata) => (metadata.constraints[0] as unknown[]).map(String));
}

describe('the checks of a sentence', () => {
  it.each([
    ['attendance.present là bắt buộc.', 'does not start with a capital letter'],
    ['Số đảng viên có mặt là bắt buộc', 'does not end with a full stop'],
    ['Tiêu đề phải là chuỗi ký tự.', 'has a word the house style forbids: chuỗi ký tự'],
    ['Vui lòng chọn chi bộ.', 'has a word the house style forbids: Vui lòng'],
    ['Chi bộ phải là mã UUID hợp lệ.', 'shows a UUID'],
    ['Chi bộ 0b7c6f3e-1d2a-4c5b-9e8f-7a6b5c4d3e2f không hợp lệ.', 'shows a UUID'],
    ['Thời gian phải như 2026-12-05T08:00:00+07:00.', 'shows an ISO date or time'],
    ['Số có mặt (attendance.present) là bắt buộc.', 'shows a field path: attendance.present'],
    ['Chi bộ được mời (invitedCellIds) là bắt buộc.', 'shows a field name: invitedCellIds'],
    ['AttendancePresent is required.', 'shows a field name: AttendancePresent'],
  ])('%j: %s', (sentence, problem) => {
    expect(problemsOf(sentence)).toContain(problem);
  });

  it('finds nothing wrong in a sentence as the house style writes it', () => {
    expect(problemsOf('Số đảng viên có mặt là bắt buộc.')).toEqual([]);
  });
});

describe('field labels', () => {
  it('reads the DTO, params and query classes of the API', () => {
    expect(new Set(properties.map((entry) => entry.form)).size).toBeGreaterThanOrEqual(40);
  });

  it('has a label in Vietnamese and in English for every validated property of every DTO class', () => {
    const missing = properties
      .filter((entry) => {
        const label = labelOf(entry);
        return !label || label.vi.trim() === '' || label.en.trim() === '';
      })
      .map(({ form, property }) => `${form}.${property}`);
    expect(missing).toEqual([]);
  });

  it('labels nothing that is not validated (a renamed property leaves no stale label)', () => {
    const validated = new Set(properties.map(({ form, property }) => `${form}.${property}`));
    const stale = Object.entries(TABLES).flatMap(([form, table]) => Object.keys(table).map((property) => `${form}.${property}`)).filter((name) => !validated.has(name));
    expect(stale).toEqual([]);
  });

  it('names the element of every list, and the fields of every nested object or element', () => {
    const problems: string[] = [];
    for (const entry of properties) {
      const label = labelOf(entry);
      if (!label) continue;
      const name = `${entry.form}.${entry.property}`;
      const isList = entry.metadata.some((metadata) => metadata.each) || constraintsOf(entry).includes('isArray');
      if (isList && !(label.item?.vi && label.item.en)) problems.push(`${name}: a list without an item noun`);
      if (constraintsOf(entry).includes('nestedValidation')) {
        if (label.fields === undefined || !Object.hasOwn(TABLES, label.fields)) problems.push(`${name}: nested fields without a table`);
        // The declared type names the nested class of an object; a list's element class is not recorded.
        const declared = Reflect.getMetadata('design:type', entry.target.prototype as object, entry.property) as Class | undefined;
        if (declared && declared !== Array && declared.name !== label.fields) problems.push(`${name}: fields ${label.fields} for a ${declared.name}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has the label of every value an enum-valued field takes, and the way a pattern-checked field is written', () => {
    const problems: string[] = [];
    for (const entry of properties) {
      const label = labelOf(entry);
      if (!label) continue;
      const values = label.values;
      for (const code of allowedOf(entry)) {
        if (!values || !Object.hasOwn(values, code) || !values[code].vi || !values[code].en) problems.push(`${entry.form}.${entry.property}: no label for ${code}`);
      }
      if (constraintsOf(entry).includes('matches') && !(label.format?.vi && label.format.en)) problems.push(`${entry.form}.${entry.property}: no format`);
    }
    expect(problems).toEqual([]);
  });

  it('lists the choices of an enum-valued field by their labels, never the codes', () => {
    expect(constraintMessage('isIn', 'vi', describeField('ReviewDto', ['rating'], 'vi', ['TOT', 'KHA', 'TRUNG_BINH', 'KEM']))).toBe(
      'Xếp loại phải chọn một trong: Tốt, Khá, Trung bình, Kém.',
    );
    // 'accept' is "Tiếp thu" for a point's answer, "Tham dự" for an invitation, "Thông qua báo cáo" for a review.
    expect(describeField('PointResponseDto', ['stance'], 'vi', ['accept', 'partly', 'disagree']).choices).toBe('“Tiếp thu”, “Tiếp thu một phần”, “Giải trình, bảo lưu”');
    expect(describeField('RsvpDto', ['response'], 'vi', ['accept', 'decline']).choices).toBe('Tham dự, Không tham dự');
    expect(describeField('ReviewDto', ['decision'], 'vi', ['accept', 'revise']).choices).toBe('Thông qua báo cáo, Đề nghị hoàn thiện báo cáo');
  });

  it('names a field of a nested object by its own label, and one of a list’s element after the element', () => {
    expect(describeField('RecordMeetingDto', ['attendance', 'present'], 'vi').label).toBe('Số đảng viên có mặt');
    expect(describeField('SubmitCritiqueDto', ['points', '1', 'text'], 'vi').label).toBe('Ý kiến thứ 2: nội dung ý kiến');
    expect(describeField('SubmitCritiqueDto', ['points', '1', 'text'], 'en').label).toBe('Point 2: text of the point');
    expect(describeField('FileReportDto', ['lessons', '2'], 'vi').label).toBe('Bài học thứ 3');
    expect(describeField('CycleIdParams', ['id'], 'vi').label).toBe('Đợt sinh hoạt');
    // A key the form does not have names the nearest field the person can see.
    expect(describeField('SubmitCritiqueDto', ['points', '0', 'extra'], 'vi').label).toBe('Ý kiến thứ 1');
    expect(describeField(undefined, ['anything'], 'vi').label).toBe('Nội dung gửi lên');
  });

  it.each(LANGUAGES)('every constraint sentence with every field label reads as a person writes it (%s)', (language) => {
    const problems: string[] = [];
    for (const entry of properties) {
      const label = labelOf(entry);
      if (!label) continue;
      const used = new Set(constraintsOf(entry));
      for (const path of pathsOf(entry, label)) {
        const field = describeField(entry.form, path, language, allowedOf(entry));
        for (const constraint of CONSTRAINTS) {
          const sentence = constraintMessage(constraint, language, field, { n: 5000, key: 'extra' });
          const found = problemsOf(sentence);
          if (language === 'vi' && new RegExp(`\\b${path.at(-1)}\\b`).test(sentence)) found.push('shows the property name');
          // A sentence of a constraint the property has fills every placeholder from the field's labels.
          if (path.length === 1 && used.has(constraint) && sentence.includes('…')) found.push('has an unfilled placeholder');
          if (found.length > 0) problems.push(`${entry.form} ${path.join('.')} ${constraint}: “${sentence}” ${found.join('; ')}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('has a sentence of its own for every constraint a DTO uses', () => {
    const used = new Set(properties.flatMap(constraintsOf));
    expect([...used].filter((constraint) => !CONSTRAINTS.includes(constraint))).toEqual([]);
  });
});

/** Every path malformedStep and malformedLaunch answer, read from their source so a new one is not missed. */
function stepPaths(): string[] {
  const source = readFileSync(PAYLOADS, 'utf8');
  const plain = [...source.matchAll(/(?:&&|\?|:|return)\s*'([a-zA-Z][\w.]*)'/g)].map((match) => match[1]);
  const elements = [...source.matchAll(/`(\w+)\.\$\{/g)].map((match) => `${match[1]}.0`).filter((path) => !path.startsWith('schedule.'));
  const schedule = ['critiqueWindowMs', 'reportWindowMs', ...Object.keys(defaultLeads(1, 1))].map((key) => `schedule.${key}`);
  return [...new Set([...plain, ...elements, ...schedule])];
}

describe('the field of a MALFORMED_STEP refusal', () => {
  it('reads every path of a step’s payload', () => {
    expect(stepPaths()).toEqual(expect.arrayContaining(['envelope', 'actor.role', 'attendance.present', 'points.0', 'actionItems.0', 'schedule', 'launchedBy']));
  });

  it.each(LANGUAGES)('names each path by its label, never the path (%s)', (language) => {
    const problems: string[] = [];
    const wholeRequest = stepFieldLabel('envelope', language);
    for (const path of stepPaths()) {
      const label = stepFieldLabel(path, language);
      const sentence = errorMessage('MALFORMED_STEP', language, { field: path });
      const found = problemsOf(sentence);
      if (!sentence.includes(`“${label}”`)) found.push('does not name the label');
      if (path !== 'envelope' && label === wholeRequest) found.push('has no label of its own');
      if (language === 'vi' && new RegExp(`\\b${path.split('.').at(-1)}\\b`).test(sentence)) found.push('shows the property name');
      if (found.length > 0) problems.push(`${path}: “${sentence}” ${found.join('; ')}`);
    }
    expect(problems).toEqual([]);
  });

  it('names an element and the nested fields as the forms do', () => {
    expect(stepFieldLabel('attendance.present', 'vi')).toBe('Số đảng viên có mặt');
    expect(stepFieldLabel('points.3', 'vi')).toBe('Ý kiến thứ 4');
    expect(stepFieldLabel('schedule.critiqueWindowMs', 'vi')).toBe('Thời gian nhận xét, góp ý');
    expect(stepFieldLabel('schedule.somethingElse', 'vi')).toBe('Thời hạn và lịch nhắc việc');
  });
});
