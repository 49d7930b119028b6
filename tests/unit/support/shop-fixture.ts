import { fileURLToPath } from 'node:url';
import { loadContent, type ContentSet } from '../../../src/build/load-content.ts';
import type { Language } from '../../../src/core/content/faq-entry.ts';
import { buildSearchIndex } from '../../../src/core/search/build-index.ts';
import { loadSearchEngine, type SearchEngine, type SearchIndexPayload } from '../../../src/core/search/search-engine.ts';

/*
 * The fixture shop ("Speiche & Kette", a small bicycle shop): 11 entries in German, the same 11
 * plus "akku-recycling" in English. Engines are loaded from JSON, as the browser receives them.
 */

export const SHOP_CONTENT = fileURLToPath(new URL('../../fixtures/content-shop', import.meta.url));
export const SHOP_QUERIES = fileURLToPath(new URL('../../fixtures/queries-shop.jsonl', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

let content: ContentSet | undefined;

export function shopContent(): ContentSet {
  content ??= loadContent(SHOP_CONTENT);
  return content;
}

export function shopPayload(lang: Language): SearchIndexPayload {
  const set = shopContent();
  return buildSearchIndex(set.entries[lang], lang, set.synonyms[lang]);
}

/** The engine as the browser gets it: the payload sent through JSON. */
export function shopEngine(lang: Language): SearchEngine {
  return loadSearchEngine(JSON.parse(JSON.stringify(shopPayload(lang))) as SearchIndexPayload);
}

/** Ids of the ranked matches, best first. */
export function rankedIds(engine: SearchEngine, question: string): string[] {
  return engine.search(question).map((match) => match.entry.id);
}
