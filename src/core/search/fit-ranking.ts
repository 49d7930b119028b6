import { solve } from '../answer/fit-confidence.ts';
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

interface Objective {
  readonly loss: number;
  readonly gradient: number[];
  readonly hessian: number[][];
}

function objective(examples: readonly RankingExample[], weights: readonly number[], lambda: number): Objective {
  const total = examples.reduce((sum, e) => sum + e.weight, 0);
  let loss = 0;
  const gradient = new Array<number>(PARAMETERS).fill(0);
  const hessian = Array.from({ length: PARAMETERS }, () => new Array<number>(PARAMETERS).fill(0));
  for (const example of examples) {
    const w = example.weight / total;
    const scores = example.candidates.map((x) => x.reduce((sum, v, i) => sum + v * (weights[i] ?? 0), 0));
    const top = Math.max(...scores);
    const exps = scores.map((s) => Math.exp(s - top));
    const z = exps.reduce((a, b) => a + b, 0);
    const p = exps.map((e) => e / z);
    loss -= w * Math.log(Math.max(p[example.right] ?? 0, 1e-300));
    const mean = new Array<number>(PARAMETERS).fill(0);
    example.candidates.forEach((x, j) => x.forEach((v, i) => (mean[i] = (mean[i] ?? 0) + (p[j] ?? 0) * v)));
    const observed = example.candidates[example.right] ?? [];
    for (let i = 0; i < PARAMETERS; i++) {
      gradient[i] = (gradient[i] ?? 0) + w * ((mean[i] ?? 0) - (observed[i] ?? 0));
      const row = hessian[i] ?? [];
      for (let k = 0; k < PARAMETERS; k++) {
        let second = 0;
        example.candidates.forEach((x, j) => (second += (p[j] ?? 0) * (x[i] ?? 0) * (x[k] ?? 0)));
        row[k] = (row[k] ?? 0) + w * (second - (mean[i] ?? 0) * (mean[k] ?? 0));
      }
    }
  }
  for (let i = 1; i < PARAMETERS; i++) {
    const t = weights[i] ?? 0;
    loss += 0.5 * lambda * t * t;
    gradient[i] = (gradient[i] ?? 0) + lambda * t;
    const row = hessian[i] ?? [];
    row[i] = (row[i] ?? 0) + lambda;
  }
  return { loss, gradient, hessian };
}

/** The weights that best put the right entries first, shrunk by `lambda`. */
export function fitRankingModel(examples: readonly RankingExample[], lambda: number, depth: number): RankingModel {
  const usable = examples.filter((e) => e.right >= 0 && e.right < e.candidates.length && e.candidates.length > 1);
  if (usable.length === 0) throw new Error('vertraut: fitRankingModel needs a labelled question with the right entry among several candidates.');
  let weights: number[] = RANKING_FEATURES.map((_, i) => (i === 0 ? 1 : 0));
  let current = objective(usable, weights, lambda);
  for (let iteration = 0; iteration < 100; iteration++) {
    const step = solve(current.hessian, current.gradient);
    let improved: { weights: number[]; at: Objective } | undefined;
    for (let scale = 1; scale > 1e-8 && !improved; scale /= 2) {
      const next = weights.map((t, i) => t - scale * (step[i] ?? 0));
      const at = objective(usable, next, lambda);
      if (at.loss < current.loss) improved = { weights: next, at };
    }
    if (!improved) break;
    const gain = current.loss - improved.at.loss;
    weights = improved.weights;
    current = improved.at;
    if (gain < 1e-13) break;
  }
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
