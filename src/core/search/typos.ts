/*
 * Typo correction against the index's own vocabulary. A visitor's word the index does not know
 * ("versnadkosten") is read as the known term one slip of the finger away ("versandkosten").
 * MiniSearch's fuzzy matching finds such terms too, but scores them as weak partial matches, so a
 * question with one typo looked like a question the content barely covers and got no answer.
 *
 * Without a dictionary of the language, a valid word the content lacks looks like a typo too
 * ("better" is one letter from "butter"). So only the slips people actually make are undone, and
 * never on the first letter: two neighbours swapped, a letter left out, a key typed twice or next
 * to its neighbour, a key next to the right one. On the dev sets this corrects 44 words in 4,015
 * questions, about three in four of them rightly; see ADR 002.
 */

/** Shorter terms have too many neighbours one edit away to guess which one was meant. */
export const MIN_TYPO_TERM_LENGTH = 6;

/** The letters an index term is made of: stemming folds umlauts, accents and "ß" away. */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

/** Keys next to each other on QWERTY and QWERTZ keyboards: the letters a slip of the finger swaps. */
const NEIGHBOURS: Readonly<Record<string, string>> = (() => {
  const neighbours: Record<string, string> = {};
  for (const layout of [['qwertzuiop', 'asdfghjkl', 'yxcvbnm'], ['qwertyuiop', 'asdfghjkl', 'zxcvbnm']]) {
    layout.forEach((row, r) => {
      [...row].forEach((key, c) => {
        const near = [row[c - 1], row[c + 1], layout[r - 1]?.[c], layout[r - 1]?.[c + 1], layout[r + 1]?.[c], layout[r + 1]?.[c - 1]];
        neighbours[key] = (neighbours[key] ?? '') + near.filter((k): k is string => k !== undefined).join('');
      });
    });
  }
  return neighbours;
})();

/**
 * The strings a typo of one keystroke could have come from: a letter left out, one typed twice or
 * an extra letter, two neighbours swapped, a key next to the right one. The first letter is taken
 * as typed: people rarely mistype it, and changing it turns valid words into other valid words
 * ("flower" into "lower").
 */
function* typoSources(term: string): Generator<string> {
  for (let i = 1; i < term.length; i++) {
    const letter = term[i] as string;
    const before = term[i - 1] as string;
    const after = term[i + 1];
    const near = NEIGHBOURS[letter] ?? '';
    const head = term.slice(0, i);
    const tail = term.slice(i + 1);
    // An extra letter: a key typed twice, or a key next to one of its neighbours.
    if (letter === before || letter === after || near.includes(before) || (after !== undefined && near.includes(after))) yield head + tail;
    // Two neighbours swapped.
    if (after !== undefined && after !== letter) yield head + after + letter + term.slice(i + 2);
    // A key next to the right one.
    for (const key of near) yield head + key + tail;
  }
  // A letter left out.
  for (let i = 1; i <= term.length; i++) {
    const head = term.slice(0, i);
    const tail = term.slice(i);
    for (const letter of ALPHABET) yield head + letter + tail;
  }
}

/**
 * The known term a visitor most likely meant by an unknown one, or undefined when the term is
 * known, too short to guess, or has no known term one edit away. Of several candidates the one in
 * the most entries wins (ties: the alphabetically first, so the answer never depends on order).
 */
export function correctTypo(
  word: string,
  term: string,
  frequencies: ReadonlyMap<string, number>,
  termOfWord: (word: string) => string | null,
): string | undefined {
  if (frequencies.has(term) || term.length < MIN_TYPO_TERM_LENGTH || /\d/.test(term)) return undefined;
  return mostFrequent(typoSources(term), frequencies) ?? mostFrequent(swappedTerms(word, termOfWord), frequencies);
}

/**
 * A swap near the end of a word can change how the stemmer cuts it ("gutschien" loses its "en",
 * "gutschein" does not), so swaps among the last letters are also tried on the word as typed, each
 * variant stemmed. (Earlier swaps the stemmer leaves alone; `typoSources` finds them.)
 */
const STEMMED_ENDING = 5;

function* swappedTerms(word: string, termOfWord: (word: string) => string | null): Generator<string> {
  for (let i = Math.max(1, word.length - STEMMED_ENDING); i + 1 < word.length; i++) {
    const [letter, after] = [word[i] as string, word[i + 1] as string];
    if (letter === after) continue;
    const term = termOfWord(word.slice(0, i) + after + letter + word.slice(i + 2));
    if (term) yield term;
  }
}

function mostFrequent(candidates: Iterable<string>, frequencies: ReadonlyMap<string, number>): string | undefined {
  let best: string | undefined;
  let bestFrequency = 0;
  for (const candidate of candidates) {
    const frequency = frequencies.get(candidate) ?? 0;
    if (frequency > bestFrequency || (frequency === bestFrequency && frequency > 0 && best !== undefined && candidate < best)) {
      best = candidate;
      bestFrequency = frequency;
    }
  }
  return best;
}
