import type { Request, Response } from 'express';
import { contentDisposition } from './document-file-names.js';
import type { DocumentFile } from './documents.service.js';

/** Whether the client's If-None-Match names this ETag (or `*`): weak comparison, as RFC 9110 asks for it. */
function alreadyHeld(request: Request, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

/**
 * Sends a rendered paper as an attachment under its Vietnamese name. The bytes change only with the cycle, so a
 * browser may keep its copy but must ask first (private, no-cache; the ETag answers 304 when it still holds them).
 */
export function sendDocument(request: Request, response: Response, file: DocumentFile): void {
  response.setHeader('Cache-Control', 'private, no-cache');
  response.setHeader('ETag', file.etag);
  if (alreadyHeld(request, file.etag)) {
    response.status(304).end();
    return;
  }
  response.setHeader('Content-Type', file.contentType);
  response.setHeader('Content-Disposition', contentDisposition(file.fileName));
  response.status(200).end(file.bytes);
}
