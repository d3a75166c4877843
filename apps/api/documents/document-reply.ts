import type { Request, Response } from 'express';
import { answeredNotModified, withValidators } from '../common/conditional-get.js';
import { contentDisposition } from './document-file-names.js';
import type { DocumentFile } from './documents.service.js';

/**
 * Sends a rendered paper as an attachment under its Vietnamese name. The bytes change only with the cycle, so a
 * browser may keep its copy but must ask first (withValidators; the ETag answers 304 when it still holds them).
 */
export function sendDocument(request: Request, response: Response, file: DocumentFile): void {
  if (answeredNotModified(request, response, file.etag)) return;
  withValidators(response, file.etag);
  response.setHeader('Content-Type', file.contentType);
  response.setHeader('Content-Disposition', contentDisposition(file.fileName));
  response.status(200).end(file.bytes);
}
