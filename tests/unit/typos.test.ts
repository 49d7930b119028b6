import { describe, expect, it } from 'vitest';
import { termOf } from '../../src/core/search/analyzer.ts';
import { correctTypo, MIN_TYPO_TERM_LENGTH } from '../../src/core/search/typos.ts';

/** Document frequencies of a small vocabulary of index terms (already stemmed). */
const frequencies = new Map<string, number>([
  ['versandkost', 3],
  ['gutschein', 2],
  ['answer', 4],
  ['payment', 2],
  ['calendar', 1],
  ['address', 2],
  ['interest', 1],
  ['butter', 1],
  ['lower', 1],
  ['confirm', 2],
  ['conform', 1],
  ['account', 3],
  ['accounts', 1],
]);

const de = (word: string) => termOf(word, 'de');
const en = (word: string) => termOf(word, 'en');

describe('correctTypo', () => {
  it.each([
    ['versnadkost', 'versandkost', 'two neighbours swapped'],
    ['anwser', 'answer', 'two neighbours swapped'],
    ['paymet', 'payment', 'a letter left out'],
    ['adress', 'address', 'a doubled letter left out'],
    ['callendar', 'calendar', 'a key typed twice'],
    ['calendqr', 'calendar', 'a key next to the right one'],
  ])('reads "%s" as "%s" (%s)', (typed, meant) => {
    expect(correctTypo(typed, typed, frequencies, en)).toBe(meant);
  });

  it('tries swaps on the word as typed when the stemmer cuts the typo differently', () => {
    // "gutschien" stems to "gutschi", which is no swap away from "gutschein".
    expect(de('Gutschien')).not.toBe('gutschein');
    expect(correctTypo('gutschien', de('gutschien') ?? '', frequencies, de)).toBe('gutschein');
  });

  it('leaves known terms, short terms and numbers alone', () => {
    expect(correctTypo('answer', 'answer', frequencies, en)).toBeUndefined();
    expect('lowr'.length).toBeLessThan(MIN_TYPO_TERM_LENGTH);
    expect(correctTypo('lowr', 'lowr', new Map([['lower', 1]]), en)).toBeUndefined();
    expect(correctTypo('accoun7', 'accoun7', frequencies, en)).toBeUndefined();
  });

  it('does not turn a valid word into another by a change no slip of the finger makes', () => {
    // "better" → "butter" would need e → u, keys that are not neighbours.
    expect(correctTypo('better', 'better', frequencies, en)).toBeUndefined();
    // Never on the first letter: "flower" is not a typo of "lower".
    expect(correctTypo('flower', 'flower', frequencies, en)).toBeUndefined();
    // An extra letter far from its neighbours on the keyboard is no slip: "pasta" is not "past".
    expect(correctTypo('pastaa', 'pastaa', new Map([['pasta', 1]]), en)).toBe('pasta');
    expect(correctTypo('pastam', 'pastam', new Map([['pasta', 1]]), en)).toBeUndefined();
  });

  it('prefers the candidate in the most entries, and breaks ties alphabetically', () => {
    // "e" sits next to both "s" and "r": "shapee" may be "shapes" or "shaper".
    const two = new Map([['shapes', 1], ['shaper', 3]]);
    expect(correctTypo('shapee', 'shapee', two, en)).toBe('shaper');
    const tie = new Map([['abcdez', 1], ['abcdex', 1]]);
    expect(correctTypo('abcdes', 'abcdes', tie, en)).toBe('abcdex');
  });

  it('returns nothing when no known term is one slip away', () => {
    expect(correctTypo('quantenphysik', 'quantenphysik', frequencies, de)).toBeUndefined();
  });
});
