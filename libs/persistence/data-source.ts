import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ENTITIES } from './entities/index.js';
import { InitialSchema1763800000000 } from './migrations/1763800000000-initial-schema.js';
import { SeedDefaultRubric1763800000001 } from './migrations/1763800000001-seed-default-rubric.js';
import { CommuneRules1765000000000 } from './migrations/1765000000000-commune-rules.js';
import { Accounts1765100000000 } from './migrations/1765100000000-accounts.js';
import { IdempotencyExpiry1765100000001 } from './migrations/1765100000001-idempotency-expiry.js';
import { PeopleChanges1765200000000 } from './migrations/1765200000000-people-changes.js';
import { CellChanges1765200000001 } from './migrations/1765200000001-cell-changes.js';
import { CommitteeMerges1765200000002 } from './migrations/1765200000002-committee-merges.js';
import { CommitteeRubrics1765200000003 } from './migrations/1765200000003-committee-rubrics.js';
import { WebSessions1765300000000 } from './migrations/1765300000000-web-sessions.js';
import { NotificationChannels1765400000000 } from './migrations/1765400000000-notification-channels.js';
import { OpenActionItemsByCell1765500000017 } from './migrations/1765500000017-open-action-items-by-cell.js';
import { DashboardIndexes1765600000000 } from './migrations/1765600000000-dashboard-indexes.js';
import { UpperLevels1765750000000 } from './migrations/1765750000000-upper-levels.js';
import { HostLockNoKey1765800000000 } from './migrations/1765800000000-host-lock-no-key.js';
import { StepIds1765900000000 } from './migrations/1765900000000-step-ids.js';
import { StepOutcomes1766000000000 } from './migrations/1766000000000-step-outcomes.js';

export const MIGRATIONS = [
  InitialSchema1763800000000,
  SeedDefaultRubric1763800000001,
  CommuneRules1765000000000,
  Accounts1765100000000,
  IdempotencyExpiry1765100000001,
  PeopleChanges1765200000000,
  CellChanges1765200000001,
  CommitteeMerges1765200000002,
  CommitteeRubrics1765200000003,
  WebSessions1765300000000,
  NotificationChannels1765400000000,
  OpenActionItemsByCell1765500000017,
  DashboardIndexes1765600000000,
  UpperLevels1765750000000,
  HostLockNoKey1765800000000,
  StepIds1765900000000,
  StepOutcomes1766000000000,
];

export interface DataSourceSettings {
  url: string;
  poolSize: number;
  applicationName: string;
}

/** Schema changes come only from migrations, run explicitly (npm run migrate, or npm start): never synchronize. */
export function createDataSource(settings: DataSourceSettings): DataSource {
  return new DataSource({
    type: 'postgres',
    url: settings.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    applicationName: settings.applicationName,
    extra: { max: settings.poolSize, connectionTimeoutMillis: 5000, statement_timeout: 8000 },
  });
}
