import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { relationTo, refusal, rolesFor, type CycleAction, type CycleParties, type CycleRelation } from '../../../libs/domain/cycle-policy.js';
import { DomainError } from '../../../libs/domain/domain-error.js';
import { isUuid, parseOffsetDateTime } from '../../../libs/domain/input-bounds.js';
import type { HostCandidate } from '../../../libs/domain/host-ranking.js';
import type { Language } from '../../../libs/wording/language.js';
import type { CycleEntity } from '../../../libs/persistence/entities/cycle.entity.js';
import { CycleReadsRepository, type CycleRecords, type CycleStepFacts } from '../../../libs/persistence/repositories/cycle-reads.repository.js';
import type { AuthUser } from '../auth/auth-user.js';
import { BoundedCache } from '../common/bounded-cache.js';
import { CYCLE_VIEW_SCHEMA, forVisitor, toCycleSummary, toCycleView, type CycleSummary, type CycleView } from './cycle.mapper.js';
import type { ListCyclesQuery } from './dto/list-cycles.query.js';

export type { CycleRelation } from '../../../libs/domain/cycle-policy.js';

export interface CycleAccess {
  cycle: CycleEntity;
  relation: CycleRelation;
}

/** The caller's relation to a cycle a step is about to be sent to, and what the step needs of the cycle. */
export interface StepAccess {
  cycle: CycleStepFacts;
  relation: CycleRelation;
}

/** A viewer's view of a cycle as it stands: the weak ETag that names it, and its JSON, rendered only when asked for. */
export interface CurrentCycleView {
  etag: string;
  body: () => Promise<Buffer>;
}

/**
 * Rendered views kept in the API's memory: a few hundred, within 32 MB (a 14-cell closed cycle's view is about
 * 24 KB of JSON; a 100-cell one several times that). Only the latest version of a cycle is ever asked for, so
 * the older ones simply age out.
 */
const RENDERED_VIEWS = { entries: 400, bytes: 32 * 1024 * 1024 };

@Injectable()
export class CycleReadsService {
  private readonly rendered = new BoundedCache<Buffer>(RENDERED_VIEWS, (body) => body.length);

  constructor(@Inject(CycleReadsRepository) private readonly cycles: CycleReadsRepository) {}

  /** The caller's relation to the cycle (cycle-policy.ts), or the refusal: another committee's cycle and a missing one are 404 alike. */
  async access(caller: AuthUser, cycleId: string): Promise<CycleAccess> {
    // The caller's invitation is looked up beside the cycle, not after it: one wait for PostgreSQL instead of two.
    const [cycle, cellInvited, guestInvited] = await Promise.all([
      this.cycles.find(cycleId),
      caller.role === 'secretary' && caller.cellId ? this.cycles.isCellInvited(cycleId, caller.cellId) : false,
      caller.role === 'guest' ? this.cycles.isGuestInvited(cycleId, caller.id) : false,
    ]);
    if (!cycle) throw new DomainError('NOT_FOUND');
    const relation = placeIn(caller, { committeeId: cycle.committeeId, hostCellId: cycle.hostCellId, stage: cycle.status, cellInvited, guestInvited });
    return { cycle, relation };
  }

  /**
   * access() for a step: the same relation from one prepared statement that leaves out the cycle's JSON columns
   * (the step's answer reads the row again once the step is in).
   */
  async stepAccess(caller: AuthUser, cycleId: string): Promise<StepAccess> {
    const cycle = await this.cycles.stepFacts(cycleId, caller.role === 'secretary' ? caller.cellId : null, caller.role === 'guest' ? caller.id : null);
    if (!cycle) throw new DomainError('NOT_FOUND');
    const relation = placeIn(caller, { committeeId: cycle.committeeId, hostCellId: cycle.hostCellId, stage: cycle.status, cellInvited: cycle.cellInvited, guestInvited: cycle.guestInvited });
    return { cycle, relation };
  }

  /** The caller's relation, checked against what the action allows (cycle-policy.ts). */
  async accessFor(caller: AuthUser, cycleId: string, action: CycleAction): Promise<CycleAccess> {
    const access = await this.access(caller, cycleId);
    checkAllowed(action, access.relation, access.cycle.status);
    return access;
  }

  async view(caller: AuthUser, cycleId: string, language: Language): Promise<CycleView> {
    return this.viewOf(caller, await this.accessFor(caller, cycleId, 'view'), language);
  }

  /**
   * The caller's view for GET /api/cycles/:id, named by an ETag that one indexed query can check: the cycle's
   * view stamp (cycle-reads.repository.ts: who may see it, and a version that moves with anything the view
   * shows), checked by the same rules as view(), so another committee's cycle is a 404 whatever ETag is sent.
   * The ETag is made of the version, the view's schema, the language and the viewer (id, role, committee,
   * cell), so no two people share one. The JSON is rendered once per version and audience and kept: everyone
   * who sees the whole cycle (admin, committee, host) shares one rendering, a visitor has its own.
   */
  async currentView(caller: AuthUser, cycleId: string, language: Language): Promise<CurrentCycleView> {
    const stamp = await this.cycles.viewStamp(cycleId, caller);
    if (!stamp) throw new DomainError('NOT_FOUND');
    const relation = placeIn(caller, { committeeId: stamp.committeeId, hostCellId: stamp.hostCellId, stage: stamp.status, cellInvited: stamp.cellInvited, guestInvited: stamp.guestInvited });
    checkAllowed('view', relation, stamp.status);
    const audience = relation === 'invited' || relation === 'guest' ? `${relation}:${caller.id}:${caller.cellId ?? ''}` : 'whole';
    const renderingKey = [CYCLE_VIEW_SCHEMA, cycleId, stamp.version, language, audience].join('|');
    const viewer = [caller.id, caller.role, caller.committeeId ?? '', caller.cellId ?? ''].join('|');
    const etag = `W/"${createHash('sha256').update(`${renderingKey}|${viewer}`).digest('base64url')}"`;
    const render = async () => {
      // Read after the stamp: a rendering is never older than the version it is kept under.
      const cycle = await this.cycles.find(cycleId);
      if (!cycle) throw new DomainError('NOT_FOUND');
      return Buffer.from(JSON.stringify(await this.viewOf(caller, { cycle, relation }, language)));
    };
    // Kept only if nothing moved the version while it was read (the row and its records are two statements), so
    // that what is kept under a version is what that version shows.
    const unchanged = async () => (await this.cycles.viewStamp(cycleId, caller))?.version === stamp.version;
    return { etag, body: () => this.rendered.get(renderingKey, render, unchanged) };
  }

  /**
   * The view right after a step: the caller's place was checked before it. The cycle's row and its records are
   * read at once: the records are found by what the step cannot change (the cycle's id and creation) and by its
   * host, so only a step that gave it a new host has them read again.
   */
  async viewAfterStep(caller: AuthUser, { cycle: before, relation }: CycleAccess | StepAccess, cycleId: string, language: Language): Promise<CycleView> {
    const [cycle, records] = await Promise.all([this.cycles.find(cycleId), this.cycles.records(before)]);
    if (!cycle) throw new DomainError('NOT_FOUND');
    return this.viewOf(caller, { cycle, relation }, language, cycle.hostCellId === before.hostCellId ? records : undefined);
  }

  /** `read`: the cycle's records when the caller has them already. */
  async viewOf(caller: AuthUser, { cycle, relation }: CycleAccess, language: Language, read?: CycleRecords): Promise<CycleView> {
    const { critiques: allCritiques, ...records } = read ?? (await this.cycles.records(cycle));
    // A visitor (a cell or a guest) sees the others' critiques only once its own is in.
    let critiques = allCritiques;
    let critiquesHidden = false;
    if (relation === 'invited' || relation === 'guest') {
      const own = allCritiques.filter((critique) => (relation === 'guest' ? critique.guestId === caller.id : critique.cellId === caller.cellId));
      critiquesHidden = own.length === 0 && allCritiques.length > 0;
      if (own.length === 0) critiques = [];
    }
    const view = toCycleView({ cycle, ...records, critiques, critiquesHidden }, language);
    return relation === 'invited' || relation === 'guest' ? forVisitor(view, caller) : view;
  }

  /** Newest first, keyset-paginated on (created_at, id); only cycles the caller has a place in. */
  async list(caller: AuthUser, query: ListCyclesQuery): Promise<{ items: CycleSummary[]; nextCursor: string | null }> {
    // The pages list cycles through here too, past no role guard: whoever has no relation to any cycle is refused.
    if (!rolesFor('view').includes(caller.role)) throw new DomainError('ROLE_NOT_ALLOWED');
    const limit = query.limit ?? 20;
    const rows = await this.cycles.list({
      viewer: caller,
      committeeId: query.committeeId,
      status: query.status,
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
      limit,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toCycleSummary),
      nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null,
    };
  }

  /** Cells of the committee ranked for hosting (see hostCandidatesForCycle), best first. */
  async hostCandidates(caller: AuthUser, cycleId: string): Promise<HostCandidate[]> {
    await this.accessFor(caller, cycleId, 'rankHosts');
    return this.cycles.hostCandidates(cycleId);
  }
}

/** The caller's relation to a cycle with these parties, or the refusal: NOT_FOUND (a 404 like a missing cycle) or NOT_INVITED. */
function placeIn(caller: AuthUser, parties: CycleParties): CycleRelation {
  const relation = relationTo(caller, parties);
  if (relation === 'NOT_FOUND' || relation === 'NOT_INVITED') throw new DomainError(relation);
  return relation;
}

/** Refuses what the action does not allow to this relation at this stage (cycle-policy.ts). */
function checkAllowed(action: CycleAction, relation: CycleRelation, stage: CycleEntity['status']): void {
  const refused = refusal(action, relation, stage);
  if (refused) throw new DomainError(refused.code, refused.stage ? { stage: refused.stage } : {});
}

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');
}

/** A cursor this API made: a real time and a UUID; anything else (a crafted one) is a 400, never a 500. */
function decodeCursor(cursor: string): [string, string] {
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const [createdAt, id] = parts;
  if (parts.length !== 2 || parseOffsetDateTime(createdAt) === null || !isUuid(id)) throw new DomainError('VALIDATION_FAILED');
  return [createdAt, id];
}
