import type { TLSConfig } from '@temporalio/client';
import type { AppConfig } from '../config/app-config.js';

/** What every connection to Temporal is given (the API's client, the worker's and its own client alike). */
export interface TemporalConnectionOptions {
  address: string;
  tls?: TLSConfig;
  apiKey?: string;
}

export function connectionOptionsOf(temporal: AppConfig['temporal']): TemporalConnectionOptions {
  const { tls, apiKey } = temporal.connection;
  return {
    address: temporal.address,
    ...(tls
      ? {
          tls: {
            serverNameOverride: tls.serverName,
            serverRootCACertificate: tls.serverRootCertificate,
            clientCertPair: tls.clientCertificate ? { crt: tls.clientCertificate.certificate, key: tls.clientCertificate.key } : undefined,
          },
        }
      : {}),
    ...(apiKey ? { apiKey } : {}),
  };
}
