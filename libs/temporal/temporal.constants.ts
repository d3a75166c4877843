/** Wire names shared by the API, the worker and the workflows. Never rename: running histories hold them. */
export const MODEL_MEETING_WORKFLOW_TYPE = 'modelMeeting';

export function modelMeetingWorkflowId(cycleId: string): string {
  return `model-meeting-${cycleId}`;
}
