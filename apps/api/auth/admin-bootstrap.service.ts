import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '../../../libs/config/app-config.js';
import { APP_CONFIG } from '../../../libs/config/config.module.js';
import { UsersRepository } from '../../../libs/persistence/repositories/users.repository.js';
import { hashPassword } from './password.js';

/**
 * First start: with no user at all, creates the installation's admin from ADMIN_USERNAME / ADMIN_PASSWORD;
 * in production that admin must change the password at first login.
 */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminBootstrap');

  constructor(
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (await this.users.anyExists()) return;
    const { adminUsername, adminPassword } = this.config.auth;
    // In production the first password came from the operator's environment: the admin replaces it at first login.
    const mustChange = this.config.environment === 'production';
    const created = await this.users.createFirstAdmin(adminUsername.toLowerCase(), await hashPassword(adminPassword), mustChange);
    if (created) this.logger.log(`Created the first admin account "${adminUsername}"`);
  }
}
