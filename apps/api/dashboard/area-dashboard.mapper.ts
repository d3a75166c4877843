import { OPEN_STAGES } from '../../../libs/domain/cycle.js';
import type { AreaKind } from '../../../libs/domain/areas.js';
import { totalOf, type CommitteeDashboardView, type RatingCounts, type VisitTallyView } from './dashboard.mapper.js';

/** The headline figures of one commune's dashboard, as an upper level compares them. */
export interface HeadlineFigures {
  /** Cycles in an open stage (host selection to review). */
  openCycles: number;
  /** Tasks late now, of any party. */
  late: number;
  /** The year's model meetings (not cancelled), held or to come. */
  meetings: number;
  /** The ratings of the year's closed meetings. */
  ratings: RatingCounts;
  /** The visiting cells' attendance and critiques at the year's meetings, added up over the cells. */
  critiques: VisitTallyView;
}

export interface CommuneFiguresView extends HeadlineFigures {
  committeeId: string;
  committeeName: string;
  /** The district the commune is under; null when it is straight under the province. */
  districtName: string | null;
}

/** An upper level's overview (issue 18): the same figures as each commune's dashboard, side by side, and their totals. */
export interface AreaDashboardView {
  areaId: string;
  areaName: string;
  kind: AreaKind;
  year: number;
  asOf: string;
  communes: CommuneFiguresView[];
  totals: HeadlineFigures & { communes: number };
}

export function toCommuneFigures(view: CommitteeDashboardView, districtName: string | null): CommuneFiguresView {
  return {
    committeeId: view.committeeId,
    committeeName: view.committeeName,
    districtName,
    openCycles: view.stages.filter((stage) => OPEN_STAGES.includes(stage.status)).reduce((sum, stage) => sum + stage.count, 0),
    late: view.late.length,
    meetings: view.meetings.length,
    ratings: { ...view.ratings },
    critiques: totalOf(view.punctuality),
  };
}

/** The communes' figures added up. */
export function totalsOf(communes: CommuneFiguresView[]): AreaDashboardView['totals'] {
  const ratings: RatingCounts = { TOT: 0, KHA: 0, TRUNG_BINH: 0, KEM: 0 };
  for (const commune of communes) for (const rating of Object.keys(ratings) as (keyof RatingCounts)[]) ratings[rating] += commune.ratings[rating];
  return {
    communes: communes.length,
    openCycles: communes.reduce((sum, commune) => sum + commune.openCycles, 0),
    late: communes.reduce((sum, commune) => sum + commune.late, 0),
    meetings: communes.reduce((sum, commune) => sum + commune.meetings, 0),
    ratings,
    critiques: totalOf(communes.map((commune) => commune.critiques)),
  };
}
