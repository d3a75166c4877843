import { Inject, Injectable } from '@nestjs/common';
import { maySeeCommittee } from '../../../libs/domain/cycle-policy.js';
import { DomainError } from '../../../libs/domain/domain-error.js';
import { AuditTrailRepository } from '../../../libs/persistence/repositories/audit-trail.js';
import type { AuthUser } from '../auth/auth-user.js';
import type { AuditQuery } from './audit.query.js';
import type { AuditEventResponse } from './audit.response.js';

/** Who changed what in the organisation: the admin reads all of it, committee staff what concerns their committee. */
@Injectable()
export class AuditService {
  constructor(@Inject(AuditTrailRepository) private readonly trail: AuditTrailRepository) {}

  async read(caller: AuthUser, query: AuditQuery): Promise<AuditEventResponse[]> {
    const committeeId = caller.role === 'admin' ? query.committeeId : (caller.committeeId ?? undefined);
    if (query.committeeId && !maySeeCommittee(caller, query.committeeId)) throw new DomainError('NOT_FOUND');
    if (caller.role !== 'admin' && !committeeId) throw new DomainError('NOT_FOUND');
    const rows = await this.trail.read({ committeeId, beforeId: query.before, limit: query.limit ?? 100 });
    return rows.map((row) => ({ ...row, at: new Date(row.at).toISOString() }));
  }
}
