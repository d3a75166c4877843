import type { DataSource, EntityManager } from 'typeorm';
import { fieldText, postToProvider } from '../provider-http.js';

/** What the ZNS adapter needs of the tokens: the access token to send with, and a new one when Zalo refuses it. */
export interface ZaloAccessTokens {
  current(): Promise<string>;
  /** A fresh access token, given the one Zalo refused (−124 / −220). */
  refresh(staleAccessToken: string): Promise<string>;
}

export interface ZaloTokenSettings {
  oauthUrl: string;
  appId: string;
  secretKey: string;
  /** The first pair, from the configuration; once refreshed, the pair in provider_tokens wins. */
  accessToken: string | null;
  refreshToken: string;
}

/** Zalo would not give a token: the adapter answers "try again", and the message names no token. */
export class ZaloTokenError extends Error {
  constructor(
    readonly code: string,
    detail: string,
  ) {
    super(`Zalo OA token: ${detail}`);
    this.name = 'ZaloTokenError';
  }
}

/** A token that expires within this margin is refreshed before use rather than refused mid-send. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

interface TokenRow {
  access_token: string | null;
  refresh_token: string;
  access_expires_at: Date | null;
}

/**
 * The OA's access and refresh tokens, kept in provider_tokens so every worker and API process shares one pair.
 * Zalo's refresh token is single-use: the refresh runs inside a transaction that holds the row (SELECT … FOR
 * UPDATE), so one process refreshes at a time and the next finds the pair already new and takes it; the new
 * pair is written in the same transaction as the call that gave it. A refresh whose answer is lost after Zalo
 * took the refresh token leaves the stored one spent: then an operator seeds a new pair (delete the row and
 * set ZALO_REFRESH_TOKEN), which is what the error logged says.
 */
export class ZaloTokenStore implements ZaloAccessTokens {
  private readonly timeoutMs: number;
  /** The row's key: 'zalo'; the suites, which share one database, each use a key of their own. */
  private readonly provider: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: ZaloTokenSettings,
    options: { timeoutMs?: number; provider?: string } = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.provider = options.provider ?? 'zalo';
  }

  async current(): Promise<string> {
    const row = await this.seeded();
    if (row.access_token && !expiresSoon(row)) return row.access_token;
    return this.refresh(row.access_token ?? '');
  }

  async refresh(staleAccessToken: string): Promise<string> {
    await this.seeded();
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<TokenRow[]>(
        `SELECT access_token, refresh_token, access_expires_at FROM provider_tokens WHERE provider = $1 FOR UPDATE`,
        [this.provider],
      );
      // Another process refreshed while this one waited for the row: its token is the new one.
      if (row.access_token && row.access_token !== staleAccessToken && !expiresSoon(row)) return row.access_token;
      return this.exchange(manager, row.refresh_token);
    });
  }

  /** The stored pair; on first use, the configuration's. */
  private async seeded(): Promise<TokenRow> {
    await this.dataSource.query(
      `INSERT INTO provider_tokens (provider, access_token, refresh_token) VALUES ($1, $2, $3) ON CONFLICT (provider) DO NOTHING`,
      [this.provider, this.settings.accessToken, this.settings.refreshToken],
    );
    const [row] = await this.dataSource.query<TokenRow[]>(`SELECT access_token, refresh_token, access_expires_at FROM provider_tokens WHERE provider = $1`, [
      this.provider,
    ]);
    return row;
  }

  private async exchange(manager: EntityManager, refreshToken: string): Promise<string> {
    const answer = await postToProvider(
      `${this.settings.oauthUrl}/v4/oa/access_token`,
      {
        headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: this.settings.secretKey },
        body: new URLSearchParams({ app_id: this.settings.appId, grant_type: 'refresh_token', refresh_token: refreshToken }).toString(),
      },
      this.timeoutMs,
    );
    if (answer.kind !== 'answered') throw new ZaloTokenError(answer.code, `the refresh call failed (${answer.detail})`);
    const body = (answer.body ?? {}) as { access_token?: unknown; refresh_token?: unknown; expires_in?: unknown; error?: unknown; message?: unknown; error_description?: unknown };
    if (answer.status !== 200 || typeof body.access_token !== 'string' || typeof body.refresh_token !== 'string') {
      const said = fieldText(body.error_description) || fieldText(body.message);
      throw new ZaloTokenError(fieldText(body.error) || `HTTP_${answer.status}`, `Zalo refused the refresh (HTTP ${answer.status}${said ? `: ${said.slice(0, 200)}` : ''})`);
    }
    const lifetimeSeconds = Number(body.expires_in);
    await manager.query(
      `UPDATE provider_tokens SET access_token = $2, refresh_token = $3,
         access_expires_at = CASE WHEN $4::int > 0 THEN now() + make_interval(secs => $4::int) END, updated_at = now()
       WHERE provider = $1`,
      [this.provider, body.access_token, body.refresh_token, Number.isFinite(lifetimeSeconds) ? Math.floor(lifetimeSeconds) : 0],
    );
    return body.access_token;
  }
}

function expiresSoon(row: TokenRow): boolean {
  return row.access_expires_at !== null && new Date(row.access_expires_at).getTime() - Date.now() < EXPIRY_MARGIN_MS;
}
