export { modelMeeting } from './model-meeting/model-meeting.workflow.js';
