import { loadConfig } from '../config/app-config.js';
import { createDataSource } from './data-source.js';

/** `npm run migrate`: applies pending migrations to DATABASE_URL and exits. */
const config = loadConfig(process.env, 'migrate');
const dataSource = await createDataSource({ url: config.database.url, poolSize: 1, applicationName: 'chi-bo-diem-migrate' }).initialize();
try {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  console.log(applied.length ? `• Migrations applied: ${applied.map((migration) => migration.name).join(', ')}` : '• Database schema is up to date');
} finally {
  await dataSource.destroy();
}
