/**
 * A value that came through the sealing codec (libs/temporal/sealing-codec.ts) carries this key, set by the
 * codec when it opened the value's sealed payload and stripped from anything that arrived unsealed. Only a
 * holder of PAYLOAD_KEY can seal, so a sealed step was sent by the API (or the worker) and its actor is the
 * one the API vouched for. Plain data: the workflow sandbox imports this file.
 */
export const SEALED_KEY = '$sealed';

export function isSealed(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as Record<string, unknown>)[SEALED_KEY] === true;
}
