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


/** The calibrated decision, as the chat and `eval` use it. */
export const DEFAULT_THRESHOLDS: ConfidenceThresholds = {
  model: CONFIDENCE_MODEL,
  ...CONFIDENCE_THRESHOLDS,
  nearRatio: 0.75,
  maxChoices: 3,
};

export type AnswerDecision =
  | { readonly kind: 'answer'; readonly match: RankedMatch }
  | { readonly kind: 'clarify'; readonly matches: readonly RankedMatch[] }
  | { readonly kind: 'none' };

/** The decision the chat makes; `thresholds` only for callers that weigh others (tests, calibration). */
export function decideAnswer(matches: readonly RankedMatch[], thresholds: ConfidenceThresholds = DEFAULT_THRESHOLDS): AnswerDecision {
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
  // "Fit about equally" is judged on BM25's own scores, the evidence of the words matched: the
  // ranking model may order two such entries, but it does not make one of them clearly right.
  const evidence = (m: RankedMatch): number => m.bm25 ?? m.score;
  const candidates = matches.slice(0, choices);
  const strongest = Math.max(...candidates.map(evidence));
  const nearEqual = candidates.reduce((last, m, i) => (evidence(m) >= strongest * thresholds.nearRatio ? i + 1 : last), 0);
  if ((confidence[0] ?? 0) >= thresholds.answerConfidence && nearEqual <= 1) return { kind: 'answer', match: best };
  // The fewest entries (two or three, all near-equal ones among them) likely enough together.
  let together = confidence[0] ?? 0;
  for (let count = 2; count <= choices; count++) {
    together += confidence[count - 1] ?? 0;
    if (count >= nearEqual && together >= thresholds.clarifyConfidence) return { kind: 'clarify', matches: matches.slice(0, count) };
  }
  return { kind: 'none' };
}
