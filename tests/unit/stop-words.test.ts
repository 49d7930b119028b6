import { describe, expect, it } from 'vitest';
import { isStopWord } from '../../src/core/search/analyzer.ts';

describe('isStopWord', () => {
  it('knows the German filler and question words', () => {
    for (const word of ['und', 'der', 'die', 'ich', 'wie', 'wann', 'bitte', 'über']) expect(isStopWord(word, 'de'), word).toBe(true);
  });

  it('knows the English filler and question words, contractions included', () => {
    for (const word of ['the', 'and', 'how', 'what', "i'm", "that's", 'please']) expect(isStopWord(word, 'en'), word).toBe(true);
  });

  it('keeps the words that change what a visitor asks about', () => {
    for (const word of ['kein', 'nicht', 'ohne']) expect(isStopWord(word, 'de'), word).toBe(false);
    for (const word of ['not', 'no', 'before', 'after']) expect(isStopWord(word, 'en'), word).toBe(false);
  });

  // BUG: the list keeps "not" and "no" because they change what is asked, but still drops the
  // negative contractions. Since exact phrasings are matched by their terms, "When will my parcel
  // arrive?" now has the same key as the demo entry "My parcel hasn't arrived – what can I do?"
  // and is answered with it at once, instead of the delivery-time entry. Input: "hasn't";
  // expected: not a stop word; actual: stop word (likewise isn't, doesn't, didn't, can't, won't).
  it('keeps the negative contractions, which change what is asked like "not"', () => {
    for (const word of ["hasn't", "isn't", "doesn't", "didn't", "can't", "won't"]) expect(isStopWord(word, 'en'), word).toBe(false);
  });

  it('never drops a topic word', () => {
    for (const word of ['versand', 'rechnung', 'fahrrad', 'paypal']) expect(isStopWord(word, 'de'), word).toBe(false);
    for (const word of ['shipping', 'invoice', 'bike', 'refund']) expect(isStopWord(word, 'en'), word).toBe(false);
  });

  it('is per language', () => {
    expect(isStopWord('die', 'en')).toBe(false);
    expect(isStopWord('the', 'de')).toBe(false);
  });

  it('expects lower-cased words (the tokenizer lower-cases first)', () => {
    expect(isStopWord('Und', 'de')).toBe(false);
  });
});
