import type { Language } from '../content/faq-entry.ts';
import { termOf } from './analyzer.ts';
import { foldWord, stripAccents } from './normalize.ts';

/*
 * German compound splitting against the index's own vocabulary. "Datenschutzerklärung" is
 * indexed as itself and as "datenschutz" + "erklärung" (and "daten" + "schutz"), so a visitor's
 * "Erklärung zum Datenschutz" finds it; a visitor's "Lieferadresse" finds "Adresse für die
 * Lieferung". There is no dictionary to ship: the words the content itself uses are the lexicon.
 */

/** Fugenelemente: the linking letters between the parts of a German compound. */
const LINKING = ['', 's', 'es', 'n', 'en', 'e'] as const;
const MIN_PART = 4;
const MIN_COMPOUND = 2 * MIN_PART;

/**
 * A German word starts with a vowel, a consonant before a vowel, or one of these clusters. A
 * guessed tail that starts otherwise ("rklärung", "sverfolgung") is a cut in the wrong place.
 */
const ONSET = /^(?:[aeiouäöüy]|[b-df-hj-np-tv-z][aeiouäöüy]|sch|chr|str|spr|sp|st|pf|ph|qu|[bcdfgkpt][lr]|[gk]n|wr|zw|sk|sl|sm|sn|sz|ps|th|tsch)/;

/** The index's terms: a set at build time, the document-frequency map in the browser. */
export type Vocabulary = { has(term: string): boolean };

/** How sure a split must be: queries need both parts known, the index one known part. */
export type SplitStrictness = 'both-known' | 'one-known';

/**
 * The terms a compound's head may stand for: stemmed, and unstemmed (the stem of "liefer" is not
 * the stem of "Lieferung", but "liefer" is), each with and without a linking element.
 */
interface HeadReading {
  readonly term: string;
  readonly known: boolean;
  /** Read as the word itself rather than through the stemmer (which may eat a tail's letters). */
  readonly literal: boolean;
}

function headTerms(head: string, vocabulary: Vocabulary): HeadReading[] {
  const found: HeadReading[] = [];
  for (const link of LINKING) {
    if (link && !head.endsWith(link)) continue;
    const bare = head.slice(0, head.length - link.length);
    if (bare.length < 3) continue;
    const literal = stripAccents(bare);
    for (const term of [termOf(bare, 'de'), literal]) {
      if (!term) continue;
      const index = found.findIndex((f) => f.term === term);
      const reading = { term, known: vocabulary.has(term), literal: term === literal };
      if (index < 0) found.push(reading);
      else if (reading.literal) found[index] = reading;
    }
  }
  // Known readings first, so the caller can take the first one that fits.
  return found.sort((a, b) => Number(b.known) - Number(a.known));
}

/**
 * The index terms of the parts of a German compound word, or an empty list when the word is not
 * a compound of known words. Splits with both parts known win over splits with one; among those,
 * the longest head. The tail is split again recursively.
 */
export function splitCompound(
  word: string,
  lang: Language,
  vocabulary: Vocabulary,
  strictness: SplitStrictness,
): string[] {
  if (lang !== 'de' || word.length < MIN_COMPOUND || !/^\p{L}+$/u.test(word)) return [];
  const folded = foldWord(word, 'de');
  // The best split with one known part: a literally known head beats a stemmed one, which beats
  // a known tail ("datenschutz|erklärung", not "datenschutzer|klärung").
  let loose: string[] = [];
  let looseRank = 0;
  for (let cut = folded.length - MIN_PART; cut >= MIN_PART - 1; cut--) {
    const tail = folded.slice(cut);
    const tailTerm = termOf(tail, 'de');
    if (!tailTerm) continue;
    const tailKnown = vocabulary.has(tailTerm);
    for (const head of headTerms(folded.slice(0, cut), vocabulary)) {
      if (head.known) {
        if (tailKnown) return [head.term, tailTerm];
        const tailParts = splitCompound(tail, lang, vocabulary, 'both-known');
        if (tailParts.length > 0) return [head.term, ...tailParts];
      }
      if (strictness === 'one-known') {
        const rank = !head.known ? (tailKnown && head.term.length > MIN_PART ? 1 : 0) : head.literal ? 3 : 2;
        if (rank > looseRank && ONSET.test(tail) && (head.known ? tail.length > MIN_PART : true)) {
          loose = [head.term, tailTerm];
          looseRank = rank;
        }
      }
    }
  }
  return loose;
}
