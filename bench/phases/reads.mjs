// Phase 3, reads at a fixed rate: GET /api/cycles/:id (a closed cycle from phase 1, as committee staff),
// plain and again as a browser revisiting it does (If-None-Match with the ETag it was given: 304), and GET
// /api/me/tasks (a visiting secretary with open invitations) at READ_RATE requests/s, evenly paced (open loop,
// lib/paced-load.mjs); then with autocannon, whose rate limit sends each second's quota as a burst, and the
// endpoint's capacity. Answers `reads` and `firstOpen` (the launches of the cycles opened
// for the tasks endpoint, which phase 4 counts as its first level).
import autocannon from 'autocannon';
import { pacedLoad } from '../lib/paced-load.mjs';
import { round } from '../lib/stats.mjs';
import { READ_RATE } from '../plan.mjs';

export async function measureReads(bench, { levels }) {
  const { plan, log, api, apps, commune, cpu } = bench;
  bench.ensureAlive();
  log(`\n── 3. Reads at ${READ_RATE} requests/s, ${plan.readsSeconds} s per endpoint ──`);
  const firstOpen = await bench.openCycles.launch(plan.scale[0]);
  const closedCycleId = levels[0].ids[0];
  const cyclePath = `/api/cycles/${closedCycleId}`;
  const readTargets = [
    { name: 'GET /api/cycles/:id', path: cyclePath, token: commune.staff.token, note: 'a closed cycle: 14 invitations, 14 critiques, full timeline; as committee staff' },
    {
      name: 'GET /api/cycles/:id, If-None-Match',
      path: cyclePath,
      token: commune.staff.token,
      revisit: true,
      note: 'the same, as a browser revisiting it asks: with the ETag of its copy (304 while the cycle has not changed)',
    },
    { name: 'GET /api/me/tasks', path: '/api/me/tasks', token: commune.cells[1].secretary.token, note: `a visiting secretary with ${plan.scale[0]} open invitations` },
  ];
  const readResults = [];
  for (const target of readTargets) {
    const check = await api.expect(200, 'GET', target.path, { token: target.token });
    const rows = Array.isArray(check.body) ? check.body.length : null;
    const headers = { authorization: `Bearer ${target.token}`, accept: 'application/json' };
    if (target.revisit) headers['if-none-match'] = await etagOf(`${apps.baseUrl}${target.path}`, headers);
    const status = target.revisit ? 304 : 200;
    const load = { url: `${apps.baseUrl}${target.path}`, urls: apps.baseUrls.map((baseUrl) => `${baseUrl}${target.path}`), headers, status };
    await pacedLoad({ ...load, rate: 50, seconds: 1 });
    const stopMeter = await cpu.start();
    const result = await pacedLoad({ ...load, rate: READ_RATE, seconds: plan.readsSeconds });
    const used = await stopMeter();
    bench.figures.foreignLoad.push(round(used.foreignPct, 0));
    const perRequest = (seconds) => round((seconds * 1000) / Math.max(1, result.requests), 2);
    // The same with autocannon (its rate limit sends each second's quota in a burst at the start of the second).
    const burst = await fire({ url: load.url, headers, status, rate: READ_RATE, seconds: plan.autocannonSeconds });
    // And how many requests a second the API can answer at all (10 connections, no rate limit).
    const capacity = await fire({ url: load.url, headers, status, seconds: plan.autocannonSeconds, connections: 10 });
    readResults.push({
      endpoint: target.name,
      note: target.note,
      status,
      rows,
      ...result,
      cpu_ms_per_request: { api: perRequest(used.seconds.api ?? 0), postgres: perRequest(used.seconds.postgres ?? 0) },
      other_processes_pct: round(used.foreignPct, 0),
      autocannon: burst,
      capacity_req_per_s: capacity.achieved_rate,
      capacity_p50_ms: capacity.p50_ms,
    });
    log(
      `  ${target.name}: p50 ${result.p50_ms} ms p99 ${result.p99_ms} ms, ${result.requests} requests, ${result.errors} errors, ${result.achieved_rate} req/s` +
        ` | autocannon: p50 ${burst.p50_ms} ms p99 ${burst.p99_ms} ms, ${burst.errors} errors | capacity ${capacity.achieved_rate} req/s`,
    );
  }
  const reads = {
    rate: READ_RATE,
    generator: 'open loop, one request every 5 ms, latency from the scheduled send time (bench/lib/paced-load.mjs); autocannon figures beside',
    duration_s: plan.readsSeconds,
    p50_ms: Math.max(...readResults.map((result) => result.p50_ms)),
    p99_ms: Math.max(...readResults.map((result) => result.p99_ms)),
    errors: readResults.reduce((sum, result) => sum + result.errors, 0),
    endpoints: readResults,
  };
  bench.figures.snapshotMemory('reads');
  return { reads, firstOpen };
}

/** The ETag the API gives with its answer, as a browser keeps it for its next visit; no ETag fails the run. */
async function etagOf(url, headers) {
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  const etag = response.headers.get('etag');
  if (response.status !== 200 || !etag) throw new Error(`GET ${url} → ${response.status} without an ETag: no conditional GET to measure`);
  return etag;
}

/** autocannon at a fixed overall rate; latencies in ms, errors = transport errors + timeouts + answers other than `status`. */
async function fire({ url, headers, status, rate, seconds, connections = 50 }) {
  const result = await autocannon({
    url,
    // Enough connections to hold the rate even if answers slow down (each carries rate / connections).
    connections,
    ...(rate ? { overallRate: rate } : {}),
    duration: seconds,
    headers,
  });
  const expected = result.statusCodeStats?.[status]?.count ?? 0;
  return {
    p50_ms: result.latency.p50,
    p90_ms: result.latency.p90,
    p99_ms: result.latency.p99,
    max_ms: result.latency.max,
    requests: result.requests.total,
    achieved_rate: Math.round(result.requests.total / seconds),
    bytes_per_response: Math.round(result.throughput.total / Math.max(1, result.requests.total)),
    errors: result.errors + result.timeouts + (result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'] - expected),
  };
}
