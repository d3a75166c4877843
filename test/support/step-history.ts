// Where a fault landed is proven by the workflow's history (which update answered, which activity attempt wrote), not by what the client saw.
import { Client, Connection } from '@temporalio/client';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { SealingCodec } from '../../libs/temporal/sealing-codec.js';
import { modelMeetingWorkflowId } from '../../workflows/model-meeting/model-meeting.contract.js';
import { TEST_PAYLOAD_KEY } from './test-stack.js';

/** A client of the Temporal server the apps use, to read workflow histories (the evidence of where a fault landed). */
export class HistoryReader {
  private constructor(
    private readonly connection: Connection,
    private readonly client: Client,
  ) {}

  static async connect(address: string): Promise<HistoryReader> {
    const connection = await Connection.connect({ address });
    return new HistoryReader(connection, new Client({ connection, namespace: 'default' }));
  }

  /** The update that answered the step whose record has timeline seq `seq`, and the activity that wrote that record. */
  async step(cycleId: string, seq: number): Promise<StepHistory> {
    const history = await this.client.workflow.getHandle(modelMeetingWorkflowId(cycleId)).fetchHistory();
    const events = history.events ?? [];
    await openPayloads(events);
    return stepHistoryOf(events, seq);
  }

  /** As step(), once the activity that wrote the step's record has completed (a retry may still be under way when the step is answered). */
  async stepWritten(cycleId: string, seq: number, timeoutMs = 45000): Promise<StepHistory> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = await this.step(cycleId, seq);
      if (found.activity?.completedAt !== undefined || Date.now() >= deadline) return found;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}

/**
 * Whether the workflow answers a step (by the timeline event it writes) before its record is written (patch
 * answer-before-record): every step but the launch and picking a host, which the database may refuse (HOST_BUSY).
 */
export function answeredBeforeRecord(event: string): boolean {
  return event !== 'CYCLE_LAUNCHED' && event !== 'HOST_SELECTED';
}

/** 'before' or 'after' the moment: when the step's update completed. */
export function answered(found: StepHistory, moment: number): 'before' | 'after' | 'unknown' {
  const completedAt = found.update?.completedAt;
  return completedAt === undefined ? 'unknown' : completedAt < moment ? 'before' : 'after';
}

export interface StepHistory {
  /** The first update whose result names the step's seq: its name, and when it was accepted and completed (epoch ms). */
  update?: { name: string; acceptedAt: number; completedAt: number };
  /**
   * The recordSteps (recordStep) activity whose records hold the step's: when it was scheduled, how many
   * ActivityTaskStarted events it has and the attempt of the last (the attempt that completed: Temporal
   * records only the last attempt of a retried activity), and when it completed.
   */
  activity?: { name: string; scheduledAt: number; startedEvents: number; attempt: number; completedAt?: number };
}

type HistoryEvent = NonNullable<Awaited<ReturnType<ReturnType<Client['workflow']['getHandle']>['fetchHistory']>>['events']>[number];

/** Protobuf 64-bit numbers (Long) as plain numbers: ids and seconds here fit. */
const longNumber = (value: number | { toNumber(): number } | null | undefined): number => (typeof value === 'number' ? value : (value?.toNumber() ?? 0));
const eventTime = (event: HistoryEvent): number => {
  const time = event.eventTime;
  return longNumber(time?.seconds) * 1000 + Math.floor((time?.nanos ?? 0) / 1e6);
};
const decoded = (payload: Payload | null | undefined): unknown => (payload ? defaultPayloadConverter.fromPayload(payload) : undefined);

/** The apps seal every payload (TEST_PAYLOAD_KEY); the evidence read here is opened in place first. */
async function openPayloads(events: HistoryEvent[]): Promise<void> {
  const codec = new SealingCodec(Buffer.from(TEST_PAYLOAD_KEY, 'base64'), [], false);
  for (const event of events) {
    const holders = [event.workflowExecutionUpdateCompletedEventAttributes?.outcome?.success, event.activityTaskScheduledEventAttributes?.input];
    for (const holder of holders) if (holder?.payloads) holder.payloads = await codec.decode(holder.payloads);
  }
}

export function stepHistoryOf(events: HistoryEvent[], seq: number): StepHistory {
  const result: StepHistory = {};
  const byId = new Map(events.map((event) => [longNumber(event.eventId), event]));
  for (const event of events) {
    const completed = event.workflowExecutionUpdateCompletedEventAttributes;
    if (!completed || result.update) continue;
    const answer = decoded(completed.outcome?.success?.payloads?.[0]) as { seq?: number } | undefined;
    if (answer?.seq !== seq) continue;
    const accepted = byId.get(longNumber(completed.acceptedEventId));
    result.update = {
      name: accepted?.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name ?? '?',
      acceptedAt: accepted ? eventTime(accepted) : Number.NaN,
      completedAt: eventTime(event),
    };
  }
  for (const event of events) {
    const scheduled = event.activityTaskScheduledEventAttributes;
    const name = scheduled?.activityType?.name ?? '';
    if (!scheduled || !['recordSteps', 'recordStep'].includes(name)) continue;
    const input = decoded(scheduled.input?.payloads?.[0]) as { seq: number }[] | { seq: number } | undefined;
    const records = Array.isArray(input) ? input : input ? [input] : [];
    if (!records.some((record) => record.seq === seq)) continue;
    const id = longNumber(event.eventId);
    const started = events.filter((other) => other.activityTaskStartedEventAttributes && longNumber(other.activityTaskStartedEventAttributes.scheduledEventId) === id);
    const done = events.find((other) => other.activityTaskCompletedEventAttributes && longNumber(other.activityTaskCompletedEventAttributes.scheduledEventId) === id);
    result.activity = {
      name,
      scheduledAt: eventTime(event),
      startedEvents: started.length,
      attempt: Math.max(0, ...started.map((other) => other.activityTaskStartedEventAttributes?.attempt ?? 0)),
      completedAt: done ? eventTime(done) : undefined,
    };
    break;
  }
  return result;
}
