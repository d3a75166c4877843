// npm run restore: a folder written by npm run backup, restored into fresh databases (created here, or
// existing and empty), each checked against the manifest (README, "Backups"). Nothing may run on the target
// databases meanwhile; start Temporal, then the apps, on them afterwards.
//
//   npm run restore -- --from backups/<time> [--app-url URL] [--temporal-url URL] [--visibility-url URL]
//                      [--via PREFIX] [--pg-bin DIR]
//
// URLs default as npm run backup's do. PAYLOAD_KEY (and PAYLOAD_OLD_KEYS), when set, must hold the key the
// backup's workflows were sealed with.
import { parseArgs } from 'node:util';
import { databaseUrls, restore, shownUrl } from './lib/pg-backup.mjs';

const { values: flags } = parseArgs({
  options: {
    from: { type: 'string' },
    'app-url': { type: 'string' },
    'temporal-url': { type: 'string' },
    'visibility-url': { type: 'string' },
    via: { type: 'string' },
    'pg-bin': { type: 'string' },
  },
});

try {
  if (!flags.from) throw new Error('--from names the backup folder to restore');
  const { urls, derived } = databaseUrls(flags);
  for (const role of derived) console.log(`• ${role}: ${shownUrl(urls[role])} (docker-compose.yml's name, on DATABASE_URL's server)`);
  const started = Date.now();
  const { manifest } = await restore({
    from: flags.from,
    urls,
    via: flags.via,
    pgBin: flags['pg-bin'],
    payloadKey: process.env.PAYLOAD_KEY,
    payloadOldKeys: (process.env.PAYLOAD_OLD_KEYS ?? '').split(',').map((key) => key.trim()).filter(Boolean),
  });
  console.log(`• Restore done in ${((Date.now() - started) / 1000).toFixed(1)} s: the backup of ${manifest.startedAt}`);
  const shards = manifest.databases.temporal.historyShards;
  console.log(
    `  Next: start Temporal on the restored databases${shards > 0 ? ` (NUM_HISTORY_SHARDS=${shards}, as before)` : ''}, ` +
      'run the migrations, then the API and the workers with the same PAYLOAD_KEY and task queue.',
  );
} catch (error) {
  console.error(`✗ Restore failed: ${error.message}`);
  process.exitCode = 1;
}
