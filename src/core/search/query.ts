import type { Language } from '../content/faq-entry.ts';
import { termOf } from './analyzer.ts';
import { splitCompound } from './compounds.ts';
import { tokenize } from './normalize.ts';
import { expandSynonyms, type SynonymGroups } from './synonyms.ts';
import { correctTypo } from './typos.ts';

/**
 * A visitor's question, analysed. Every meaningful word is a slot; a slot is matched when any of
 * its terms (the word's own term, its compound parts, editor synonyms) matched. Slots are what the
 * answer decision counts when it asks "how much of the question did this entry answer?".
 */
export interface AnalyzedQuery {
  readonly terms: readonly QueryTerm[];
  readonly slotCount: number;
}

export interface QueryTerm {
  readonly term: string;
  /** The slots (query words) this term stands for. */
  readonly slots: readonly number[];
  readonly weight: number;
  readonly kind: 'word' | 'compound-part' | 'joined' | 'synonym';
  /** Whether the term is the last word still being typed (prefix matching). */
  readonly partial: boolean;
}

const COMPOUND_PART_WEIGHT = 0.7;
const SYNONYM_WEIGHT = 0.8;

export function analyzeQuery(
  text: string,
  lang: Language,
  /** Document frequency of every index term: the vocabulary, and typo corrections pick the most common candidate. */
  frequencies: ReadonlyMap<string, number>,
  synonyms: SynonymGroups,
  typing: boolean,
): AnalyzedQuery {
  const words = tokenize(text);
  const terms: QueryTerm[] = [];
  const slotTerms: string[] = [];
  /** Per word that is a slot (not a stop word): its slot, and whether the index knows it as typed. */
  const slotOf: ({ slot: number; known: boolean } | undefined)[] = [];
  const add = (term: string, slots: number[], weight: number, kind: QueryTerm['kind'], partial = false): void => {
    const existing = terms.find((t) => t.term === term);
    if (existing) return;
    terms.push({ term, slots, weight, kind, partial });
  };
  words.forEach((word, position) => {
    const typedTerm = termOf(word, lang);
    if (!typedTerm) return;
    const slot = slotTerms.length;
    slotOf[position] = { slot, known: frequencies.has(typedTerm) };
    const partial = typing && position === words.length - 1 && /[\p{L}\p{N}]$/u.test(text);
    // An unknown word is first read as a compound of known words, then as a typo of a known one.
    const parts = slotOf[position]?.known ? [] : splitCompound(word, lang, frequencies, 'both-known');
    // The word still being typed is left to prefix matching.
    const corrected = parts.length === 0 && !partial ? correctTypo(word, typedTerm, frequencies, (variant) => termOf(variant, lang)) : undefined;
    const term = corrected ?? typedTerm;
    slotTerms.push(term);
    add(term, [slot], 1, 'word', partial);
    for (const part of parts) add(part, [slot], COMPOUND_PART_WEIGHT, 'compound-part');
  });
  // Two words the content writes as one: "pay pal", "git hub", "Liefer Adresse". Both must be
  // words of their own (joined to a stop word, "a way" would become "away"), and one of them
  // unknown: two known words already match on their own, and their joined form on top would
  // count the same words twice ("corona virus" and "coronavirus").
  for (let i = 0; i + 1 < words.length; i++) {
    if (typing && i + 2 === words.length) break;
    const [first, second] = [slotOf[i], slotOf[i + 1]];
    if (!first || !second || (first.known && second.known)) continue;
    const joined = termOf(`${words[i]}${words[i + 1]}`, lang);
    if (joined && frequencies.has(joined)) add(joined, [first.slot, second.slot], 1, 'joined');
  }
  for (const expansion of expandSynonyms(slotTerms, synonyms)) {
    for (const term of expansion.terms) add(term, expansion.positions, SYNONYM_WEIGHT, 'synonym');
  }
  return { terms, slotCount: slotTerms.length };
}
