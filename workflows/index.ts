export { actionItemFollowUp } from './action-item-follow-up/action-item-follow-up.workflow.js';
export { modelMeeting } from './model-meeting/model-meeting.workflow.js';
