import { describe, expect, it } from 'vitest';
import { foldWord, stripAccents, tokenize } from '../../src/core/search/normalize.ts';

describe('tokenize', () => {
  it('lower-cases and drops punctuation, including German quotes', () => {
    expect(tokenize('Wie lange dauert der „Versand“?!')).toEqual(['wie', 'lange', 'dauert', 'der', 'versand']);
  });

  it('keeps digits as words', () => {
    expect(tokenize('28 Zoll, 2. Rad')).toEqual(['28', 'zoll', '2', 'rad']);
  });

  it('reads a hyphenated word as its parts and as the joined word, so "E-Mail" meets "Email"', () => {
    expect(tokenize('E-Mail')).toEqual(['e', 'mail', 'email']);
    expect(tokenize('Email')).toEqual(['email']);
  });

  it('does not join words separated by a dash with spaces', () => {
    expect(tokenize('Versand – Kosten')).toEqual(['versand', 'kosten']);
  });

  it('keeps an apostrophe inside English contractions and unifies the typographic one', () => {
    expect(tokenize('I don’t know')).toEqual(['i', "don't", 'know']);
  });

  it('folds compatibility characters (full-width letters, ligatures)', () => {
    expect(tokenize('Ｖｅｒｓａｎｄ ﬁle')).toEqual(['versand', 'file']);
  });

  it('returns no words for punctuation, emoji and empty input', () => {
    expect(tokenize('??? !!! 🚲')).toEqual([]);
    expect(tokenize('')).toEqual([]);
  });
});

describe('foldWord', () => {
  it('reads ae/oe/ue and ß as umlauts and ss in German', () => {
    expect(foldWord('rueckgabe', 'de')).toBe('rückgabe');
    expect(foldWord('groesse', 'de')).toBe('grösse');
    expect(foldWord('straße', 'de')).toBe('strasse');
  });

  it('leaves "ue" after "q" alone', () => {
    expect(foldWord('quelle', 'de')).toBe('quelle');
  });

  it('does not fold English words', () => {
    expect(foldWord('queue', 'en')).toBe('queue');
    expect(foldWord('blue', 'en')).toBe('blue');
  });
});

describe('stripAccents', () => {
  it('removes accents but keeps the letters', () => {
    expect(stripAccents('café')).toBe('cafe');
    expect(stripAccents('crème brûlée')).toBe('creme brulee');
  });
});
