import { addPenalty, addSoftmaxExample, emptySums, minimize, type Objective } from '../answer/newton.ts';
import { RANKING_FEATURES, rankScore, type RankingModel } from './ranking.ts';

/*
 * Fits the ranking model (ranking.ts) for `npm run fit-ranking`; never loaded by the browser. A
 * listwise softmax regression: for each labelled question, the probability that the right entry
 * is the one the model puts first among the candidates, maximized with an L2 penalty on every
 * weight but BM25's, by damped Newton steps (the objective is convex, so the result depends on
 * neither a learning rate nor a start).
 */

/** One labelled question: its candidates' features, which of them is right, and its weight. */
export interface RankingExample {
  readonly candidates: readonly (readonly number[])[];
  readonly right: number;
  readonly weight: number;
}

const PARAMETERS = RANKING_FEATURES.length;

function objective(examples: readonly RankingExample[], weights: readonly number[], lambda: number): Objective {
  const total = examples.reduce((sum, e) => sum + e.weight, 0);
  const sums = emptySums(PARAMETERS);
  for (const example of examples) {
    const scores = example.candidates.map((x) => x.reduce((sum, v, i) => sum + v * (weights[i] ?? 0), 0));
    const top = Math.max(...scores);
    const exps = scores.map((s) => Math.exp(s - top));
    const z = exps.reduce((a, b) => a + b, 0);
    addSoftmaxExample(sums, example.candidates, exps.map((e) => e / z), example.right, example.weight / total);
  }
  // BM25's weight (the first) is not penalized: it carries the order the others refine.
  addPenalty(sums, weights, lambda, 1);
  return sums;
}

/** The weights that best put the right entries first, shrunk by `lambda`. */
export function fitRankingModel(examples: readonly RankingExample[], lambda: number, depth: number): RankingModel {
  const usable = examples.filter((e) => e.right >= 0 && e.right < e.candidates.length && e.candidates.length > 1);
  if (usable.length === 0) throw new Error('vertraut: fitRankingModel needs a labelled question with the right entry among several candidates.');
  const weights = minimize((theta) => objective(usable, theta, lambda), RANKING_FEATURES.map((_, i) => (i === 0 ? 1 : 0)));
  if (!((weights[0] ?? 0) > 0)) throw new Error('vertraut: the fitted ranking gives BM25 no positive weight; the features do not fit these questions.');
  return { weights, depth };
}

/** Which candidate the model puts first (ties: the earlier, BM25's order). */
export function firstByModel(candidates: readonly (readonly number[])[], model: RankingModel): number {
  let best = -1;
  let bestScore = -Infinity;
  candidates.forEach((features, i) => {
    const score = rankScore(features, model);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}
