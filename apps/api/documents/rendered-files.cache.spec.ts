import { describe, expect, it } from '@jest/globals';
import type { PartyDocument } from '../../../libs/documents/party-document.js';
import { RenderedFilesCache } from './rendered-files.cache.js';

const paper = (minutes: string): PartyDocument => ({
  title: 'Biên bản sinh hoạt chi bộ điểm',
  fixedAt: '2026-12-05T01:00:00.000Z',
  header: { upperBody: 'ĐẢNG BỘ XÃ NA HỐI', issuer: 'CHI BỘ THÔN NA HỐI TÀY' },
  placeAndDate: { place: 'Na Hối', day: '2026-12-05' },
  heading: { kind: 'BIÊN BẢN' },
  blocks: [{ kind: 'paragraph', runs: [{ text: minutes }] }],
  signatures: [{ onBehalfOf: 'T/M CHI BỘ', role: 'BÍ THƯ' }],
  recipients: [],
});

describe('RenderedFilesCache', () => {
  it('renders a document once per format, and again when what it says changes', async () => {
    const cache = new RenderedFilesCache();
    let renders = 0;
    const render = () => {
      renders += 1;
      return Promise.resolve(Buffer.from(`tệp ${renders}`));
    };
    const first = await cache.get(RenderedFilesCache.keyOf(paper('Chi bộ họp đủ.'), 'pdf'), render);
    await expect(cache.get(RenderedFilesCache.keyOf(paper('Chi bộ họp đủ.'), 'pdf'), render)).resolves.toBe(first);
    expect(renders).toBe(1);
    await cache.get(RenderedFilesCache.keyOf(paper('Chi bộ họp đủ.'), 'docx'), render);
    await cache.get(RenderedFilesCache.keyOf(paper('Chi bộ họp đủ, đúng giờ.'), 'pdf'), render);
    expect(renders).toBe(3);
  });

  it('lets the least recently used files go past 64 MB', async () => {
    const cache = new RenderedFilesCache();
    let renders = 0;
    const big = () => {
      renders += 1;
      return Promise.resolve(Buffer.alloc(30 * 1024 * 1024));
    };
    const keys = ['một', 'hai', 'ba'].map((text) => RenderedFilesCache.keyOf(paper(text), 'pdf'));
    await cache.get(keys[0], big);
    await cache.get(keys[1], big);
    await cache.get(keys[0], big);
    await cache.get(keys[2], big);
    expect(renders).toBe(3);
    await cache.get(keys[0], big);
    expect(renders).toBe(3);
    await cache.get(keys[1], big);
    expect(renders).toBe(4);
  });
});
