// Types of temporal-cluster.mjs.

export declare const CLUSTER_HISTORY_SHARDS: number;

export interface TemporalClusterOptions {
  /** The repository root: the server is found or built under <root>/.tools/bin, the dynamic config read from <root>/deploy. */
  root: string;
  /** A PostgreSQL URL whose user may create and drop databases (its own database is not touched). */
  adminUrl: string;
  /** Lower-case letters, digits and _: the databases are <name>_temporal and <name>_visibility. */
  name: string;
  log?: (line: string) => void;
  /** How many history processes (history-1, history-2, …); 2 unless said. */
  historyProcesses?: number;
  /** Config and logs (<dataDir>/config, <dataDir>/logs); without it a temporary folder, removed by stop() (kept when the start fails, for its logs). */
  dataDir?: string;
  /** Start on existing databases (schema and data kept, schema brought up to date) instead of creating them. */
  reuseDatabases?: boolean;
  /** stop() leaves the databases in place. */
  keepDatabases?: boolean;
  /** Registered (3 days' retention) unless it exists; 'default' unless said. */
  namespace?: string;
  /** Dynamic config added to deploy/temporal-dynamic-config.yaml's, by key; must not repeat one of its keys. */
  dynamicConfig?: Record<string, unknown>;
  /** The frontend's gRPC port; a free one unless said. Refused when something already listens there. */
  frontendPort?: number;
  /** Connections to the main database per process (5 unless said); to visibility, 40 % of it. */
  sqlMaxConns?: number;
  /** Called when a service process exits without stop() or kill() having asked it to. */
  onServiceExit?: (service: string, how: { code: number | null; signal: NodeJS.Signals | null; logFile: string }) => void;
}

export type ClusterServiceName = 'frontend' | 'matching' | 'worker' | `history-${number}`;

export interface ClusterService {
  name: ClusterServiceName;
  /** The Temporal service the process runs. */
  service: 'frontend' | 'history' | 'matching' | 'worker';
  /** The pid of the current process (undefined before its first start); the process leads its own group. */
  readonly pid: number | undefined;
  grpcPort: number;
  membershipPort: number;
  /** Appended to by every start of this process. */
  logFile: string;
  alive(): boolean;
  /** Signals the process's group (SIGKILL unless said) and resolves once it has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again, on the same ports, after a kill; resolves once it listens. */
  start(): Promise<void>;
  /** SIGTERM, then SIGKILL after 15 s; resolves once it has exited. */
  stop(): Promise<void>;
}

/** History process name → the shard ids (1-based) it owns per the shards table; `unowned`: owned by no live process. */
export type ShardOwners = Record<string, number[]> & { unowned: number[] };

export interface TemporalCluster {
  /** 127.0.0.1:<frontend gRPC port> */
  address: string;
  namespace: string;
  dataDir: string;
  databases: { temporal: string; visibility: string };
  services: ClusterService[];
  service(name: ClusterServiceName): ClusterService;
  shardOwners(): Promise<ShardOwners>;
  /** Stops every process it started, then drops its databases (unless keepDatabases) and its temporary folder. */
  stop(): Promise<void>;
}

/**
 * Temporal's services as separate processes on 127.0.0.1 over two databases on `adminUrl`'s server. Resolves
 * once the namespace is registered and every history shard is owned by a running history process, each of
 * them owning some. Service processes are SIGKILLed should the calling process exit without stop().
 */
export declare function startTemporalCluster(options: TemporalClusterOptions): Promise<TemporalCluster>;
