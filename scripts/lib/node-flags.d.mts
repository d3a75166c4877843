/** The V8 flags the worker's process starts with (node-flags.mjs). */
export declare const WORKER_NODE_FLAGS: readonly string[];
/** The environment the worker's process starts with, under the caller's own settings (node-flags.mjs). */
export declare const WORKER_ENVIRONMENT: Readonly<Record<string, string>>;
