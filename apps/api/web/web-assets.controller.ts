import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/public.decorator.js';
import { SCORE_SHEET_SCRIPT, SCORE_SHEET_SCRIPT_VERSION } from './score-sheet.script.js';

/** A year: the longest a cache is asked to keep anything. */
const A_YEAR_S = 365 * 24 * 3600;

/**
 * The pages' script, from the app itself (same origin: the Content-Security-Policy helmet sets, script-src
 * 'self', lets it run; no CDN). It holds no one's data, so it needs no session.
 */
@ApiExcludeController()
@Public()
@Controller()
export class WebAssetsController {
  /**
   * Asked for at its current version (the address the pages give), a phone keeps it for a year and never asks
   * again over a weak connection; at any other address it is checked each time (its ETag answers 304).
   */
  @Get('tep/bang-diem.js')
  scoreSheetScript(@Res() response: Response, @Query('v') version?: unknown): void {
    response.setHeader('Cache-Control', version === SCORE_SHEET_SCRIPT_VERSION ? `public, max-age=${A_YEAR_S}, immutable` : 'no-cache');
    response.type('text/javascript').send(SCORE_SHEET_SCRIPT);
  }
}
