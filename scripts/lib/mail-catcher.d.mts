// Types of mail-catcher.mjs.

export interface MailCatcherOptions {
  /** Messages are kept under <dataDir>/mail/, one .eml file each, so they outlive a restart. */
  dataDir: string;
  /** 0 picks a free port. */
  smtpPort: number;
  httpPort: number;
  log?: (line: string) => void;
}

export interface MailCatcher {
  /** smtp://127.0.0.1:<port>: the SMTP_URL the apps send through. */
  smtpUrl: string;
  /** The page that lists what arrived: http://localhost:<port>. */
  pageUrl: string;
  stop(): Promise<void>;
}

/**
 * An SMTP server and a page on 127.0.0.1 that keep every message sent to them and deliver none. Rejects, naming
 * the port, when a port is taken.
 */
export declare function startMailCatcher(options: MailCatcherOptions): Promise<MailCatcher>;
