import { Inject, Injectable } from '@nestjs/common';
import type { TaskAction } from '../../../libs/domain/cycle.js';
import { TasksRepository, type TaskParty } from '../../../libs/persistence/repositories/tasks.repository.js';
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

/** A task waiting in a cycle, with whose it is: the committee, a cell (named) or a guest (named). */
export interface WaitingTask {
  cycleId: string;
  action: TaskAction;
  dueAt: string;
  party: TaskParty;
  /** The cell's or the guest's name; null for the committee. */
  partyName: string | null;
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

  /**
   * Everything still waiting in these cycles, whoever it waits for, soonest due first: the same tasks as each
   * person's list, so a cycle marked late on an overview is late in its people's "Việc của tôi" too. The
   * caller passes cycles it has already been allowed to see.
   */
  async waitingIn(cycleIds: string[]): Promise<WaitingTask[]> {
    const rows = await this.tasks.waitingIn(cycleIds);
    return rows.map((row) => ({ cycleId: row.cycleId, action: row.action, dueAt: new Date(row.dueAt).toISOString(), party: row.party, partyName: row.partyName }));
  }
}
