import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../../../libs/domain/domain-error.js';
import type { ErrorCode } from '../../../libs/domain/error-codes.js';
import { OrganisationRepository } from '../../../libs/persistence/repositories/organisation.repository.js';
import type { Language } from '../../../libs/wording/language.js';
import { ChangeCellDto, DeactivateCellDto } from '../committees/change-cell.dto.js';
import { CommitteesService } from '../committees/committees.service.js';
import { CreateCellDto } from '../committees/create-cell.dto.js';
import { ChangeUserDto, ReplaceSecretaryDto, ResetPasswordDto } from '../users/change-user.dto.js';
import { CreateUserDto } from '../users/create-user.dto.js';
import type { UserView } from '../users/user.mapper.js';
import { UsersService } from '../users/users.service.js';
import { cellPage, type CellDetails, type CellForms } from './pages/cell.page.js';
import { cellsPage, type CellForm, type CellRow } from './pages/cells.page.js';
import type { FormBody } from './web-forms.js';
import { WebFormOnceService } from './web-form-once.service.js';
import {
  accountFields,
  cellFields,
  contactFields,
  deactivateCellFields,
  initialPassword,
  resetFields,
  typedNumber,
  type PageForm,
} from './web-organisation-forms.js';
import { newSecret, type WebVisitor } from './web-sessions.service.js';
import { answered, personOf, type PageAnswer } from './web.service.js';

/** A commune has a few dozen cells and accounts: the API's largest page holds them all. */
const WHOLE_LIST = { limit: 500 };

/** The refusals of an account form that are about one of its fields. */
const ACCOUNT_REFUSALS = { USERNAME_TAKEN: 'username', WEAK_PASSWORD: 'password' } as const;

type CellFormName = keyof CellForms;

const fresh = (typed: Record<string, string | undefined> = {}): PageForm<Record<string, string | undefined>> => ({ key: newSecret(), typed });

/**
 * The committee office's cells and secretaries (web.md): the same services, DTOs and access rules as the JSON
 * API's /api/committees/:id/cells and /api/users, for the office's own committee only; each form acts once per key.
 */
@Injectable()
export class WebCellsService {
  constructor(
    @Inject(CommitteesService) private readonly committees: CommitteesService,
    @Inject(UsersService) private readonly users: UsersService,
    @Inject(OrganisationRepository) private readonly organisation: OrganisationRepository,
    @Inject(WebFormOnceService) private readonly once: WebFormOnceService,
  ) {}

  async cellsPage(visitor: WebVisitor, language: Language, form: CellForm = fresh()): Promise<string> {
    const committeeId = officeOf(visitor);
    const [cells, people, [committee]] = await Promise.all([
      this.committees.listCells(visitor.user, committeeId, WHOLE_LIST),
      this.users.listOf(visitor.user, committeeId, WHOLE_LIST),
      this.organisation.committee(committeeId),
    ]);
    const rows: CellRow[] = cells.map((cell) => ({ ...cell, secretaries: secretariesOf(people, cell.id) }));
    return cellsPage(language, personOf(visitor), committee?.name ?? '', rows, form);
  }

  /** A new cell of the office's committee; the office then gives it a secretary on the cell's page. */
  async addCell(visitor: WebVisitor, body: FormBody, language: Language): Promise<PageAnswer> {
    const committeeId = officeOf(visitor);
    const typed = cellFields(body);
    const { errors, led, key } = await this.once.send(visitor, body, language, {
      name: 'POST /chi-bo',
      dto: CreateCellDto,
      answer: { name: typed.name ?? '', memberCount: typedNumber(typed.memberCount) },
      besideField: { CELL_NAME_TAKEN: 'name' },
      act: async (dto) => `/chi-bo/${(await this.committees.createCell(visitor.user, committeeId, dto)).id}?done=created`,
    });
    return answered(errors, led, (found) => this.cellsPage(visitor, language, { key, typed, errors: found }));
  }

  /** One cell of the office's committee, with its forms; a cell of another committee is not found, as in the API. */
  async cellPage(visitor: WebVisitor, cellId: string, language: Language, done?: string, failed?: { form: CellFormName } & PageForm<Record<string, string | undefined>>): Promise<string> {
    const details = await this.details(visitor, cellId);
    const forms: CellForms = {
      change: fresh({ name: details.cell.name, memberCount: String(details.cell.memberCount) }),
      secretary: fresh({ password: initialPassword() }),
      reset: fresh({ newPassword: initialPassword() }),
      deactivate: fresh(),
      contact: fresh({ email: details.secretaries.length === 1 ? (details.secretaries[0].email ?? '') : '' }),
    };
    if (failed) forms[failed.form] = failed;
    return cellPage(language, personOf(visitor), details, forms, failed ? undefined : done);
  }

  /** A new name or number of members. */
  async changeCell(visitor: WebVisitor, cellId: string, body: FormBody, language: Language): Promise<PageAnswer> {
    const committeeId = officeOf(visitor);
    const typed = cellFields(body);
    const answer = { name: typed.name ?? '', ...numberIfTyped(typed.memberCount) };
    return this.send(visitor, cellId, language, body, 'change', typed, ChangeCellDto, answer, `/chi-bo/${cellId}?done=changed`, { CELL_NAME_TAKEN: 'name' }, (dto) =>
      this.committees.changeCell(visitor.user, committeeId, cellId, dto),
    );
  }

  /**
   * The cell's secretary account, with the initial password the office typed or kept: made as POST /api/users
   * makes it when the cell has none, or as the API's secretary replacement when it has one (the old account is
   * deactivated). Either way the secretary changes the password at first sign-in.
   */
  async giveSecretary(visitor: WebVisitor, cellId: string, body: FormBody, language: Language): Promise<PageAnswer> {
    const committeeId = officeOf(visitor);
    const typed = accountFields(body);
    const { secretaries } = await this.details(visitor, cellId);
    const account = { fullName: typed.fullName ?? '', username: typed.username ?? '', password: typed.password ?? '', mustChangePassword: true };
    const redirectTo = `/chi-bo/${cellId}?done=secretary`;
    if (secretaries.length > 0) {
      return this.send(visitor, cellId, language, body, 'secretary', typed, ReplaceSecretaryDto, account, redirectTo, ACCOUNT_REFUSALS, (dto) =>
        this.users.replaceSecretary(visitor.user, committeeId, cellId, dto),
      );
    }
    return this.send(visitor, cellId, language, body, 'secretary', typed, CreateUserDto, { ...account, role: 'secretary', committeeId, cellId }, redirectTo, ACCOUNT_REFUSALS, (dto) =>
      this.users.create(visitor.user, dto),
    );
  }

  /** A temporary password for one of the cell's secretaries, as POST /api/users/:id/password-reset sets it. */
  async resetPassword(visitor: WebVisitor, cellId: string, body: FormBody, language: Language): Promise<PageAnswer> {
    const typed = resetFields(body);
    const { secretaries } = await this.details(visitor, cellId);
    // Only this cell's secretaries are reset from its page; any other account is not found here.
    const secretary = secretaries.find((candidate) => candidate.id === typed.userId);
    if (!secretary) throw new DomainError('NOT_FOUND');
    return this.send(visitor, cellId, language, body, 'reset', typed, ResetPasswordDto, { newPassword: typed.newPassword ?? '' }, `/chi-bo/${cellId}?done=password`, { WEAK_PASSWORD: 'newPassword' }, (dto) =>
      this.users.resetPassword(visitor.user, secretary.id, dto.newPassword),
    );
  }

  /**
   * The secretary's email (emptied: none) and a new phone when one is typed (kept otherwise, removed when asked),
   * as PATCH /api/users/:id sets them; for a cell with one secretary, whose account the form names.
   */
  async secretaryContact(visitor: WebVisitor, cellId: string, body: FormBody, language: Language): Promise<PageAnswer> {
    const typed = contactFields(body);
    const { secretaries } = await this.details(visitor, cellId);
    const secretary = secretaries.find((candidate) => candidate.id === typed.userId);
    if (!secretary) throw new DomainError('NOT_FOUND');
    const answer = {
      email: typed.email?.trim() ? typed.email : null,
      ...(typed.clearPhone === '1' ? { phone: null } : typed.phone?.trim() ? { phone: typed.phone } : {}),
    };
    return this.send(visitor, cellId, language, body, 'contact', typed, ChangeUserDto, answer, `/chi-bo/${cellId}?done=contact`, {}, (dto) =>
      this.users.change(visitor.user, secretary.id, dto),
    );
  }

  /** The cell dissolved, or merged into another of the committee's cells, with the reason. */
  async deactivateCell(visitor: WebVisitor, cellId: string, body: FormBody, language: Language): Promise<PageAnswer> {
    const committeeId = officeOf(visitor);
    const typed = deactivateCellFields(body);
    const answer = { reason: typed.reason?.trim() ?? '', ...(typed.mergedIntoCellId ? { mergedIntoCellId: typed.mergedIntoCellId } : {}) };
    return this.send(visitor, cellId, language, body, 'deactivate', typed, DeactivateCellDto, answer, `/chi-bo/${cellId}?done=deactivated`, { INVALID_CELL: 'mergedIntoCellId' }, (dto) =>
      this.committees.deactivateCell(visitor.user, committeeId, cellId, dto),
    );
  }

  /**
   * One form of the cell page sent through the API's DTO and service under its key; the cell page again with this
   * form as typed (passwords included: the office typed or kept them) and its sentences when it is refused.
   */
  private async send<Dto extends object>(
    visitor: WebVisitor,
    cellId: string,
    language: Language,
    body: FormBody,
    form: CellFormName,
    typed: Record<string, string | undefined>,
    dtoClass: new () => Dto,
    answer: Record<string, unknown>,
    redirectTo: string,
    besideField: Partial<Record<ErrorCode, string>>,
    act: (dto: Dto) => Promise<unknown>,
  ): Promise<PageAnswer> {
    const { errors, led, key } = await this.once.send(visitor, body, language, {
      name: `POST /chi-bo/${cellId} ${form}`,
      dto: dtoClass,
      answer,
      besideField,
      act: async (dto) => {
        await act(dto);
        return redirectTo;
      },
    });
    return answered(errors, led, (found) => this.cellPage(visitor, cellId, language, undefined, { form, key, typed, errors: found }));
  }

  /** The cell as the office's list shows it, read through the API's service (another committee's cell: NOT_FOUND). */
  private async details(visitor: WebVisitor, cellId: string): Promise<CellDetails> {
    const committeeId = officeOf(visitor);
    const [cells, people] = await Promise.all([this.committees.listCells(visitor.user, committeeId, WHOLE_LIST), this.users.listOf(visitor.user, committeeId, WHOLE_LIST)]);
    const cell = cells.find((candidate) => candidate.id === cellId);
    if (!cell) throw new DomainError('NOT_FOUND');
    const secretaries = people
      .filter((user) => user.role === 'secretary' && user.cellId === cellId && user.active)
      .map((user) => ({ id: user.id, fullName: user.fullName, username: user.username, mustChangePassword: user.mustChangePassword, email: user.email, phoneMasked: user.phoneMasked }));
    let deactivation: CellDetails['deactivation'] = null;
    let openCycles: CellDetails['openCycles'] = [];
    if (!cell.active) {
      const stored = await this.organisation.cell(cellId);
      const mergedInto = cells.find((candidate) => candidate.id === cell.mergedIntoCellId);
      deactivation = { at: stored?.deactivatedAt?.toISOString() ?? null, reason: stored?.deactivationReason ?? null, mergedIntoName: mergedInto?.name ?? null };
      openCycles = await this.organisation.openCyclesOf(cellId);
    }
    return {
      cell: { ...cell, secretaries },
      secretaries,
      mergeTargets: cells.filter((candidate) => candidate.active && candidate.id !== cellId).map((candidate) => ({ id: candidate.id, name: candidate.name })),
      deactivation,
      openCycles,
    };
  }
}

/**
 * The committee whose cells the visitor manages: committee staff manage their own committee's; anyone else is
 * refused in words, as the API's role rule refuses them (the admin manages committees on /quan-tri).
 */
export function officeOf(visitor: WebVisitor): string {
  if (visitor.user.role !== 'committee' || !visitor.user.committeeId) throw new DomainError('ROLE_NOT_ALLOWED');
  return visitor.user.committeeId;
}

function secretariesOf(people: UserView[], cellId: string): CellRow['secretaries'] {
  return people.filter((user) => user.role === 'secretary' && user.cellId === cellId && user.active).map((user) => ({ fullName: user.fullName, username: user.username }));
}

/** A changed number of members when one was typed; left out (unchanged) when the field is empty. */
function numberIfTyped(value: string | undefined): { memberCount?: number } {
  const count = typedNumber(value);
  return count === undefined ? {} : { memberCount: count };
}
