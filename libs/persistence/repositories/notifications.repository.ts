import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotificationEntity } from '../entities/notification.entity.js';
import type { Page } from './organisation.repository.js';

/** The in-app inbox; the workflow's activities write it, people read their own. */
@Injectable()
export class NotificationsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** A person's notifications, newest first. */
  inboxOf(userId: string, page: Page): Promise<NotificationEntity[]> {
    return this.dataSource.getRepository(NotificationEntity).find({ where: { userId }, order: { createdAt: 'DESC', id: 'DESC' }, ...page });
  }
}
