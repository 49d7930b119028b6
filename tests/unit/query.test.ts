import { describe, expect, it } from 'vitest';
import { termOf } from '../../src/core/search/analyzer.ts';
import { analyzeQuery, type QueryTerm } from '../../src/core/search/query.ts';

/** An index vocabulary made of these words' terms, each in one entry. */
function lexicon(lang: 'de' | 'en', ...words: string[]): Map<string, number> {
  return new Map(words.map((word) => [termOf(word.toLowerCase(), lang) ?? word, 1]));
}

function analyze(text: string, lang: 'de' | 'en', frequencies: Map<string, number>, typing = false): QueryTerm[] {
  return [...analyzeQuery(text, lang, frequencies, [], typing).terms];
}

const termsOf = (terms: QueryTerm[]): string[] => terms.map((t) => t.term);

describe('analyzeQuery: two words the content writes as one', () => {
  const en = lexicon('en', 'paypal', 'github', 'payment', 'coronavirus', 'corona', 'virus', 'away');

  it('adds the joined word when the content knows it and one of the two words is unknown', () => {
    const terms = analyze('can I pay with pay pal', 'en', en);
    const joined = terms.find((t) => t.kind === 'joined');
    expect(joined?.term).toBe(termOf('paypal', 'en'));
    // It stands for both words: a match on it covers both.
    expect(joined?.slots).toHaveLength(2);
    expect(termsOf(analyze('strike on git hub', 'en', en))).toContain(termOf('github', 'en'));
  });

  it('does not join two known words: they match on their own already', () => {
    expect(analyze('is the corona virus dangerous', 'en', en).some((t) => t.kind === 'joined')).toBe(false);
  });

  it('does not join a stop word to its neighbour', () => {
    // "a way" would read "away".
    expect(analyze('is there a way', 'en', en).some((t) => t.kind === 'joined')).toBe(false);
  });

  it('does not join the word still being typed', () => {
    expect(analyze('pay pal', 'en', en, true).some((t) => t.kind === 'joined')).toBe(false);
    expect(analyze('pay pal', 'en', en, false).some((t) => t.kind === 'joined')).toBe(true);
  });

  it('joins German words split apart', () => {
    const de = lexicon('de', 'Lieferadresse', 'ändern');
    expect(termsOf(analyze('Liefer Adresse ändern', 'de', de))).toContain(termOf('lieferadresse', 'de'));
  });
});

describe('analyzeQuery: typos', () => {
  const de = lexicon('de', 'Versandkosten', 'Gutschein');

  it('reads an unknown word one slip away from a known one as that word', () => {
    const [term] = analyze('Versnadkosten', 'de', de);
    expect(term).toMatchObject({ term: termOf('versandkosten', 'de'), kind: 'word', weight: 1 });
  });

  it('leaves the word still being typed to prefix matching', () => {
    expect(termsOf(analyze('Versnadkosten', 'de', de, true))).toEqual([termOf('versnadkosten', 'de')]);
  });
});
