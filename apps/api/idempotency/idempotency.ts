import { createHash } from 'node:crypto';
import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';

export const REPLAYS_THROUGH_WORKFLOW = 'replaysThroughWorkflow';

/**
 * Marks a step whose repeat is already made harmless by Temporal (the key becomes the update id, or the
 * cycle id at launch), so a repeat that finds the first attempt unfinished may simply send it again.
 */
export const ReplaysThroughWorkflow = () => SetMetadata(REPLAYS_THROUGH_WORKFLOW, true);

export interface IdempotentRequest {
  idempotencyKey?: string;
}

/** The request's Idempotency-Key, scoped to the signed-in user, or undefined. */
export const IdempotencyKey = createParamDecorator((_: unknown, context: ExecutionContext): string | undefined => {
  return context.switchToHttp().getRequest<IdempotentRequest>().idempotencyKey;
});

/** A stable UUID derived from a user's key: the same request always names the same cycle or update. */
export function derivedUuid(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

/** Thrown to send a stored first answer exactly as it was; the exception filter writes it out. */
export class StoredResponse extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super('STORED_RESPONSE');
    this.name = 'StoredResponse';
  }
}
