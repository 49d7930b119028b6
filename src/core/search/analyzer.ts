import { stemmer as stemGerman } from '@orama/stemmers/german';
import { stemmer as stemEnglish } from '@orama/stemmers/english';
import type { Language } from '../content/faq-entry.ts';
import { foldWord, stripAccents, tokenize } from './normalize.ts';
import { isStopWord } from './stop-words.ts';

const STEMMERS: Record<Language, (word: string) => string> = {
  de: stemGerman,
  en: stemEnglish,
};

/**
 * Turns one lower-cased word into its index term: spelling folded, Snowball-stemmed, accents
 * removed. Returns null for stop words and for single characters, which never identify a topic.
 */
export function termOf(word: string, lang: Language): string | null {
  if (word.length < 2 && !/\d/.test(word)) return null;
  if (isStopWord(word, lang)) return null;
  if (/^\d+$/.test(word)) return word;
  return stripAccents(STEMMERS[lang](foldWord(word, lang)));
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
