// Types of pg-backup.mjs (what the tests use of it; the scripts are its other users).

export type Role = 'temporal' | 'visibility' | 'app';
export type DatabaseUrls = Record<Role, string>;

export interface DatabaseSpec {
  role: Role;
  label: string;
  /** The dump's file name in a backup folder. */
  file: string;
  /** Tables that tell this database from the other two. */
  tables: string[];
  urlOption: string;
  urlVariable: string;
  /** Its name in docker-compose.yml (Temporal's), used when no URL names it. */
  composeName: string | null;
}

/** The three databases in the order they are dumped: Temporal's, its visibility store, the application's. */
export declare const DATABASES: DatabaseSpec[];
export declare const MANIFEST: string;
export declare const WORKER_APPLICATION_NAME: string;

/** The URLs from flags, then the environment; Temporal's derived from the application's (docker-compose.yml's names) when not given. */
export declare function databaseUrls(flags: Record<string, string | boolean | undefined>, env?: NodeJS.ProcessEnv): { urls: DatabaseUrls; derived: Role[] };
/** The URL with its password masked. */
export declare function shownUrl(url: string): string;
/** 16 hex digits of the SHA-256 of the key's bytes. */
export declare function payloadKeyFingerprint(base64Key: string): string;
