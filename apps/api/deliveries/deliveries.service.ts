import { Inject, Injectable } from '@nestjs/common';
import { configuredChannels } from '../../../libs/channels/channel-settings.js';
import type { AppConfig } from '../../../libs/config/app-config.js';
import { APP_CONFIG } from '../../../libs/config/config.module.js';
import { maySeeCommittee } from '../../../libs/domain/cycle-policy.js';
import { DomainError } from '../../../libs/domain/domain-error.js';
import { parseOffsetDateTime } from '../../../libs/domain/input-bounds.js';
import { DeliveryOutcomesRepository } from '../../../libs/persistence/repositories/delivery-outcomes.repository.js';
import { OrganisationRepository } from '../../../libs/persistence/repositories/organisation.repository.js';
import type { Language } from '../../../libs/wording/language.js';
import type { AuthUser } from '../auth/auth-user.js';
import { pageOf, type PageQuery } from '../common/page.query.js';
import { CycleReadsService } from '../cycles/cycle-reads.service.js';
import { toDeliveryReportItem, toUnreachedItem, type DeliveryReportItemView, type UnreachedItemView } from './delivery.mapper.js';
import type { UnreachedQuery } from './unreached.query.js';

/** How far back the office's list of people nobody reached looks unless told: older notices are past acting on. */
export const UNREACHED_DAYS = 30;

/**
 * What became of notifications beyond the inbox (notifications.md: "the committee sees, per notification and
 * person, sent / delivered / failed and why, and who was reached by no channel at all"): for the staff of the
 * cycle's or the people's committee, and the admin; another committee's answer is 404.
 */
@Injectable()
export class DeliveriesService {
  constructor(
    @Inject(CycleReadsService) private readonly reads: CycleReadsService,
    @Inject(DeliveryOutcomesRepository) private readonly outcomes: DeliveryOutcomesRepository,
    @Inject(OrganisationRepository) private readonly organisation: OrganisationRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A cycle's notifications, newest first, each with every channel. */
  async ofCycle(caller: AuthUser, cycleId: string, page: PageQuery, language: Language): Promise<DeliveryReportItemView[]> {
    await this.reads.accessFor(caller, cycleId, 'viewDeliveries');
    const configured = configuredChannels(this.config.notifications);
    return (await this.outcomes.ofCycle(cycleId, pageOf(page))).map((row) => toDeliveryReportItem(row, configured, language));
  }

  /** The committee's notifications no channel reached (not read, nothing sent, nothing still trying), newest first. */
  async unreached(caller: AuthUser, committeeId: string, query: UnreachedQuery, language: Language): Promise<UnreachedItemView[]> {
    await this.requireVisible(caller, committeeId);
    const configured = configuredChannels(this.config.notifications);
    const rows = await this.outcomes.unreached(committeeId, sinceOf(query.since), pageOf(query));
    return rows.map((row) => toUnreachedItem(row, configured, language));
  }

  /** How many there are, for the office's overview. */
  async countUnreached(caller: AuthUser, committeeId: string): Promise<number> {
    await this.requireVisible(caller, committeeId);
    return this.outcomes.countUnreached(committeeId, sinceOf(undefined));
  }

  private async requireVisible(caller: AuthUser, committeeId: string): Promise<void> {
    if (!maySeeCommittee(caller, committeeId)) throw new DomainError('NOT_FOUND');
    if (!(await this.organisation.committeeExists(committeeId))) throw new DomainError('NOT_FOUND');
  }
}

function sinceOf(since: string | undefined): Date {
  const epochMs = since === undefined ? null : parseOffsetDateTime(since);
  return new Date(epochMs ?? Date.now() - UNREACHED_DAYS * 86_400_000);
}
