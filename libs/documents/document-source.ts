import type { CycleStage, InvitationStatus, PinnedRubric, Scores } from '../domain/cycle.js';
import type { Attendance, CritiqueRecord, CyclePlan, CycleReport, CycleReview, MeetingRecord } from '../domain/cycle-records.js';

/**
 * What the builders read of a cycle: the part of the API's cycle view (apps/api/cycles/cycle.mapper.ts) the
 * papers need, as a structural type so that libs does not depend on apps. A view cut for a visitor (no
 * authors' ids, no other cells' notes) fits it too: no paper names who clicked what.
 */
export interface DocumentCycle {
  topic: string;
  /** 'regular' | 'thematic'. */
  kind: string;
  status: CycleStage;
  hostCellId: string | null;
  meetingAt: string;
  location: string;
  rubric: PinnedRubric;
  plan: Pick<CyclePlan, 'agenda' | 'content' | 'draftResolution' | 'postedAt'> | null;
  invitations: { cellId: string; status: InvitationStatus; delegate: string | null; adoption: string | null }[];
  meeting:
    | (Omit<MeetingRecord, 'recordedBy' | 'attendance'> & {
        /** `exempted` (miễn sinh hoạt) and `combined` come with the records of ruleset 2 on. */
        attendance: Attendance & { exempted?: number };
        combined?: boolean;
      })
    | null;
  guests: { fullName: string }[];
  critiques: (Omit<CritiqueRecord, 'guestId'> & { guestName?: string | null })[];
  report: Omit<CycleReport, 'filedBy'> | null;
  /** The committee's own score sheet rides along with its review from ruleset 2 on. */
  review: (Omit<CycleReview, 'reviewedBy'> & { scores?: Scores | null }) | null;
  cancelReason: string | null;
  deadlines: { planDueAt: string };
  timeline: { at: string; event: string }[];
  createdAt: string;
  updatedAt: string;
}

/** Everything a builder needs: the cycle and the names the organisation gives to what the cycle holds by id. */
export interface DocumentSource {
  cycle: DocumentCycle;
  /** "Đảng ủy xã Na Hối", as typed: the place and the committee's header come from it. */
  committeeName: string;
  /** The committee's cells by id. */
  cellNames: ReadonlyMap<string, string>;
  /** A cell's secretary (bí thư) by cell id, where the organisation knows one: the name under the cell's signature. */
  secretaryNames?: ReadonlyMap<string, string>;
}
