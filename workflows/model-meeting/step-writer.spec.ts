import { describe, expect, it } from '@jest/globals';
import type { CycleState } from './model-meeting.state.js';
import type { StepRecord } from './model-meeting.types.js';
import { StepWriter, type Produced, type WriteOutcome } from './step-writer.js';

/**
 * The writer over a fake record activity that the test answers by hand: each call is held until the test
 * settles it, so what goes into which write, and what a refusal undoes, is checked step by step.
 */
interface Call {
  records: StepRecord[];
  answer: (outcome: WriteOutcome | undefined) => void;
  fail: (error: Error) => void;
}

function harness(options: { maxRecords?: number; maxChars?: number } = {}) {
  // Only seq and a list of applied steps matter here; the writer treats the state as opaque JSON.
  const state = { seq: 0, applied: [] as string[] } as unknown as CycleState & { applied: string[] };
  const calls: Call[] = [];
  const writer = new StepWriter({
    state,
    write: (records) =>
      new Promise<WriteOutcome | undefined>((resolve, reject) => {
        calls.push({ records, answer: resolve, fail: reject });
      }),
    maxRecords: options.maxRecords ?? 50,
    maxChars: options.maxChars ?? Number.POSITIVE_INFINITY,
    refusal: (refused, record) => new Error(`refused ${record.seq} ${refused?.code ?? 'NOT_STORABLE'}`),
  });
  /** A step named `name`: refused (throws) when `refuseIf` says so for the state it is applied on. */
  const step = (name: string, refuseIf: (applied: string[]) => boolean = () => false) => (): Produced<string> => {
    if (refuseIf(state.applied)) throw new Error(`check refused ${name}`);
    state.seq += 1;
    state.applied.push(name);
    const record: StepRecord = { cycleId: 'c', seq: state.seq, at: '2026-12-02T00:00:00.000Z', event: 'RSVP_ACCEPTED', actorId: null, detail: { name } };
    return { record, result: name };
  };
  const names = (call: Call) => call.records.map((record) => `${(record.detail as { name: string }).name}#${record.seq}`);
  const flush = () => new Promise((resolve) => setImmediate(resolve));
  return { state, calls, writer, step, names, flush };
}

describe('StepWriter: records in seq order, batched while a write is under way', () => {
  it('writes the first step at once and the steps that arrive meanwhile together in the next write', async () => {
    const { calls, writer, step, names, flush } = harness();
    const first = writer.submit(step('a'));
    const later = [writer.submit(step('b')), writer.submit(step('c'))];
    expect(calls.map(names)).toEqual([['a#1']]);
    calls[0].answer({ written: 1 });
    await expect(first).resolves.toMatchObject({ result: 'a', record: { seq: 1 } });
    await flush();
    expect(calls.map(names)).toEqual([['a#1'], ['b#2', 'c#3']]);
    calls[1].answer({ written: 2 });
    await expect(Promise.all(later)).resolves.toMatchObject([{ result: 'b' }, { result: 'c' }]);
    expect(writer.idle).toBe(true);
  });

  it('counts an answer without an outcome (histories from before outcomes) as all written', async () => {
    const { calls, writer, step } = harness();
    const written = writer.submit(step('a'));
    calls[0].answer(undefined);
    await expect(written).resolves.toMatchObject({ result: 'a' });
  });

  it('bounds one write by count and by size, but always writes at least one record', async () => {
    const { calls, writer, step, flush } = harness({ maxRecords: 2, maxChars: 400 });
    void writer.submit(step('first'));
    const rest = ['b', 'c', 'd', 'e'].map((name) => writer.submit(step(name)));
    calls[0].answer({ written: 1 });
    await flush();
    expect(calls[1].records).toHaveLength(2);
    const recordChars = JSON.stringify(calls[1].records[0]).length;
    expect(recordChars * 2).toBeLessThanOrEqual(400);
    calls[1].answer({ written: 2 });
    await flush();
    expect(calls[2].records).toHaveLength(2);
    calls[2].answer({ written: 2 });
    await Promise.all(rest);

    const tiny = harness({ maxChars: 10 });
    void tiny.writer.submit(tiny.step('big'));
    const others = [tiny.writer.submit(tiny.step('x')), tiny.writer.submit(tiny.step('y'))];
    tiny.calls[0].answer({ written: 1 });
    await tiny.flush();
    expect(tiny.calls[1].records).toHaveLength(1);
    tiny.calls[1].answer({ written: 1 });
    await tiny.flush();
    tiny.calls[2].answer({ written: 1 });
    await expect(Promise.all(others)).resolves.toHaveLength(2);
  });
});

describe('StepWriter: a record the database refuses', () => {
  it('refuses that step, keeps the ones before it, and applies the ones after it again with gap-free numbers', async () => {
    const { state, calls, writer, step, names, flush } = harness();
    const a = writer.submit(step('a'));
    const b = writer.submit(step('b'));
    const poison = writer.submit(step('poison'));
    const c = writer.submit(step('c'));
    calls[0].answer({ written: 1 });
    await flush();
    expect(calls.map(names)).toEqual([['a#1'], ['b#2', 'poison#3', 'c#4']]);
    const arrivedDuringWrite = writer.submit(step('d'));
    calls[1].answer({ written: 1, refused: { seq: 3, code: 'NOT_STORABLE', detail: '22008' } });
    await expect(a).resolves.toMatchObject({ result: 'a' });
    await expect(b).resolves.toMatchObject({ result: 'b', record: { seq: 2 } });
    await expect(poison).rejects.toThrow('refused 3 NOT_STORABLE');
    await flush();
    // c and d were applied on a state holding the refused step: applied again without it, numbered on from b.
    expect(calls.map(names)[2]).toEqual(['c#3', 'd#4']);
    expect(state.applied).toEqual(['a', 'b', 'c', 'd']);
    calls[2].answer({ written: 2 });
    await expect(c).resolves.toMatchObject({ result: 'c', record: { seq: 3 } });
    await expect(arrivedDuringWrite).resolves.toMatchObject({ result: 'd', record: { seq: 4 } });
    expect(state.seq).toBe(4);
  });

  it('refuses a later step whose check no longer passes once the refused step is undone', async () => {
    const { state, calls, writer, step, flush } = harness();
    void writer.submit(step('a'));
    const opener = writer.submit(step('opener'));
    const dependent = writer.submit(step('dependent', (applied) => !applied.includes('opener')));
    calls[0].answer({ written: 1 });
    await flush();
    calls[1].answer({ written: 0, refused: { seq: 2, code: 'HOST_BUSY' } });
    await expect(opener).rejects.toThrow('refused 2 HOST_BUSY');
    await expect(dependent).rejects.toThrow('check refused dependent');
    expect(state.applied).toEqual(['a']);
    expect(state.seq).toBe(1);
    expect(writer.idle).toBe(true);
  });

  it('resolves a step that has nothing left to write after the undo (a timer no longer due) without writing it', async () => {
    const { calls, writer, step, flush } = harness();
    void writer.submit(step('a'));
    const refused = writer.submit(step('refused'));
    let due = true;
    const timer = writer.submit(() => (due ? step('timer')() : null));
    calls[0].answer({ written: 1 });
    await flush();
    due = false;
    calls[1].answer({ written: 0, refused: { seq: 2, code: 'NOT_STORABLE' } });
    await expect(refused).rejects.toThrow();
    await expect(timer).resolves.toBeNull();
    await flush();
    expect(calls).toHaveLength(2);
  });

  it('refuses everything after a refused launch, and every later step, since there is no cycle to go on with', async () => {
    const { calls, writer, step, flush } = harness();
    const launch = writer.submit(step('launch'), { fatal: true });
    const early = writer.submit(step('early'));
    calls[0].answer({ written: 0, refused: { seq: 1, code: 'HOST_BUSY' } });
    await expect(launch).rejects.toThrow('refused 1 HOST_BUSY');
    await expect(early).rejects.toThrow('refused 1 HOST_BUSY');
    await flush();
    await expect(writer.submit(step('late'))).rejects.toThrow('refused 1 HOST_BUSY');
    expect(calls).toHaveLength(1);
  });

  it('rejects the steps of a write that failed outright (cancelled), and goes on with the next', async () => {
    const { calls, writer, step, flush } = harness();
    const a = writer.submit(step('a'));
    calls[0].fail(new Error('cancelled'));
    await expect(a).rejects.toThrow('cancelled');
    const b = writer.submit(step('b'));
    await flush();
    calls[1].answer({ written: 1 });
    await expect(b).resolves.toMatchObject({ result: 'b' });
  });
});

describe('StepWriter in chained mode (histories from before batched-step-records)', () => {
  it('writes one record per write, each after the previous, scheduled a microtask after the step', async () => {
    const state = { seq: 0 } as unknown as CycleState;
    const calls: StepRecord[][] = [];
    const answers: (() => void)[] = [];
    const writer = new StepWriter({
      state,
      chained: true,
      write: (records) =>
        new Promise((resolve) => {
          calls.push(records);
          answers.push(() => resolve({ written: 1 }));
        }),
      maxRecords: 1,
      maxChars: Number.POSITIVE_INFINITY,
      refusal: () => new Error('unused'),
    });
    const record = (seq: number): Produced<number> => ({ record: { cycleId: 'c', seq, at: '', event: 'RSVP_ACCEPTED', actorId: null }, result: seq });
    const first = writer.submit(() => record(1));
    const second = writer.submit(() => record(2));
    expect(calls).toHaveLength(0);
    await Promise.resolve();
    expect(calls.map((batch) => batch.map((entry) => entry.seq))).toEqual([[1]]);
    answers[0]();
    await expect(first).resolves.toMatchObject({ result: 1 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls.map((batch) => batch.map((entry) => entry.seq))).toEqual([[1], [2]]);
    answers[1]();
    await expect(second).resolves.toMatchObject({ result: 2 });
    await writer.settled();
  });
});
