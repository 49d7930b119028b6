import { z } from 'zod';
import { LANGUAGES } from '../content/faq-entry.ts';
import type { InsightEvent } from './events.ts';
import { readVersionedJson } from '../versioned-json.ts';
import {
  addTo,
  clarificationKey,
  countedText,
  emptyTally,
  finishStats,
  summarizeInsights,
  tallyDay,
  tallyDayRange,
  tallyFeedback,
  unansweredKey,
  type InsightStats,
} from './insight-stats.ts';

/*
 * The insights report (SPEC 5.4): what a visitor sends to the site's editors, or downloads for
 * them, one explicit act per report. One versioned format, declared once here; the JSON Schema is
 * generated from this declaration. It holds counts and scrubbed question texts and nothing else:
 * no time of day, no device, no session. `reportId` is random and new for every report; it only
 * lets the editors count a file that reached them twice once.
 */

// zod compiles object parsers with `new Function` unless told not to; the CSP forbids eval in
// the browser (SPEC 8.2), and even zod's probe for it is reported as a violation.
z.config({ jitless: true });

export const REPORT_FORMAT = 'vertraut-insights-report';
export const REPORT_VERSION = 1;
/** Larger files are refused before parsing; a real report of months of questions is far smaller. */
export const MAX_REPORT_BYTES = 1_000_000;
/** The longest question text a report carries; a longer one is counted as dropped (SPEC 5.2: when in doubt, drop it). */
export const MAX_REPORT_TEXT = 300;
/** The most entries a clarification offers in a report. */
export const MAX_CLARIFICATION_ENTRIES = 10;

const count = z.int().min(0);
const entryId = z.string().regex(/^[a-z0-9-]{1,100}$/);
const day = z.iso.date();
/** One line of plain text: no control characters (no line breaks, no tabs). */
const questionText = z
  .string()
  .min(1)
  .max(MAX_REPORT_TEXT)
  .regex(/^[^\u0000-\u001f\u007f]*$/);

const reportShape = z.strictObject({
  /** Always "vertraut-insights-report". */
  format: z.literal(REPORT_FORMAT),
  /** The format version; a reader refuses versions it does not know. */
  version: z.literal(REPORT_VERSION),
  /** Random, new for every report; only to count a report that arrived twice once. Not linked to anyone. */
  reportId: z.uuid(),
  /** The site it came from (settings `site`). */
  site: z.string().max(500),
  /** The first and the last day with any counted event, in the visitor's calendar. */
  from: day,
  to: day,
  /** Questions (answered, clarified, unanswered) per language. */
  languages: z.strictObject(Object.fromEntries(LANGUAGES.map((lang) => [lang, count])) as Record<(typeof LANGUAGES)[number], typeof count>),
  /** Times each entry was given as the answer. */
  answered: z.array(z.strictObject({ entryId, count })).max(10_000),
  /** Times each set of entries (sorted) was offered together as "did you mean". */
  clarified: z.array(z.strictObject({ entryIds: z.array(entryId).max(MAX_CLARIFICATION_ENTRIES), count })).max(10_000),
  /** Unanswered questions with their scrubbed text, per language. */
  unanswered: z.array(z.strictObject({ text: questionText, lang: z.enum(LANGUAGES), count })).max(10_000),
  /** Unanswered questions whose text was dropped (by the scrubber, or too long to send). */
  unansweredDropped: count,
  /** Feedback per entry: "helpful" yes and no. */
  feedback: z.array(z.strictObject({ entryId, yes: count, no: count })).max(10_000),
  /** Questions per day, days without questions left out, oldest first. */
  days: z.array(z.strictObject({ day, answered: count, clarified: count, unanswered: count })).max(10_000),
});

const sumOf = <T>(list: readonly T[], value: (item: T) => number): number => list.reduce((total, item) => total + value(item), 0);

/**
 * The counts of one report tell the same story in every section: days inside from…to and in
 * order, and the same number of questions by language, by day and by outcome. A file that does
 * not add up was edited or damaged, and would distort the editors' sums.
 */
export const reportSchema = reportShape.superRefine((report, context) => {
  const problem = (message: string): void => context.addIssue({ code: 'custom', message, input: report });
  if (report.from > report.to) problem('from is after to');
  let previous = '';
  for (const row of report.days) {
    if (row.day < report.from || row.day > report.to) problem(`day ${row.day} is outside from…to`);
    if (row.day <= previous) problem(`day ${row.day} is out of order or repeated`);
    previous = row.day;
  }
  const answered = sumOf(report.answered, (row) => row.count);
  const clarified = sumOf(report.clarified, (row) => row.count);
  const unanswered = sumOf(report.unanswered, (row) => row.count) + report.unansweredDropped;
  const byLanguage = sumOf(LANGUAGES, (lang) => report.languages[lang]);
  if (byLanguage !== answered + clarified + unanswered) problem('the questions per language do not add up');
  if (sumOf(report.days, (row) => row.answered) !== answered) problem('the answered questions per day do not add up');
  if (sumOf(report.days, (row) => row.clarified) !== clarified) problem('the clarified questions per day do not add up');
  if (sumOf(report.days, (row) => row.unanswered) !== unanswered) problem('the unanswered questions per day do not add up');
});

export type InsightsReport = z.infer<typeof reportSchema>;

/** An unanswered question as a report carries it: a text longer than MAX_REPORT_TEXT is dropped, not cut. */
function reportable(event: InsightEvent): InsightEvent {
  if (event.kind !== 'unanswered') return event;
  const text = countedText(event.text);
  return { kind: 'unanswered', day: event.day, lang: event.lang, text: text !== undefined && text.length <= MAX_REPORT_TEXT ? text : undefined };
}

/**
 * The report of the visitor's events, ready to be shown and then sent or downloaded.
 * Throws when there are no events: the page offers no report when nothing was counted.
 * `randomId` is a parameter for tests; `crypto.randomUUID` must be called on `crypto`.
 */
export function buildReport(events: readonly InsightEvent[], site: string, randomId: () => string = () => crypto.randomUUID()): InsightsReport {
  if (events.length === 0) throw new RangeError('vertraut: buildReport needs at least one insight event; offer no report when nothing was counted.');
  const stats = summarizeInsights(events.map(reportable));
  const first = stats.perDay[0];
  const last = stats.perDay.at(-1);
  if (!first || !last) throw new Error('vertraut: events without days');
  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    reportId: randomId(),
    site,
    from: first.day,
    to: last.day,
    languages: { ...stats.languages },
    answered: stats.topEntries.map(({ entryId, count: n }) => ({ entryId, count: n })),
    clarified: stats.clarifications.map(({ entryIds, count: n }) => ({ entryIds: entryIds.slice(0, MAX_CLARIFICATION_ENTRIES), count: n })),
    unanswered: stats.unanswered.map(({ text, lang, count: n }) => ({ text, lang, count: n })),
    unansweredDropped: stats.unansweredDropped,
    feedback: stats.helpfulness.map(({ entryId, yes, no }) => ({ entryId, yes, no })),
    days: stats.perDay.filter((row) => row.answered + row.clarified + row.unanswered > 0).map((row) => ({ ...row })),
  };
}

/** Why a report file was refused, as a permanent name; the page and the command turn it into a sentence. */
export type ReportProblem = 'too-large' | 'not-json' | 'not-a-report' | 'unknown-version' | 'invalid-content';

export type ReportResult = { readonly ok: true; readonly report: InsightsReport } | { readonly ok: false; readonly problem: ReportProblem };

/** Checks a report file's text, strictly: unknown fields, long texts and counts that do not add up are refused. */
export function parseReport(fileText: string): ReportResult {
  const file = readVersionedJson(fileText, { format: REPORT_FORMAT, versions: [REPORT_VERSION], maxBytes: MAX_REPORT_BYTES });
  if (!file.ok) return { ok: false, problem: file.problem === 'wrong-format' ? 'not-a-report' : file.problem };
  const result = reportSchema.safeParse(file.value);
  return result.success ? { ok: true, report: result.data } : { ok: false, problem: 'invalid-content' };
}

/** Reports with distinct ids, the first of each id kept, in their order. */
export function distinctReports(reports: readonly InsightsReport[]): InsightsReport[] {
  const seen = new Set<string>();
  const distinct: InsightsReport[] = [];
  for (const report of reports) {
    if (seen.has(report.reportId)) continue;
    seen.add(report.reportId);
    distinct.push(report);
  }
  return distinct;
}

/** The statistics of loaded report files, merged; a report that arrived twice (same reportId) counts once. */
export function statsFromReports(reports: readonly InsightsReport[]): InsightStats {
  const tally = emptyTally();
  for (const report of distinctReports(reports)) {
    tallyDayRange(tally, report.from, report.to);
    for (const lang of LANGUAGES) tally.languages[lang] += report.languages[lang];
    for (const row of report.answered) addTo(tally.answered, row.entryId, row.count);
    for (const row of report.clarified) addTo(tally.clarifications, clarificationKey(row.entryIds).join(' '), row.count);
    for (const row of report.unanswered) {
      const text = countedText(row.text);
      if (text === undefined) tally.unansweredDropped += row.count;
      else addTo(tally.unanswered, unansweredKey(row.lang, text), row.count);
    }
    tally.unansweredDropped += report.unansweredDropped;
    for (const row of report.feedback) tallyFeedback(tally, row.entryId, row.yes, row.no);
    for (const row of report.days) tallyDay(tally, row.day, row);
  }
  return finishStats(tally);
}

/** The JSON Schema of the report file, generated from the declaration above (the sums are checked by the parser only). */
export function reportJsonSchema(): Record<string, unknown> {
  return {
    $id: 'vertraut-insights-report.v1.json',
    title: 'vertraut insights report, version 1',
    description: 'Counts of answered, clarified and unanswered questions and of feedback, with scrubbed question texts, from one browser for one site.',
    ...z.toJSONSchema(reportShape, { target: 'draft-2020-12' }),
  };
}
