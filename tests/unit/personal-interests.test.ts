import { describe, expect, it } from 'vitest';
import { startersFromInterests, suggestInterest } from '../../src/core/personal/interests.ts';
import { MAX_INTERESTS } from '../../src/core/personal/profile.ts';
import type { EntrySummary } from '../../src/core/search/search-engine.ts';

/*
 * Interests suggested from the questions asked (SPEC 6): the bot asks only after several answers
 * in one area, never for an interest the visitor has or declined, and the greeting's starter
 * questions come from the interests first.
 */

describe('suggestInterest', () => {
  it('never suggests before the first answered question, nor after only one', () => {
    expect(suggestInterest([], undefined)).toBeUndefined();
    expect(suggestInterest([], { interests: [] })).toBeUndefined();
    expect(suggestInterest(['shipping'], undefined)).toBeUndefined();
  });

  it('suggests the category of the latest answer once two of the last five were in it', () => {
    expect(suggestInterest(['shipping', 'shipping'], undefined)).toBe('shipping');
    expect(suggestInterest(['shipping', 'payment', 'shipping'], { interests: [] })).toBe('shipping');
    expect(suggestInterest(['shipping', 'payment', 'returns', 'account', 'shipping'], { interests: [] })).toBe('shipping');
  });

  it('does not suggest when the repeated category lies outside the last five answers', () => {
    expect(suggestInterest(['shipping', 'payment', 'returns', 'account', 'privacy', 'shipping'], { interests: [] })).toBeUndefined();
  });

  it('suggests only right after an answer in that category', () => {
    expect(suggestInterest(['shipping', 'shipping', 'payment'], { interests: [] })).toBeUndefined();
  });

  it('ignores answers without a category', () => {
    expect(suggestInterest([undefined, undefined], { interests: [] })).toBeUndefined();
    expect(suggestInterest(['shipping', undefined, 'shipping'], { interests: [] })).toBe('shipping');
  });

  it('does not suggest an interest the visitor already has', () => {
    expect(suggestInterest(['shipping', 'shipping'], { interests: ['shipping'] })).toBeUndefined();
    expect(suggestInterest(['payment', 'payment'], { interests: ['shipping'] })).toBe('payment');
  });

  it('does not suggest a category declined this visit', () => {
    const declined = new Set(['shipping']);
    expect(suggestInterest(['shipping', 'shipping', 'shipping'], { interests: [] }, { declined })).toBeUndefined();
    expect(suggestInterest(['payment', 'payment'], { interests: [] }, { declined })).toBe('payment');
  });

  it('suggests only known categories when they are given', () => {
    const known = new Set(['shipping']);
    expect(suggestInterest(['retired', 'retired'], undefined, { known })).toBeUndefined();
    expect(suggestInterest(['shipping', 'shipping'], undefined, { known })).toBe('shipping');
  });

  it('does not suggest when the profile is full', () => {
    const full = Array.from({ length: MAX_INTERESTS }, (_, i) => `category-${i}`);
    expect(suggestInterest(['shipping', 'shipping'], { interests: full })).toBeUndefined();
  });

  it('follows the window and minimum given', () => {
    expect(suggestInterest(['shipping', 'shipping'], undefined, { minAnswers: 3 })).toBeUndefined();
    expect(suggestInterest(['shipping', 'x', 'shipping', 'shipping'], undefined, { minAnswers: 3 })).toBe('shipping');
    expect(suggestInterest(['shipping', 'x', 'shipping'], undefined, { window: 2 })).toBeUndefined();
  });

  it('refuses a rule that would suggest after a single answer', () => {
    expect(() => suggestInterest(['shipping'], undefined, { minAnswers: 1 })).toThrow(/vertraut: .*minAnswers/);
    expect(() => suggestInterest(['shipping'], undefined, { window: 1 })).toThrow(/vertraut: .*window/);
  });
});

function entry(id: string, category?: string): EntrySummary {
  return { id, question: `${id}?`, category, related: [], html: '' };
}

describe('startersFromInterests', () => {
  const entries = [
    entry('versandkosten', 'shipping'),
    entry('zahlungsarten', 'payment'),
    entry('lieferzeit', 'shipping'),
    entry('ruecksendung', 'returns'),
    entry('lieferadresse', 'shipping'),
    entry('rechnung', 'payment'),
    entry('ohne-kategorie'),
  ];
  const fallback = ['ruecksendung', 'zahlungsarten', 'datenschutz', 'garantie'];

  it('are the site starters without interests', () => {
    expect(startersFromInterests([], entries, fallback)).toEqual(fallback);
  });

  it('take an interest’s entries in content order, then fill up with the site starters', () => {
    expect(startersFromInterests(['shipping'], entries, fallback)).toEqual(['versandkosten', 'lieferzeit', 'lieferadresse', 'ruecksendung']);
  });

  it('take one entry per interest in turn', () => {
    expect(startersFromInterests(['payment', 'shipping'], entries, fallback)).toEqual(['zahlungsarten', 'versandkosten', 'rechnung', 'lieferzeit']);
  });

  it('repeat no entry that is both an interest’s and a site starter', () => {
    expect(startersFromInterests(['returns'], entries, fallback)).toEqual(['ruecksendung', 'zahlungsarten', 'datenschutz', 'garantie']);
    expect(startersFromInterests(['returns', 'returns'], entries, fallback, 5)).toEqual(['ruecksendung', 'zahlungsarten', 'datenschutz', 'garantie']);
  });

  it('ignore interests without entries and respect the count', () => {
    expect(startersFromInterests(['privacy'], entries, fallback, 2)).toEqual(['ruecksendung', 'zahlungsarten']);
    expect(startersFromInterests(['shipping'], entries, fallback, 0)).toEqual([]);
  });
});
