import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { renderDocx } from '../../../libs/documents/render-docx.js';
import { renderPdf } from '../../../libs/documents/render-pdf.js';
import type { DocumentSource } from '../../../libs/documents/document-source.js';
import { DomainError } from '../../../libs/domain/domain-error.js';
import { OrganisationRepository } from '../../../libs/persistence/repositories/organisation.repository.js';
import { UsersRepository } from '../../../libs/persistence/repositories/users.repository.js';
import type { Language } from '../../../libs/wording/language.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CycleReadsService } from '../cycles/cycle-reads.service.js';
import type { CycleView } from '../cycles/cycle.mapper.js';
import { CONTENT_TYPES, parseDocumentFileName } from './document-file-names.js';
import { documentsOf, type CycleDocument } from './document-list.js';
import type { DocumentResponse } from './document.response.js';
import { RenderedFilesCache } from './rendered-files.cache.js';

/** A rendered paper, ready to send. */
export interface DocumentFile {
  bytes: Buffer;
  contentType: string;
  /** The Vietnamese name the browser saves it under, with its extension. */
  fileName: string;
  /** A strong validator: the SHA-256 of the bytes, quoted. */
  etag: string;
}

/**
 * A cycle's papers (documents.md), for the JSON API and the pages alike: listed and rendered from the caller's own
 * view of the cycle (CycleReadsService.view), so whoever may not see the cycle, or a critique in it, gets no paper
 * of it either (404 as for any id that does not exist). The files are rendered on each request, never in the
 * workflow: a paper shows the cycle as it is when asked for, and the same cycle state gives the same bytes, which
 * are kept (RenderedFilesCache) so that a paper asked for again is not rendered again.
 */
@Injectable()
export class DocumentsService {
  private readonly rendered = new RenderedFilesCache();

  constructor(
    @Inject(CycleReadsService) private readonly reads: CycleReadsService,
    @Inject(OrganisationRepository) private readonly organisation: OrganisationRepository,
    @Inject(UsersRepository) private readonly users: UsersRepository,
  ) {}

  async list(caller: AuthUser, cycleId: string, language: Language): Promise<DocumentResponse[]> {
    const cycle = await this.reads.view(caller, cycleId, 'vi');
    const cellNames = await this.cellNames(cycle.committeeId);
    return documentsOf(cycle, caller, cellNames, language).map((document) => toResponse(cycleId, document));
  }

  /** One file by its name (`minutes.pdf`, `invitation-<cellId>.docx`, …); a name the caller's list does not offer is a 404. */
  async file(caller: AuthUser, cycleId: string, name: string): Promise<DocumentFile> {
    const cycle = await this.reads.view(caller, cycleId, 'vi');
    const wanted = parseDocumentFileName(name);
    if (!wanted) throw new DomainError('NOT_FOUND');
    const source = await this.sourceOf(cycle);
    const document = documentsOf(cycle, caller, source.cellNames, 'vi').find((candidate) => candidate.base === wanted.base);
    if (!document) throw new DomainError('NOT_FOUND');
    const party = document.build(source);
    const bytes = await this.rendered.get(RenderedFilesCache.keyOf(party, wanted.format), () => (wanted.format === 'pdf' ? renderPdf(party) : renderDocx(party)));
    return {
      bytes,
      contentType: CONTENT_TYPES[wanted.format],
      fileName: `${document.fileName}.${wanted.format}`,
      etag: `"${createHash('sha256').update(bytes).digest('hex')}"`,
    };
  }

  private async sourceOf(cycle: CycleView): Promise<DocumentSource> {
    const [committees, cellNames, people] = await Promise.all([
      this.organisation.committee(cycle.committeeId),
      this.cellNames(cycle.committeeId),
      this.users.ofCommittee(cycle.committeeId, { take: 10_000, skip: 0 }),
    ]);
    // The name under a cell's signature: its one active secretary (a new one deactivates the old).
    const secretaryNames = new Map(
      people.filter((person) => person.role === 'secretary' && person.cellId && !person.deactivatedAt).map((person) => [person.cellId as string, person.fullName]),
    );
    return { cycle, committeeName: committees[0]?.name ?? '', cellNames, secretaryNames };
  }

  private async cellNames(committeeId: string): Promise<Map<string, string>> {
    const cells = await this.organisation.cellsOf(committeeId, { take: 10_000, skip: 0 });
    return new Map(cells.map((cell) => [cell.id, cell.name]));
  }
}

function toResponse(cycleId: string, { document, title, ready, missing, cellId, critiqueId, base }: CycleDocument): DocumentResponse {
  const path = `/api/cycles/${cycleId}/documents/${base}`;
  return {
    document,
    title,
    ready,
    ...(missing ? { missing } : {}),
    ...(cellId ? { cellId } : {}),
    ...(critiqueId ? { critiqueId } : {}),
    files: { docx: `${path}.docx`, pdf: `${path}.pdf` },
  };
}
