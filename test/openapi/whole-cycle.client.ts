import type { components, paths } from './api-types.generated.js';

/**
 * A client that knows the API only from its published OpenAPI document (api-types.generated.ts): every
 * path, path parameter, request body and answer below is typed from it, so a whole cycle written against
 * it compiles only while the document describes what the API takes and gives.
 */

type Schemas = components['schemas'];
type PostPath = { [P in keyof paths]: paths[P] extends { post: object } ? P : never }[keyof paths];
type GetPath = { [P in keyof paths]: paths[P] extends { get: object } ? P : never }[keyof paths];
type PathParams<Operation> = Operation extends { parameters: { path: infer Params } } ? (Params extends object ? Params : never) : never;
type JsonBody<Operation> = Operation extends { requestBody: { content: { 'application/json': infer Body } } } ? Body : undefined;
type Success<Operation> = Operation extends { responses: { 200: { content: { 'application/json': infer Answer } } } }
  ? Answer
  : Operation extends { responses: { 201: { content: { 'application/json': infer Answer } } } }
    ? Answer
    : never;

/** How the client reaches the API (supertest in the contract test, fetch elsewhere). */
export type Transport = (method: 'GET' | 'POST', url: string, token: string | null, body?: unknown) => Promise<{ status: number; body: unknown }>;

export class TypedClient {
  constructor(private readonly transport: Transport) {}

  async post<P extends PostPath>(
    token: string | null,
    path: P,
    params: PathParams<paths[P]['post']> | null,
    body: JsonBody<paths[P]['post']>,
  ): Promise<Success<paths[P]['post']>> {
    return this.send('POST', token, path, params, body) as Promise<Success<paths[P]['post']>>;
  }

  async get<P extends GetPath>(token: string, path: P, params: PathParams<paths[P]['get']> | null): Promise<Success<paths[P]['get']>> {
    return this.send('GET', token, path, params) as Promise<Success<paths[P]['get']>>;
  }

  private async send(method: 'GET' | 'POST', token: string | null, path: string, params: object | null, body?: unknown): Promise<unknown> {
    const url = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String((params as Record<string, unknown>)[name])));
    const answer = await this.transport(method, url, token, body);
    if (answer.status >= 300) throw new Error(`${method} ${url} → ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }
}

export interface CycleParticipants {
  committeeId: string;
  staffToken: string;
  host: { cellId: string; token: string };
  visitors: { cellId: string; token: string }[];
}

/** What the cycle looked like at each step the contract test checks. */
export interface WholeCycleOutcome {
  launched: Schemas['CycleResponse'];
  candidates: Schemas['HostCandidateResponse'][];
  critiques: Schemas['CritiqueResponse'][];
  reported: Schemas['CycleResponse'];
  closed: Schemas['CycleResponse'];
  visitorView: Schemas['CycleResponse'];
  tasks: Schemas['TaskResponse'][];
}

/** Launch → host → RSVPs → plan → meeting → critiques → report → review, through the typed client only. */
export async function runWholeCycle(
  client: TypedClient,
  who: CycleParticipants,
  waitUntil: (epochMs: number) => Promise<void>,
): Promise<WholeCycleOutcome> {
  const meetingAt = Date.now() + 3000;
  const launched = await client.post(who.staffToken, '/api/cycles', null, {
    committeeId: who.committeeId,
    title: 'Sinh hoạt chi bộ điểm theo hợp đồng API',
    topic: 'Nâng cao chất lượng sinh hoạt chi bộ',
    kind: 'regular',
    invitedCellIds: who.visitors.map((visitor) => visitor.cellId),
    meetingAt: new Date(meetingAt).toISOString(),
    location: 'Hội trường Đảng ủy',
    critiqueWindow: 'PT60S',
    reportWindow: 'PT60S',
    reminders: { earlyStartTolerance: 'PT3H' },
  });
  const cycle = { id: launched.id };
  const candidates = await client.get(who.staffToken, '/api/cycles/{id}/host-candidates', cycle);
  await client.post(who.staffToken, '/api/cycles/{id}/host', cycle, { cellId: who.host.cellId });
  for (const visitor of who.visitors) {
    await client.post(visitor.token, '/api/cycles/{id}/invitations/{cellId}/rsvp', { id: cycle.id, cellId: visitor.cellId }, { response: 'accept' });
  }
  await client.post(who.host.token, '/api/cycles/{id}/plan', cycle, { agenda: ['Khai mạc', 'Thảo luận', 'Bế mạc'], content: 'Chương trình sinh hoạt' });
  await waitUntil(meetingAt + 100);
  const started = Date.now() - 100 * 60_000;
  await client.post(who.host.token, '/api/cycles/{id}/meeting', cycle, {
    startedAt: new Date(started).toISOString(),
    endedAt: new Date(started + 95 * 60_000).toISOString(),
    attendance: { present: 20, total: 21, absentWithReason: 1 },
    attendingCellIds: who.visitors.map((visitor) => visitor.cellId),
    minutes: 'Biên bản buổi sinh hoạt',
  });
  const critiques: Schemas['CritiqueResponse'][] = [];
  for (const visitor of who.visitors) {
    critiques.push(
      await client.post(visitor.token, '/api/cycles/{id}/critiques', cycle, {
        points: [
          { stage: 'content', kind: 'strength', text: 'Nội dung thiết thực' },
          { stage: 'chairing', kind: 'suggestion', text: 'Nên dành thêm thời gian thảo luận' },
        ],
      }),
    );
  }
  const reported = await client.post(who.host.token, '/api/cycles/{id}/report', cycle, {
    responses: critiques.flatMap((critique) => critique.points.map((point) => ({ pointId: point.id, stance: 'accept' as const, text: 'Tiếp thu' }))),
    lessons: ['Chuẩn bị tài liệu sớm'],
    actionItems: [],
  });
  const closed = await client.post(who.staffToken, '/api/cycles/{id}/review', cycle, { decision: 'accept', rating: 'KHA' });
  const visitorView = await client.get(who.visitors[0].token, '/api/cycles/{id}', cycle);
  const tasks = await client.get(who.host.token, '/api/me/tasks', null);
  return { launched, candidates, critiques, reported, closed, visitorView, tasks };
}
