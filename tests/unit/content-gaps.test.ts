import { describe, expect, it } from 'vitest';
import { contentGaps, questionKey } from '../../src/core/insights/content-gaps.ts';
import type { InsightEvent } from '../../src/core/insights/events.ts';
import { buildReport, type InsightsReport } from '../../src/core/insights/report.ts';

/*
 * The editors' list (SPEC 5.3, 5.4): what the FAQ lacks, from many reports. A question's words
 * are shown only when enough distinct reports asked it; below that they are counted, never shown.
 */

const SITE = 'https://speiche-und-kette.example';
let serial = 0;
/** A report with its own id, as one tester's browser would send it. */
function reportOf(events: readonly InsightEvent[], id?: string): InsightsReport {
  const reportId = id ?? `00000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`;
  return buildReport(events, SITE, () => reportId);
}
const asked = (text: string, times = 1, lang: 'de' | 'en' = 'de', day = '2026-04-02'): InsightEvent[] =>
  Array.from({ length: times }, () => ({ kind: 'unanswered', day, lang, text }) as const);
const rated = (entryId: string, yes: number, no: number): InsightEvent[] => [
  ...Array.from({ length: yes }, () => ({ kind: 'feedback', day: '2026-04-02', lang: 'de', entryId, helpful: true }) as const),
  ...Array.from({ length: no }, () => ({ kind: 'feedback', day: '2026-04-02', lang: 'de', entryId, helpful: false }) as const),
];
const answered = (entryId: string, times: number): InsightEvent[] =>
  Array.from({ length: times }, () => ({ kind: 'answered', day: '2026-04-02', lang: 'de', entryId }) as const);

describe('contentGaps: suppression of rare question texts', () => {
  const SECRET = 'Wo ist meine Bestellung 4711 für Frau Sommer?';
  const COMMON = 'Kann ich mit PayPal zahlen?';

  it('holds back a text asked in 2 of 3 reports (minReports 3): counted, never shown', () => {
    const reports = [reportOf([...asked(COMMON), ...asked(SECRET, 4)]), reportOf([...asked(COMMON), ...asked(SECRET)]), reportOf(asked(COMMON))];
    const gaps = contentGaps(reports, { minReports: 3 });
    expect(gaps.unanswered).toEqual([{ text: COMMON, lang: 'de', reports: 3, count: 3, spellings: 1 }]);
    expect(gaps.suppressed).toEqual({ questions: 1, times: 5 });
    expect(JSON.stringify(gaps)).not.toContain('Sommer');
    expect(JSON.stringify(gaps)).not.toContain('4711');
  });

  it('shows the text once a third report asks it', () => {
    const reports = [reportOf(asked(SECRET)), reportOf(asked(SECRET)), reportOf(asked(SECRET))];
    const gaps = contentGaps(reports, { minReports: 3 });
    expect(gaps.unanswered).toEqual([{ text: SECRET, lang: 'de', reports: 3, count: 3, spellings: 1 }]);
    expect(gaps.suppressed).toEqual({ questions: 0, times: 0 });
  });

  it('counts reports, not times: one tester asking ten times is still one report', () => {
    const gaps = contentGaps([reportOf(asked(SECRET, 10))]);
    expect(gaps.unanswered).toEqual([]);
    expect(gaps.suppressed).toEqual({ questions: 1, times: 10 });
  });

  it('counts a report that arrived twice (same reportId) once, also for the threshold', () => {
    const one = reportOf(asked(SECRET));
    const gaps = contentGaps([one, one, reportOf(asked(SECRET))], { minReports: 3 });
    expect(gaps.reports).toBe(2);
    expect(gaps.duplicates).toBe(1);
    expect(gaps.unanswered).toEqual([]);
    expect(gaps.suppressed).toEqual({ questions: 1, times: 2 });
  });

  it('uses 3 reports by default and shows every text with minReports 1', () => {
    const reports = [reportOf(asked(SECRET)), reportOf(asked(SECRET))];
    expect(contentGaps(reports).unanswered).toEqual([]);
    expect(contentGaps(reports).options.minReports).toBe(3);
    expect(contentGaps(reports, { minReports: 1 }).unanswered).toEqual([{ text: SECRET, lang: 'de', reports: 2, count: 2, spellings: 1 }]);
  });
});

describe('contentGaps: grouping and ranking of unanswered questions', () => {
  it('groups spellings that differ in case, punctuation and spacing, labelled by the spelling most reports used', () => {
    const reports = [
      reportOf(asked('Kann ich mit PayPal zahlen?')),
      reportOf(asked('Kann ich mit PayPal zahlen?')),
      reportOf(asked('kann ich mit paypal zahlen!!', 5)),
      reportOf(asked('KANN ICH MIT PAYPAL ZAHLEN ?')),
    ];
    const gaps = contentGaps(reports, { minReports: 3 });
    expect(gaps.unanswered).toEqual([{ text: 'Kann ich mit PayPal zahlen?', lang: 'de', reports: 4, count: 8, spellings: 3 }]);
  });

  it('labels by times asked when the reports are even', () => {
    const reports = [reportOf(asked('Gibt es Gutscheine?')), reportOf(asked('gibt es gutscheine', 2)), reportOf(asked('GIBT ES GUTSCHEINE'))];
    expect(contentGaps(reports).unanswered[0]?.text).toBe('gibt es gutscheine');
  });

  it('does not group different words, nor the same words in two languages', () => {
    const three = (events: InsightEvent[]): InsightsReport[] => [reportOf(events), reportOf(events), reportOf(events)];
    const gaps = contentGaps(three([...asked('Versand nach Mars?'), ...asked('Versand nach Mars?', 1, 'en'), ...asked('Versand nach Venus?')]));
    expect(gaps.unanswered.map((q) => [q.text, q.lang])).toEqual([
      ['Versand nach Mars?', 'de'],
      ['Versand nach Mars?', 'en'],
      ['Versand nach Venus?', 'de'],
    ]);
  });

  it('ranks by distinct reports first, then by times asked', () => {
    const reports = [
      reportOf([...asked('Rabatt für Studenten?', 9), ...asked('Lieferung am Samstag?'), ...asked('Werkstatttermin?')]),
      reportOf([...asked('Rabatt für Studenten?'), ...asked('Lieferung am Samstag?'), ...asked('Werkstatttermin?', 3)]),
      reportOf([...asked('Rabatt für Studenten?'), ...asked('Lieferung am Samstag?'), ...asked('Werkstatttermin?')]),
      reportOf([...asked('Lieferung am Samstag?'), ...asked('Werkstatttermin?')]),
    ];
    expect(contentGaps(reports).unanswered.map((q) => [q.text, q.reports, q.count])).toEqual([
      ['Werkstatttermin?', 4, 6],
      ['Lieferung am Samstag?', 4, 4],
      ['Rabatt für Studenten?', 3, 11],
    ]);
  });

  it('counts questions without text apart, and all questions in the totals', () => {
    const events: InsightEvent[] = [{ kind: 'unanswered', day: '2026-04-01', lang: 'de' }, ...answered('garantie', 2), ...asked('Hallo?', 1, 'de', '2026-04-09')];
    const gaps = contentGaps([reportOf(events), reportOf(events)]);
    expect(gaps.unansweredDropped).toBe(2);
    expect(gaps.questions).toEqual({ answered: 4, clarified: 0, unanswered: 4 });
    expect([gaps.from, gaps.to]).toEqual(['2026-04-01', '2026-04-09']);
  });

  it('normalizes case, punctuation and spacing, and nothing else', () => {
    expect(questionKey('  Kann ich  mit PayPal zahlen?! ')).toBe('kann ich mit paypal zahlen');
    expect(questionKey('Rückgabe, bitte…')).toBe('rückgabe bitte');
    expect(questionKey('Rückgabe')).not.toBe(questionKey('Ruckgabe'));
  });
});

describe('contentGaps: entries', () => {
  const reports = [
    reportOf([...rated('versandkosten', 1, 3), ...rated('garantie', 0, 2), ...rated('ruecksendung', 2, 2), ...answered('versandkosten', 5), ...answered('garantie', 2)]),
    reportOf([...rated('akku-recycling', 0, 3), ...rated('lieferzeit', 1, 2), ...rated('zahlung', 1, 2), ...answered('lieferzeit', 2)]),
    reportOf([...rated('lieferzeit', 0, 1), ...rated('zahlung', 0, 1), ...answered('garantie', 5)]),
  ];

  it('lists entries rated helpful by less than half with at least 3 ratings, worst first', () => {
    expect(contentGaps(reports).poorFeedback).toEqual([
      { entryId: 'akku-recycling', yes: 0, no: 3, share: 0, reports: 1 },
      { entryId: 'lieferzeit', yes: 1, no: 3, share: 0.25, reports: 2 },
      { entryId: 'versandkosten', yes: 1, no: 3, share: 0.25, reports: 1 },
      { entryId: 'zahlung', yes: 1, no: 3, share: 0.25, reports: 2 },
    ]);
  });

  it('follows poorShare and minRatings', () => {
    const ids = (options: Parameters<typeof contentGaps>[1]): string[] => contentGaps(reports, options).poorFeedback.map((e) => e.entryId);
    expect(ids({ minRatings: 2 })).toEqual(['akku-recycling', 'garantie', 'lieferzeit', 'versandkosten', 'zahlung']);
    expect(ids({ poorShare: 0.6 })).toEqual(['akku-recycling', 'lieferzeit', 'versandkosten', 'zahlung', 'ruecksendung']);
    expect(ids({ poorShare: 0 })).toEqual([]);
  });

  it('ranks the most answered entries with the reports they came from', () => {
    expect(contentGaps(reports).mostAnswered).toEqual([
      { entryId: 'garantie', count: 7, reports: 2 },
      { entryId: 'versandkosten', count: 5, reports: 1 },
      { entryId: 'lieferzeit', count: 2, reports: 1 },
    ]);
  });

  it('says nothing for no reports', () => {
    expect(contentGaps([])).toMatchObject({ reports: 0, duplicates: 0, from: null, to: null, unanswered: [], poorFeedback: [], mostAnswered: [], suppressed: { questions: 0, times: 0 } });
  });

  it.each([{ minReports: 0 }, { minReports: 2.5 }, { minRatings: 0 }, { poorShare: 1.5 }, { poorShare: Number.NaN }])('throws on the option %o', (options) => {
    expect(() => contentGaps(reports, options)).toThrow(/^vertraut: /);
  });
});
