import { describe, expect, it } from 'vitest';
import { calendarDay, isDay, type Day } from '../../src/core/calendar-day.ts';
import type { Offer } from '../../src/core/marketing/offer.ts';
import { offerFor } from '../../src/core/marketing/offer-selection.ts';

/*
 * Which offer follows an answer (SPEC 7): one at most, fitting the answer's category, and never
 * one outside its dates, whatever else is true.
 */

const TODAY: Day = '2026-11-30';
const YESTERDAY: Day = '2026-11-29';
const TOMORROW: Day = '2026-12-01';

function offer(id: string, categories: string[], dates: { validFrom?: Day; validUntil?: Day } = {}): Offer {
  return {
    id,
    lang: 'de',
    title: `Angebot ${id}`,
    html: `<p>${id}</p>`,
    link: '/faq/',
    validFrom: dates.validFrom,
    validUntil: dates.validUntil ?? '2027-12-31',
    categories,
  };
}

const NONE_SHOWN: ReadonlySet<string> = new Set();
const idOf = (o: Offer | undefined) => o?.id;

describe('offerFor: the category of the answer', () => {
  const offers = [offer('abo', ['subscription']), offer('probierset', ['products', 'subscription']), offer('abholung', ['shipping'])];

  it('shows an offer only after an answer of one of its categories', () => {
    expect(idOf(offerFor('subscription', offers, TODAY, NONE_SHOWN))).toBe('abo');
    expect(idOf(offerFor('products', offers, TODAY, NONE_SHOWN))).toBe('probierset');
    expect(idOf(offerFor('shipping', offers, TODAY, NONE_SHOWN))).toBe('abholung');
  });

  it('shows nothing after an answer of a category no offer has', () => {
    expect(offerFor('returns', offers, TODAY, NONE_SHOWN)).toBeUndefined();
    expect(offerFor('privacy', offers, TODAY, NONE_SHOWN)).toBeUndefined();
  });

  it('shows nothing after an answer without a category', () => {
    expect(offerFor(undefined, offers, TODAY, NONE_SHOWN)).toBeUndefined();
    expect(offerFor('', offers, TODAY, NONE_SHOWN)).toBeUndefined();
  });

  it('matches the category id exactly, not a part of it', () => {
    expect(offerFor('subscript', offers, TODAY, NONE_SHOWN)).toBeUndefined();
    expect(offerFor('Subscription', offers, TODAY, NONE_SHOWN)).toBeUndefined();
  });

  it('shows nothing when there are no offers', () => {
    expect(offerFor('subscription', [], TODAY, NONE_SHOWN)).toBeUndefined();
  });
});

describe('offerFor: the dates of an offer', () => {
  it('never shows an offer whose last day was yesterday, even if it is the only one', () => {
    const ended = offer('ended', ['subscription'], { validFrom: '2026-01-01', validUntil: YESTERDAY });
    expect(offerFor('subscription', [ended], TODAY, NONE_SHOWN)).toBeUndefined();
    expect(offerFor('subscription', [ended], TODAY, new Set(['other']))).toBeUndefined();
  });

  it('does not yet show an offer that starts tomorrow', () => {
    const upcoming = offer('upcoming', ['subscription'], { validFrom: TOMORROW });
    expect(offerFor('subscription', [upcoming], TODAY, NONE_SHOWN)).toBeUndefined();
    expect(idOf(offerFor('subscription', [upcoming], TOMORROW, NONE_SHOWN))).toBe('upcoming');
  });

  it('shows an offer on its first and on its last day', () => {
    const oneDay = offer('one-day', ['subscription'], { validFrom: TODAY, validUntil: TODAY });
    expect(idOf(offerFor('subscription', [oneDay], TODAY, NONE_SHOWN))).toBe('one-day');
    expect(offerFor('subscription', [oneDay], YESTERDAY, NONE_SHOWN)).toBeUndefined();
    expect(offerFor('subscription', [oneDay], TOMORROW, NONE_SHOWN)).toBeUndefined();
  });

  it('treats an offer without validFrom as valid until its last day', () => {
    const open = offer('open', ['subscription'], { validUntil: TODAY });
    expect(idOf(offerFor('subscription', [open], '2020-01-01', NONE_SHOWN))).toBe('open');
    expect(offerFor('subscription', [open], TOMORROW, NONE_SHOWN)).toBeUndefined();
  });

  it('compares days across month and year ends', () => {
    const december = offer('december', ['subscription'], { validFrom: '2026-12-01', validUntil: '2026-12-31' });
    expect(offerFor('subscription', [december], '2026-11-30', NONE_SHOWN)).toBeUndefined();
    expect(idOf(offerFor('subscription', [december], '2026-12-31', NONE_SHOWN))).toBe('december');
    expect(offerFor('subscription', [december], '2027-01-01', NONE_SHOWN)).toBeUndefined();
  });

  it('passes over an ended offer to a valid one of the same category', () => {
    const offers = [offer('ended', ['subscription'], { validUntil: YESTERDAY }), offer('running', ['subscription'])];
    expect(idOf(offerFor('subscription', offers, TODAY, NONE_SHOWN))).toBe('running');
  });

  it('refuses a day not written YYYY-MM-DD, a programmer mistake', () => {
    expect(() => offerFor('subscription', [], '30.11.2026' as Day, NONE_SHOWN)).toThrow(/^vertraut: offerFor needs today as a day written YYYY-MM-DD, got "30\.11\.2026"/);
  });
});

describe('offerFor: which one, when several fit', () => {
  const offers = [offer('first', ['subscription']), offer('second', ['subscription']), offer('third', ['subscription', 'products'])];

  it('returns one offer, the first in content order', () => {
    const chosen = offerFor('subscription', offers, TODAY, NONE_SHOWN);
    expect(chosen).toBe(offers[0]);
  });

  it('is deterministic: the same situation gives the same offer', () => {
    const picks = Array.from({ length: 5 }, () => idOf(offerFor('subscription', offers, TODAY, new Set(['first']))));
    expect(new Set(picks)).toEqual(new Set(['second']));
  });

  it('prefers an offer not yet shown in this visit, in content order', () => {
    expect(idOf(offerFor('subscription', offers, TODAY, new Set(['first'])))).toBe('second');
    expect(idOf(offerFor('subscription', offers, TODAY, new Set(['first', 'second'])))).toBe('third');
    expect(idOf(offerFor('subscription', offers, TODAY, new Set(['second'])))).toBe('first');
  });

  it('shows none once every fitting one was shown: each offer at most once per visit', () => {
    expect(offerFor('subscription', offers, TODAY, new Set(['first', 'second', 'third']))).toBeUndefined();
  });

  it('does not count an offer shown but not fitting as a reason to skip a fitting one', () => {
    expect(idOf(offerFor('products', offers, TODAY, new Set(['first', 'second'])))).toBe('third');
  });

  it('does not change the list it is given', () => {
    const before = offers.map((o) => o.id);
    offerFor('subscription', offers, TODAY, new Set(['first']));
    expect(offers.map((o) => o.id)).toEqual(before);
  });
});

describe('days', () => {
  it('knows a real day from a look-alike', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('2026-13-01')).toBe(false);
    expect(isDay('2026-1-1')).toBe(false);
    expect(isDay('31.12.2027')).toBe(false);
    expect(isDay(20261130)).toBe(false);
  });

  it('takes the calendar day of a moment in local time', () => {
    expect(calendarDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(calendarDay(new Date(2026, 11, 31, 0, 0))).toBe('2026-12-31');
  });
});
