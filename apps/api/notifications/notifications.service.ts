import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotificationEntity } from '../../../libs/persistence/entities/notification.entity.js';
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
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The caller's in-app inbox, newest first. */
  async inbox(caller: AuthUser, page: PageQuery): Promise<NotificationView[]> {
    const rows = await this.dataSource
      .getRepository(NotificationEntity)
      .find({ where: { userId: caller.id }, order: { createdAt: 'DESC', id: 'DESC' }, ...pageOf(page) });
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
