import type { RankedMatch } from '../search/search-engine.ts';
import { confidenceOf, type ConfidenceModel } from './confidence.ts';
import { CONFIDENCE_MODEL, CONFIDENCE_THRESHOLDS } from './confidence-model.ts';

/*
 * The answer decision (SPEC 2.3): answer when one entry clearly fits, ask back when two or three
 * fit about equally, and say honestly that nothing fits otherwise. "Fits" is a probability from a
 * calibrated model over the ranking (confidence.ts), and the thresholds on it are chosen by
 * `npm run calibrate` on labelled question sets, not guessed; see docs/adr/002.
 */

export interface ConfidenceThresholds {
  /** The model that turns a ranking into probabilities; the thresholds are calibrated with it. */
  readonly model: ConfidenceModel;
  /** Answer when the best entry is the right one with at least this probability (and no rival is near-equal). */
  readonly answerConfidence: number;
  /** Otherwise ask back when the offered entries together hold the right one with at least this probability. */
  readonly clarifyConfidence: number;
  /**
   * An entry scoring at least this share of the best "fits about equally" (SPEC 2.3): the best is
   * never answered over it, and a clarifying question always offers it.
   */
  readonly nearRatio: number;
  /** At most this many entries are offered in a clarifying question (at most the model's candidates). */
  readonly maxChoices: number;
}

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

/** The calibrated decision, as the chat and `eval` use it. */
export const DEFAULT_THRESHOLDS: ConfidenceThresholds = {
  model: CONFIDENCE_MODEL,
  ...CONFIDENCE_THRESHOLDS,
  nearRatio: 0.75,
  maxChoices: 3,
};

/** The coverage rule's last calibration (2026-11-29); on today's ranking it rejects 60 % of clinc150's out-of-scope questions and answers 11.4 % of the others wrongly. */
export const COVERAGE_THRESHOLDS: CoverageThresholds = {
  minCoverage: 0.3,
  clarifyRatio: 0.75,
  maxChoices: 3,
};

export type AnswerDecision =
  | { readonly kind: 'answer'; readonly match: RankedMatch }
  | { readonly kind: 'clarify'; readonly matches: readonly RankedMatch[] }
  | { readonly kind: 'none' };

export function decideAnswer(matches: readonly RankedMatch[], thresholds: DecisionThresholds = DEFAULT_THRESHOLDS): AnswerDecision {
  return 'model' in thresholds ? decideByConfidence(matches, thresholds) : decideByCoverage(matches, thresholds);
}

export function decideByConfidence(matches: readonly RankedMatch[], thresholds: ConfidenceThresholds): AnswerDecision {
  // An exact phrasing, or no match at all, needs no probabilities.
  const confidence = matches[0] && !matches[0].exact ? confidenceOf(matches, thresholds.model).entries : [];
  return decideFromConfidence(matches, confidence, thresholds);
}

/**
 * The confidence decision from the model's probabilities for the top entries (`confidenceOf`),
 * for callers that weigh many thresholds against one ranking (`npm run calibrate`).
 */
export function decideFromConfidence(
  matches: readonly RankedMatch[],
  confidence: readonly number[],
  thresholds: ConfidenceThresholds,
): AnswerDecision {
  const [best] = matches;
  if (!best) return { kind: 'none' };
  // The visitor typed one of the entry's own phrasings: nothing to ask back.
  if (best.exact) return { kind: 'answer', match: best };
  const choices = Math.min(thresholds.maxChoices, thresholds.model.candidates, matches.length);
  // Near-equal rivals are always part of the question back, and rule out a direct answer.
  const nearEqual = matches.slice(0, choices).filter((m) => m.score >= best.score * thresholds.nearRatio).length;
  if ((confidence[0] ?? 0) >= thresholds.answerConfidence && nearEqual <= 1) return { kind: 'answer', match: best };
  // The fewest entries (two or three, all near-equal ones among them) likely enough together.
  let together = confidence[0] ?? 0;
  for (let count = 2; count <= choices; count++) {
    together += confidence[count - 1] ?? 0;
    if (count >= nearEqual && together >= thresholds.clarifyConfidence) return { kind: 'clarify', matches: matches.slice(0, count) };
  }
  return { kind: 'none' };
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
