import MiniSearch from 'minisearch';
import type { FaqEntry, Language } from '../content/faq-entry.ts';
import { termsOf } from './analyzer.ts';
import './languages/all.ts';
import { phrasingKey } from './phrasing-key.ts';
import { encodeIndex } from './compact-index.ts';
import type { SearchIndexPayload } from './search-engine.ts';
import { indexOptions, type IndexedDocument } from './search-options.ts';
import type { SynonymGroups } from './synonyms.ts';

function documentOf(entry: FaqEntry, id: number): IndexedDocument {
  return {
    id,
    question: entry.question,
    variants: entry.variants.join(' \n '),
    tags: entry.tags.join(' '),
    answer: entry.answerText,
  };
}

/**
 * Builds the search index of one language. Runs at build time (and in `eval`); the browser
 * only loads the result. Entries of other languages are a programmer error.
 */
export function buildSearchIndex(entries: readonly FaqEntry[], lang: Language, synonyms: SynonymGroups): SearchIndexPayload {
  const foreign = entries.find((entry) => entry.lang !== lang);
  if (foreign) throw new Error(`vertraut: buildSearchIndex(${lang}) got entry "${foreign.id}" in ${foreign.lang}.`);
  const documents = entries.map(documentOf);
  // The content's own words are the lexicon that compound splitting checks parts against.
  const vocabulary = new Set<string>();
  for (const doc of documents) {
    for (const text of [doc.question, doc.variants, doc.tags, doc.answer]) {
      for (const term of termsOf(text, lang)) vocabulary.add(term);
    }
  }
  // An entry's own question or variant, typed as such, gets that entry (unless two entries
  // share the phrasing, which `npm run check` reports).
  const phrasings: Record<string, number> = {};
  entries.forEach((entry, index) => {
    for (const phrasing of [entry.question, ...entry.variants]) {
      const key = phrasingKey(phrasing, lang);
      if (!key) continue;
      const owner = phrasings[key];
      phrasings[key] = owner === undefined || owner === index ? index : -1;
    }
  });
  const miniSearch = new MiniSearch<IndexedDocument>(indexOptions(lang, vocabulary));
  miniSearch.addAll(documents);
  return {
    format: 2,
    lang,
    entries: entries.map((entry) => ({
      id: entry.id,
      question: entry.question,
      ...(entry.category ? { category: entry.category } : {}),
      related: entry.related,
      html: entry.answerHtml,
      ...(entry.answerHtmlDu ? { htmlDu: entry.answerHtmlDu } : {}),
    })),
    synonyms,
    phrasings,
    index: encodeIndex(miniSearch.toJSON()),
  };
}
