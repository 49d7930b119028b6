import type { RankedMatch } from '../search/search-engine.ts';
import { rankingFeatures, type RankingFeatures } from './match-features.ts';

/*
 * A calibrated confidence for the answer decision: how likely each of the top entries is the one
 * that answers the question, and how likely none of them is. One multinomial logistic regression
 * (a softmax over "entry 1", "entry 2", "entry 3" and "none of them") with four weights, fitted by
 * `npm run calibrate` on labelled question sets; the weights live in confidence-model.ts.
 *
 *   logit(entry k) = strength · strength_k + share · shareOfBest_k
 *   logit(none)    = bias + tail · tail
 *
 * The probabilities add up to 1, so "one of the top two is right" is simply p1 + p2.
 */

export interface ConfidenceModel {
  /** How many of the top entries the model weighs (the rest count as "none of them"). */
  readonly candidates: number;
  readonly entry: { readonly strength: number; readonly shareOfBest: number };
  readonly none: { readonly bias: number; readonly tail: number };
}

/** The probability of each top entry being the right one, best first, and of none of them. */
export interface Confidence {
  readonly entries: readonly number[];
  readonly none: number;
}

/** The model's logits: "none of them" first, then one per entry. */
export function logits(features: RankingFeatures, model: ConfidenceModel): number[] {
  return [
    model.none.bias + model.none.tail * features.tail,
    ...features.entries.map((e) => model.entry.strength * e.strength + model.entry.shareOfBest * e.shareOfBest),
  ];
}

/** Turns logits into probabilities that add up to 1 (shifted by the largest, so exp cannot overflow). */
export function softmax(values: readonly number[]): number[] {
  const top = Math.max(...values);
  const exps = values.map((v) => Math.exp(v - top));
  const total = exps.reduce((sum, e) => sum + e, 0);
  return exps.map((e) => e / total);
}

export function confidenceOf(matches: readonly RankedMatch[], model: ConfidenceModel): Confidence {
  const [none = 1, ...entries] = softmax(logits(rankingFeatures(matches, model.candidates), model));
  return { entries, none };
}
