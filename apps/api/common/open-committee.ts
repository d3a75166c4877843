import { DomainError } from '../../../libs/domain/domain-error.js';
import type { OrganisationRepository } from '../../../libs/persistence/repositories/organisation.repository.js';

/** New cells, people, score sheets and cycles go to a committee that exists and was not merged into another. */
export async function requireOpenCommittee(organisation: OrganisationRepository, committeeId: string): Promise<void> {
  const standing = await organisation.committeeStanding(committeeId);
  if (standing === 'missing') throw new DomainError('NOT_FOUND');
  if (standing === 'merged') throw new DomainError('COMMITTEE_MERGED');
}
