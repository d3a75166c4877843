import type { Response } from 'express';
import { contentDisposition } from '../documents/document-file-names.js';
import type { ReportFile } from './year-report.service.js';

/**
 * Sends an export as an attachment under its Vietnamese name. No validators: the figures are read afresh on each
 * request (what is overdue changes with the day), and the API's no-store stays.
 */
export function sendReportFile(response: Response, file: ReportFile): void {
  response.setHeader('Content-Type', file.contentType);
  response.setHeader('Content-Disposition', contentDisposition(file.fileName));
  response.status(200).end(file.bytes);
}
