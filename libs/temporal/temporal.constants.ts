/** Wire names shared by the API, the worker and the workflows. Never rename: running histories hold them. */
export const MODEL_MEETING_WORKFLOW_TYPE = 'modelMeeting';

export function modelMeetingWorkflowId(cycleId: string): string {
  return `model-meeting-${cycleId}`;
}

export const ACTION_ITEM_FOLLOW_UP_WORKFLOW_TYPE = 'actionItemFollowUp';

/** One follow-up sweeper per task queue (an installation has one; test suites each have their own). */
export function actionItemFollowUpWorkflowId(taskQueue: string): string {
  return `action-item-follow-up-${taskQueue}`;
}
