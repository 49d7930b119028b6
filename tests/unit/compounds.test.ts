import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { termOf, termsOf } from '../../src/core/search/analyzer.ts';
import { splitCompound, type Vocabulary } from '../../src/core/search/compounds.ts';

/** A vocabulary as the index builds it: the terms of the content's own words. */
function vocabularyOf(text: string): Vocabulary {
  return new Set(termsOf(text, 'de'));
}

const term = (word: string): string => termOf(word, 'de') ?? `(no term for ${word})`;

const SHOP_WORDS = vocabularyOf(
  'Datenschutz Erklärung Lieferung Adresse Rücksendung Etikett Bestellung Konto Versand Kosten Fahrrad Rahmen Garantie',
);

describe('splitCompound', () => {
  it('splits Datenschutzerklärung into the terms of Datenschutz and Erklärung', () => {
    expect(splitCompound('datenschutzerklärung', 'de', SHOP_WORDS, 'both-known')).toEqual([term('datenschutz'), term('erklärung')]);
  });

  it('splits Lieferadresse into the terms of Lieferung and Adresse', () => {
    expect(splitCompound('lieferadresse', 'de', SHOP_WORDS, 'both-known')).toEqual([term('lieferung'), term('adresse')]);
  });

  it('splits Rücksendeetikett, also when spelled Ruecksendeetikett', () => {
    const expected = [term('rücksendung'), term('etikett')];
    expect(splitCompound('rücksendeetikett', 'de', SHOP_WORDS, 'both-known')).toEqual(expected);
    expect(splitCompound('ruecksendeetikett', 'de', SHOP_WORDS, 'both-known')).toEqual(expected);
  });

  it('splits Versandkosten and Rahmengarantie', () => {
    expect(splitCompound('versandkosten', 'de', SHOP_WORDS, 'both-known')).toEqual([term('versand'), term('kosten')]);
    expect(splitCompound('rahmengarantie', 'de', SHOP_WORDS, 'both-known')).toEqual([term('rahmen'), term('garantie')]);
  });

  it('splits across a linking "s" (Zahlungsmethode: Zahlung + s + Methode)', () => {
    const vocabulary = vocabularyOf('Zahlung Methode');
    expect(splitCompound('zahlungsmethode', 'de', vocabulary, 'both-known')).toEqual([term('zahlung'), term('methode')]);
  });

  it('splits a three-part compound into all its parts', () => {
    const parts = splitCompound('fahrradrahmengarantie', 'de', SHOP_WORDS, 'both-known');
    expect(parts).toEqual([term('fahrrad'), term('rahmen'), term('garantie')]);
  });

  it('does not split plain words, even when a piece of them is a known word', () => {
    for (const word of ['bestellung', 'garantie', 'versand', 'adresse', 'erklärung']) {
      expect(splitCompound(word, 'de', SHOP_WORDS, 'one-known'), word).toEqual([]);
    }
  });

  it('does not split in English', () => {
    const vocabulary = new Set(termsOf('privacy policy shipping costs', 'en'));
    expect(splitCompound('shippingcosts', 'en', vocabulary, 'one-known')).toEqual([]);
    expect(splitCompound('datenschutzerklärung', 'en', SHOP_WORDS, 'one-known')).toEqual([]);
  });

  it('does not split words with digits or hyphens', () => {
    expect(splitCompound('versand2026kosten', 'de', SHOP_WORDS, 'one-known')).toEqual([]);
    expect(splitCompound('versand-kosten', 'de', SHOP_WORDS, 'one-known')).toEqual([]);
  });

  it('splits nothing against an empty vocabulary when both parts must be known', () => {
    expect(splitCompound('datenschutzerklärung', 'de', new Set(), 'both-known')).toEqual([]);
  });

  it("'both-known' is stricter than 'one-known': an unknown head is only accepted by 'one-known'", () => {
    // "Kunden" is not in the vocabulary, "Konto" is.
    expect(splitCompound('kundenkonto', 'de', SHOP_WORDS, 'both-known')).toEqual([]);
    expect(splitCompound('kundenkonto', 'de', SHOP_WORDS, 'one-known')).toContain(term('konto'));
  });

  it("'one-known' does not cut at a place no German word starts ('datenschutz|erklärung', not 'datenschutzer|klärung')", () => {
    const vocabulary = vocabularyOf('Datenschutz');
    expect(splitCompound('datenschutzerklärung', 'de', vocabulary, 'one-known')).toEqual([term('datenschutz'), term('erklärung')]);
  });
});

describe('splitCompound properties', () => {
  const pieces = ['daten', 'schutz', 'erklärung', 'liefer', 'adresse', 'rück', 'sende', 'etikett', 'versand', 'kosten', 'fahrrad', 'rahmen', 's', 'en', 'x'];
  const madeOfPieces = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 5 }).map((parts) => parts.join(''));
  const anyWord = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), madeOfPieces);
  const strictness = fc.constantFrom('both-known' as const, 'one-known' as const);
  const lang = fc.constantFrom('de' as const, 'en' as const);

  it('never throws, and every part is a non-empty string', () => {
    fc.assert(
      fc.property(anyWord, lang, strictness, (word, language, strict) => {
        const parts = splitCompound(word, language, SHOP_WORDS, strict);
        expect(Array.isArray(parts)).toBe(true);
        for (const part of parts) {
          expect(typeof part).toBe('string');
          expect(part.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("with 'both-known', every part is in the vocabulary", () => {
    fc.assert(
      fc.property(fc.oneof(madeOfPieces, fc.string()), (word) => {
        for (const part of splitCompound(word, 'de', SHOP_WORDS, 'both-known')) expect(SHOP_WORDS.has(part), part).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("whatever 'both-known' splits, 'one-known' splits too", () => {
    fc.assert(
      fc.property(madeOfPieces, (word) => {
        if (splitCompound(word, 'de', SHOP_WORDS, 'both-known').length > 0) {
          expect(splitCompound(word, 'de', SHOP_WORDS, 'one-known').length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
