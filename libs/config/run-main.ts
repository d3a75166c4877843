import { ConfigurationError } from './app-config.js';

/** Runs a process entry point; a configuration problem ends it with the message alone, not a stack trace. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof ConfigurationError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  });
}
