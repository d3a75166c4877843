import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { UserEntity } from '../entities/user.entity.js';

/** A live session of the pages: its person, as the pages need them, and the token its forms must carry. */
export interface WebSessionRow {
  csrfToken: string;
  user: Pick<UserEntity, 'id' | 'username' | 'fullName' | 'role' | 'committeeId' | 'cellId' | 'areaId' | 'passwordChangeRequired'>;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * The pages' sessions. A session is live until it is ended (logout) or the office ends the person's sessions
 * (users.sessions_ended_at: role or cell changed, account closed, password reset), or its idle time runs out.
 */
@Injectable()
export class WebSessionsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async open(token: string, userId: string, csrfToken: string): Promise<void> {
    await this.dataSource.query(`INSERT INTO web_sessions (token_hash, user_id, csrf_token) VALUES ($1, $2, $3)`, [hashOf(token), userId, csrfToken]);
  }

  /**
   * The session behind a cookie and its person, in one statement, if it is still live. Seeing it again keeps it
   * alive; the time it was last seen is written at most once a minute, not on every page a person opens.
   */
  async live(token: string, idleMs: number): Promise<WebSessionRow | null> {
    const [row] = await this.dataSource.query<(WebSessionRow['user'] & { csrfToken: string })[]>(
      `WITH live AS (SELECT s.token_hash, s.last_seen_at, s.csrf_token AS "csrfToken", u.id, u.username, u.full_name AS "fullName", u.role,
                            u.committee_id AS "committeeId", u.cell_id AS "cellId", u.area_id AS "areaId",
                            u.password_change_required AS "passwordChangeRequired"
         FROM web_sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.ended_at IS NULL
          AND s.last_seen_at > now() - make_interval(secs => $2::double precision / 1000)
          AND u.deactivated_at IS NULL
          AND (u.sessions_ended_at IS NULL OR s.created_at >= u.sessions_ended_at)
          AND (u.password_changed_at IS NULL OR s.created_at >= u.password_changed_at)),
       seen AS (UPDATE web_sessions s SET last_seen_at = now() FROM live
        WHERE s.token_hash = live.token_hash AND live.last_seen_at < now() - interval '1 minute')
       SELECT "csrfToken", id, username, "fullName", role, "committeeId", "cellId", "areaId", "passwordChangeRequired" FROM live`,
      [hashOf(token), idleMs],
    );
    if (!row) return null;
    const { csrfToken, ...user } = row;
    return { csrfToken, user };
  }

  async end(token: string): Promise<void> {
    await this.dataSource.query(`UPDATE web_sessions SET ended_at = now() WHERE token_hash = $1 AND ended_at IS NULL`, [hashOf(token)]);
  }
}
