// npm run start:api | start:worker | migrate: one process alone, against TEMPORAL_ADDRESS and DATABASE_URL
// (as production runs it, and as the fault tests kill and restart it).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, build, ensureDependencies, reexecOnPinnedNode } from './lib/bootstrap.mjs';

const entries = {
  api: 'dist/apps/api/main.js',
  worker: 'dist/apps/worker/main.js',
  migrate: 'dist/libs/persistence/run-migrations.js',
};
const which = process.argv[2];
if (!entries[which]) {
  console.error(`usage: run-app.mjs ${Object.keys(entries).join('|')}`);
  process.exit(2);
}
ensureDependencies();
if (!reexecOnPinnedNode()) {
  if (process.env.SKIP_BUILD !== '1') build(() => {});
  // Loaded in this process rather than spawned, so a signal sent to this pid reaches the app itself.
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(join(ROOT, entries[which])).href);
}
