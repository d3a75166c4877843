import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Names as the guard keeps them: SHA-256 hashes of their keys (nameKey), and the lengths of those keys. */
interface HashedNames {
  hashes: Set<string>;
  /** Only runs of words whose key has one of these lengths are hashed, which keeps the scan fast. */
  keyLengths: Set<number>;
}

/**
 * The people named in the users' seed reports (officials, secretaries, reporters, and a person a school is
 * named after). The demo, the tests and the API's examples use made-up names instead (language.md), so no
 * tracked file may hold one of these. Only hashes are kept, so that this file names no one. The hash of a
 * name to add:
 *   node -e 'const k=process.argv[1].normalize("NFD").replace(/\p{M}/gu,"").toLowerCase().replace(/[đð]/g,"d").split(/[^\p{L}]+/u).join("");console.log(k.length,require("crypto").createHash("sha256").update(k).digest("hex"))' "Họ Tên"
 */
const REAL_NAMES: HashedNames = {
  hashes: new Set([
    '57a63924f3407fe62a1f1698b95ac4b861b38ae69cbf0761c0dd2d34352bc0ca',
    'd280196f6f808ce8ac6bb46893ae616baddf6df5301ee87231938d688f3ccbfc',
    '646c7bb12e122129bfc6e6a36e67788b9c56c17adb9de27b5ee46b3029e049ae',
    '21912ea27eba26e9147cda64e6bb19560bab2bf0c90c550b27b9feef3f2e7c83',
    'c192c9a2cca9d68d10453bc8c9d7a371bcffa7d9e3704d763ef98e82ec78440e',
    '7fbecc5a23fb19b7e871ea8d115d979a76a0746f7228217f66e4cce734a77b14',
    'f0a054b36d37333128f6dfc5d41174ad3ed4615afd4ae49fc256d190bf6cd693',
    'd8a90e5279594d33bd29ed705e218588cec8824c2f3c1b3261dd0c1907d2d929',
    '1c59feb33adc4be418b029f9f57ef65ecd886df8c38af91d17612d9337669ae7',
    '03d65eaf79fc1287aa20a90a481e97590cc9b0013da4c1de87f65ca41f3edb51',
    '79c5d35959cdaa4a094cf22da155994cefc5df2e9e9bb33354e696de5fdfc540',
    '810f61eb7948c5e74b3e3fc3c04e35c5658e598eeb800a8acd6098403c464e17',
  ]),
  keyLengths: new Set([6, 9, 10, 11, 12, 14]),
};

/** The longest run of words looked at: a name of four words, or one cut into more pieces by hidden characters. */
const MOST_WORDS = 6;

/**
 * A name as the guard compares it, so that no way of writing it slips past: composed or decomposed (NFC or
 * NFD), in any case, with or without tone marks (đ, and its lookalike ð, read as d), and whatever stands
 * between its words (spaces, line breaks, dots, underscores, hidden characters, nothing).
 */
function nameKey(words: string[]): string {
  return words.map((word) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[đð]/g, 'd')).join('');
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The lines of `text` where a run of words makes one of `names` (the line of its first word). */
function linesNaming(text: string, names: HashedNames): number[] {
  const words = [...text.matchAll(/[\p{L}\p{M}]+/gu)];
  const lines = new Set<number>();
  for (let first = 0; first < words.length; first += 1) {
    for (let count = 1; count <= MOST_WORDS && first + count <= words.length; count += 1) {
      const key = nameKey(words.slice(first, first + count).map((match) => match[0]));
      if (names.keyLengths.has(key.length) && names.hashes.has(sha256(key))) lines.add(text.slice(0, words[first].index).split('\n').length);
    }
  }
  return [...lines];
}

/** Every tracked text file (binary files, holding a NUL byte, are skipped), as its path and contents. */
function trackedTextFiles(): { path: string; text: string }[] {
  const paths = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  return paths
    .filter((path) => existsSync(join(ROOT, path)))
    .map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }))
    .filter(({ text }) => !text.includes('\0'));
}

describe('no real person’s name in the repository', () => {
  it('finds a listed name however it is spelled, and only a whole name', () => {
    // A made-up name stands in for the hashed real ones.
    const key = nameKey(['Lò', 'Văn', 'Pằng']);
    const listed: HashedNames = { hashes: new Set([sha256(key)]), keyLengths: new Set([key.length]) };
    const spellings = ['Lò Văn Pằng', 'LÒ VĂN PẰNG', 'Lò Văn Pằng'.normalize('NFD'), 'Lo Van Pang', 'lò.văn_pằng', 'LoVanPang', 'Lò Văn\u200bPằng', 'Lò Vă\u200bn Pằng'];
    for (const spelling of spellings) expect({ spelling, lines: linesNaming(`Bí thư: ${spelling}, chi bộ thôn`, listed) }).toEqual({ spelling, lines: [1] });
    expect(linesNaming('Đồng chí Lò Văn\n  Pằng', listed)).toEqual([1]);
    expect(linesNaming('dòng 1\ndòng 2: đồng chí Lò Văn Pằng\ndòng 3', listed)).toEqual([2]);
    expect(linesNaming('Lò Văn Pá, Lò Thị Pằng, Vàng Văn Pằng, Lò Văn Pằngg', listed)).toEqual([]);
  });

  it('holds none of the names of the seed reports in any tracked text file', () => {
    const found = trackedTextFiles().flatMap(({ path, text }) => linesNaming(text, REAL_NAMES).map((line) => `${path}:${line}`));
    // Each place names a real person: put a made-up name there instead (language.md, "Example data").
    expect(found).toEqual([]);
  });
});
