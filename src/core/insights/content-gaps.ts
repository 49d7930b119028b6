import type { Language } from '../content/faq-entry.ts';
import type { Day } from '../calendar-day.ts';
import { countedText } from './insight-stats.ts';
import { distinctReports, type InsightsReport } from './report.ts';

/*
 * What the editors learn from many reports (SPEC 5.3, 5.4): the questions the FAQ does not
 * answer, the entries readers find unhelpful, the entries most asked for. A question text is a
 * person's own words even after scrubbing; it is shown only when at least `minReports` distinct
 * reports carry it, so one tester's phrasing never ends up in a list that is passed around.
 */

export interface ContentGapOptions {
  /** A question is listed only when this many distinct reports asked it; fewer are counted in `suppressed`. Default 3, at least 1. */
  readonly minReports?: number;
  /** An entry whose share of "helpful" is below this (0…1) has poor feedback. Default 0.5. */
  readonly poorShare?: number;
  /** Feedback is judged only for entries with at least this many ratings. Default 3, at least 1. */
  readonly minRatings?: number;
}

export interface GapQuestion {
  /** The most common spelling of the question (by reports, then times, then code-unit order). */
  readonly text: string;
  readonly lang: Language;
  /** Distinct reports that asked it. */
  readonly reports: number;
  /** Times asked, over all reports. */
  readonly count: number;
  /** Different spellings grouped under it (case, punctuation, spacing). */
  readonly spellings: number;
}

export interface PoorEntry {
  readonly entryId: string;
  readonly yes: number;
  readonly no: number;
  /** yes / (yes + no). */
  readonly share: number;
  /** Distinct reports with a rating of the entry. */
  readonly reports: number;
}

export interface AnsweredEntry {
  readonly entryId: string;
  readonly count: number;
  /** Distinct reports in which the entry was given. */
  readonly reports: number;
}

export interface ContentGaps {
  /** The options in effect, defaults filled in. */
  readonly options: Required<ContentGapOptions>;
  /** Distinct reports (by reportId) that were counted. */
  readonly reports: number;
  /** Reports left out because one with the same reportId was already counted. */
  readonly duplicates: number;
  /** The first and last day of all reports; null without reports. */
  readonly from: Day | null;
  readonly to: Day | null;
  readonly questions: { readonly answered: number; readonly clarified: number; readonly unanswered: number };
  /** Unanswered questions asked in at least `minReports` reports: most reports first, then most times. */
  readonly unanswered: readonly GapQuestion[];
  /** Questions held back because fewer than `minReports` reports asked them: how many, and how often they were asked. */
  readonly suppressed: { readonly questions: number; readonly times: number };
  /** Unanswered questions without a text (dropped by the scrubber). */
  readonly unansweredDropped: number;
  /** Entries with a share of "helpful" below `poorShare` and at least `minRatings` ratings, worst first. */
  readonly poorFeedback: readonly PoorEntry[];
  /** Every answered entry, most answered first. */
  readonly mostAnswered: readonly AnsweredEntry[];
}

export const CONTENT_GAP_DEFAULTS: Required<ContentGapOptions> = { minReports: 3, poorShare: 0.5, minRatings: 3 };

/** What makes two question texts the same question here: case, punctuation and spacing ignored. */
export function questionKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function checkedOptions(options: ContentGapOptions): Required<ContentGapOptions> {
  const resolved = { ...CONTENT_GAP_DEFAULTS, ...options };
  if (!Number.isInteger(resolved.minReports) || resolved.minReports < 1) throw new RangeError(`vertraut: minReports must be a whole number of at least 1, not ${resolved.minReports}.`);
  if (!Number.isInteger(resolved.minRatings) || resolved.minRatings < 1) throw new RangeError(`vertraut: minRatings must be a whole number of at least 1, not ${resolved.minRatings}.`);
  if (!(resolved.poorShare >= 0 && resolved.poorShare <= 1)) throw new RangeError(`vertraut: poorShare must be between 0 and 1, not ${resolved.poorShare}.`);
  return resolved;
}

interface Spelling {
  readonly reports: Set<string>;
  count: number;
}

interface QuestionGroup {
  readonly lang: Language;
  readonly reports: Set<string>;
  count: number;
  readonly spellings: Map<string, Spelling>;
}

/** The label of a group: the spelling most reports used, then the most frequent, then the first in code-unit order. */
function label(group: QuestionGroup): string {
  const ranked = [...group.spellings].sort(([a, x], [b, y]) => y.reports.size - x.reports.size || y.count - x.count || compare(a, b));
  return ranked[0]?.[0] ?? '';
}

interface EntryTally {
  readonly reports: Set<string>;
  count: number;
  yes: number;
  no: number;
}

export function contentGaps(reports: readonly InsightsReport[], options: ContentGapOptions = {}): ContentGaps {
  const settings = checkedOptions(options);
  const distinct = distinctReports(reports);

  const groups = new Map<string, QuestionGroup>();
  const answered = new Map<string, EntryTally>();
  const rated = new Map<string, EntryTally>();
  const entry = (map: Map<string, EntryTally>, id: string): EntryTally => {
    let tally = map.get(id);
    if (!tally) map.set(id, (tally = { reports: new Set(), count: 0, yes: 0, no: 0 }));
    return tally;
  };
  const questions = { answered: 0, clarified: 0, unanswered: 0 };
  let unansweredDropped = 0;

  for (const report of distinct) {
    const id = report.reportId;
    for (const row of report.unanswered) {
      questions.unanswered += row.count;
      const text = countedText(row.text);
      if (text === undefined) {
        unansweredDropped += row.count;
        continue;
      }
      const key = `${row.lang}\t${questionKey(text)}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { lang: row.lang, reports: new Set(), count: 0, spellings: new Map() }));
      group.reports.add(id);
      group.count += row.count;
      let spelling = group.spellings.get(text);
      if (!spelling) group.spellings.set(text, (spelling = { reports: new Set(), count: 0 }));
      spelling.reports.add(id);
      spelling.count += row.count;
    }
    unansweredDropped += report.unansweredDropped;
    questions.unanswered += report.unansweredDropped;
    for (const row of report.answered) {
      questions.answered += row.count;
      const tally = entry(answered, row.entryId);
      tally.count += row.count;
      if (row.count > 0) tally.reports.add(id);
    }
    for (const row of report.clarified) questions.clarified += row.count;
    for (const row of report.feedback) {
      const tally = entry(rated, row.entryId);
      tally.yes += row.yes;
      tally.no += row.no;
      if (row.yes + row.no > 0) tally.reports.add(id);
    }
  }

  const unanswered: GapQuestion[] = [];
  const suppressed = { questions: 0, times: 0 };
  for (const group of groups.values()) {
    if (group.reports.size < settings.minReports) {
      suppressed.questions += 1;
      suppressed.times += group.count;
      continue;
    }
    unanswered.push({ text: label(group), lang: group.lang, reports: group.reports.size, count: group.count, spellings: group.spellings.size });
  }
  unanswered.sort((a, b) => b.reports - a.reports || b.count - a.count || compare(a.text, b.text) || compare(a.lang, b.lang));

  const poorFeedback: PoorEntry[] = [...rated]
    .filter(([, t]) => t.yes + t.no >= settings.minRatings && t.yes / (t.yes + t.no) < settings.poorShare)
    .map(([entryId, t]) => ({ entryId, yes: t.yes, no: t.no, share: t.yes / (t.yes + t.no), reports: t.reports.size }))
    .sort((a, b) => a.share - b.share || b.yes + b.no - (a.yes + a.no) || compare(a.entryId, b.entryId));

  const mostAnswered: AnsweredEntry[] = [...answered]
    .filter(([, t]) => t.count > 0)
    .map(([entryId, t]) => ({ entryId, count: t.count, reports: t.reports.size }))
    .sort((a, b) => b.count - a.count || compare(a.entryId, b.entryId));

  const froms = distinct.map((r) => r.from).sort();
  const tos = distinct.map((r) => r.to).sort();
  return {
    options: settings,
    reports: distinct.length,
    duplicates: reports.length - distinct.length,
    from: froms[0] ?? null,
    to: tos.at(-1) ?? null,
    questions,
    unanswered,
    suppressed,
    unansweredDropped,
    poorFeedback,
    mostAnswered,
  };
}
