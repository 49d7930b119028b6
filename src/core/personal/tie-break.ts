import type { AnswerDecision } from '../answer/decide-answer.ts';
import type { RankedMatch } from '../search/search-engine.ts';

/*
 * Interests break ties between close answers (SPEC 6), and nothing more: personalization never
 * changes the answer to a clear question, never turns "no answer" into one, and never lifts an
 * entry over one that fits clearly better. Every effect names its reason (`because`), so the
 * widget can say "weil Sie sich für Versand interessieren" and the visitor sees why.
 */

export type PersonalizedDecision =
  | {
      readonly kind: 'answer';
      readonly match: RankedMatch;
      /** Set when an interest decided between near-equal entries: the interest's category id. */
      readonly because?: string | undefined;
      /** The other near-equal entries, for "Oder meinten Sie …"; set together with `because`. */
      readonly alternatives?: readonly RankedMatch[] | undefined;
    }
  | { readonly kind: 'clarify'; readonly matches: readonly RankedMatch[] }
  | { readonly kind: 'none' };

/** A ranked match, with the interest that moved it up, if one did. */
export type PersonalizedMatch = RankedMatch & { readonly because?: string | undefined };

function interestOf(match: RankedMatch, interests: ReadonlySet<string>): string | undefined {
  const category = match.entry.category;
  return category !== undefined && interests.has(category) ? category : undefined;
}

/**
 * The answer decision with the visitor's interests applied. Only a clarifying question changes:
 * if exactly one of its contenders lies in an interest category, that one is answered (the
 * others kept as alternatives); if several do, they are offered first, in their original order.
 * Answers and "no answer" are returned as they are, the very same object.
 */
export function personalizeDecision(decision: AnswerDecision, interests: readonly string[]): PersonalizedDecision {
  if (decision.kind !== 'clarify' || interests.length === 0) return decision;
  const wanted = new Set(interests);
  const preferred = decision.matches.filter((match) => interestOf(match, wanted) !== undefined);
  const others = decision.matches.filter((match) => interestOf(match, wanted) === undefined);
  const [only] = preferred;
  if (only && preferred.length === 1) {
    return { kind: 'answer', match: only, because: interestOf(only, wanted), alternatives: others };
  }
  // Nothing to prefer, or everything: the order stays the engine's.
  if (preferred.length === 0 || others.length === 0) return decision;
  return { kind: 'clarify', matches: [...preferred, ...others] };
}

/**
 * Suggestions (while typing) with interests moved up, but only among near-ties: matches are
 * grouped from the best down, a match joining the current group while it scores at least
 * `nearTieRatio` of the group's first score. Within a group, matches in interest categories come
 * first (stable otherwise) and each one that moved up is marked with `because`. Anchoring the
 * group at its first score, not at the neighbour's, keeps a chain of small steps from lifting a
 * weak match far up. An exact match (the visitor typed an entry's phrasing) is never overtaken.
 */
export function personalizeSuggestions(
  matches: readonly RankedMatch[],
  interests: readonly string[],
  nearTieRatio = 0.9,
): PersonalizedMatch[] {
  if (!(nearTieRatio > 0 && nearTieRatio <= 1)) {
    throw new RangeError(`vertraut: personalizeSuggestions needs a nearTieRatio in (0, 1] (got ${nearTieRatio})`);
  }
  if (interests.length === 0) return [...matches];
  const wanted = new Set(interests);
  const groups: RankedMatch[][] = [];
  let group: RankedMatch[] = [];
  for (const match of matches) {
    const [top] = group;
    if (top && !top.exact && !match.exact && match.score >= top.score * nearTieRatio) group.push(match);
    else {
      if (group.length > 0) groups.push(group);
      group = [match];
    }
  }
  if (group.length > 0) groups.push(group);

  const result: PersonalizedMatch[] = [];
  for (const members of groups) {
    const preferred = members.filter((match) => interestOf(match, wanted) !== undefined);
    const ordered = [...preferred, ...members.filter((match) => interestOf(match, wanted) === undefined)];
    ordered.forEach((match, index) => {
      const moved = index < members.indexOf(match);
      result.push(moved ? { ...match, because: interestOf(match, wanted) } : match);
    });
  }
  return result;
}
