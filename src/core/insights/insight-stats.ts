import { LANGUAGES, type Language } from '../content/faq-entry.ts';
import type { Day } from '../calendar-day.ts';
import type { InsightEvent } from './events.ts';

/*
 * The numbers the insights page draws (SPEC 5.3), from the visitor's own events or from report
 * files merged (report.ts). Pure and deterministic: every list has a total order, so the same
 * events always give the same stats, whatever order they were stored in.
 */

export interface InsightTotals {
  /** answered + clarified + unanswered. Feedback is not a question. */
  readonly questions: number;
  readonly answered: number;
  readonly clarified: number;
  /** Unanswered questions, with or without their text. */
  readonly unanswered: number;
  readonly feedbackYes: number;
  readonly feedbackNo: number;
}

export interface EntryCount {
  readonly entryId: string;
  readonly count: number;
}

export interface ClarificationCount {
  /** The entries offered together, sorted. */
  readonly entryIds: readonly string[];
  readonly count: number;
}

export interface UnansweredText {
  /** The scrubbed question, whitespace collapsed. */
  readonly text: string;
  readonly lang: Language;
  readonly count: number;
}

export interface Helpfulness {
  readonly entryId: string;
  readonly yes: number;
  readonly no: number;
  /** yes / (yes + no); every listed entry has at least one rating. */
  readonly share: number;
}

export interface DayCounts {
  readonly day: Day;
  readonly answered: number;
  readonly clarified: number;
  readonly unanswered: number;
}

export interface InsightStats {
  readonly totals: InsightTotals;
  /** Questions per language. */
  readonly languages: Readonly<Record<Language, number>>;
  /** Entries by times answered, most first, then by id. */
  readonly topEntries: readonly EntryCount[];
  /** Entries by times offered in a clarification (once per clarification), most first, then by id. */
  readonly clarifiedEntries: readonly EntryCount[];
  /** The sets of entries offered together, most frequent first, then by their ids. */
  readonly clarifications: readonly ClarificationCount[];
  /** Unanswered questions with a text, most frequent first, then by text and language. */
  readonly unanswered: readonly UnansweredText[];
  /** Unanswered questions whose text the scrubber dropped. */
  readonly unansweredDropped: number;
  /** Entries with feedback, most rated first, then by id. */
  readonly helpfulness: readonly Helpfulness[];
  /** Every day from the first to the last day with any event, days without questions as zeros. */
  readonly perDay: readonly DayCounts[];
}

/**
 * The text of an unanswered question as it is counted and reported: whitespace collapsed, so the
 * same words typed twice count once. An empty text carries nothing and counts as dropped.
 */
export function countedText(text: string | undefined): string | undefined {
  const collapsed = text?.replace(/\s+/g, ' ').trim();
  return collapsed ? collapsed : undefined;
}

/** The entries of a clarification as one key: each entry once, sorted. */
export function clarificationKey(entryIds: readonly string[]): string[] {
  return [...new Set(entryIds)].sort();
}

/**
 * Counts merged from any source; `summarizeInsights` and `statsFromReports` both fill one and
 * call `finishStats`, so the page draws events and loaded reports with the same code.
 */
export interface StatsTally {
  readonly languages: Record<Language, number>;
  readonly answered: Map<string, number>;
  /** Keyed by the entry ids joined with a space (ids never contain one). */
  readonly clarifications: Map<string, number>;
  /** Keyed by language, a tab, the text (a counted text never contains a tab). */
  readonly unanswered: Map<string, number>;
  unansweredDropped: number;
  readonly feedback: Map<string, { yes: number; no: number }>;
  readonly days: Map<Day, { answered: number; clarified: number; unanswered: number }>;
  /** The first and last day with any event, feedback included. */
  from: Day | undefined;
  to: Day | undefined;
}

export function emptyTally(): StatsTally {
  return {
    languages: Object.fromEntries(LANGUAGES.map((lang) => [lang, 0])) as Record<Language, number>,
    answered: new Map(),
    clarifications: new Map(),
    unanswered: new Map(),
    unansweredDropped: 0,
    feedback: new Map(),
    days: new Map(),
    from: undefined,
    to: undefined,
  };
}

export function addTo<K>(map: Map<K, number>, key: K, count: number): void {
  map.set(key, (map.get(key) ?? 0) + count);
}

export function tallyDayRange(tally: StatsTally, from: Day, to: Day): void {
  if (tally.from === undefined || from < tally.from) tally.from = from;
  if (tally.to === undefined || to > tally.to) tally.to = to;
}

export function tallyDay(tally: StatsTally, day: Day, counts: { answered: number; clarified: number; unanswered: number }): void {
  const row = tally.days.get(day) ?? { answered: 0, clarified: 0, unanswered: 0 };
  row.answered += counts.answered;
  row.clarified += counts.clarified;
  row.unanswered += counts.unanswered;
  tally.days.set(day, row);
}

export function tallyFeedback(tally: StatsTally, entryId: string, yes: number, no: number): void {
  const row = tally.feedback.get(entryId) ?? { yes: 0, no: 0 };
  row.yes += yes;
  row.no += no;
  tally.feedback.set(entryId, row);
}

export const unansweredKey = (lang: Language, text: string): string => `${lang}\t${text}`;

const byCountThenId = (a: EntryCount, b: EntryCount): number => b.count - a.count || compare(a.entryId, b.entryId);

/** Code-unit order, the same in every locale (localeCompare is not). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const DAY_MS = 86_400_000;

/** Every day from `from` to `to`, both included; days are calendar dates, so UTC arithmetic is exact. */
export function daysBetween(from: Day, to: Day): Day[] {
  const days: Day[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`), end = Date.parse(`${to}T00:00:00Z`); t <= end; t += DAY_MS) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

export function finishStats(tally: StatsTally): InsightStats {
  const entryCounts = (map: Map<string, number>): EntryCount[] => [...map].map(([entryId, count]) => ({ entryId, count })).sort(byCountThenId);

  const clarifiedEntries = new Map<string, number>();
  const clarifications: ClarificationCount[] = [];
  for (const [key, count] of tally.clarifications) {
    const entryIds = key === '' ? [] : key.split(' ');
    for (const id of entryIds) addTo(clarifiedEntries, id, count);
    clarifications.push({ entryIds, count });
  }
  clarifications.sort((a, b) => b.count - a.count || compare(a.entryIds.join(' '), b.entryIds.join(' ')));

  const unanswered = [...tally.unanswered]
    .map(([key, count]): UnansweredText => {
      const tab = key.indexOf('\t');
      return { text: key.slice(tab + 1), lang: key.slice(0, tab) as Language, count };
    })
    .sort((a, b) => b.count - a.count || compare(a.text, b.text) || compare(a.lang, b.lang));

  const helpfulness = [...tally.feedback]
    .filter(([, { yes, no }]) => yes + no > 0)
    .map(([entryId, { yes, no }]): Helpfulness => ({ entryId, yes, no, share: yes / (yes + no) }))
    .sort((a, b) => b.yes + b.no - (a.yes + a.no) || compare(a.entryId, b.entryId));

  const perDay =
    tally.from === undefined || tally.to === undefined
      ? []
      : daysBetween(tally.from, tally.to).map((day): DayCounts => ({ day, answered: 0, clarified: 0, unanswered: 0, ...tally.days.get(day) }));

  const sum = (map: Map<string, number>): number => [...map.values()].reduce((a, b) => a + b, 0);
  const answered = sum(tally.answered);
  const clarified = sum(tally.clarifications);
  const unansweredTotal = sum(tally.unanswered) + tally.unansweredDropped;
  const feedback = [...tally.feedback.values()];
  return {
    totals: {
      questions: answered + clarified + unansweredTotal,
      answered,
      clarified,
      unanswered: unansweredTotal,
      feedbackYes: feedback.reduce((a, f) => a + f.yes, 0),
      feedbackNo: feedback.reduce((a, f) => a + f.no, 0),
    },
    languages: { ...tally.languages },
    topEntries: entryCounts(tally.answered),
    clarifiedEntries: entryCounts(clarifiedEntries),
    clarifications,
    unanswered,
    unansweredDropped: tally.unansweredDropped,
    helpfulness,
    perDay,
  };
}

/** The statistics of the visitor's own events. */
export function summarizeInsights(events: readonly InsightEvent[]): InsightStats {
  const tally = emptyTally();
  for (const event of events) {
    tallyDayRange(tally, event.day, event.day);
    switch (event.kind) {
      case 'answered':
        addTo(tally.answered, event.entryId, 1);
        tally.languages[event.lang] += 1;
        tallyDay(tally, event.day, { answered: 1, clarified: 0, unanswered: 0 });
        break;
      case 'clarified':
        addTo(tally.clarifications, clarificationKey(event.entryIds).join(' '), 1);
        tally.languages[event.lang] += 1;
        tallyDay(tally, event.day, { answered: 0, clarified: 1, unanswered: 0 });
        break;
      case 'unanswered': {
        const text = countedText(event.text);
        if (text === undefined) tally.unansweredDropped += 1;
        else addTo(tally.unanswered, unansweredKey(event.lang, text), 1);
        tally.languages[event.lang] += 1;
        tallyDay(tally, event.day, { answered: 0, clarified: 0, unanswered: 1 });
        break;
      }
      case 'feedback':
        tallyFeedback(tally, event.entryId, event.helpful ? 1 : 0, event.helpful ? 0 : 1);
        break;
    }
  }
  return finishStats(tally);
}
