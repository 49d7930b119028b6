import type { RankedMatch } from '../search/search-engine.ts';

/*
 * The answer decision (SPEC 2.3): answer when one entry clearly fits, ask back when two or three
 * fit about equally, and say honestly that nothing fits otherwise. The thresholds are calibrated
 * by `npm run calibrate` on labelled question sets, not guessed; see docs/adr.
 */

export interface DecisionThresholds {
  /** Below this coverage of the question by the best entry, there is no answer. */
  readonly minCoverage: number;
  /** An entry scoring at least this share of the best score competes with it. */
  readonly clarifyRatio: number;
  /** At most this many entries are offered in a clarifying question. */
  readonly maxChoices: number;
}

/**
 * Calibrated by `npm run calibrate` on the dev sets of ../shared/eval (2026-11-29): the best
 * macro utility on a 0.025 grid, with rivals counted as "about equal" within 25 %. On clinc150
 * 61 % of the out-of-scope questions then get "no answer", 10.6 % of the in-scope ones a wrong one.
 */
export const DEFAULT_THRESHOLDS: DecisionThresholds = {
  minCoverage: 0.3,
  clarifyRatio: 0.75,
  maxChoices: 3,
};

export type AnswerDecision =
  | { readonly kind: 'answer'; readonly match: RankedMatch }
  | { readonly kind: 'clarify'; readonly matches: readonly RankedMatch[] }
  | { readonly kind: 'none' };

export function decideAnswer(matches: readonly RankedMatch[], thresholds: DecisionThresholds = DEFAULT_THRESHOLDS): AnswerDecision {
  const [best] = matches;
  if (!best) return { kind: 'none' };
  // The visitor typed one of the entry's own phrasings: nothing to ask back.
  if (best.exact) return { kind: 'answer', match: best };
  // The contenders: entries scoring about as well as the best that also cover enough of the
  // question. The best may itself fall short while a near-equal rival covers it all.
  const contenders = matches
    .slice(0, thresholds.maxChoices)
    .filter((m) => m.score >= best.score * thresholds.clarifyRatio && m.coverage >= thresholds.minCoverage);
  const [first] = contenders;
  if (!first) return { kind: 'none' };
  if (contenders.length > 1) return { kind: 'clarify', matches: contenders };
  return { kind: 'answer', match: first };
}
