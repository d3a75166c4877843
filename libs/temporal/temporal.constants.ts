/** The action-item sweeper's wire names (the worker starts it). Never rename: running histories hold them. */
export const ACTION_ITEM_FOLLOW_UP_WORKFLOW_TYPE = 'actionItemFollowUp';

/** One follow-up sweeper per task queue (an installation has one; test suites each have their own). */
export function actionItemFollowUpWorkflowId(taskQueue: string): string {
  return `action-item-follow-up-${taskQueue}`;
}
