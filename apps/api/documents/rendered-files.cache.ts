import { createHash } from 'node:crypto';
import type { PartyDocument } from '../../../libs/documents/party-document.js';
import { BoundedCache } from '../common/bounded-cache.js';

/** What the rendered files may hold in memory at most: a few hundred papers of a commune's size. */
const MAX_BYTES = 64 * 1024 * 1024;

/**
 * Rendered papers by what they say. The renderers give the same bytes for the same document (fixed dates, no
 * random ids), so a file is found again by the hash of the document it was rendered from, whoever asks and
 * whenever: a paper of a cycle that has not changed is rendered once, and a change of the cycle, or of what
 * the caller may see in it, is a different document and a different key. Least recently used files go first.
 */
export class RenderedFilesCache {
  private readonly files = new BoundedCache<Buffer>({ entries: Number.POSITIVE_INFINITY, bytes: MAX_BYTES }, (file) => file.length);

  static keyOf(document: PartyDocument, format: string): string {
    return `${format}:${createHash('sha256').update(JSON.stringify(document)).digest('base64url')}`;
  }

  get(key: string, render: () => Promise<Buffer>): Promise<Buffer> {
    return this.files.get(key, render);
  }
}
