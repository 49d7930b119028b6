import type { RankedMatch } from '../search/search-engine.ts';
import { decideAnswer, type AnswerDecision, type ConfidenceThresholds } from './decide-answer.ts';

/*
 * The coverage rule: the answer decision before the calibrated model (2026-11-29). The chat no
 * longer uses it, so it is not in the browser's code; `npm run calibrate` and `eval` keep it as
 * the baseline the model is measured against.
 */

/**
 * The decision before the confidence model (2026-11-29), kept as the baseline that `npm run
 * calibrate` measures against: no answer below a coverage of the question, clarification when
 * rivals score within a share of the best.
 */
export interface CoverageThresholds {
  /** Below this coverage of the question by the best entry, there is no answer. */
  readonly minCoverage: number;
  /** An entry scoring at least this share of the best score competes with it. */
  readonly clarifyRatio: number;
  /** At most this many entries are offered in a clarifying question. */
  readonly maxChoices: number;
}

export type DecisionThresholds = ConfidenceThresholds | CoverageThresholds;

/** The coverage rule's last calibration (2026-11-29); on today's ranking it rejects 60 % of clinc150's out-of-scope questions and answers 11.4 % of the others wrongly. */
export const COVERAGE_THRESHOLDS: CoverageThresholds = {
  minCoverage: 0.3,
  clarifyRatio: 0.75,
  maxChoices: 3,
};

/** Decides with either rule: the model's thresholds or the coverage rule's. */
export function decideWith(matches: readonly RankedMatch[], thresholds: DecisionThresholds): AnswerDecision {
  return 'model' in thresholds ? decideAnswer(matches, thresholds) : decideByCoverage(matches, thresholds);
}

export function decideByCoverage(matches: readonly RankedMatch[], thresholds: CoverageThresholds): AnswerDecision {
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
