import { Inject, Injectable } from '@nestjs/common';
import { NotificationsRepository } from '../../../libs/persistence/repositories/notifications.repository.js';
import type { AuthUser } from '../auth/auth-user.js';
import { pageOf, type PageQuery } from '../common/page.query.js';

export interface NotificationView {
  id: string;
  cycleId: string | null;
  reason: string;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

@Injectable()
export class NotificationsService {
  constructor(@Inject(NotificationsRepository) private readonly notifications: NotificationsRepository) {}

  /** The caller's in-app inbox, newest first. */
  async inbox(caller: AuthUser, page: PageQuery): Promise<NotificationView[]> {
    const rows = await this.notifications.inboxOf(caller.id, pageOf(page));
    return rows.map((row) => ({
      id: row.id,
      cycleId: row.cycleId,
      reason: row.reason,
      title: row.title,
      body: row.body,
      createdAt: row.createdAt.toISOString(),
      readAt: row.readAt ? row.readAt.toISOString() : null,
    }));
  }
}
