import type { Language } from '../content/faq-entry.ts';
import { termsOf } from './analyzer.ts';

/**
 * Editor synonyms, analysed: a group is a list of phrases that mean the same to a visitor, and
 * each phrase is the list of its index terms ("send back" → ["send", "back"]).
 */
export type SynonymGroups = readonly (readonly (readonly string[])[])[];

/**
 * Parses a synonyms file: one group per line, phrases separated by commas, `#` starts a comment.
 * Returns analysed groups; phrases that analyse to nothing (only stop words) are dropped.
 */
export function parseSynonyms(text: string, lang: Language): string[][][] {
  const groups: string[][][] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    if (!line) continue;
    const phrases = line
      .split(',')
      .map((phrase) => termsOf(phrase, lang))
      .filter((terms) => terms.length > 0);
    if (phrases.length > 1) groups.push(phrases);
  }
  return groups;
}

/**
 * The phrases that stand for the same thing as a phrase contained in the query terms. A phrase
 * counts as contained when all its terms occur in the query; its alternatives are returned with
 * the query positions they substitute for.
 */
export function expandSynonyms(
  queryTerms: readonly string[],
  groups: SynonymGroups,
): { terms: readonly string[]; positions: number[] }[] {
  const expansions: { terms: readonly string[]; positions: number[] }[] = [];
  for (const group of groups) {
    for (const phrase of group) {
      const positions = phrase.map((term) => queryTerms.indexOf(term));
      if (positions.some((p) => p < 0)) continue;
      for (const other of group) {
        if (other !== phrase) expansions.push({ terms: other, positions });
      }
      break;
    }
  }
  return expansions;
}
