import type { RankedMatch } from '../search/search-engine.ts';

/*
 * What the confidence model sees of a ranking: a few numbers read off the ranked matches, with
 * no second search. Every feature is a ratio or the logarithm of one, so that it means the same
 * in a 12-entry shop FAQ and in a 10,000-entry knowledge base; a raw BM25 score does not (it grows
 * with the size of the index and the length of the question).
 */

/** One of the top entries, as the model sees it. */
export interface EntryFeatures {
  /**
   * How strongly the entry matched, relative to what the question's words weigh in this index:
   * ln(1 + score / questionWeight). Rare words matched in the question field push it up; a
   * question of words the index does not know (they weigh the most) pulls it down.
   */
  readonly strength: number;
  /** The entry's score as a share of the best score, 1 for the best. */
  readonly shareOfBest: number;
}

/** The ranking of one question, as the model sees it. */
export interface RankingFeatures {
  /** The top entries, best first (at most the number asked for). */
  readonly entries: readonly EntryFeatures[];
  /**
   * The score of the first entry left out, as a share of the best (0 if there is none): when the
   * entries outside the top are almost as good as the best, the right one may be any of many.
   */
  readonly tail: number;
}

/** The features of the top `count` matches (ranked best first, as `search` returns them). */
export function rankingFeatures(matches: readonly RankedMatch[], count: number): RankingFeatures {
  const best = matches[0]?.score ?? 0;
  const share = (score: number): number => (best > 0 ? score / best : 0);
  const entries = matches.slice(0, count).map((match) => {
    // Matches not made by `search` carry no question weight: their score counts as relative.
    const weight = match.questionWeight !== undefined && match.questionWeight > 0 ? match.questionWeight : 1;
    // Capped so that a degenerate score cannot make the logits infinite.
    return { strength: Math.log1p(Math.min(Math.max(0, match.score) / weight, Number.MAX_VALUE)), shareOfBest: share(match.score) };
  });
  const next = matches[count];
  return { entries, tail: next ? share(next.score) : 0 };
}
