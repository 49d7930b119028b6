import type { EntrySummary } from '../search/search-engine.ts';
import { MAX_INTERESTS } from './profile.ts';

/*
 * Interests (SPEC 6) are categories the visitor chose, or confirmed when the bot noticed several
 * questions in one area ("Interessieren Sie sich für Versand? Dann zeige ich Ihnen das zuerst.").
 * The bot only ever suggests; nothing becomes an interest without the visitor's yes.
 */

export interface InterestSuggestionOptions {
  /** How many of the latest answered questions are looked at. Default 5. */
  readonly window?: number;
  /** How many answers in one category within the window make it worth asking. Default 2, at least 2. */
  readonly minAnswers?: number;
  /**
   * Categories the visitor declined this visit, or that were suggested and left unanswered:
   * never suggested again in this visit. The caller keeps this set; it is not stored.
   */
  readonly declined?: ReadonlySet<string>;
  /** When given, only these category ids are suggested (content/categories.yml). */
  readonly known?: ReadonlySet<string>;
}

const DEFAULT_WINDOW = 5;
const DEFAULT_MIN_ANSWERS = 2;

/**
 * The category to suggest as an interest after the latest answer, or undefined.
 *
 * `askedCategories` holds the category of every question answered this visit, oldest first
 * (undefined for an entry without a category). The rule: the latest answer's category was also
 * the category of at least one more of the last `window` answers (`minAnswers` in all), it is not
 * an interest already, not declined, and the profile still has room. Asking right after an answer
 * in that very category keeps the suggestion tied to what the visitor just read; requiring two
 * answers means the bot never suggests after the first question, whatever it was.
 */
export function suggestInterest(
  askedCategories: readonly (string | undefined)[],
  profile: { readonly interests: readonly string[] } | undefined,
  options: InterestSuggestionOptions = {},
): string | undefined {
  const { window = DEFAULT_WINDOW, minAnswers = DEFAULT_MIN_ANSWERS, declined, known } = options;
  if (!Number.isInteger(minAnswers) || minAnswers < 2) {
    throw new RangeError(`vertraut: suggestInterest needs minAnswers of at least 2 (got ${minAnswers}); one answer says nothing about an interest`);
  }
  if (!Number.isInteger(window) || window < minAnswers) {
    throw new RangeError(`vertraut: suggestInterest needs a window (${window}) of at least minAnswers (${minAnswers})`);
  }
  const interests = profile?.interests ?? [];
  if (interests.length >= MAX_INTERESTS) return undefined;
  const recent = askedCategories.slice(-window);
  const latest = recent.at(-1);
  if (latest === undefined) return undefined;
  if (interests.includes(latest) || declined?.has(latest) || (known && !known.has(latest))) return undefined;
  const answersInCategory = recent.filter((category) => category === latest).length;
  return answersInCategory >= minAnswers ? latest : undefined;
}

/**
 * Starter question ids for the greeting: entries of the visitor's interests first, one per
 * interest in turn (an interest's entries in content order), then the site's own starters
 * (`fallback`), without duplicates and at most `count`.
 */
export function startersFromInterests(
  interests: readonly string[],
  entries: readonly EntrySummary[],
  fallback: readonly string[],
  count = 4,
): string[] {
  const chosen = new Set<string>();
  const queues = [...new Set(interests)].map((interest) => entries.filter((entry) => entry.category === interest));
  // Round-robin so that a visitor with two interests sees both, not four entries of the first.
  for (let round = 0; chosen.size < count && queues.some((queue) => queue.length > round); round++) {
    for (const queue of queues) {
      const entry = queue[round];
      if (entry && chosen.size < count) chosen.add(entry.id);
    }
  }
  for (const id of fallback) {
    if (chosen.size >= count) break;
    chosen.add(id);
  }
  return [...chosen];
}
