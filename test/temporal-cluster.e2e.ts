/**
 * The production shape of Temporal (scripts/lib/temporal-cluster.mjs): frontend, two history hosts, matching
 * and worker as separate processes on PostgreSQL. Shown here: both history processes own shards once it is up;
 * the namespace serves a workflow start (no worker is needed for the server to accept and store one); with one
 * history process SIGKILLed, its shards move to the other and starts that land on every shard succeed again;
 * the killed process comes back and takes shards again; a cluster started on the databases a stop kept finds
 * its workflows there; the API's health check says Temporal is down while the cluster's database refuses it (when
 * the frontend alone still says it serves), and up once it is back; stop() leaves no process and drops both
 * databases.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { Client, Connection, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import request from 'supertest';
import { createApiApp } from '../apps/api/create-api-app.js';
import { startTemporalCluster, CLUSTER_HISTORY_SHARDS, type TemporalCluster } from '../scripts/lib/temporal-cluster.mjs';
import { connectDatabase } from './support/database-holds.js';
import { ROOT, waitUntil } from './support/server-control.js';
import { testConfig } from './support/test-stack.js';

const NAME = `cbd_cluster_${Date.now().toString(36)}_${process.pid}`;
// Workflow starts spread over many ids land on every shard with near certainty (16 shards, 48 ids: a shard
// missed by all of them has a chance of about 16 × (15/16)^48 ≈ 0.7 %, and a miss only weakens the check).
const STARTS = 48;

let adminUrl: string;
let cluster: TemporalCluster | undefined;
let connection: Connection;
let client: Client;

function processGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

async function databasesNamed(prefix: string): Promise<string[]> {
  const admin = await connectDatabase(adminUrl);
  try {
    const rows = await admin.query<{ datname: string }[]>('SELECT datname FROM pg_database WHERE datname LIKE $1 ORDER BY datname', [`${prefix}%`]);
    return rows.map((row) => row.datname);
  } finally {
    await admin.destroy();
  }
}

/** Starts one workflow (of a type no worker serves) per id; each start is retried until the server takes it. */
async function startAll(ids: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  await Promise.all(
    ids.map(async (workflowId) => {
      for (;;) {
        try {
          await client.workflow.start('clusterProbe', { taskQueue: 'cluster-probe-no-worker', workflowId, workflowRunTimeout: '1h' });
          return;
        } catch (error) {
          // A start whose answer was lost (its shard moving) may have been stored: the server then says so.
          if (error instanceof WorkflowExecutionAlreadyStartedError) return;
          if (Date.now() > deadline) throw new Error(`start of ${workflowId} still failing after ${timeoutMs / 1000} s: ${(error as Error).message}`);
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      }
    }),
  );
}

beforeAll(async () => {
  const testDatabase = process.env.TEST_DATABASE_URL;
  if (!testDatabase) throw new Error('TEST_DATABASE_URL is not set: run this suite through npm test');
  // The test database's server and user (npm test's user may create databases), on its maintenance database.
  adminUrl = Object.assign(new URL(testDatabase), { pathname: '/postgres' }).toString();
  // Kept by the first stop, for the restart on the same databases; the second cluster drops them.
  cluster = await startTemporalCluster({ root: ROOT, adminUrl, name: NAME, historyProcesses: 2, keepDatabases: true, log: () => undefined });
  connection = await Connection.connect({ address: cluster.address });
  client = new Client({ connection, namespace: cluster.namespace });
}, 240000);

afterAll(async () => {
  // Already done by the last test when it ran; here for a run that failed before it.
  await connection?.close().catch(() => undefined);
  await cluster?.stop();
  if (adminUrl && (await databasesNamed(NAME)).length > 0) {
    const admin = await connectDatabase(adminUrl);
    for (const database of await databasesNamed(NAME)) await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.destroy();
  }
});

describe('Temporal cluster: separate processes on PostgreSQL', () => {
  it('runs five processes, and both history processes own shards', async () => {
    const running = cluster!.services.filter((service) => service.alive()).map((service) => service.name);
    expect(running.sort()).toEqual(['frontend', 'history-1', 'history-2', 'matching', 'worker']);
    const owners = await cluster!.shardOwners();
    expect(owners['history-1'].length).toBeGreaterThan(0);
    expect(owners['history-2'].length).toBeGreaterThan(0);
    expect(owners['history-1'].length + owners['history-2'].length).toBe(CLUSTER_HISTORY_SHARDS);
    expect(owners.unowned).toEqual([]);
  });

  it('serves the namespace: a workflow started through the frontend is stored and described', async () => {
    const described = await connection.workflowService.describeNamespace({ namespace: cluster!.namespace });
    expect(described.namespaceInfo?.name).toBe(cluster!.namespace);
    await startAll(['before-kill'], 30000);
    const description = await client.workflow.getHandle('before-kill').describe();
    expect(description.status.name).toBe('RUNNING');
    expect(description.type).toBe('clusterProbe');
  });

  it('keeps serving every shard after a history process is SIGKILLed, and takes it back when it returns', async () => {
    const victim = cluster!.service('history-2');
    const victimPid = victim.pid!;
    const movedShards = (await cluster!.shardOwners())['history-2'];
    expect(movedShards.length).toBeGreaterThan(0);

    await victim.kill('SIGKILL');
    expect(victim.alive()).toBe(false);
    expect(processGone(victimPid)).toBe(true);

    const killedAt = Date.now();
    await startAll(
      Array.from({ length: STARTS }, (_, index) => `after-kill-${index}`),
      45000,
    );
    const recoveredInMs = Date.now() - killedAt;
    // Every shard now belongs to the survivor (the shards table names it as their owner).
    await waitUntil('history-1 to own every shard', async () => (await cluster!.shardOwners())['history-1'].length === CLUSTER_HISTORY_SHARDS, 30000, 250);
    const afterKill = await client.workflow.getHandle('after-kill-0').describe();
    expect(afterKill.status.name).toBe('RUNNING');
    // The workflow started before the kill is still there, whichever shard it is on.
    await client.workflow.getHandle('before-kill').terminate('cluster test');
    expect((await client.workflow.getHandle('before-kill').describe()).status.name).toBe('TERMINATED');
    process.stdout.write(`  history-2 SIGKILLed: ${STARTS} starts over every shard done ${(recoveredInMs / 1000).toFixed(1)} s after the kill\n`);

    await victim.start();
    expect(victim.alive()).toBe(true);
    expect(victim.pid).not.toBe(victimPid);
    await waitUntil('history-2 to own shards again', async () => (await cluster!.shardOwners())['history-2'].length > 0, 60000, 500);
  });

  it('starts again on the databases a stop kept, with their workflows', async () => {
    const pids = cluster!.services.map((service) => service.pid!);
    await connection.close();
    await cluster!.stop();
    cluster = undefined;
    expect(pids.filter((pid) => !processGone(pid))).toEqual([]);
    expect(await databasesNamed(NAME)).toEqual([`${NAME}_temporal`, `${NAME}_visibility`]);

    cluster = await startTemporalCluster({ root: ROOT, adminUrl, name: NAME, historyProcesses: 2, reuseDatabases: true, log: () => undefined });
    connection = await Connection.connect({ address: cluster.address });
    client = new Client({ connection, namespace: cluster.namespace });
    expect((await client.workflow.getHandle('after-kill-0').describe()).status.name).toBe('RUNNING');
    expect((await client.workflow.getHandle('before-kill').describe()).status.name).toBe('TERMINATED');
  });

  it("has the API's health check say Temporal is down while the cluster's database refuses it, and up once it is back", async () => {
    const temporalDatabase = cluster!.databases.temporal;
    const app: INestApplication = await createApiApp(testConfig({ TEMPORAL_ADDRESS: cluster!.address, TEMPORAL_NAMESPACE: cluster!.namespace }));
    await app.init();
    const admin = await connectDatabase(adminUrl);
    const health = async () => (await request(app.getHttpServer()).get('/api/health')) as { status: number; body: Record<string, string> };
    try {
      expect(await health()).toMatchObject({ status: 200, body: { status: 'ok', database: 'up', temporal: 'up' } });

      await admin.query(`ALTER DATABASE "${temporalDatabase}" WITH ALLOW_CONNECTIONS false`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [temporalDatabase]);
      let answer = await health();
      await waitUntil('health says Temporal is down', async () => (answer = await health()).status === 503, 60_000, 500);
      expect(answer.body).toMatchObject({ status: 'unavailable', database: 'up', temporal: 'down' });
      // Meanwhile Temporal's frontend still calls itself serving: its own check is not enough.
      expect((await connection.healthService.check({})).status).toBe(1);

      await admin.query(`ALTER DATABASE "${temporalDatabase}" WITH ALLOW_CONNECTIONS true`);
      await waitUntil('health says Temporal is up again', async () => (await health()).status === 200, 90_000, 500);
    } finally {
      await admin.query(`ALTER DATABASE "${temporalDatabase}" WITH ALLOW_CONNECTIONS true`).catch(() => undefined);
      await admin.destroy();
      await app.close();
    }
  }, 240_000);

  it('stop() ends every process it started and drops both databases', async () => {
    const pids = cluster!.services.map((service) => service.pid!);
    await connection.close();
    await cluster!.stop();
    cluster = undefined;
    expect(pids.filter((pid) => !processGone(pid))).toEqual([]);
    expect(await databasesNamed(NAME)).toEqual([]);
  });
});
