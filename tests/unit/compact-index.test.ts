import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import MiniSearch, { type AsPlainObject } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/build/load-content.ts';
import { buildSearchIndex } from '../../src/core/search/build-index.ts';
import { decodeIndex, encodeIndex } from '../../src/core/search/compact-index.ts';
import { loadSearchEngine, type SearchIndexPayload } from '../../src/core/search/search-engine.ts';
import { shopContent } from './support/shop-fixture.ts';

type Doc = { id: number; text: string; title: string };

/** MiniSearch's own serialization, as plain JSON, with the terms in a fixed order for comparing. */
function plain(index: MiniSearch<Doc>): AsPlainObject {
  const json = JSON.parse(JSON.stringify(index)) as AsPlainObject;
  return { ...json, index: sortedTerms(json.index) };
}

function sortedTerms(terms: AsPlainObject['index']): AsPlainObject['index'] {
  return [...terms].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function indexOf(docs: Doc[]): MiniSearch<Doc> {
  const index = new MiniSearch<Doc>({ fields: ['title', 'text'] });
  index.addAll(docs);
  return index;
}

const roundTrip = (json: AsPlainObject): AsPlainObject => {
  const decoded = decodeIndex(JSON.parse(JSON.stringify(encodeIndex(json))));
  return { ...decoded, index: sortedTerms(decoded.index) };
};

describe('the compact search index', () => {
  it('restores exactly what MiniSearch wrote: frequencies, field lengths, many documents', () => {
    // 100 documents: numbers past 36 take two base-36 digits; "aa" repeats, so frequencies > 1.
    const docs = Array.from({ length: 100 }, (_, id) => ({ id, title: `title${id % 7} common`, text: `${'aa '.repeat(1 + (id % 40))} word${id % 13} 2024` }));
    const json = plain(indexOf(docs));
    expect(roundTrip(json)).toEqual(json);
  });

  it('restores the index of each language of a real content set, with the same answers', () => {
    const content = shopContent();
    for (const lang of ['de', 'en'] as const) {
      const payload = buildSearchIndex(content.entries[lang], lang, content.synonyms[lang]);
      const engine = loadSearchEngine(JSON.parse(JSON.stringify(payload)) as SearchIndexPayload);
      for (const entry of content.entries[lang]) expect(engine.search(entry.question)[0]?.entry.id).toBe(entry.id);
    }
  });

  it('restores terms that share long beginnings and terms that start with digits', () => {
    const long = 'x'.repeat(50);
    const json = plain(indexOf([{ id: 0, title: `${long}a ${long}b 1abc 12`, text: '1 1a' }, { id: 1, title: 'a', text: `${long}` }]));
    expect(roundTrip(json)).toEqual(json);
  });

  it('restores an empty index', () => {
    const json = plain(indexOf([]));
    expect(roundTrip(json)).toEqual(json);
  });

  it('refuses an index it could not restore exactly, instead of writing a wrong one', () => {
    const removed = indexOf([{ id: 0, title: 'a', text: 'b' }, { id: 1, title: 'c', text: 'd' }]);
    removed.discard(0);
    expect(() => encodeIndex(plain(removed))).toThrow(/removed/);
    const renamed = new MiniSearch<{ id: string; text: string }>({ fields: ['text'] });
    renamed.add({ id: 'x', text: 'hello' });
    expect(() => encodeIndex(JSON.parse(JSON.stringify(renamed)) as AsPlainObject)).toThrow(/has id x/);
    const stored = new MiniSearch<Doc>({ fields: ['text'], storeFields: ['title'] });
    stored.add({ id: 0, title: 't', text: 'hello' });
    expect(() => encodeIndex(plain(stored))).toThrow(/stored/);
    const spaced = new MiniSearch<Doc>({ fields: ['text'], tokenize: (text) => [text] });
    spaced.add({ id: 0, title: '', text: 'two words' });
    expect(() => encodeIndex(plain(spaced))).toThrow(/white space/);
  });

  it('keeps the demo content within 150 bytes of gzipped index per entry (issue #3 budget)', () => {
    const content = loadContent(fileURLToPath(new URL('../../content', import.meta.url)));
    for (const lang of ['de', 'en'] as const) {
      const payload = buildSearchIndex(content.entries[lang], lang, content.synonyms[lang]);
      const perEntry = gzipSync(JSON.stringify(payload.index), { level: 9 }).length / content.entries[lang].length;
      expect(perEntry).toBeLessThanOrEqual(150);
    }
  });
});

describe('loading a search index', () => {
  it('says which format it met when a page meets an index of another format', () => {
    const payload = { ...buildSearchIndex(shopContent().entries.de, 'de', []), format: 1 } as unknown as SearchIndexPayload;
    expect(() => loadSearchEngine(payload)).toThrow(/format 1.*format 2; reload the page/);
  });
});
