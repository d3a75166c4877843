import type { DataSource } from 'typeorm';
import { createActionItemActivities } from './action-items/action-items.activities.js';
import { createCycleRecordActivities } from './cycle-records/cycle-records.activities.js';
import { createHostCandidateActivities } from './host-candidates/host-candidates.activities.js';

/** Every activity the worker registers, bound to this process's database connection. */
export function createActivities(dataSource: DataSource) {
  return { ...createCycleRecordActivities(dataSource), ...createHostCandidateActivities(dataSource), ...createActionItemActivities(dataSource) };
}
