import type { DataSource } from 'typeorm';
import { createActionItemActivities } from './action-items/action-items.activities.js';
import { createCycleRecordActivities } from './cycle-records/cycle-records.activities.js';
import { createHostCandidateActivities } from './host-candidates/host-candidates.activities.js';
import { createNotificationDeliveryActivities, type DeliverySettings } from './notification-delivery/notification-delivery.activities.js';

/**
 * Every activity the worker registers, bound to this process's database connection. With `delivery`, the
 * notifications these activities write are carried beyond the inbox by this task queue's worker.
 */
export function createActivities(dataSource: DataSource, delivery?: DeliverySettings & { taskQueue: string }) {
  const deliveryQueue = delivery?.taskQueue ?? null;
  return {
    ...createCycleRecordActivities(dataSource, deliveryQueue),
    ...createHostCandidateActivities(dataSource),
    ...createActionItemActivities(dataSource, deliveryQueue),
    ...(delivery ? createNotificationDeliveryActivities(dataSource, delivery) : {}),
  };
}
