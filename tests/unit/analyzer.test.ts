import { describe, expect, it } from 'vitest';
import { termOf, termsOf } from '../../src/core/search/analyzer.ts';

describe('termsOf (German)', () => {
  it('gives Rückgabe, Rueckgabe and RÜCKGABE the same term', () => {
    const expected = termsOf('Rückgabe', 'de');
    expect(expected).toHaveLength(1);
    expect(termsOf('Rueckgabe', 'de')).toEqual(expected);
    expect(termsOf('RÜCKGABE', 'de')).toEqual(expected);
  });

  it('gives Straße and Strasse the same term', () => {
    expect(termsOf('Straße', 'de')).toEqual(termsOf('Strasse', 'de'));
  });

  it('stems singular and plural to one term (Lieferung, Lieferungen)', () => {
    expect(termsOf('Lieferungen', 'de')).toEqual(termsOf('Lieferung', 'de'));
    expect(termsOf('Fragen', 'de')).toEqual(termsOf('Frage', 'de'));
  });

  it('drops stop words and keeps the topic words', () => {
    expect(termsOf('Wie kann ich das zurückgeben?', 'de')).toEqual(termsOf('zurückgeben', 'de'));
  });

  it('keeps "ohne" and "nicht", which change what is asked', () => {
    expect(termsOf('ohne Konto', 'de')).toHaveLength(2);
    expect(termsOf('nicht angekommen', 'de')).toHaveLength(2);
  });

  it('gives "E-Mail" every term of "Email"', () => {
    expect(termsOf('E-Mail', 'de')).toEqual(expect.arrayContaining(termsOf('Email', 'de')));
  });

  it('keeps numbers, even single digits', () => {
    expect(termsOf('Rahmen 56 cm für 7 Gänge', 'de')).toEqual(expect.arrayContaining(['56', '7']));
  });

  it('drops single letters, which never name a topic', () => {
    expect(termsOf('a b c', 'de')).toEqual([]);
  });

  it('folds accents inside a word: Façade and Facade, Señor and Senor meet', () => {
    expect(termsOf('Façade', 'de')).toEqual(termsOf('Facade', 'de'));
    expect(termsOf('Señor', 'de')).toEqual(termsOf('Senor', 'de'));
  });

  // BUG: in German, accents are stripped only after stemming. The stemmer does not see "é" or "è"
  // as a vowel, so it strips the ending of "Cafe" ("caf") but not of "Café" ("cafe"); likewise
  // Crème/Creme, Rosé/Rose, Cafés/Cafes. A visitor typing "Cafe" does not find an answer that
  // says "Café". Expected the same term for both spellings; actual: ["cafe"] vs ["caf"].
  // (English is fine: "cafe" for both.)
  it('folds accents at the end of a word: Café and Cafe, Crème and Creme meet', () => {
    expect(termsOf('Café', 'de')).toEqual(termsOf('Cafe', 'de'));
    expect(termsOf('Crème', 'de')).toEqual(termsOf('Creme', 'de'));
  });
});

describe('termsOf (English)', () => {
  it('stems shipping and shipped to one term', () => {
    expect(termsOf('shipped', 'en')).toEqual(termsOf('shipping', 'en'));
    expect(termsOf('ships', 'en')).toEqual(termsOf('shipping', 'en'));
  });

  it('stems deliveries and delivery to one term', () => {
    expect(termsOf('deliveries', 'en')).toEqual(termsOf('delivery', 'en'));
  });

  it('folds accents: café and cafe meet', () => {
    expect(termsOf('café', 'en')).toEqual(termsOf('cafe', 'en'));
  });

  it('drops stop words, contractions included', () => {
    expect(termsOf("how do i return it? I'm not sure", 'en')).toEqual(termsOf('return not sure', 'en'));
  });

  it('keeps "not" and "no"', () => {
    expect(termsOf('not arrived', 'en')).toHaveLength(2);
  });
});

describe('termOf', () => {
  it('is null for a stop word and a term otherwise', () => {
    expect(termOf('und', 'de')).toBeNull();
    expect(termOf('the', 'en')).toBeNull();
    expect(termOf('fahrrad', 'de')).toEqual(expect.any(String));
  });

  it('keeps a number as it is', () => {
    expect(termOf('2026', 'de')).toBe('2026');
  });

  it('depends on the language: an English stop word is a German term and vice versa', () => {
    expect(termOf('the', 'de')).not.toBeNull();
    expect(termOf('und', 'en')).not.toBeNull();
  });
});
