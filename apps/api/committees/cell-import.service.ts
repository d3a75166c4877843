import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { maySeeCommittee } from '../../../libs/domain/cycle-policy.js';
import { DomainError } from '../../../libs/domain/domain-error.js';
import { OrganisationRepository } from '../../../libs/persistence/repositories/organisation.repository.js';
import type { AuthUser } from '../auth/auth-user.js';
import { hashPassword } from '../auth/password.js';
import { planImport, type PlannedRow } from './cell-import.plan.js';
import { readImportSheet } from './cell-import.reader.js';
import { requireOpenCommittee } from '../common/open-committee.js';

export interface ImportView {
  committed: boolean;
  summary: { rows: number; cellsCreated: number; cellsUpdated: number; secretariesCreated: number; unchanged: number; errors: number };
  rows: Omit<PlannedRow, 'cellId' | 'updatesMembers' | 'createsSecretary'>[];
  /** Given once, on commit: each new secretary signs in with it and must then choose their own. */
  temporaryPasswords: { row: number; username: string; password: string }[];
}

/**
 * The spreadsheet of cells and secretaries a commune office already keeps (XLSX or CSV): first a preview of
 * what each row would do, with every error and its row number; then one commit that writes all of it or,
 * when a row still has an error, nothing. Importing the same file again changes nothing.
 */
@Injectable()
export class CellImportService {
  constructor(@Inject(OrganisationRepository) private readonly organisation: OrganisationRepository) {}

  async import(caller: AuthUser, committeeId: string, file: Buffer | undefined, commit: boolean): Promise<ImportView> {
    if (!maySeeCommittee(caller, committeeId)) throw new DomainError('NOT_FOUND');
    await requireOpenCommittee(this.organisation, committeeId);
    if (!file || file.length === 0) throw new DomainError('IMPORT_UNREADABLE', { problem: 'NO_FILE' });
    const sheet = await readImportSheet(file);
    if (!commit) return viewOf(planImport(sheet, await this.organisation.importState(committeeId)), false, []);
    const passwords: ImportView['temporaryPasswords'] = [];
    const outcome = await this.organisation.commitImport(
      caller.id,
      committeeId,
      (state) => planImport(sheet, state),
      async (row) => {
        // 16 random characters: far from any common password, never containing the username.
        const password = randomBytes(12).toString('base64url');
        passwords.push({ row: row.row, username: row.username, password });
        return hashPassword(password);
      },
    );
    const errors = outcome.rows.filter((row) => row.outcome === 'ERROR').length;
    if (!outcome.written) throw new DomainError('IMPORT_HAS_ERRORS', { count: errors });
    return viewOf(outcome.rows, true, passwords);
  }
}

function viewOf(rows: PlannedRow[], committed: boolean, temporaryPasswords: ImportView['temporaryPasswords']): ImportView {
  const count = (predicate: (row: PlannedRow) => boolean) => rows.filter(predicate).length;
  return {
    committed,
    summary: {
      rows: rows.length,
      cellsCreated: count((row) => row.outcome === 'CREATE'),
      cellsUpdated: count((row) => row.outcome !== 'ERROR' && row.updatesMembers),
      secretariesCreated: count((row) => row.outcome !== 'ERROR' && row.createsSecretary),
      unchanged: count((row) => row.outcome === 'UNCHANGED'),
      errors: count((row) => row.outcome === 'ERROR'),
    },
    rows: rows.map(({ cellId: _cellId, updatesMembers: _updatesMembers, createsSecretary: _createsSecretary, ...row }) => row),
    temporaryPasswords,
  };
}
