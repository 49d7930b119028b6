import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InsightEvent } from '../../src/core/insights/events.ts';
import { summarizeInsights, type InsightStats } from '../../src/core/insights/insight-stats.ts';

/*
 * The numbers of the insights page (SPEC 5.3), from a scripted week of one visitor's events:
 * what the page draws must follow from the events exactly, in a fixed order, with no day left out.
 */

const EVENTS: InsightEvent[] = [
  { kind: 'answered', day: '2026-04-01', lang: 'de', entryId: 'versandkosten' },
  { kind: 'answered', day: '2026-04-01', lang: 'de', entryId: 'versandkosten' },
  { kind: 'answered', day: '2026-04-01', lang: 'en', entryId: 'ruecksendung' },
  { kind: 'feedback', day: '2026-04-01', lang: 'de', entryId: 'versandkosten', helpful: true },
  { kind: 'unanswered', day: '2026-04-01', lang: 'de', text: 'Kann ich mit PayPal zahlen?' },
  // 2026-04-02 nothing happened: it must still be a day on the chart.
  { kind: 'clarified', day: '2026-04-03', lang: 'de', entryIds: ['ruecksendung', 'garantie'] },
  { kind: 'clarified', day: '2026-04-03', lang: 'de', entryIds: ['garantie', 'ruecksendung'] },
  { kind: 'clarified', day: '2026-04-03', lang: 'en', entryIds: ['garantie', 'akku-recycling'] },
  { kind: 'unanswered', day: '2026-04-03', lang: 'de', text: '  Kann ich mit\nPayPal   zahlen? ' },
  { kind: 'unanswered', day: '2026-04-03', lang: 'de' },
  { kind: 'unanswered', day: '2026-04-03', lang: 'en', text: 'Do you ship to Mars?' },
  { kind: 'unanswered', day: '2026-04-03', lang: 'en', text: '   ' },
  { kind: 'answered', day: '2026-04-04', lang: 'de', entryId: 'garantie' },
  { kind: 'answered', day: '2026-04-04', lang: 'de', entryId: 'akku-recycling' },
  { kind: 'answered', day: '2026-04-04', lang: 'de', entryId: 'ruecksendung' },
  { kind: 'feedback', day: '2026-04-04', lang: 'de', entryId: 'versandkosten', helpful: false },
  { kind: 'feedback', day: '2026-04-04', lang: 'de', entryId: 'versandkosten', helpful: true },
  { kind: 'feedback', day: '2026-04-04', lang: 'en', entryId: 'ruecksendung', helpful: false },
  // A day with feedback only is still a day with an event: the chart runs to it.
  { kind: 'feedback', day: '2026-04-06', lang: 'de', entryId: 'garantie', helpful: true },
];

const EXPECTED: InsightStats = {
  totals: { questions: 14, answered: 6, clarified: 3, unanswered: 5, feedbackYes: 3, feedbackNo: 2 },
  languages: { de: 10, en: 4 },
  topEntries: [
    { entryId: 'ruecksendung', count: 2 },
    { entryId: 'versandkosten', count: 2 },
    { entryId: 'akku-recycling', count: 1 },
    { entryId: 'garantie', count: 1 },
  ],
  clarifiedEntries: [
    { entryId: 'garantie', count: 3 },
    { entryId: 'ruecksendung', count: 2 },
    { entryId: 'akku-recycling', count: 1 },
  ],
  clarifications: [
    { entryIds: ['garantie', 'ruecksendung'], count: 2 },
    { entryIds: ['akku-recycling', 'garantie'], count: 1 },
  ],
  unanswered: [
    { text: 'Kann ich mit PayPal zahlen?', lang: 'de', count: 2 },
    { text: 'Do you ship to Mars?', lang: 'en', count: 1 },
  ],
  unansweredDropped: 2,
  helpfulness: [
    { entryId: 'versandkosten', yes: 2, no: 1, share: 2 / 3 },
    { entryId: 'garantie', yes: 1, no: 0, share: 1 },
    { entryId: 'ruecksendung', yes: 0, no: 1, share: 0 },
  ],
  perDay: [
    { day: '2026-04-01', answered: 3, clarified: 0, unanswered: 1 },
    { day: '2026-04-02', answered: 0, clarified: 0, unanswered: 0 },
    { day: '2026-04-03', answered: 0, clarified: 3, unanswered: 4 },
    { day: '2026-04-04', answered: 3, clarified: 0, unanswered: 0 },
    { day: '2026-04-05', answered: 0, clarified: 0, unanswered: 0 },
    { day: '2026-04-06', answered: 0, clarified: 0, unanswered: 0 },
  ],
};

describe('summarizeInsights (SPEC 5.3)', () => {
  it('turns a scripted week into exactly the expected numbers', () => {
    expect(summarizeInsights(EVENTS)).toEqual(EXPECTED);
  });

  it('counts a question once: questions = answered + clarified + unanswered, and per language the same', () => {
    const { totals, languages, perDay } = summarizeInsights(EVENTS);
    expect(totals.questions).toBe(totals.answered + totals.clarified + totals.unanswered);
    expect(languages.de + languages.en).toBe(totals.questions);
    expect(perDay.reduce((n, d) => n + d.answered + d.clarified + d.unanswered, 0)).toBe(totals.questions);
  });

  it('gives the same numbers whatever order the events were stored in', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(EVENTS, { minLength: EVENTS.length }), (shuffled) => {
        expect(summarizeInsights(shuffled)).toEqual(EXPECTED);
      }),
    );
  });

  it('fills the days across a month end, in a year without 29 February', () => {
    const days = summarizeInsights([
      { kind: 'unanswered', day: '2027-03-01', lang: 'en' },
      { kind: 'answered', day: '2027-02-27', lang: 'de', entryId: 'versandkosten' },
    ]).perDay.map((row) => row.day);
    expect(days).toEqual(['2027-02-27', '2027-02-28', '2027-03-01']);
  });

  it('shows nothing, and no day, for no events', () => {
    expect(summarizeInsights([])).toEqual({
      totals: { questions: 0, answered: 0, clarified: 0, unanswered: 0, feedbackYes: 0, feedbackNo: 0 },
      languages: { de: 0, en: 0 },
      topEntries: [],
      clarifiedEntries: [],
      clarifications: [],
      unanswered: [],
      unansweredDropped: 0,
      helpfulness: [],
      perDay: [],
    });
  });

  it('keeps the same words in two languages apart', () => {
    const { unanswered } = summarizeInsights([
      { kind: 'unanswered', day: '2026-04-01', lang: 'en', text: 'PayPal?' },
      { kind: 'unanswered', day: '2026-04-01', lang: 'de', text: 'PayPal?' },
    ]);
    expect(unanswered).toEqual([
      { text: 'PayPal?', lang: 'de', count: 1 },
      { text: 'PayPal?', lang: 'en', count: 1 },
    ]);
  });
});
