// npm run backup: Temporal's two databases and the application's, dumped together while the workers are
// stopped, into one folder with a manifest (README, "Backups"). Needs PostgreSQL's client tools (pg_dump,
// pg_restore, psql) of the servers' version or later, or --via to run them where the server is.
//
//   npm run backup -- [--out backups] [--app-url URL] [--temporal-url URL] [--visibility-url URL]
//                     [--pause-command CMD --resume-command CMD] [--via PREFIX] [--pg-bin DIR]
//
// URLs default to DATABASE_URL, TEMPORAL_DATABASE_URL and TEMPORAL_VISIBILITY_DATABASE_URL; without the
// last two, the databases `temporal` and `temporal_visibility` on DATABASE_URL's server (docker-compose.yml's).
import { parseArgs } from 'node:util';
import { backup, databaseUrls, shownUrl } from './lib/pg-backup.mjs';

const { values: flags } = parseArgs({
  options: {
    out: { type: 'string', default: 'backups' },
    'app-url': { type: 'string' },
    'temporal-url': { type: 'string' },
    'visibility-url': { type: 'string' },
    'pause-command': { type: 'string' },
    'resume-command': { type: 'string' },
    via: { type: 'string' },
    'pg-bin': { type: 'string' },
    'worker-wait-seconds': { type: 'string', default: '30' },
  },
});

try {
  if (Boolean(flags['pause-command']) !== Boolean(flags['resume-command'])) throw new Error('--pause-command and --resume-command go together');
  const { urls, derived } = databaseUrls(flags);
  for (const role of derived) console.log(`• ${role}: ${shownUrl(urls[role])} (docker-compose.yml's name, on DATABASE_URL's server)`);
  const started = Date.now();
  const { dir, manifest } = await backup({
    urls,
    outDir: flags.out,
    via: flags.via,
    pgBin: flags['pg-bin'],
    pauseCommand: flags['pause-command'],
    resumeCommand: flags['resume-command'],
    payloadKey: process.env.PAYLOAD_KEY,
    workerWaitMs: Number(flags['worker-wait-seconds']) * 1000,
  });
  const bytes = Object.values(manifest.databases).reduce((sum, database) => sum + database.fileBytes, 0);
  console.log(
    `• Backup done in ${((Date.now() - started) / 1000).toFixed(1)} s (workers stopped for ${(manifest.workersStoppedMs / 1000).toFixed(1)} s): ` +
      `${(bytes / 1024 / 1024).toFixed(1)} MiB in ${dir}`,
  );
  if (!manifest.payloadKeyFingerprint) console.log('  PAYLOAD_KEY was not set here: keep the key with the backup, Temporal’s copy cannot be read without it.');
} catch (error) {
  console.error(`✗ Backup failed: ${error.message}`);
  process.exitCode = 1;
}
