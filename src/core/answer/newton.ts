/*
 * What the two fitted models share (`fit-confidence.ts`, `../search/fit-ranking.ts`): both are
 * softmax regressions, fitted by maximum likelihood with an L2 penalty, by damped Newton steps.
 * The objective is convex, so a dozen steps reach the optimum exactly and the result depends on
 * neither a learning rate nor a random start. Only the fitting scripts import this.
 */

export interface Objective {
  readonly loss: number;
  readonly gradient: readonly number[];
  readonly hessian: readonly (readonly number[])[];
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

/**
 * Adds one labelled example of a softmax regression to a running loss, gradient and Hessian:
 * the alternatives' feature vectors `xs`, their probabilities `p` under the current parameters,
 * the right alternative `label`, the example's weight `w`. Gradient = E[x] - x(label), Hessian =
 * Cov[x], both under p.
 */
export function addSoftmaxExample(
  sums: { loss: number; gradient: number[]; hessian: number[][] },
  xs: readonly (readonly number[])[],
  p: readonly number[],
  label: number,
  w: number,
): void {
  const parameters = sums.gradient.length;
  sums.loss -= w * Math.log(Math.max(p[label] ?? 0, 1e-300));
  const mean = new Array<number>(parameters).fill(0);
  xs.forEach((x, j) => x.forEach((v, i) => (mean[i] = (mean[i] ?? 0) + (p[j] ?? 0) * v)));
  const observed = xs[label] ?? [];
  for (let i = 0; i < parameters; i++) {
    sums.gradient[i] = (sums.gradient[i] ?? 0) + w * ((mean[i] ?? 0) - (observed[i] ?? 0));
    const row = sums.hessian[i] ?? [];
    for (let k = 0; k < parameters; k++) {
      let second = 0;
      xs.forEach((x, j) => (second += (p[j] ?? 0) * (x[i] ?? 0) * (x[k] ?? 0)));
      row[k] = (row[k] ?? 0) + w * (second - (mean[i] ?? 0) * (mean[k] ?? 0));
    }
  }
}

/** Adds the L2 penalty `lambda` on every parameter but the first `free` ones. */
export function addPenalty(sums: { loss: number; gradient: number[]; hessian: number[][] }, theta: readonly number[], lambda: number, free: number): void {
  for (let i = free; i < theta.length; i++) {
    const t = theta[i] ?? 0;
    sums.loss += 0.5 * lambda * t * t;
    sums.gradient[i] = (sums.gradient[i] ?? 0) + lambda * t;
    const row = sums.hessian[i] ?? [];
    row[i] = (row[i] ?? 0) + lambda;
  }
}

/** Fresh sums for `parameters` parameters. */
export function emptySums(parameters: number): { loss: number; gradient: number[]; hessian: number[][] } {
  return { loss: 0, gradient: new Array<number>(parameters).fill(0), hessian: Array.from({ length: parameters }, () => new Array<number>(parameters).fill(0)) };
}

/** Minimizes a convex objective from `start` by Newton steps, halved until the loss improves. */
export function minimize(objective: (theta: readonly number[]) => Objective, start: readonly number[]): number[] {
  let theta = [...start];
  let current = objective(theta);
  for (let iteration = 0; iteration < 100; iteration++) {
    const step = solve(current.hessian, current.gradient);
    let improved: { theta: number[]; at: Objective } | undefined;
    for (let scale = 1; scale > 1e-8 && !improved; scale /= 2) {
      const next = theta.map((t, i) => t - scale * (step[i] ?? 0));
      const at = objective(next);
      if (at.loss < current.loss) improved = { theta: next, at };
    }
    if (!improved) break;
    const gain = current.loss - improved.at.loss;
    theta = improved.theta;
    current = improved.at;
    if (gain < 1e-13) break;
  }
  return theta;
}
