import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import type { AppConfig } from '../../../libs/config/app-config.js';
import { APP_CONFIG } from '../../../libs/config/config.module.js';
import { AdminBootstrapService } from './admin-bootstrap.service.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { LoginThrottlerGuard } from './login-throttler.guard.js';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // The key made once, not on every token: given a string, jsonwebtoken first tries it as a PEM public key
        // (a throw and a catch) and then makes the secret key, on each request (about 3% of the API's CPU).
        secret: createSecretKey(Buffer.from(config.auth.jwtSecret)),
        signOptions: { algorithm: 'HS256', expiresIn: config.auth.accessTokenTtl as `${number}h` },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, AdminBootstrapService, LoginThrottlerGuard, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, LoginThrottlerGuard],
})
export class AuthModule {}
