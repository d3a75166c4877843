import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { DomainError } from '../../../libs/domain/domain-error.js';
import { UserEntity } from '../../../libs/persistence/entities/user.entity.js';
import { toUserView, type UserView } from '../users/user.mapper.js';
import type { LoginDto } from './login.dto.js';
import { passwordMatches } from './password.js';

@Injectable()
export class AuthService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(JwtService) private readonly jwt: JwtService,
  ) {}

  async login(credentials: LoginDto): Promise<{ accessToken: string; user: UserView }> {
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.username = :username', { username: credentials.username })
      .getOne();
    if (!(await passwordMatches(user?.passwordHash ?? null, credentials.password)) || !user) {
      throw new DomainError('BAD_CREDENTIALS');
    }
    const accessToken = await this.jwt.signAsync({ sub: user.id, role: user.role });
    return { accessToken, user: toUserView(user) };
  }
}
