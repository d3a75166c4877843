import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  CancelInput,
  ClaimAttendanceInput,
  FileReportInput,
  InviteGuestsInput,
  PickHostInput,
  PostPlanInput,
  RecordMeetingInput,
  RescheduleInput,
  ReviewInput,
  RsvpInput,
  StepEnvelope,
  StepResult,
  SubmitCritiqueInput,
} from './model-meeting.types.js';
import type { CycleState } from './model-meeting.state.js';

/** Message names are a wire contract with running histories: never rename them. */
export const launchUpdate = defineUpdate<StepResult, []>('launch');
export const pickHostUpdate = defineUpdate<StepResult, [StepEnvelope<PickHostInput>]>('pickHost');
export const postPlanUpdate = defineUpdate<StepResult, [StepEnvelope<PostPlanInput>]>('postPlan');
export const rsvpUpdate = defineUpdate<StepResult, [StepEnvelope<RsvpInput>]>('rsvp');
export const rescheduleUpdate = defineUpdate<StepResult, [StepEnvelope<RescheduleInput>]>('reschedule');
export const recordMeetingUpdate = defineUpdate<StepResult, [StepEnvelope<RecordMeetingInput>]>('recordMeeting');
export const submitCritiqueUpdate = defineUpdate<StepResult, [StepEnvelope<SubmitCritiqueInput>]>('submitCritique');
export const fileReportUpdate = defineUpdate<StepResult, [StepEnvelope<FileReportInput>]>('fileReport');
export const reviewUpdate = defineUpdate<StepResult, [StepEnvelope<ReviewInput>]>('review');
export const cancelUpdate = defineUpdate<StepResult, [StepEnvelope<CancelInput>]>('cancel');
export const inviteGuestsUpdate = defineUpdate<StepResult, [StepEnvelope<InviteGuestsInput>]>('inviteGuests');
export const claimAttendanceUpdate = defineUpdate<StepResult, [StepEnvelope<ClaimAttendanceInput>]>('claimAttendance');

export const stateQuery = defineQuery<CycleState>('state');
