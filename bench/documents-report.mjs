// The documents' figures (phase 7) on the terminal and in the results: time and size of each document in
// both formats for a 100-invitation, 100-critique cycle, and the minutes PDF's latency at a paced rate.
import { describeMachine } from './lib/stack.mjs';
import { table } from './lib/stats.mjs';

/** Results of a `--documents` run: the machine and the documents' figures. */
export function documentsOnlyResults(documents) {
  const machine = describeMachine({ comparison: 'each document downloaded through the API (reads, builder, renderer) for a cycle of 100 invitations and 100 critiques' });
  return { machine, date: new Date().toISOString(), mode: 'documents', documents };
}

export function printDocuments(results, log) {
  const { documents } = results;
  if (!documents) return;
  log(`\nDocuments — a closed cycle with ${documents.invitations} invitations and ${documents.critiques} critiques; each file downloaded ${documents.downloads_per_file} times through the API as committee staff (the first renders it, the others find it kept)`);
  log(
    table(
      ['document', 'format', 'bytes', 'rendered ms', 'again (kept) median ms'],
      documents.renders.map((render) => [render.title, render.format, render.bytes, render.first_ms, render.median_ms]),
    ),
  );
  const minutes = documents.minutes_pdf;
  log(`\nDocuments — the minutes PDF at ${minutes.rate} req/s, paced, ${minutes.seconds} s: p50 ${minutes.p50_ms} ms, p99 ${minutes.p99_ms} ms, max ${minutes.max_ms} ms, ${minutes.errors} errors`);
}

/** The whole report of a `--documents` run. */
export function printDocumentsReport(results, { log, output, elapsed }) {
  const m = results.machine;
  log('\n══ Results ══════════════════════════════════════════════════════════════════════════════════════');
  log(`Machine: ${m.cores} cores, ${m.cpu_model}, ${m.memory_gb} GB, Node ${m.node}, ${m.os}`);
  log(`Compared: ${m.comparison}`);
  printDocuments(results, log);
  log(`\nWritten ${output} (${elapsed()} in all)`);
  const slowest = Math.max(...results.documents.renders.map((render) => render.median_ms));
  log(`documents_slowest_median_ms=${slowest} minutes_pdf_p99_ms=${results.documents.minutes_pdf.p99_ms}`);
}
