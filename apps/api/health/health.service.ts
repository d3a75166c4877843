import { Inject, Injectable } from '@nestjs/common';
import { Connection } from '@temporalio/client';
import { DatabaseProbe } from '../../../libs/persistence/repositories/database-probe.js';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  database: 'up' | 'down';
  temporal: 'up' | 'down';
}

const PROBE_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  constructor(
    @Inject(DatabaseProbe) private readonly database: DatabaseProbe,
    @Inject(Connection) private readonly temporal: Connection,
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

  private async probeTemporal(): Promise<'up' | 'down'> {
    try {
      await this.temporal.withDeadline(Date.now() + PROBE_TIMEOUT_MS, () => this.temporal.healthService.check({}));
      return 'up';
    } catch {
      return 'down';
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
