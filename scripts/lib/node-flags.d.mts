/** The V8 flags the worker's process starts with (node-flags.mjs). */
export declare const WORKER_NODE_FLAGS: readonly string[];
