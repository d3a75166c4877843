export { actionItemFollowUp } from './action-item-follow-up/action-item-follow-up.workflow.js';
export { modelMeeting } from './model-meeting/model-meeting.workflow.js';
export { notificationDelivery } from './notification-delivery/notification-delivery.workflow.js';
