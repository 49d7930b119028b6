import type { ConfidenceModel } from './confidence.ts';
import { logits, softmax } from './confidence.ts';
import type { RankingFeatures } from './match-features.ts';
import { addPenalty, addSoftmaxExample, emptySums, minimize, type Objective } from './newton.ts';

/*
 * Fits the confidence model (confidence.ts) for `npm run calibrate`; never loaded by the browser.
 * Maximum likelihood with an L2 penalty on the weights (not on the bias), by Newton's method: the
 * objective is convex and has four parameters, so a dozen steps reach the optimum exactly and
 * the result does not depend on a learning rate or a random start.
 */

/** One labelled question: its ranking, which of the top entries is right (-1: none of them), and its weight. */
export interface TrainingExample {
  readonly features: RankingFeatures;
  readonly right: number;
  readonly weight: number;
}

// Parameter order: none.bias, none.tail, entry.strength, entry.shareOfBest. Each alternative of
// the softmax has a feature vector over these; "none" owns the first two, entries the last two.
const PARAMETERS = 4;

function modelOf(theta: readonly number[], candidates: number): ConfidenceModel {
  const [bias = 0, tail = 0, strength = 0, shareOfBest = 0] = theta;
  return { candidates, entry: { strength, shareOfBest }, none: { bias, tail } };
}

function alternatives(features: RankingFeatures): number[][] {
  return [[1, features.tail, 0, 0], ...features.entries.map((e) => [0, 0, e.strength, e.shareOfBest])];
}

/** The penalized negative log-likelihood (weights normalized to sum 1), its gradient and Hessian. */
function objective(examples: readonly TrainingExample[], theta: readonly number[], lambda: number, candidates: number): Objective {
  const total = examples.reduce((sum, e) => sum + e.weight, 0);
  const model = modelOf(theta, candidates);
  const sums = emptySums(PARAMETERS);
  for (const example of examples) {
    const p = softmax(logits(example.features, model));
    const label = example.right >= 0 && example.right < example.features.entries.length ? example.right + 1 : 0;
    addSoftmaxExample(sums, alternatives(example.features), p, label, example.weight / total);
  }
  // The bias (the first parameter) is not penalized.
  addPenalty(sums, theta, lambda, 1);
  return sums;
}

/** The model that best explains the examples, weights shrunk by `lambda`. */
export function fitConfidenceModel(examples: readonly TrainingExample[], lambda: number, candidates: number): ConfidenceModel {
  if (examples.length === 0) throw new Error('vertraut: fitConfidenceModel needs at least one labelled question.');
  return modelOf(minimize((theta) => objective(examples, theta, lambda, candidates), new Array<number>(PARAMETERS).fill(0)), candidates);
}
