// Reads a workflow's history: its size, its events by type, and for each update the time the server
// spent on it (from the workflow task that accepted it to the later of the update's completion and its
// activity's: a step answered before its record is written is done for its sender once both are) and the
// time its activity ran. Used to compare our cycle with the floor and to split a step's latency.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { temporal } = require('@temporalio/proto');
const EventType = temporal.api.enums.v1.EventType;

const millis = (timestamp) => (timestamp ? Number(timestamp.seconds ?? 0) * 1000 + (timestamp.nanos ?? 0) / 1e6 : NaN);
const shortName = (type) => String(EventType[type] ?? type).replace(/^EVENT_TYPE_/, '');

export async function readHistory(client, workflowId) {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  const events = history.events ?? [];
  const byType = {};
  for (const event of events) {
    const name = shortName(event.eventType);
    byType[name] = (byType[name] ?? 0) + 1;
  }
  return {
    workflowId,
    events: events.length,
    bytes: temporal.api.history.v1.History.encode(history).finish().length,
    byType,
    updates: updateSpans(events),
  };
}

/**
 * For each accepted update, in order: its name, the server-side span (workflow task scheduled → update
 * completed) and the hops inside it, from the history's event times.
 */
function updateSpans(events) {
  const updates = [];
  const byId = new Map();
  const activityOf = new Map();
  let lastTaskScheduledAt = NaN;
  let lastTaskForActivity = false;
  let previousType = null;
  let current = null;
  let launchActivity = null;
  for (const event of events) {
    const at = millis(event.eventTime);
    switch (event.eventType) {
      case EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED:
        lastTaskScheduledAt = at;
        lastTaskForActivity = previousType === EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED;
        break;
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED: {
        const attributes = event.workflowExecutionUpdateAcceptedEventAttributes;
        current = {
          name: attributes?.acceptedRequest?.input?.name ?? '?',
          startedAt: lastTaskScheduledAt,
          // Taken by the task that was scheduled for the last record's completion: the update came while that
          // task was waiting for the worker, and its span starts before it arrived.
          withRecordTask: lastTaskForActivity,
          acceptedAt: at,
          completedAt: NaN,
          activity: null,
        };
        updates.push(current);
        byId.set(attributes?.protocolInstanceId, current);
        break;
      }
      case EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED: {
        const activity = { scheduledAt: at, startedAt: NaN, completedAt: NaN };
        activityOf.set(Number(event.eventId), activity);
        if (current && !current.activity) current.activity = activity;
        // The launch record may be scheduled by the first task just before the launch update is accepted.
        else if (!current) launchActivity ??= activity;
        break;
      }
      case EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED: {
        const activity = activityOf.get(Number(event.activityTaskStartedEventAttributes?.scheduledEventId));
        if (activity) activity.startedAt = at;
        break;
      }
      case EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED: {
        const activity = activityOf.get(Number(event.activityTaskCompletedEventAttributes?.scheduledEventId));
        if (activity) activity.completedAt = at;
        break;
      }
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED: {
        const update = byId.get(event.workflowExecutionUpdateCompletedEventAttributes?.meta?.updateId);
        if (update) update.completedAt = at;
        break;
      }
      default:
        break;
    }
    previousType = event.eventType;
  }
  const launch = updates.find((update) => update.name === 'launch');
  if (launch && !launch.activity) launch.activity = launchActivity;
  return updates.map((update) => {
    const activity = update.activity ?? { scheduledAt: NaN, startedAt: NaN, completedAt: NaN };
    const doneAt = Number.isNaN(activity.completedAt) ? update.completedAt : Math.max(update.completedAt, activity.completedAt);
    return {
      name: update.name,
      spanMs: doneAt - update.startedAt,
      // The hops inside the span: the workflow task that accepts the update and schedules the activity, the
      // activity's dispatch to a worker, its run, and the workflow task that completes the update after it
      // (0 for an update answered with the activity scheduled, before it ran).
      acceptMs: update.acceptedAt - update.startedAt,
      dispatchMs: activity.startedAt - activity.scheduledAt,
      activityMs: activity.completedAt - activity.startedAt,
      finishMs: Math.max(0, update.completedAt - activity.completedAt),
      withRecordTask: update.withRecordTask,
    };
  });
}
