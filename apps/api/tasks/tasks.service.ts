import { Inject, Injectable } from '@nestjs/common';
import type { TaskAction } from '../../../libs/domain/cycle.js';
import { TasksRepository } from '../../../libs/persistence/repositories/tasks.repository.js';
import type { AuthUser } from '../auth/auth-user.js';
import { pageOf, type PageQuery } from '../common/page.query.js';

export interface TaskView {
  cycleId: string;
  title: string;
  action: TaskAction;
  /** When it is due; every task has one. */
  dueAt: string;
  /** For COMPLETE_ACTION_ITEM: the item to tick off. */
  actionItemId?: string;
  /** For COMPLETE_ACTION_ITEM: what the item says (its title in the report), so the task names it. */
  actionItemTitle?: string;
}

/**
 * What is the caller's to do now, soonest due first: committee staff pick hosts and review reports; a
 * secretary answers invitations, critiques what the cell attended, and, as host, posts the plan, records
 * the meeting, files the report and carries out its action items; an upper-level guest critiques the
 * meetings it was invited to.
 */
@Injectable()
export class TasksService {
  constructor(@Inject(TasksRepository) private readonly tasks: TasksRepository) {}

  async forUser(caller: AuthUser, page: PageQuery): Promise<TaskView[]> {
    const rows = await this.tasks.waitingFor(caller, pageOf(page));
    return rows.map((row) => ({
      cycleId: row.cycleId,
      title: row.title,
      action: row.action,
      dueAt: new Date(row.dueAt).toISOString(),
      ...(row.actionItemId ? { actionItemId: row.actionItemId } : {}),
      ...(row.actionItemTitle ? { actionItemTitle: row.actionItemTitle } : {}),
    }));
  }
}
