import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InsightEvent } from '../../src/core/insights/events.ts';
import { summarizeInsights } from '../../src/core/insights/insight-stats.ts';
import {
  buildReport,
  MAX_REPORT_BYTES,
  parseReport,
  reportJsonSchema,
  statsFromReports,
  type InsightsReport,
  type ReportProblem,
} from '../../src/core/insights/report.ts';

/*
 * The report sent to the editors (SPEC 5.4): counts and scrubbed texts, nothing that says when or
 * on what device; refused strictly when it is anything else; merged into the same statistics the
 * page draws for the visitor's own events.
 */

const SITE = 'https://speiche-und-kette.example';
const ID_A = '00000000-0000-4000-8000-00000000000a';
const ID_B = '00000000-0000-4000-8000-00000000000b';

const EVENTS: InsightEvent[] = [
  { kind: 'answered', day: '2026-04-01', lang: 'de', entryId: 'versandkosten' },
  { kind: 'answered', day: '2026-04-01', lang: 'de', entryId: 'versandkosten' },
  { kind: 'feedback', day: '2026-04-01', lang: 'de', entryId: 'versandkosten', helpful: false },
  { kind: 'clarified', day: '2026-04-02', lang: 'en', entryIds: ['ruecksendung', 'garantie'] },
  { kind: 'unanswered', day: '2026-04-02', lang: 'de', text: 'Kann ich mit PayPal zahlen?' },
  { kind: 'unanswered', day: '2026-04-02', lang: 'de' },
  { kind: 'feedback', day: '2026-04-05', lang: 'en', entryId: 'garantie', helpful: true },
];

const EXPECTED_REPORT: InsightsReport = {
  format: 'vertraut-insights-report',
  version: 1,
  reportId: ID_A,
  site: SITE,
  from: '2026-04-01',
  to: '2026-04-05',
  languages: { de: 4, en: 1 },
  answered: [{ entryId: 'versandkosten', count: 2 }],
  clarified: [{ entryIds: ['garantie', 'ruecksendung'], count: 1 }],
  unanswered: [{ text: 'Kann ich mit PayPal zahlen?', lang: 'de', count: 1 }],
  unansweredDropped: 1,
  feedback: [
    { entryId: 'garantie', yes: 1, no: 0 },
    { entryId: 'versandkosten', yes: 0, no: 1 },
  ],
  days: [
    { day: '2026-04-01', answered: 2, clarified: 0, unanswered: 0 },
    { day: '2026-04-02', answered: 0, clarified: 1, unanswered: 2 },
  ],
};

const report = (events: readonly InsightEvent[] = EVENTS, id = ID_A): InsightsReport => buildReport(events, SITE, () => id);

/** A JSON copy of a real report that a test may change freely. */
type Loose = Record<string, unknown> & { answered: Record<string, unknown>[]; unanswered: Record<string, unknown>[]; days: Record<string, unknown>[] };
function changed(change: (doc: Loose) => void): string {
  const doc = JSON.parse(JSON.stringify(report())) as Loose;
  change(doc);
  return JSON.stringify(doc);
}
function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`the fixture has no item ${index}`);
  return item;
}

function problemOf(text: string): ReportProblem | 'accepted' {
  const result = parseReport(text);
  return result.ok ? 'accepted' : result.problem;
}

describe('buildReport (SPEC 5.4)', () => {
  it('holds exactly the counts of the events', () => {
    expect(report()).toEqual(EXPECTED_REPORT);
  });

  it('has exactly the documented keys, and in every row only counts, ids, days and texts', () => {
    const doc = report();
    expect(Object.keys(doc).sort()).toEqual(
      ['answered', 'clarified', 'days', 'feedback', 'format', 'from', 'languages', 'reportId', 'site', 'to', 'unanswered', 'unansweredDropped', 'version'].sort(),
    );
    expect(Object.keys(doc.languages).sort()).toEqual(['de', 'en']);
    for (const row of doc.answered) expect(Object.keys(row).sort()).toEqual(['count', 'entryId']);
    for (const row of doc.clarified) expect(Object.keys(row).sort()).toEqual(['count', 'entryIds']);
    for (const row of doc.unanswered) expect(Object.keys(row).sort()).toEqual(['count', 'lang', 'text']);
    for (const row of doc.feedback) expect(Object.keys(row).sort()).toEqual(['entryId', 'no', 'yes']);
    for (const row of doc.days) expect(Object.keys(row).sort()).toEqual(['answered', 'clarified', 'day', 'unanswered']);
  });

  it('carries no time of day and nothing about the browser', () => {
    const json = JSON.stringify(buildReport(EVENTS, SITE));
    expect(json).not.toMatch(/T\d\d:/);
    expect(json).not.toMatch(/\d\d:\d\d/);
    expect(json).not.toMatch(/"(at|time|timestamp|userAgent|agent|language|session|ip)"/i);
  });

  it('gets a fresh random id for every report by default', () => {
    const a = buildReport(EVENTS, SITE);
    const b = buildReport(EVENTS, SITE);
    expect(a.reportId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.reportId).not.toBe(b.reportId);
    expect({ ...a, reportId: ID_A }).toEqual(EXPECTED_REPORT);
  });

  it('drops a question text longer than 300 characters instead of cutting it, and collapses spacing', () => {
    const doc = report([
      { kind: 'unanswered', day: '2026-04-01', lang: 'en', text: 'x'.repeat(300) },
      { kind: 'unanswered', day: '2026-04-01', lang: 'en', text: 'y'.repeat(301) },
      { kind: 'unanswered', day: '2026-04-01', lang: 'en', text: 'do you\n\tship   abroad ' },
    ]);
    expect(doc.unanswered).toEqual([
      { text: 'do you ship abroad', lang: 'en', count: 1 },
      { text: 'x'.repeat(300), lang: 'en', count: 1 },
    ]);
    expect(doc.unansweredDropped).toBe(1);
    expect(JSON.stringify(doc)).not.toContain('yyy');
    expect(problemOf(JSON.stringify(doc))).toBe('accepted');
  });

  it('leaves days without questions out; from…to still spans every event', () => {
    expect(report().days.map((d) => d.day)).toEqual(['2026-04-01', '2026-04-02']);
    expect(report().to).toBe('2026-04-05');
  });

  it('refuses to build a report of nothing (the page offers none)', () => {
    expect(() => buildReport([], SITE)).toThrow(/vertraut: buildReport needs at least one insight event/);
  });
});

describe('parseReport', () => {
  it('round-trips a built report exactly, indented or not', () => {
    expect(parseReport(JSON.stringify(report()))).toEqual({ ok: true, report: EXPECTED_REPORT });
    expect(parseReport(JSON.stringify(report(), null, 2))).toEqual({ ok: true, report: EXPECTED_REPORT });
  });

  it('round-trips any events a visitor can produce, and the stats survive the trip', () => {
    const day = fc.constantFrom('2026-03-30', '2026-03-31', '2026-04-01', '2026-04-03');
    const lang = fc.constantFrom('de' as const, 'en' as const);
    const id = fc.constantFrom('versand', 'garantie', 'akku-recycling', 'r2');
    const text = fc.option(fc.string({ unit: fc.constantFrom('a', 'B', ' ', '?', 'ä', '\n', '😀'), maxLength: 40 }), { nil: undefined });
    const event: fc.Arbitrary<InsightEvent> = fc.oneof(
      fc.record({ kind: fc.constant('answered' as const), day, lang, entryId: id }),
      fc.record({ kind: fc.constant('clarified' as const), day, lang, entryIds: fc.array(id, { minLength: 1, maxLength: 4 }) }),
      fc.record({ kind: fc.constant('unanswered' as const), day, lang, text }),
      fc.record({ kind: fc.constant('feedback' as const), day, lang, entryId: id, helpful: fc.boolean() }),
    );
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 30 }), (events) => {
        const built = report(events);
        const parsed = parseReport(JSON.stringify(built));
        expect(parsed).toEqual({ ok: true, report: built });
        if (parsed.ok) expect(statsFromReports([parsed.report])).toEqual(summarizeInsights(events));
      }),
    );
  });

  const REFUSED: [label: string, text: () => string, problem: ReportProblem][] = [
    ['an empty file', () => '', 'not-json'],
    ['a report cut off', () => JSON.stringify(report()).slice(0, 100), 'not-json'],
    ['null', () => 'null', 'not-a-report'],
    ['an array holding a report', () => JSON.stringify([report()]), 'not-a-report'],
    ['an export file', () => JSON.stringify({ format: 'vertraut-export', version: 1 }), 'not-a-report'],
    ['no format', () => changed((d) => delete d['format']), 'not-a-report'],
    ['version 2', () => changed((d) => (d['version'] = 2)), 'unknown-version'],
    ['version "1" as text', () => changed((d) => (d['version'] = '1')), 'unknown-version'],
    ['an extra top-level field', () => changed((d) => (d['userAgent'] = 'Firefox')), 'invalid-content'],
    ['an extra field in a row', () => changed((d) => (at(d.answered, 0)['at'] = '2026-04-01T10:00:00Z')), 'invalid-content'],
    ['an extra language', () => changed((d) => (d['languages'] = { de: 4, en: 1, fr: 0 })), 'invalid-content'],
    ['a text of 301 characters', () => changed((d) => (at(d.unanswered, 0)['text'] = 'x'.repeat(301))), 'invalid-content'],
    ['an empty text', () => changed((d) => (at(d.unanswered, 0)['text'] = '')), 'invalid-content'],
    ['a text with a line break', () => changed((d) => (at(d.unanswered, 0)['text'] = 'two\nlines')), 'invalid-content'],
    ['a negative count', () => changed((d) => (at(d.answered, 0)['count'] = -2)), 'invalid-content'],
    ['a fractional count', () => changed((d) => (at(d.answered, 0)['count'] = 1.5)), 'invalid-content'],
    ['a count as text', () => changed((d) => (at(d.answered, 0)['count'] = '2')), 'invalid-content'],
    ['an entry id in capitals', () => changed((d) => (at(d.answered, 0)['entryId'] = 'Versandkosten')), 'invalid-content'],
    ['markup as an entry id', () => changed((d) => (at(d.answered, 0)['entryId'] = '<script>')), 'invalid-content'],
    ['an entry id of 101 characters', () => changed((d) => (at(d.answered, 0)['entryId'] = 'a'.repeat(101))), 'invalid-content'],
    ['an unknown language of a text', () => changed((d) => (at(d.unanswered, 0)['lang'] = 'fr')), 'invalid-content'],
    ['a reportId that is not a UUID', () => changed((d) => (d['reportId'] = 'visitor-42')), 'invalid-content'],
    ['a day with a time', () => changed((d) => (d['from'] = '2026-04-01T09:30:00Z')), 'invalid-content'],
    ['a day that does not exist', () => changed((d) => (d['from'] = '2026-02-30')), 'invalid-content'],
    ['from after to', () => changed((d) => ((d['from'] = '2026-04-06'), (d['to'] = '2026-04-05'))), 'invalid-content'],
    ['a day outside from…to', () => changed((d) => (at(d.days, 1)['day'] = '2026-04-09')), 'invalid-content'],
    ['days out of order', () => changed((d) => d.days.reverse()), 'invalid-content'],
    ['languages that do not add up', () => changed((d) => (d['languages'] = { de: 9, en: 1 })), 'invalid-content'],
    ['days that do not add up', () => changed((d) => (at(d.days, 0)['answered'] = 3)), 'invalid-content'],
    ['a clarification of 11 entries', () => changed((d) => (d['clarified'] = [{ entryIds: Array.from({ length: 11 }, (_, i) => `e${i}`), count: 1 }])), 'invalid-content'],
    ['a "__proto__" key', () => `{"__proto__":{"polluted":"yes"},${JSON.stringify(report()).slice(1)}`, 'invalid-content'],
    ['a file over MAX_REPORT_BYTES', () => JSON.stringify(report()).padEnd(MAX_REPORT_BYTES + 1, ' '), 'too-large'],
  ];

  it.each(REFUSED)('refuses %s → %s', (_label, text, problem) => {
    expect(problemOf(text())).toBe(problem);
    expect('polluted' in {}).toBe(false);
  });
});

describe('statsFromReports', () => {
  const OTHER: InsightEvent[] = [
    { kind: 'answered', day: '2026-04-04', lang: 'en', entryId: 'garantie' },
    { kind: 'unanswered', day: '2026-04-08', lang: 'de', text: 'Kann ich mit PayPal zahlen?' },
    { kind: 'feedback', day: '2026-04-08', lang: 'de', entryId: 'versandkosten', helpful: true },
  ];

  it('merges reports into the statistics of all their events together', () => {
    expect(statsFromReports([report(EVENTS, ID_A), report(OTHER, ID_B)])).toEqual(summarizeInsights([...EVENTS, ...OTHER]));
  });

  it('counts a report that arrived twice (same reportId) once', () => {
    const once = statsFromReports([report(EVENTS, ID_A), report(OTHER, ID_B)]);
    const twice = statsFromReports([report(EVENTS, ID_A), report(OTHER, ID_B), report(EVENTS, ID_A)]);
    expect(twice).toEqual(once);
    expect(twice.totals.answered).toBe(3);
    expect(twice.unanswered).toEqual([{ text: 'Kann ich mit PayPal zahlen?', lang: 'de', count: 2 }]);
    expect(twice.perDay.map((d) => d.day)).toEqual(['2026-04-01', '2026-04-02', '2026-04-03', '2026-04-04', '2026-04-05', '2026-04-06', '2026-04-07', '2026-04-08']);
  });

  it('shows nothing for no reports', () => {
    expect(statsFromReports([])).toEqual(summarizeInsights([]));
  });
});

describe('reportJsonSchema', () => {
  const schema = reportJsonSchema();
  // Formats are checked by the patterns beside them; ajv-formats is not installed.
  const validate = new Ajv2020({ strict: false, validateFormats: false, allErrors: true }).compile(schema);

  it('is a draft 2020-12 schema with an id and a title', () => {
    expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'vertraut-insights-report.v1.json', type: 'object' });
    expect(schema['title']).toMatch(/version 1/);
  });

  it('accepts a built report', () => {
    const valid = validate(JSON.parse(JSON.stringify(buildReport(EVENTS, SITE))));
    expect(validate.errors ?? [], 'schema errors').toEqual([]);
    expect(valid).toBe(true);
  });

  it.each([
    ['an extra top-level field', () => changed((d) => (d['userAgent'] = 'Firefox'))],
    ['a text of 301 characters', () => changed((d) => (at(d.unanswered, 0)['text'] = 'x'.repeat(301)))],
    ['a negative count', () => changed((d) => (at(d.answered, 0)['count'] = -2))],
    ['a reportId that is not a UUID', () => changed((d) => (d['reportId'] = 'visitor-42'))],
    ['a day with a time', () => changed((d) => (d['from'] = '2026-04-01T09:30:00Z'))],
    ['markup as an entry id', () => changed((d) => (at(d.answered, 0)['entryId'] = '<script>'))],
  ])('refuses %s, as the parser does', (_label, text) => {
    expect(problemOf(text())).toBe('invalid-content');
    expect(validate(JSON.parse(text()))).toBe(false);
  });
});
