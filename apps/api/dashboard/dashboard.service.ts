import { Inject, Injectable } from '@nestjs/common';
import { mayReadAreaFigures, mayReadFiguresOf } from '../../../libs/domain/cycle-policy.js';
import { DomainError } from '../../../libs/domain/domain-error.js';
import { AreasRepository } from '../../../libs/persistence/repositories/areas.repository.js';
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
import { toCommuneFigures, totalsOf, type AreaDashboardView, type CommuneFiguresView } from './area-dashboard.mapper.js';

/** Communes read at once for an area's overview: each is five small reads, and the pool is shared with every request. */
const COMMUNES_AT_ONCE = 4;

/**
 * The figures a committee reports from (issue 18), for the office of that committee, the admin and the upper levels
 * over it (a district's or province's overseer): another committee's staff, or an upper level the commune is not
 * under, naming this committee or one of its cells, are told it does not exist, exactly as for an id that exists
 * nowhere. Everything is read from PostgreSQL; late tasks are the same rows as each person's
 * "Việc của tôi", so what the dashboard calls late is late in the list of whoever must do it.
 */
@Injectable()
export class DashboardService {
  constructor(
    @Inject(DashboardRepository) private readonly figures: DashboardRepository,
    @Inject(TasksRepository) private readonly tasks: TasksRepository,
    @Inject(OrganisationRepository) private readonly organisation: OrganisationRepository,
    @Inject(AreasRepository) private readonly areas: AreasRepository,
  ) {}

  async committee(caller: AuthUser, committeeId: string, year?: number, nowMs = Date.now()): Promise<CommitteeDashboardView> {
    const committeeName = await this.visibleCommittee(caller, committeeId);
    return this.figuresOf(committeeId, committeeName, year ?? vietnamYearOf(nowMs), nowMs);
  }

  /**
   * An upper level's overview: every commune under the area (directly, or through one of a province's districts),
   * each with its dashboard's headline figures for the year, and their totals. An area the caller does not oversee
   * is not found, as one that exists nowhere.
   */
  async area(caller: AuthUser, areaId: string, year?: number, nowMs = Date.now()): Promise<AreaDashboardView> {
    const area = await this.areas.area(areaId);
    if (!area || !mayReadAreaFigures(caller, [area.id, area.parentId].filter((id) => id !== null))) throw new DomainError('NOT_FOUND');
    const shown = year ?? vietnamYearOf(nowMs);
    const communes = await this.areas.communesUnder(areaId);
    const figures: CommuneFiguresView[] = [];
    for (let start = 0; start < communes.length; start += COMMUNES_AT_ONCE) {
      const batch = communes.slice(start, start + COMMUNES_AT_ONCE);
      const views = await Promise.all(batch.map((commune) => this.figuresOf(commune.id, commune.name, shown, nowMs)));
      figures.push(...views.map((view, index) => toCommuneFigures(view, batch[index].districtName)));
    }
    return { areaId, areaName: area.name, kind: area.kind, year: shown, asOf: new Date(nowMs).toISOString(), communes: figures, totals: totalsOf(figures) };
  }

  /** One commune's figures for a year, for a caller already let through. */
  private async figuresOf(committeeId: string, committeeName: string, shown: number, nowMs: number): Promise<CommitteeDashboardView> {
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
   * The committee's name, for a caller who may read its figures (mayReadFiguresOf: its office, the admin, an upper
   * level it is under); NOT_FOUND otherwise, as for a committee that does not exist. Every report of a committee's
   * figures asks here (the dashboard, a cell's record, the year report), so they all open to the same people.
   */
  async visibleCommittee(caller: AuthUser, committeeId: string): Promise<string> {
    const place = await this.areas.placeOf(committeeId);
    if (!place || !mayReadFiguresOf(caller, committeeId, place.areasAbove)) throw new DomainError('NOT_FOUND');
    return place.name;
  }
}
