import { Inject, Injectable } from '@nestjs/common';
import { Connection, isGrpcServiceError } from '@temporalio/client';
import type { AppConfig } from '../../../libs/config/app-config.js';
import { APP_CONFIG } from '../../../libs/config/config.module.js';
import { DatabaseProbe } from '../../../libs/persistence/repositories/database-probe.js';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  database: 'up' | 'down';
  temporal: 'up' | 'down';
}

const PROBE_TIMEOUT_MS = 2000;
/** A workflow id no cycle has: describing it reaches Temporal's history store, which answers that it is not there. */
const PROBE_WORKFLOW_ID = 'health-probe-never-started';
/** gRPC's status code NOT_FOUND. */
const GRPC_NOT_FOUND = 5;

@Injectable()
export class HealthService {
  constructor(
    @Inject(DatabaseProbe) private readonly database: DatabaseProbe,
    @Inject(Connection) private readonly temporal: Connection,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(): Promise<HealthReport> {
    const [database, temporal] = await Promise.all([this.probeDatabase(), this.probeTemporal()]);
    return { status: database === 'up' && temporal === 'up' ? 'ok' : 'unavailable', database, temporal };
  }

  private async probeDatabase(): Promise<'up' | 'down'> {
    try {
      await withTimeout(this.database.ping(), PROBE_TIMEOUT_MS);
      return 'up';
    } catch {
      return 'down';
    }
  }

  /**
   * Temporal's own health check is answered by its frontend alone, which says it serves while the database under
   * the cluster is down and no step can be stored. So the probe asks for a workflow that does not exist: only a
   * history service that reads its store can answer "not found".
   */
  private async probeTemporal(): Promise<'up' | 'down'> {
    const { namespace } = this.config.temporal;
    try {
      await this.temporal.withDeadline(Date.now() + PROBE_TIMEOUT_MS, () =>
        this.temporal.workflowService.describeWorkflowExecution({ namespace, execution: { workflowId: PROBE_WORKFLOW_ID } }),
      );
      return 'up';
    } catch (error) {
      // "Not found" for the namespace itself comes from the frontend's cache, and no step could run there either.
      const storeAnswered = isGrpcServiceError(error) && Number(error.code) === GRPC_NOT_FOUND && !/namespace/i.test(error.details);
      return storeAnswered ? 'up' : 'down';
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
