import type { Language } from '../content/faq-entry.ts';
import { foldWord, stripAccents, tokenize } from './normalize.ts';

/**
 * A language's text analysis: its Snowball stemmer and its stop words (words that carry no
 * topic; question words among them stay out of the index but are harmless either way, since BM25
 * gives them almost no weight). Each language registers itself from `languages/<lang>.ts`.
 */
export interface LanguageAnalysis {
  readonly stem: (word: string) => string;
  readonly stopWords: ReadonlySet<string>;
}

const analyses: Partial<Record<Language, LanguageAnalysis>> = {};

export function useLanguage(lang: Language, analysis: LanguageAnalysis): void {
  analyses[lang] = analysis;
}

/** A set of the white-space separated words of a text. */
export function wordSet(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter(Boolean));
}

function analysisOf(lang: Language): LanguageAnalysis {
  const analysis = analyses[lang];
  if (!analysis) throw new Error(`vertraut: the ${lang} text analysis is not loaded; import src/core/search/languages/${lang}.ts first.`);
  return analysis;
}

/** Whether a lower-cased surface word is a stop word in the language. */
export function isStopWord(word: string, lang: Language): boolean {
  return analysisOf(lang).stopWords.has(word);
}

/**
 * Turns one lower-cased word into its index term: spelling folded, Snowball-stemmed, accents
 * removed. Returns null for stop words and for single characters, which never identify a topic.
 */
export function termOf(word: string, lang: Language): string | null {
  if (word.length < 2 && !/\d/.test(word)) return null;
  if (isStopWord(word, lang)) return null;
  if (/^\d+$/.test(word)) return word;
  return stripAccents(analysisOf(lang).stem(foldWord(word, lang)));
}

/** The index terms of a text, in order, stop words removed (duplicates kept). */
export function termsOf(text: string, lang: Language): string[] {
  const terms: string[] = [];
  for (const word of tokenize(text)) {
    const term = termOf(word, lang);
    if (term) terms.push(term);
  }
  return terms;
}
