import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Whether PostgreSQL answers a trivial query, for the health endpoint. */
@Injectable()
export class DatabaseProbe {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}
