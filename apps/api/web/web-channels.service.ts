import { Inject, Injectable } from '@nestjs/common';
import { CHANNELS, type ChannelName } from '../../../libs/channels/channel.js';
import { DomainError } from '../../../libs/domain/domain-error.js';
import type { Language } from '../../../libs/wording/language.js';
import { CommitteeChannelsDto } from '../committees/committee-channels.dto.js';
import { CommitteeChannelsService } from '../committees/committee-channels.service.js';
import { CycleReadsService } from '../cycles/cycle-reads.service.js';
import { DeliveriesService } from '../deliveries/deliveries.service.js';
import { ContactDto } from '../users/contact.dto.js';
import { ContactService } from '../users/contact.service.js';
import { committeeChannelsPage } from './pages/committee-channels.page.js';
import { contactPage, type ContactForm } from './pages/contact.page.js';
import { deliveryReportPage, unreachedPage } from './pages/deliveries.page.js';
import { WebFormOnceService } from './web-form-once.service.js';
import { field, type FormBody } from './web-forms.js';
import { newSecret, type WebVisitor } from './web-sessions.service.js';
import { answered, personOf, type PageAnswer } from './web.service.js';

/** Notifications a page lists at once: a phone's screenfuls, well within the page budget. */
const PER_PAGE = 30;

/** The channel boxes ticked (one arrives as a string, several as a list). */
function tickedChannels(body: FormBody, name: string): string[] {
  const value = body[name];
  return (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');
}

const known = (channels: string[]) => channels.filter((channel): channel is ChannelName => (CHANNELS as readonly string[]).includes(channel));

/**
 * The pages of the channels (notifications.md): everyone's own contacts and channels (/lien-lac), the committee's
 * channels (/kenh-gui-tin), a cycle's delivery report (/dot/:id/gui-tin) and the list of notifications that
 * reached nobody (/chua-nhan-tin). The same services, DTOs and access rules as the JSON API; forms act once.
 */
@Injectable()
export class WebChannelsService {
  constructor(
    @Inject(ContactService) private readonly contacts: ContactService,
    @Inject(CommitteeChannelsService) private readonly committeeChannels: CommitteeChannelsService,
    @Inject(DeliveriesService) private readonly deliveries: DeliveriesService,
    @Inject(CycleReadsService) private readonly reads: CycleReadsService,
    @Inject(WebFormOnceService) private readonly once: WebFormOnceService,
  ) {}

  // ── one's own contacts ───────────────────────────────────────────────────────────────────────────────

  async contactPage(visitor: WebVisitor, language: Language, done?: string, form?: ContactForm): Promise<string> {
    const contact = await this.contacts.own(visitor.user);
    const shown = form ?? { key: newSecret(), typed: { email: contact.email ?? '' }, channels: contact.notifyChannels };
    return contactPage(language, personOf(visitor), contact, shown, form ? undefined : done);
  }

  /**
   * The email as typed (emptied: none), a new phone when one is typed (kept otherwise, removed when asked), and
   * the channels ticked, sent as PUT /api/me/contact sends them.
   */
  async saveContact(visitor: WebVisitor, body: FormBody, language: Language): Promise<PageAnswer> {
    const typed = { email: field(body, 'email') ?? '', phone: field(body, 'phone') ?? '', clearPhone: field(body, 'clearPhone') === '1' ? '1' : undefined };
    const channels = tickedChannels(body, 'notifyChannels');
    const answer = {
      email: typed.email.trim() === '' ? null : typed.email,
      ...(typed.clearPhone ? { phone: null } : typed.phone.trim() === '' ? {} : { phone: typed.phone }),
      notifyChannels: channels,
    };
    const { errors, led, key } = await this.once.send(visitor, body, language, {
      name: 'POST /lien-lac',
      dto: ContactDto,
      answer,
      act: async (dto) => {
        await this.contacts.setOwn(visitor.user, dto);
        return '/lien-lac?done=saved';
      },
    });
    return answered(errors, led, (found) => this.contactPage(visitor, language, undefined, { key, typed, channels: known(channels), errors: found }));
  }

  // ── the committee's channels ─────────────────────────────────────────────────────────────────────────

  async committeeChannelsPage(visitor: WebVisitor, language: Language, done?: string, form?: ContactForm): Promise<string> {
    const view = await this.committeeChannels.of(visitor.user, officeOf(visitor));
    return committeeChannelsPage(language, personOf(visitor), view, form ?? { key: newSecret(), typed: {}, channels: view.channels }, form ? undefined : done);
  }

  async saveCommitteeChannels(visitor: WebVisitor, body: FormBody, language: Language): Promise<PageAnswer> {
    const committeeId = officeOf(visitor);
    const channels = tickedChannels(body, 'channels');
    const { errors, led, key } = await this.once.send(visitor, body, language, {
      name: 'POST /kenh-gui-tin',
      dto: CommitteeChannelsDto,
      answer: { channels },
      act: async (dto) => {
        await this.committeeChannels.set(visitor.user, committeeId, dto.channels);
        return '/kenh-gui-tin?done=saved';
      },
    });
    return answered(errors, led, (found) => this.committeeChannelsPage(visitor, language, undefined, { key, typed: {}, channels: known(channels), errors: found }));
  }

  // ── what became of the notifications ────────────────────────────────────────────────────────────────

  /** A cycle's report, read as GET /api/cycles/:id/deliveries reads it (its committee and the admin; another committee: not found). */
  async deliveryReportPage(visitor: WebVisitor, cycleId: string, language: Language, pageNumber: number): Promise<string> {
    const { cycle } = await this.reads.accessFor(visitor.user, cycleId, 'viewDeliveries');
    const items = await this.deliveries.ofCycle(visitor.user, cycleId, { limit: PER_PAGE + 1, offset: (pageNumber - 1) * PER_PAGE }, language);
    return deliveryReportPage(language, personOf(visitor), { id: cycle.id, title: cycle.title }, items.slice(0, PER_PAGE), { number: pageNumber, hasNext: items.length > PER_PAGE });
  }

  async unreachedPage(visitor: WebVisitor, language: Language, pageNumber: number): Promise<string> {
    const committeeId = officeOf(visitor);
    const [items, total] = await Promise.all([
      this.deliveries.unreached(visitor.user, committeeId, { limit: PER_PAGE + 1, offset: (pageNumber - 1) * PER_PAGE }, language),
      this.deliveries.countUnreached(visitor.user, committeeId),
    ]);
    return unreachedPage(language, personOf(visitor), items.slice(0, PER_PAGE), total, { number: pageNumber, hasNext: items.length > PER_PAGE });
  }
}

/** The committee whose channels and list the visitor keeps: committee staff their own; anyone else is refused in words. */
function officeOf(visitor: WebVisitor): string {
  if (visitor.user.role !== 'committee' || !visitor.user.committeeId) throw new DomainError('ROLE_NOT_ALLOWED');
  return visitor.user.committeeId;
}
