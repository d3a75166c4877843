// Phase 7, the documents (issue 15's figures): a commune of its own with DOCUMENT_CELLS cells, one cycle
// driven to CLOSED through the API with every cell invited, attending and critiquing (100 invitations, 100
// critiques); then each of its documents downloaded through the API in both formats, timed and weighed (the
// whole path: the reads, the builder, the renderer), and the minutes PDF at DOCUMENT_RATE requests/s, paced.
import { performance } from 'node:perf_hooks';
import { driveCycle } from '../../scripts/lib/cycle-driver.mjs';
import { BENCH_LAUNCH, freshHost, seedCommune } from '../lib/api.mjs';
import { pacedLoad } from '../lib/paced-load.mjs';
import { median, round } from '../lib/stats.mjs';
import { DOCUMENT_CELLS, DOCUMENT_RATE } from '../plan.mjs';

/** Downloads per document and format; the first is reported apart (a cold renderer loads its font). */
const DOWNLOADS = 5;

export async function measureDocuments(bench) {
  const { plan, log, api, apps, commune } = bench;
  bench.ensureAlive();
  log(`\n── 7. Documents: a cycle with ${DOCUMENT_CELLS} invitations and critiques, each document in both formats, the minutes PDF at ${DOCUMENT_RATE} requests/s ──`);
  const started = performance.now();
  const large = await seedCommune(api, { adminPassword: commune.admin.password, cellCount: DOCUMENT_CELLS });
  const host = await freshHost(api, large, { withSecretary: true });
  const cycle = await driveCycle(
    api,
    { committeeId: large.committeeId, staff: large.staff, invited: large.cells, host },
    { meetingAt: Date.now() + 45_000, launch: BENCH_LAUNCH, meetingMarginMs: 50 },
  );
  log(`  ${DOCUMENT_CELLS} cells seeded and the cycle closed in ${round((performance.now() - started) / 1000, 0)} s`);

  const token = large.staff.token;
  const { body: listed } = await api.expect(200, 'GET', `/api/cycles/${cycle.id}/documents`, { token });
  // One of each kind: the invitations and critique sheets are alike, so the first of each stands for the rest.
  const kinds = [...new Map(listed.map((entry) => [entry.document, entry])).values()];
  const renders = [];
  for (const entry of kinds) {
    for (const format of ['docx', 'pdf']) {
      const times = [];
      let bytes = 0;
      for (let attempt = 0; attempt < DOWNLOADS; attempt += 1) {
        const t0 = performance.now();
        const response = await fetch(`${apps.baseUrl}${entry.files[format]}`, { headers: { authorization: `Bearer ${token}` } });
        const body = Buffer.from(await response.arrayBuffer());
        times.push(performance.now() - t0);
        if (response.status !== 200) throw new Error(`${entry.files[format]} answered ${response.status}`);
        bytes = body.length;
      }
      renders.push({ document: entry.document, title: entry.title, format, bytes, first_ms: round(times[0], 0), median_ms: round(median(times.slice(1)), 0) });
    }
  }
  const minutes = kinds.find((entry) => entry.document === 'minutes');
  const load = { url: `${apps.baseUrl}${minutes.files.pdf}`, headers: { authorization: `Bearer ${token}` } };
  const paced = await pacedLoad({ ...load, rate: DOCUMENT_RATE, seconds: plan.documentsSeconds });
  log(`  minutes PDF at ${DOCUMENT_RATE} req/s: p50 ${paced.p50_ms} ms p99 ${paced.p99_ms} ms, ${paced.requests} requests, ${paced.errors} errors`);
  bench.figures.snapshotMemory('documents');
  return { cells: DOCUMENT_CELLS, invitations: cycle.closed.invitations.length, critiques: cycle.closed.critiques.length, downloads_per_file: DOWNLOADS, renders, minutes_pdf: { rate: DOCUMENT_RATE, seconds: plan.documentsSeconds, ...paced } };
}
