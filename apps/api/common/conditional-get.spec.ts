import { describe, expect, it } from '@jest/globals';
import type { Request } from 'express';
import { alreadyHeld } from './conditional-get.js';

const asking = (ifNoneMatch?: string) => ({ headers: ifNoneMatch === undefined ? {} : { 'if-none-match': ifNoneMatch } }) as Request;

describe('alreadyHeld (If-None-Match, weak comparison)', () => {
  it('matches the tag, weak or strong on either side, alone, in a list, or *', () => {
    for (const etag of ['W/"abc"', '"abc"']) {
      for (const header of ['W/"abc"', '"abc"', ' "x", W/"abc" ', '*']) expect({ etag, header, held: alreadyHeld(asking(header), etag) }).toEqual({ etag, header, held: true });
    }
  });

  it('takes no header, another tag or a malformed one as no copy', () => {
    for (const header of [undefined, '', '"abd"', 'abc', 'W/', '"', ',,,', 'W/"abc', '"abc"x', `"${'a'.repeat(5000)}"`]) {
      expect({ header, held: alreadyHeld(asking(header), 'W/"abc"') }).toEqual({ header, held: false });
    }
  });
});
