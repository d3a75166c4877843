import { Inject, Injectable } from '@nestjs/common';
import { maySeeCommittee } from '../../../libs/domain/cycle-policy.js';
import { DomainError } from '../../../libs/domain/domain-error.js';
import { DashboardRepository } from '../../../libs/persistence/repositories/dashboard.repository.js';
import { OrganisationRepository } from '../../../libs/persistence/repositories/organisation.repository.js';
import { TasksRepository } from '../../../libs/persistence/repositories/tasks.repository.js';
import type { AuthUser } from '../auth/auth-user.js';
import {
  ratingsOf,
  toHosted,
  toLateTask,
  toOpenActionItem,
  toPunctuality,
  toRatingYears,
  toStageCounts,
  toVisit,
  toVisitYear,
  totalOf,
  toYearMeeting,
  vietnamYearBounds,
  vietnamYearOf,
  type CellRecordView,
  type CommitteeDashboardView,
} from './dashboard.mapper.js';

/**
 * The figures a committee reports from (issue 18), for the office of that committee and the admin: another
 * committee's staff, naming this committee or one of its cells, are told it does not exist, exactly as for an id
 * that exists nowhere. Everything is read from PostgreSQL; late tasks are the same rows as each person's
 * "Việc của tôi", so what the dashboard calls late is late in the list of whoever must do it.
 */
@Injectable()
export class DashboardService {
  constructor(
    @Inject(DashboardRepository) private readonly figures: DashboardRepository,
    @Inject(TasksRepository) private readonly tasks: TasksRepository,
    @Inject(OrganisationRepository) private readonly organisation: OrganisationRepository,
  ) {}

  async committee(caller: AuthUser, committeeId: string, year?: number, nowMs = Date.now()): Promise<CommitteeDashboardView> {
    const committeeName = await this.visibleCommittee(caller, committeeId);
    const shown = year ?? vietnamYearOf(nowMs);
    const { from, to } = vietnamYearBounds(shown);
    const now = new Date(nowMs);
    const [stages, late, meetings, ratingYears, tallies] = await Promise.all([
      this.figures.stageCounts(committeeId),
      this.tasks.lateIn(committeeId, now),
      this.figures.meetingsBetween(committeeId, from, to),
      this.figures.ratingsByYear(committeeId),
      this.figures.visitTallies(committeeId, from, to),
    ]);
    const yearMeetings = meetings.filter((meeting) => meeting.status !== 'CANCELLED').map(toYearMeeting);
    return {
      committeeId,
      committeeName,
      year: shown,
      asOf: now.toISOString(),
      stages: toStageCounts(stages),
      late: late.map((row) => toLateTask(row, committeeName)),
      meetings: yearMeetings,
      ratings: ratingsOf(yearMeetings),
      ratingsByYear: toRatingYears(ratingYears),
      punctuality: toPunctuality(tallies),
    };
  }

  async cell(caller: AuthUser, committeeId: string, cellId: string, nowMs = Date.now()): Promise<CellRecordView> {
    await this.visibleCommittee(caller, committeeId);
    const cell = await this.organisation.cell(cellId);
    if (!cell || cell.committeeId !== committeeId) throw new DomainError('NOT_FOUND');
    const [hosted, visits, years, items] = await Promise.all([
      this.figures.hostedBy(committeeId, cellId),
      this.figures.visitsOf(committeeId, cellId),
      this.figures.visitYearsOf(committeeId, cellId),
      this.figures.openActionItemsOf(committeeId, cellId),
    ]);
    const visitYears = years.map(toVisitYear);
    return {
      committeeId,
      cell: { id: cell.id, name: cell.name, memberCount: cell.memberCount, active: !cell.deactivatedAt },
      asOf: new Date(nowMs).toISOString(),
      hosted: hosted.map(toHosted),
      visits: { totals: totalOf(visitYears), years: visitYears, items: visits.map(toVisit) },
      openActionItems: items.map((item) => toOpenActionItem(item, nowMs)),
    };
  }

  /**
   * The committee's name, for a caller who may see it; NOT_FOUND otherwise, as for a committee that does not exist.
   * The one access rule of the committee's figures: the dashboard, a cell's record and the year report (issue 18).
   */
  async visibleCommittee(caller: AuthUser, committeeId: string): Promise<string> {
    if (!maySeeCommittee(caller, committeeId)) throw new DomainError('NOT_FOUND');
    const [committee] = await this.organisation.committee(committeeId);
    if (!committee) throw new DomainError('NOT_FOUND');
    return committee.name;
  }
}
