import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../../libs/config/app-config.js';
import { APP_CONFIG } from '../../../libs/config/config.module.js';
import { hashPassword } from './password.js';

/**
 * First start: with no user at all, creates the installation's admin from ADMIN_USERNAME / ADMIN_PASSWORD;
 * in production that admin must change the password at first login.
 */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminBootstrap');

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const [{ count }] = await this.dataSource.query<{ count: string }[]>(`SELECT count(*) FROM users`);
    if (Number(count) > 0) return;
    const { adminUsername, adminPassword } = this.config.auth;
    // In production the first password came from the operator's environment: the admin replaces it at first login.
    const mustChange = this.config.environment === 'production';
    const created = await this.dataSource.query<unknown[]>(
      `INSERT INTO users (username, password_hash, full_name, role, password_change_required)
       SELECT $1, $2, 'Quản trị hệ thống', 'admin', $3 WHERE NOT EXISTS (SELECT 1 FROM users)
       ON CONFLICT DO NOTHING RETURNING id`,
      [adminUsername.toLowerCase(), await hashPassword(adminPassword), mustChange],
    );
    if (created.length > 0) this.logger.log(`Created the first admin account "${adminUsername}"`);
  }
}
