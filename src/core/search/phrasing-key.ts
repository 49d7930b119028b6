import type { Language } from '../content/faq-entry.ts';
import { termsOf } from './analyzer.ts';
import { stripAccents, tokenize } from './normalize.ts';

/**
 * What makes two phrasings the same question: their set of index terms, order and stop words
 * ignored ("Wie lange dauert der Versand?" = "Versand, wie lange dauert das"). A phrasing made
 * of stop words only ("Über uns", "What are you?") is keyed by its words, marked with "~" so it
 * never meets a key of terms.
 */
export function phrasingKey(text: string, lang: Language): string {
  const terms = termsOf(text, lang);
  const words = terms.length > 0 ? terms : tokenize(text).map((word) => `~${stripAccents(word)}`);
  return [...new Set(words)].sort().join(' ');
}
