import type { DataConverter } from '@temporalio/common';
import type { AppConfig } from '../config/app-config.js';
import { SealingCodec } from './sealing-codec.js';

/**
 * What every client and worker of the product puts between its values and Temporal: the sealing codec. The
 * worker's marks what it opens as sealed, for the workflow's checks (`forWorker`).
 */
export function dataConverterOf(temporal: Pick<AppConfig['temporal'], 'payloadKey' | 'payloadOldKeys'>, forWorker = false): DataConverter {
  return { payloadCodecs: [new SealingCodec(temporal.payloadKey, temporal.payloadOldKeys, forWorker)] };
}
