import type { Options, SearchOptions } from 'minisearch';
import type { Language } from '../content/faq-entry.ts';
import { termOf } from './analyzer.ts';
import { splitCompound, type Vocabulary } from './compounds.ts';
import { tokenize } from './normalize.ts';

/*
 * The one place where MiniSearch is configured. A serialized index must be reloaded with exactly
 * the options that built it, so the build (`buildSearchIndex`) and the browser
 * (`loadSearchEngine`) both take their options from here.
 */

/** The document shape handed to MiniSearch: one FAQ entry in one language. */
export interface IndexedDocument {
  readonly id: number;
  readonly question: string;
  readonly variants: string;
  readonly tags: string;
  readonly answer: string;
}

export const SEARCH_FIELDS = ['question', 'variants', 'tags', 'answer'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/**
 * Field weights. The question and the editor's variants are what a visitor's words should meet;
 * tags are a strong hint; the answer text catches words the question does not use, at low
 * weight so that it never outranks a question match.
 */
export const FIELD_BOOST: Record<SearchField, number> = {
  question: 3,
  variants: 2.5,
  tags: 1.5,
  answer: 0.4,
};

/**
 * BM25 parameters: k (term saturation), b (length normalization), d (BM25+ floor). MiniSearch's
 * defaults are k 1.2, b 0.7, d 0.5.
 */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** Options that build the index: words become stemmed terms plus their compound parts. */
export function indexOptions(lang: Language, vocabulary: Vocabulary): Options<IndexedDocument> {
  return {
    idField: 'id',
    fields: [...SEARCH_FIELDS],
    storeFields: [],
    tokenize,
    processTerm: (word) => {
      const term = termOf(word, lang);
      if (!term) return null;
      const parts = splitCompound(word, lang, vocabulary, 'one-known');
      return parts.length > 0 ? [term, ...parts] : term;
    },
  };
}

/**
 * Options that reload the index in the browser. Queries are analysed by `analyzeQuery` before
 * they reach MiniSearch, so MiniSearch only splits the prepared terms on spaces.
 */
export function loadOptions(): Options<IndexedDocument> {
  return {
    idField: 'id',
    fields: [...SEARCH_FIELDS],
    storeFields: [],
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term,
  };
}

/** Per-query options: boosts, and fuzzy and prefix matching only where they help. */
export function queryOptions(weights: readonly number[], fuzzyAt: ReadonlySet<number>, prefixAt: ReadonlySet<number>): SearchOptions {
  return {
    boost: { ...FIELD_BOOST },
    bm25: BM25,
    combineWith: 'OR',
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term,
    boostTerm: (_term, i) => weights[i] ?? 1,
    // Typos are tolerated in longer words only: short words have too many neighbours.
    fuzzy: (term, i) => (fuzzyAt.has(i) ? (term.length >= 8 ? 2 : term.length >= 5 ? 1 : false) : false),
    prefix: (term, i) => prefixAt.has(i) && term.length >= 2,
    weights: { fuzzy: 0.45, prefix: 0.5 },
  };
}
