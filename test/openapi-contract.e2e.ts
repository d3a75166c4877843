import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import { TypedClient, runWholeCycle, type Transport } from './openapi/whole-cycle.client.js';
import { startApiStack, type ApiStack } from './support/api-stack.js';
import { createCommuneViaApi } from './support/commune-api.fixture.js';
import { sleep } from './support/eventually.js';
import { ROOT } from './support/server-control.js';

const run = promisify(execFile);

let stack: ApiStack;
let document: Record<string, unknown>;
let documentFile: string;

beforeAll(async () => {
  stack = await startApiStack();
  const response = await stack.http.get('/api/docs-json');
  expect(response.status).toBe(200);
  document = response.body;
  documentFile = join(await mkdtemp(join(tmpdir(), 'openapi-')), 'openapi.json');
  await writeFile(documentFile, JSON.stringify(document, null, 2));
}, 120_000);

afterAll(async () => {
  await stack?.stopAll();
});

interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer: string }[];
}

describe('the published OpenAPI document', () => {
  it('passes Redocly’s recommended rules with no error', async () => {
    const { stdout } = await run(
      process.execPath,
      [join(ROOT, 'node_modules/@redocly/cli/bin/cli.js'), 'lint', '--extends=recommended', '--format=json', documentFile],
      { maxBuffer: 32 * 1024 * 1024 },
    ).catch((failure: { stdout?: string }) => ({ stdout: failure.stdout ?? '' }));
    const problems = (JSON.parse(stdout) as { problems: LintProblem[] }).problems;
    const errors = problems.filter((problem) => problem.severity === 'error').map((problem) => `${problem.ruleId} ${problem.location[0]?.pointer}: ${problem.message}`);
    expect(errors).toEqual([]);
  }, 120_000);

  it('is what the committed client types were generated from', async () => {
    const generated = `${GENERATED_HEADER}${astToString(await openapiTS(document as never, { defaultNonNullable: false }))}`;
    if (process.env.UPDATE_OPENAPI_TYPES === '1') await writeFile(CLIENT_TYPES, generated);
    const committed = await readFile(CLIENT_TYPES, 'utf8');
    // When the API's contract changes on purpose: UPDATE_OPENAPI_TYPES=1 npm test -- test/openapi-contract.e2e.ts
    expect(generated === committed).toBe(true);
  });
});

const CLIENT_TYPES = join(ROOT, 'test/openapi/api-types.generated.ts');
const GENERATED_HEADER = '// Generated from /api/docs-json by openapi-typescript (UPDATE_OPENAPI_TYPES=1 npm test -- test/openapi-contract.e2e.ts). Do not edit.\n';

describe('a client generated from the document', () => {
  it('drives a whole cycle to CLOSED with the types the document gives', async () => {
    const commune = await createCommuneViaApi(stack, 3);
    const [host, ...visitors] = commune.cells;
    const transport: Transport = async (method, url, token, body) => {
      const pending = method === 'GET' ? stack.http.get(url) : stack.http.post(url).send(body as object);
      const answer = await (token ? pending.set('Authorization', `Bearer ${token}`) : pending);
      return { status: answer.status, body: answer.body };
    };
    const outcome = await runWholeCycle(
      new TypedClient(transport),
      {
        committeeId: commune.committeeId,
        staffToken: commune.staff.token,
        host: { cellId: host.id, token: host.secretary.token },
        visitors: visitors.map((cell) => ({ cellId: cell.id, token: cell.secretary.token })),
      },
      async (epochMs) => {
        await sleep(Math.max(0, epochMs - Date.now()));
      },
    );
    expect(outcome.launched.status).toBe('HOST_SELECTION');
    expect(outcome.candidates.map((candidate) => candidate.cellId).sort()).toEqual(commune.cells.map((cell) => cell.id).sort());
    expect(outcome.critiques.map((critique) => critique.cellId)).toEqual(visitors.map((cell) => cell.id));
    expect(outcome.reported.status).toBe('REVIEW');
    expect(outcome.reported.report?.responses).toHaveLength(2 * visitors.length);
    expect(outcome.closed.status).toBe('CLOSED');
    expect(outcome.closed.review).toMatchObject({ decision: 'accept', rating: 'KHA' });
    // What the document marks as not required for a visitor is indeed absent from a visitor's view.
    expect(outcome.visitorView.plan).not.toHaveProperty('postedBy');
    expect(outcome.visitorView.timeline.every((entry) => entry.actorId === null)).toBe(true);
    expect(outcome.tasks.filter((task) => task.cycleId === outcome.closed.id)).toEqual([]);
  }, 120_000);
});
