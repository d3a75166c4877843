import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../../../libs/domain/domain-error.js';
import type { ErrorCode } from '../../../libs/domain/error-codes.js';
import { OrganisationRepository } from '../../../libs/persistence/repositories/organisation.repository.js';
import type { Language } from '../../../libs/wording/language.js';
import { CommitteesService } from '../committees/committees.service.js';
import { CreateCommitteeDto } from '../committees/create-committee.dto.js';
import { DeactivateUserDto } from '../users/change-user.dto.js';
import { CreateUserDto } from '../users/create-user.dto.js';
import type { UserView } from '../users/user.mapper.js';
import { UsersService } from '../users/users.service.js';
import { adminCommitteePage, type AdminCommitteeForms } from './pages/admin-committee.page.js';
import { adminPage } from './pages/admin.page.js';
import type { AnyForm } from './pages/organisation-parts.js';
import type { FormBody } from './web-forms.js';
import { WebFormOnceService } from './web-form-once.service.js';
import { accountFields, committeeFields, initialPassword, requiredFormKey, reasonFields } from './web-organisation-forms.js';
import { newSecret, type WebVisitor } from './web-sessions.service.js';
import { answered, personOf, refusalOf, type PageAnswer } from './web.service.js';

/** Committees on one page of the admin's list. */
const PAGE_SIZE = 100;

const fresh = (typed: Record<string, string | undefined> = {}): AnyForm => ({ key: newSecret(), typed });

/** Which of the committee page's forms came back refused: one of the page's own, or one account's. */
type FailedForm = ({ form: 'rename' | 'staff' } | { form: 'account'; userId: string }) & AnyForm;

/**
 * The admin's pages (web.md, "Admin: committees, cells, users"): committees listed, added and renamed, and each
 * committee's staff accounts created, deactivated with a reason and let back in, through the JSON API's services
 * and DTOs; each form acts once per key.
 */
@Injectable()
export class WebAdminService {
  constructor(
    @Inject(CommitteesService) private readonly committees: CommitteesService,
    @Inject(UsersService) private readonly users: UsersService,
    @Inject(OrganisationRepository) private readonly organisation: OrganisationRepository,
    @Inject(WebFormOnceService) private readonly once: WebFormOnceService,
  ) {}

  async adminPage(visitor: WebVisitor, language: Language, pageNumber = 1, form: AnyForm = fresh()): Promise<string> {
    requireAdmin(visitor);
    // One more than a page: whether a next page exists, without counting them all.
    const found = await this.committees.list(visitor.user, { limit: PAGE_SIZE + 1, offset: (pageNumber - 1) * PAGE_SIZE });
    return adminPage(language, personOf(visitor), { committees: found.slice(0, PAGE_SIZE), pageNumber, hasMore: found.length > PAGE_SIZE }, form);
  }

  async createCommittee(visitor: WebVisitor, body: FormBody, language: Language): Promise<PageAnswer> {
    requireAdmin(visitor);
    const typed = committeeFields(body);
    const { errors, led, key } = await this.once.send(visitor, body, language, {
      name: 'POST /quan-tri',
      dto: CreateCommitteeDto,
      answer: { name: typed.name ?? '' },
      act: async (dto) => `/quan-tri/${(await this.committees.create(dto)).id}?done=created`,
    });
    return answered(errors, led, (found) => this.adminPage(visitor, language, 1, { key, typed, errors: found }));
  }

  async committeePage(visitor: WebVisitor, committeeId: string, language: Language, done?: string, failed?: FailedForm): Promise<string> {
    requireAdmin(visitor);
    const [committee] = await this.organisation.committee(committeeId);
    if (!committee) throw new DomainError('NOT_FOUND');
    const [mergedInto] = committee.mergedIntoId ? await this.organisation.committee(committee.mergedIntoId) : [];
    const staff = await this.staffOf(visitor, committeeId);
    const forms: AdminCommitteeForms = {
      rename: failed?.form === 'rename' ? failed : fresh({ name: committee.name }),
      staff: failed?.form === 'staff' ? failed : fresh({ password: initialPassword() }),
      accounts: new Map(staff.map((user) => [user.id, failed?.form === 'account' && failed.userId === user.id ? failed : fresh()])),
    };
    const shown = { id: committee.id, name: committee.name, mergedInto: mergedInto ? { id: mergedInto.id, name: mergedInto.name } : null, staff };
    return adminCommitteePage(language, personOf(visitor), shown, forms, failed ? undefined : done);
  }

  async renameCommittee(visitor: WebVisitor, committeeId: string, body: FormBody, language: Language): Promise<PageAnswer> {
    requireAdmin(visitor);
    const typed = committeeFields(body);
    return this.send(visitor, committeeId, body, language, { form: 'rename' }, typed, CreateCommitteeDto, { name: typed.name ?? '' }, 'renamed', {}, (dto) =>
      this.committees.rename(visitor.user, committeeId, dto.name),
    );
  }

  /** A committee staff account, with the initial password the admin typed or kept; changed at first sign-in. */
  async createStaff(visitor: WebVisitor, committeeId: string, body: FormBody, language: Language): Promise<PageAnswer> {
    requireAdmin(visitor);
    const typed = accountFields(body);
    const answer = { fullName: typed.fullName ?? '', username: typed.username ?? '', password: typed.password ?? '', role: 'committee', committeeId, mustChangePassword: true };
    return this.send(visitor, committeeId, body, language, { form: 'staff' }, typed, CreateUserDto, answer, 'staff', { USERNAME_TAKEN: 'username', WEAK_PASSWORD: 'password' }, (dto) =>
      this.users.create(visitor.user, dto),
    );
  }

  /** A staff account closed, with the reason (its sessions end at once), as POST /api/users/:id/deactivate does. */
  async deactivateStaff(visitor: WebVisitor, committeeId: string, userId: string, body: FormBody, language: Language): Promise<PageAnswer> {
    requireAdmin(visitor);
    await this.requireStaffOf(visitor, committeeId, userId);
    const typed = reasonFields(body);
    return this.send(visitor, committeeId, body, language, { form: 'account', userId }, typed, DeactivateUserDto, { reason: typed.reason?.trim() ?? '' }, 'deactivated', {}, (dto) =>
      this.users.deactivate(visitor.user, userId, dto.reason),
    );
  }

  async reactivateStaff(visitor: WebVisitor, committeeId: string, userId: string, body: FormBody, language: Language): Promise<PageAnswer> {
    requireAdmin(visitor);
    await this.requireStaffOf(visitor, committeeId, userId);
    // A form of one button: nothing typed, so nothing to check but the key.
    const which = { form: 'account' as const, userId };
    const key = requiredFormKey(body);
    const redirectTo = `/quan-tri/${committeeId}?done=reactivated`;
    let led = redirectTo;
    const errors = await refusalOf(async () => {
      led = await this.once.run(visitor.user.id, key, `POST /quan-tri/${committeeId} ${JSON.stringify(which)} reactivate`, async () => {
        await this.users.reactivate(visitor.user, userId);
        return redirectTo;
      });
    }, language);
    return answered(errors, led, (found) => this.committeePage(visitor, committeeId, language, undefined, { ...which, key, typed: {}, errors: found }));
  }

  /** One form of the committee page through the API's DTO and service under its key; the page again when refused. */
  private async send<Dto extends object>(
    visitor: WebVisitor,
    committeeId: string,
    body: FormBody,
    language: Language,
    which: { form: 'rename' | 'staff' } | { form: 'account'; userId: string },
    typed: Record<string, string | undefined>,
    dtoClass: new () => Dto,
    answer: Record<string, unknown>,
    done: string,
    besideField: Partial<Record<ErrorCode, string>>,
    act: (dto: Dto) => Promise<unknown>,
  ): Promise<PageAnswer> {
    const { errors, led, key } = await this.once.send(visitor, body, language, {
      name: `POST /quan-tri/${committeeId} ${JSON.stringify(which)}`,
      dto: dtoClass,
      answer,
      besideField,
      act: async (dto) => {
        await act(dto);
        return `/quan-tri/${committeeId}?done=${done}`;
      },
    });
    return answered(errors, led, (found) => this.committeePage(visitor, committeeId, language, undefined, { ...which, key, typed, errors: found }));
  }

  /** The committee's staff accounts, active ones first, through the API's listing (an unknown committee: NOT_FOUND). */
  private async staffOf(visitor: WebVisitor, committeeId: string): Promise<UserView[]> {
    return (await this.users.listOf(visitor.user, committeeId, { limit: 500 })).filter((user) => user.role === 'committee');
  }

  /** Accounts are closed and reopened from their committee's page: any other account is not found there. */
  private async requireStaffOf(visitor: WebVisitor, committeeId: string, userId: string): Promise<void> {
    if (!(await this.staffOf(visitor, committeeId)).some((user) => user.id === userId)) throw new DomainError('NOT_FOUND');
  }
}

/** /quan-tri is the admin's; anyone else is refused in words, as the API's role rule refuses them. */
function requireAdmin(visitor: WebVisitor): void {
  if (visitor.user.role !== 'admin') throw new DomainError('ROLE_NOT_ALLOWED');
}
