/**
 * Temporal is not a back door: on the real dev server, a client that reaches Temporal without the product's
 * payload key (the Web UI's API, a stray SDK) cannot act on a cycle. Its updates arrive unsealed and are
 * refused NOT_VOUCHED, even claiming to be committee staff and even carrying a forged seal mark; a cycle it
 * starts fails at once. And the history holds the people's words sealed, never in plain text.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, Connection, WorkflowFailedError, WorkflowUpdateFailedError, WithStartWorkflowOperation } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { cancelUpdate, MODEL_MEETING_WORKFLOW_TYPE, modelMeetingWorkflowId, rsvpUpdate } from '../workflows/model-meeting/model-meeting.contract.js';
import { launchInput } from './support/cycle-input.js';
import { createCommune, type TestCommune } from './support/organisation.fixture.js';
import { startWorkerStack, type WorkerStack } from './support/test-stack.js';

let stack: WorkerStack;
let bare: Client;
let bareConnection: Connection;
let commune: TestCommune;

beforeAll(async () => {
  stack = await startWorkerStack();
  bareConnection = await Connection.connect({ address: stack.config.temporal.address });
  // What the Temporal Web UI or any SDK without the key would be: it sends plain payloads, and what comes
  // back sealed it cannot open (read here as nothing, so the refusal's message stays readable).
  const unreadable: PayloadCodec = {
    encode: async (payloads) => payloads,
    decode: async (payloads) =>
      payloads.map((payload) =>
        Buffer.from(payload.metadata?.encoding ?? []).toString() === 'binary/sealed' ? { metadata: { encoding: Buffer.from('binary/null') } } : payload,
      ),
  };
  bare = new Client({ connection: bareConnection, namespace: stack.config.temporal.namespace, dataConverter: { payloadCodecs: [unreadable] } });
  commune = await createCommune(stack.dataSource, 3);
});

afterAll(async () => {
  await bareConnection?.close();
  await stack?.stop();
});

/** The refusal's code, as the ApplicationFailure's message carries it (a bare client cannot open its sealed details). */
function rejectionCode(error: unknown): string | null {
  if (!(error instanceof WorkflowUpdateFailedError)) return null;
  return (error.cause as { message?: string } | undefined)?.message ?? null;
}

describe('a client without the payload key', () => {
  it('cannot cancel a cycle, even as the committee, even with a forged seal mark; the cycle goes on', async () => {
    const input = launchInput(commune, { invited: [1, 2], meetingInMs: 3_600_000 });
    await stack.gateway.launch(input);
    const handle = bare.workflow.getHandle(modelMeetingWorkflowId(input.cycleId));
    for (const envelope of [
      { actor: commune.staff, input: { reason: 'Hủy qua cửa sau' } },
      { actor: commune.staff, input: { reason: 'Hủy qua cửa sau' }, $sealed: true },
    ]) {
      const refused = await handle.executeUpdate('cancel', { args: [envelope] }).then(
        () => null,
        (error: unknown) => error,
      );
      expect(rejectionCode(refused)).toBe('NOT_VOUCHED');
    }
    const [row] = await stack.dataSource.query(`SELECT status FROM cycles WHERE id = $1`, [input.cycleId]);
    expect(row.status).toBe('PREPARATION');
    // The product's own client (with the key) still acts.
    await stack.gateway.step(input.cycleId, rsvpUpdate, { actor: commune.cells[1].secretary, input: { cellId: commune.cells[1].id, response: 'accept' } });
  });

  it('cannot start a cycle: the workflow fails at once and writes nothing', async () => {
    const own = await createCommune(stack.dataSource, 2);
    const input = launchInput(own, { hostIndex: 0, invited: [1], meetingInMs: 3_600_000 });
    const started = await bare.workflow
      .executeUpdateWithStart('launch', {
        args: [],
        startWorkflowOperation: new WithStartWorkflowOperation(MODEL_MEETING_WORKFLOW_TYPE, {
          workflowId: modelMeetingWorkflowId(input.cycleId),
          taskQueue: stack.config.temporal.taskQueue,
          args: [input],
          workflowIdConflictPolicy: 'FAIL',
        }),
      })
      .then(
        () => 'accepted',
        () => 'refused',
      );
    expect(started).toBe('refused');
    await expect(bare.workflow.getHandle(modelMeetingWorkflowId(input.cycleId)).result()).rejects.toBeInstanceOf(WorkflowFailedError);
    const rows = await stack.dataSource.query(`SELECT id FROM cycles WHERE id = $1`, [input.cycleId]);
    expect(rows).toEqual([]);
  });
});

describe('the history', () => {
  it('holds what people write sealed: a reason appears nowhere in the history, in any encoding', async () => {
    const own = await createCommune(stack.dataSource, 2);
    const input = launchInput(own, { hostIndex: 0, invited: [1], meetingInMs: 3_600_000 });
    await stack.gateway.launch(input);
    const secret = `Ý kiến riêng ${randomUUID()}`;
    await stack.gateway.step(input.cycleId, cancelUpdate, { actor: own.staff, input: { reason: secret } });
    const history = await bare.workflow.getHandle(modelMeetingWorkflowId(input.cycleId)).fetchHistory();
    const bytes = Buffer.from(temporal.api.history.v1.History.encode(history).finish());
    const [row] = await stack.dataSource.query(`SELECT cancel_reason FROM cycles WHERE id = $1`, [input.cycleId]);
    expect(row.cancel_reason).toBe(secret);
    // The whole text, its JSON form, its decomposed form, and its unique tail alone.
    for (const form of [secret, JSON.stringify(secret), secret.normalize('NFD'), secret.slice(-36)]) {
      expect(bytes.includes(Buffer.from(form))).toBe(false);
    }
  });
});
