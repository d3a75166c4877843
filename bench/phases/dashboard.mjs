// Phase 10, the committee's dashboard and year report (issue 18's figures): a commune of 100 cells with ten
// years of closed cycles, and other communes beside it, written straight into the app's database
// (scripts/lib/commune-history.mjs: set-based SQL, seconds rather than 40,000 HTTP calls); then, signed in as that
// commune's office, its dashboard (this year and a past year), a cell's record and the overview page at
// DASHBOARD_RATE requests/s, evenly paced as the reads are, and the year report (JSON, and its page) likewise
// when the API has it; its two exports downloaded one after another, timed and weighed.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { PASSWORD } from '../lib/api.mjs';
import { writeHistory } from '../../scripts/lib/commune-history.mjs';
import { pacedLoad } from '../lib/paced-load.mjs';
import { pageSession } from '../lib/pages.mjs';
import { median, round } from '../lib/stats.mjs';
import { DASHBOARD_COMMUNE, DASHBOARD_GOAL_P99_MS, DASHBOARD_OTHER_COMMUNES, DASHBOARD_RATE, DASHBOARD_YEARS, EXPORT_DOWNLOADS } from '../plan.mjs';

export async function measureDashboard(bench) {
  const { plan, log, api, apps, commune, cpu, servers } = bench;
  bench.ensureAlive();
  const seconds = plan.dashboardSeconds;
  log(`\n── 10. Dashboard and year report: a ${DASHBOARD_COMMUNE.cells}-cell commune with ${DASHBOARD_YEARS} years of cycles, at ${DASHBOARD_RATE} requests/s ──`);

  // The commune's committee and its office through the API (the office signs in); everything else in SQL.
  const suffix = Date.now().toString(36);
  const committee = await api.expect(201, 'POST', '/api/committees', { token: commune.admin.token, body: { name: `Đảng ủy xã Thanh Sơn (đo tổng quan ${suffix})` } });
  const committeeId = committee.body.id;
  const officeName = `vanphong.tongquan.${suffix}`;
  const { body: officeUser } = await api.expect(201, 'POST', '/api/users', {
    token: commune.admin.token,
    body: { username: officeName, password: PASSWORD, fullName: 'Hà Thị Văn Phòng', role: 'committee', committeeId },
  });
  const office = await api.login(officeName, PASSWORD);

  const client = new pg.Client({ connectionString: servers.postgres.databaseUrl, application_name: 'bench-dashboard-history' });
  await client.connect();
  let generated;
  const writeStarted = performance.now();
  try {
    const { rows } = await client.query('SELECT password_hash FROM users WHERE id = $1', [officeUser.id]);
    const now = new Date();
    const thisYear = vietnamYear(now);
    generated = await writeHistory(client, {
      communes: [
        { committeeId, staffId: officeUser.id, name: 'Thanh Sơn', ...DASHBOARD_COMMUNE },
        ...Array.from({ length: DASHBOARD_OTHER_COMMUNES.count }, (_, index) => ({
          name: `Đảng ủy xã Tân Lập ${index + 1} (đo tổng quan ${suffix})`,
          cells: DASHBOARD_OTHER_COMMUNES.cells,
          clusterSize: DASHBOARD_OTHER_COMMUNES.clusterSize,
        })),
      ],
      fromYear: thisYear - DASHBOARD_YEARS,
      now,
      passwordHash: rows[0].password_hash,
      tag: suffix,
    });
    generated.write_s = round((performance.now() - writeStarted) / 1000, 1);
    // Fresh rows have no planner statistics until autovacuum gets to them; a database ten years old has them.
    const analyzeStarted = performance.now();
    await client.query('ANALYZE cycles, cycle_invitations, critiques, action_items, cycle_events, cells, users, committees');
    generated.analyze_s = round((performance.now() - analyzeStarted) / 1000, 1);
    const size = await client.query(
      `SELECT pg_database_size(current_database())::bigint AS bytes, (SELECT count(*)::int FROM cycles) AS cycles, (SELECT count(*)::int FROM committees) AS committees`,
    );
    generated.database = { bytes: Number(size.rows[0].bytes), cycles: size.rows[0].cycles, committees: size.rows[0].committees };
  } finally {
    await client.end();
  }
  const target = generated.communes[0];
  const thisYear = vietnamYear(new Date());
  const pastYear = thisYear - Math.ceil(DASHBOARD_YEARS / 2);
  log(
    `  written in ${generated.write_s} s (+ ANALYZE ${generated.analyze_s} s): ${generated.cycles} cycles (${generated.closed} closed), ${generated.invitations} invitations, ` +
      `${generated.critiques} critiques (${generated.missed} missed), ${generated.action_items} action items in ${generated.communes.length} communes; ` +
      `the measured commune: ${target.cycles} cycles, ${target.invitations} invitations, ${target.critiques} critiques`,
  );

  // Every cell of a cluster is invited alike and hosts in turn: the first cell's record is as long as any.
  const recordCell = target.cellIds[0];
  const base = `/api/committees/${committeeId}`;
  const cookie = await pageSession(apps.baseUrl, officeName, PASSWORD);
  const bearer = { authorization: `Bearer ${office.token}`, accept: 'application/json' };
  const page = { cookie, accept: 'text/html', 'accept-encoding': 'gzip' };
  const targets = [
    { name: 'GET dashboard, this year', path: `${base}/dashboard`, headers: bearer, note: `${thisYear}: stages, late tasks, the year's meetings, ratings by year, every cell's punctuality` },
    { name: 'GET dashboard, a past year', path: `${base}/dashboard?year=${pastYear}`, headers: bearer, note: `${pastYear}` },
    { name: "GET a cell's record", path: `${base}/cells/${recordCell}/dashboard`, headers: bearer, note: 'ten years of hosting, visits and critiques, open action items' },
    { name: 'page /tong-quan', path: '/tong-quan', headers: page, note: "the office's overview page (HTML, gzip), this year" },
    { name: 'GET year report (JSON)', path: `${base}/year-report?year=${pastYear}`, headers: bearer, note: `${pastYear}, the whole year`, optional: true },
    { name: 'GET year report, a quarter (JSON)', path: `${base}/year-report?year=${pastYear}&quarter=2`, headers: bearer, note: `quý II/${pastYear}`, optional: true },
    { name: 'page /bao-cao', path: `/bao-cao?nam=${pastYear}`, headers: page, note: `the year report's page (HTML, gzip), ${pastYear}`, optional: true },
  ];
  const endpoints = [];
  const skipped = [];
  for (const item of targets) {
    const url = `${apps.baseUrl}${item.path}`;
    const check = await fetch(url, { headers: item.headers });
    const body = await check.arrayBuffer();
    if (item.optional && check.status === 404) {
      skipped.push({ endpoint: item.name, path: item.path.replace(/[0-9a-f-]{36}/g, ':id'), reason: 'the API answers 404: the route is not there yet' });
      log(`  ${item.name}: 404, not in this API yet — skipped`);
      continue;
    }
    if (check.status !== 200) throw new Error(`${item.path} answered ${check.status}: ${Buffer.from(body).toString('utf8').slice(0, 300)}`);
    const load = { url, urls: apps.baseUrls.map((baseUrl) => `${baseUrl}${item.path}`), headers: item.headers };
    await pacedLoad({ ...load, rate: DASHBOARD_RATE, seconds: 1 });
    const stopMeter = await cpu.start();
    const result = await pacedLoad({ ...load, rate: DASHBOARD_RATE, seconds });
    const used = await stopMeter();
    bench.figures.foreignLoad.push(round(used.foreignPct, 0));
    const perRequest = (cpuSeconds) => round((cpuSeconds * 1000) / Math.max(1, result.requests), 2);
    endpoints.push({
      endpoint: item.name,
      path: item.path.replace(/[0-9a-f-]{36}/g, ':id'),
      note: item.note,
      bytes: body.byteLength,
      server_timing: check.headers.get('server-timing'),
      ...result,
      cpu_ms_per_request: { api: perRequest(used.seconds.api ?? 0), postgres: perRequest(used.seconds.postgres ?? 0) },
      other_processes_pct: round(used.foreignPct, 0),
    });
    log(`  ${item.name}: p50 ${result.p50_ms} ms p99 ${result.p99_ms} ms, ${result.requests} requests, ${result.errors} errors, ${body.byteLength} B`);
  }

  const exports = [];
  for (const format of ['xlsx', 'docx', 'pdf']) {
    for (const [label, query] of [
      [`${pastYear}`, `year=${pastYear}`],
      [`quý II/${pastYear}`, `year=${pastYear}&quarter=2`],
    ]) {
      const path = `${base}/year-report/export.${format}?${query}`;
      const times = [];
      let bytes = null;
      let status = null;
      let contentType = null;
      for (let attempt = 0; attempt < EXPORT_DOWNLOADS; attempt += 1) {
        const started = performance.now();
        const response = await fetch(`${apps.baseUrl}${path}`, { headers: { authorization: `Bearer ${office.token}` } });
        const body = Buffer.from(await response.arrayBuffer());
        times.push(performance.now() - started);
        status = response.status;
        contentType = response.headers.get('content-type');
        if (status !== 200) break;
        bytes = body.length;
      }
      if (status === 404) {
        skipped.push({ endpoint: `export.${format}`, path: path.replace(/[0-9a-f-]{36}/g, ':id'), reason: 'the API answers 404: the route is not there yet' });
        log(`  export.${format} (${label}): 404, not in this API yet — skipped`);
        break;
      }
      if (status !== 200) throw new Error(`${path} answered ${status}`);
      exports.push({ format, span: label, bytes, content_type: contentType, downloads: times.length, first_ms: round(times[0], 0), median_ms: round(median(times.slice(1)), 0), max_ms: round(Math.max(...times), 0) });
      log(`  export.${format} (${label}): ${bytes} B, first ${round(times[0], 0)} ms, then median ${round(median(times.slice(1)), 0)} ms`);
    }
  }
  bench.figures.snapshotMemory('dashboard');
  const dashboards = endpoints.filter((endpoint) => endpoint.endpoint.startsWith('GET dashboard'));
  const worst = dashboards.length ? Math.max(...dashboards.map((endpoint) => endpoint.p99_ms)) : null;
  return {
    rate: DASHBOARD_RATE,
    seconds,
    years: DASHBOARD_YEARS,
    this_year: thisYear,
    past_year: pastYear,
    timing:
      'client-measured: from the scheduled send to the last byte of the answer, over loopback on the same machine (bench/lib/paced-load.mjs); ' +
      (endpoints.some((endpoint) => endpoint.server_timing) ? 'the Server-Timing header the API sent is kept beside' : 'the API sends no Server-Timing header'),
    generated: { ...generated, communes: generated.communes.map(({ cellIds, committeeId: _committee, staffId: _staff, ...rest }) => ({ ...rest, cells: cellIds.length })) },
    endpoints,
    exports,
    skipped,
    goal: { what: `dashboard p99 at ${DASHBOARD_RATE} req/s (worst of this year and a past year)`, target: `≤ ${DASHBOARD_GOAL_P99_MS} ms`, value: worst, ok: worst === null ? null : worst <= DASHBOARD_GOAL_P99_MS },
  };
}

/** The year in Vietnam (the dashboard's year) of a moment. */
function vietnamYear(date) {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(date));
}
