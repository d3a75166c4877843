import { createHash } from 'node:crypto';
import type { PartyDocument } from '../../../libs/documents/party-document.js';

/** What the rendered files may hold in memory at most: a few hundred papers of a commune's size. */
const MAX_BYTES = 64 * 1024 * 1024;

/**
 * Rendered papers by what they say. The renderers give the same bytes for the same document (fixed dates, no
 * random ids), so a file is found again by the hash of the document it was rendered from, whoever asks and
 * whenever: a paper of a cycle that has not changed is rendered once, and a change of the cycle, or of what
 * the caller may see in it, is a different document and a different key. Least recently used files go first.
 */
export class RenderedFilesCache {
  private readonly files = new Map<string, Buffer>();
  private bytes = 0;

  static keyOf(document: PartyDocument, format: string): string {
    return `${format}:${createHash('sha256').update(JSON.stringify(document)).digest('base64url')}`;
  }

  async get(key: string, render: () => Promise<Buffer>): Promise<Buffer> {
    const found = this.files.get(key);
    if (found) {
      this.files.delete(key);
      this.files.set(key, found);
      return found;
    }
    const rendered = await render();
    this.files.set(key, rendered);
    this.bytes += rendered.length;
    for (const [oldest, file] of this.files) {
      if (this.bytes <= MAX_BYTES) break;
      this.files.delete(oldest);
      this.bytes -= file.length;
    }
    return rendered;
  }
}
