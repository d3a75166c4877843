import { describe, expect, it } from '@jest/globals';
import { BoundedCache } from './bounded-cache.js';

const text = (value: string) => Buffer.from(value);

describe('BoundedCache', () => {
  it('makes a value once for callers asking at the same time, and keeps it', async () => {
    const cache = new BoundedCache<Buffer>({ entries: 10, bytes: 1024 }, (value) => value.length);
    let makings = 0;
    let finish: (value: Buffer) => void = () => {};
    const make = () => {
      makings += 1;
      return new Promise<Buffer>((resolve) => {
        finish = resolve;
      });
    };
    const asked = [cache.get('a', make), cache.get('a', make), cache.get('a', make)];
    finish(text('một'));
    const answers = await Promise.all(asked);
    expect(makings).toBe(1);
    expect(answers.every((answer) => answer === answers[0])).toBe(true);
    await expect(cache.get('a', make)).resolves.toBe(answers[0]);
    expect(makings).toBe(1);
  });

  it('lets the least recently used go past its count of entries', async () => {
    const cache = new BoundedCache<Buffer>({ entries: 2, bytes: 1024 }, (value) => value.length);
    const made: string[] = [];
    const make = (key: string) => () => {
      made.push(key);
      return Promise.resolve(text(key));
    };
    await cache.get('a', make('a'));
    await cache.get('b', make('b'));
    await cache.get('a', make('a'));
    await cache.get('c', make('c'));
    await cache.get('a', make('a'));
    await cache.get('b', make('b'));
    expect(made).toEqual(['a', 'b', 'c', 'b']);
  });

  it('keeps nothing of a making that failed, or that its caller finds out of date', async () => {
    const cache = new BoundedCache<Buffer>({ entries: 10, bytes: 1024 }, (value) => value.length);
    await expect(cache.get('a', () => Promise.reject(new Error('PostgreSQL không trả lời')))).rejects.toThrow('PostgreSQL không trả lời');
    let makings = 0;
    const make = () => {
      makings += 1;
      return Promise.resolve(text(`lần ${makings}`));
    };
    await expect(cache.get('a', make)).resolves.toEqual(text('lần 1'));
    await expect(cache.get('b', make, () => Promise.resolve(false))).resolves.toEqual(text('lần 2'));
    await expect(cache.get('b', make)).resolves.toEqual(text('lần 3'));
    await expect(cache.get('b', make)).resolves.toEqual(text('lần 3'));
    expect(makings).toBe(3);
  });
});
