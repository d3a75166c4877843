import type { DataSource } from 'typeorm';
import type { HostCandidate } from '../../libs/domain/host-ranking.js';
import { hostCandidatesForCycle } from '../../libs/persistence/queries/host-candidates.query.js';

export interface HostCandidateActivities {
  /** The best few host candidates for a cycle launched without a host, with the reasons in Vietnamese. */
  rankHostCandidates(cycleId: string): Promise<HostCandidate[]>;
}

const SUGGESTED = 5;

export function createHostCandidateActivities(dataSource: DataSource): HostCandidateActivities {
  return {
    async rankHostCandidates(cycleId) {
      return (await hostCandidatesForCycle(dataSource, cycleId)).slice(0, SUGGESTED);
    },
  };
}
