// Every fault suite runs a cycle the same way, a client repeating each step until it is answered, so that only the fault differs between them.
import type { DataSource } from 'typeorm';
import { checkCycleRecords, firstDifference, lastSeq, userEvents } from './cycle-records.js';
import { CYCLE_EVENTS, type CycleScript, type CycleStep } from './cycle-script.js';
import { sleep } from './eventually.js';
import type { ApiClient, HttpAnswer } from './http-client.js';

/** FAULTS_FULL=1: every fault suite runs its long version. */
export const FAULTS_FULL = process.env.FAULTS_FULL === '1';

/** A step's answers: the first, every repeat, and the one it ended with. */
export interface StepOutcome {
  first: HttpAnswer;
  final: HttpAnswer;
  answers: HttpAnswer[];
}

/**
 * Repeats a step with its key while the answer is "unavailable" (503, or no answer at all), as a client
 * would; any other answer ends it. 500 is never repeated: it fails the test where it is checked.
 */
export async function repeatUntilAnswered(step: CycleStep, api: ApiClient, first: HttpAnswer, timeoutMs = 120000): Promise<StepOutcome> {
  const answers = [first];
  let answer = first;
  const deadline = Date.now() + timeoutMs;
  while ((answer.status === 503 || answer.status === 0) && Date.now() < deadline) {
    await sleep(answer.status === 0 ? 300 : 200);
    answer = await step.send(api);
    answers.push(answer);
  }
  return { first, final: answer, answers };
}

export function describeAnswers(answers: HttpAnswer[]): string {
  return answers.map((answer) => (answer.status === 0 ? `0(${answer.error})` : `${answer.status}${answer.body?.code ? `/${answer.body.code}` : ''}`)).join(' ');
}

/**
 * Sends a step while doing harm: returns the first answer it got (status 0 when none), what happened, and
 * optionally `verify`, called once the step has answered its 2xx with the step's timeline seq: it checks
 * (from the workflow's history, the database) that the harm landed where the fault says, and throws if not.
 */
export type StepFault = (
  step: CycleStep,
  context: { api: ApiClient; seqBefore: number },
) => Promise<{ first: HttpAnswer; note?: string; verify?: (done: { outcome: StepOutcome; seq: number }) => Promise<void> }>;

export interface DriveOptions {
  script: CycleScript;
  db: DataSource;
  /** The API as it is now (a restarted API keeps its port). */
  api: () => ApiClient;
  /** The fault for a step, if any. */
  faultAt: (step: CycleStep) => StepFault | undefined;
  /** Process output for failure messages. */
  logTail: () => string;
  /** How long a client keeps repeating a step that answers 503. */
  repeatForMs?: number;
}

/**
 * Runs every step of the script, each with its fault if it has one, repeating it with its key while it
 * answers 503 or nothing; then a step must answer its own 2xx (never a 500 or a refusal), and the timeline
 * must hold every step answered so far, once. Returns each step's successful answer.
 */
export async function driveCycle(options: DriveOptions): Promise<Map<number, HttpAnswer>> {
  const { script, db } = options;
  const answers = new Map<number, HttpAnswer>();
  for (const step of script.steps) {
    const wait = step.notBefore() - Date.now();
    if (wait > 0) await sleep(wait);
    const seqBefore = await lastSeq(db, script.cycleId);
    const fault = options.faultAt(step);
    const { first, note, verify } = fault ? await fault(step, { api: options.api(), seqBefore }) : { first: await step.send(options.api()), note: undefined, verify: undefined };
    const outcome = await repeatUntilAnswered(step, options.api(), first, options.repeatForMs ?? 120000);
    const unexpected = outcome.answers.slice(0, -1).filter((answer) => answer.status !== 503 && answer.status !== 0);
    if (outcome.final.status !== step.expected || unexpected.length > 0) {
      throw new Error(
        `step ${step.index} "${step.label}" (${note ?? (fault ? 'fault' : 'no fault')}): answers ${describeAnswers(outcome.answers)}, expected ${step.expected} after any 503\n` +
          `last body ${JSON.stringify(outcome.final.body)}\n${options.logTail()}`,
      );
    }
    step.done(outcome.final);
    answers.set(step.index, outcome.final);
    const recorded = await userEvents(db, script.cycleId);
    const expected = CYCLE_EVENTS.slice(0, step.index + 1);
    if (JSON.stringify(recorded) !== JSON.stringify(expected)) {
      throw new Error(`after step ${step.index} "${step.label}" (${note ?? 'no fault'}) the timeline holds ${JSON.stringify(recorded)}, expected ${JSON.stringify(expected)}`);
    }
    if (verify) {
      const rows = await db.query<{ seq: number }[]>(`SELECT seq FROM cycle_events WHERE cycle_id = $1 AND seq > $2 AND event = $3`, [
        script.cycleId,
        seqBefore,
        step.event,
      ]);
      if (rows.length !== 1) throw new Error(`step ${step.index} "${step.label}" (${note}): ${rows.length} timeline rows of ${step.event}, expected one`);
      await verify({ outcome, seq: Number(rows[0].seq) });
    }
  }
  return answers;
}

/** After the last step: CLOSED over HTTP, the records check out, and every step repeated answers its first answer. */
export async function finishedCycleProblems(options: { script: CycleScript; db: DataSource; api: ApiClient; answers: Map<number, HttpAnswer> }): Promise<string[]> {
  const { script, db, api, answers } = options;
  const problems: string[] = [];
  const view = await api.get(`/api/cycles/${script.cycleId}`, script.commune.staff.token);
  if (view.status !== 200 || view.body.status !== 'CLOSED') problems.push(`GET the cycle: ${view.status} status ${view.body?.status}`);
  const records = await checkCycleRecords(db, script);
  problems.push(...records.problems);
  if (view.status === 200 && view.body.timeline?.length !== records.events.length) {
    problems.push(`GET shows ${view.body.timeline?.length} timeline entries, the database holds ${records.events.length}`);
  }
  problems.push(...(await repeatEveryStep(db, script, api, answers)));
  return problems;
}

/**
 * After the cycle: every step sent once more with its key answers exactly its first successful answer,
 * and the timeline does not grow.
 */
export async function repeatEveryStep(db: DataSource, script: CycleScript, api: ApiClient, answers: Map<number, HttpAnswer>): Promise<string[]> {
  const problems: string[] = [];
  const before = await lastSeq(db, script.cycleId);
  for (const step of script.steps) {
    const repeat = await step.send(api);
    const first = answers.get(step.index);
    const difference = first ? firstDifference(first.body, repeat.body) : 'no first answer';
    if (!first || repeat.status !== first.status || difference) {
      problems.push(`repeat of "${step.label}" answered ${repeat.status}, first ${first?.status}; bodies differ at ${difference}`);
    }
  }
  const after = await lastSeq(db, script.cycleId);
  if (after !== before) problems.push(`repeats added ${after - before} timeline rows`);
  return problems;
}
