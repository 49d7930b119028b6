import type { ConfidenceModel } from './confidence.ts';
import { logits, softmax } from './confidence.ts';
import type { RankingFeatures } from './match-features.ts';

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

/** Solves a small dense system by Gaussian elimination with partial pivoting. */
export function solve(matrix: readonly (readonly number[])[], vector: readonly number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i] ?? 0]);
  const at = (row: number, col: number): number => a[row]?.[col] ?? 0;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) if (Math.abs(at(row, col)) > Math.abs(at(pivot, col))) pivot = row;
    const pivotRow = a[pivot] ?? [];
    a[pivot] = a[col] ?? [];
    a[col] = pivotRow;
    for (let row = col + 1; row < n; row++) {
      const factor = at(row, col) / at(col, col);
      a[row] = (a[row] ?? []).map((value, k) => (k >= col ? value - factor * at(col, k) : value));
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row--) {
    let sum = at(row, n);
    for (let k = row + 1; k < n; k++) sum -= at(row, k) * (x[k] ?? 0);
    x[row] = sum / at(row, row);
  }
  return x;
}

interface Objective {
  readonly loss: number;
  readonly gradient: readonly number[];
  readonly hessian: readonly (readonly number[])[];
}

/** The penalized negative log-likelihood (weights normalized to sum 1), its gradient and Hessian. */
function objective(examples: readonly TrainingExample[], theta: readonly number[], lambda: number, candidates: number): Objective {
  const total = examples.reduce((sum, e) => sum + e.weight, 0);
  const model = modelOf(theta, candidates);
  let loss = 0;
  const gradient = new Array<number>(PARAMETERS).fill(0);
  const hessian = Array.from({ length: PARAMETERS }, () => new Array<number>(PARAMETERS).fill(0));
  for (const example of examples) {
    const w = example.weight / total;
    const xs = alternatives(example.features);
    const p = softmax(logits(example.features, model));
    const label = example.right >= 0 && example.right < example.features.entries.length ? example.right + 1 : 0;
    loss -= w * Math.log(Math.max(p[label] ?? 0, 1e-300));
    // Softmax regression: gradient = E[x] - x(label), Hessian = Cov[x], both under the model's p.
    const mean = new Array<number>(PARAMETERS).fill(0);
    xs.forEach((x, j) => x.forEach((v, i) => (mean[i] = (mean[i] ?? 0) + (p[j] ?? 0) * v)));
    const observed = xs[label] ?? [];
    for (let i = 0; i < PARAMETERS; i++) {
      gradient[i] = (gradient[i] ?? 0) + w * ((mean[i] ?? 0) - (observed[i] ?? 0));
      const row = hessian[i] ?? [];
      for (let k = 0; k < PARAMETERS; k++) {
        let second = 0;
        xs.forEach((x, j) => (second += (p[j] ?? 0) * (x[i] ?? 0) * (x[k] ?? 0)));
        row[k] = (row[k] ?? 0) + w * (second - (mean[i] ?? 0) * (mean[k] ?? 0));
      }
    }
  }
  for (let i = 1; i < PARAMETERS; i++) {
    const t = theta[i] ?? 0;
    loss += 0.5 * lambda * t * t;
    gradient[i] = (gradient[i] ?? 0) + lambda * t;
    const row = hessian[i] ?? [];
    row[i] = (row[i] ?? 0) + lambda;
  }
  return { loss, gradient, hessian };
}

/** The model that best explains the examples, weights shrunk by `lambda`. */
export function fitConfidenceModel(examples: readonly TrainingExample[], lambda: number, candidates: number): ConfidenceModel {
  if (examples.length === 0) throw new Error('vertraut: fitConfidenceModel needs at least one labelled question.');
  let theta = new Array<number>(PARAMETERS).fill(0);
  let current = objective(examples, theta, lambda, candidates);
  for (let iteration = 0; iteration < 100; iteration++) {
    const step = solve(current.hessian, current.gradient);
    // Damped Newton: halve the step until the objective improves; stop when it no longer can.
    let improved: { theta: number[]; at: Objective } | undefined;
    for (let scale = 1; scale > 1e-8 && !improved; scale /= 2) {
      const next = theta.map((t, i) => t - scale * (step[i] ?? 0));
      const at = objective(examples, next, lambda, candidates);
      if (at.loss < current.loss) improved = { theta: next, at };
    }
    if (!improved) break;
    const gain = current.loss - improved.at.loss;
    theta = improved.theta;
    current = improved.at;
    if (gain < 1e-13) break;
  }
  return modelOf(theta, candidates);
}
