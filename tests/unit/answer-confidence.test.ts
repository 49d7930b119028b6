import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { confidenceOf, softmax, type ConfidenceModel } from '../../src/core/answer/confidence.ts';
import { CONFIDENCE_MODEL } from '../../src/core/answer/confidence-model.ts';
import { fitConfidenceModel, type TrainingExample } from '../../src/core/answer/fit-confidence.ts';
import { rankingFeatures, type RankingFeatures } from '../../src/core/answer/match-features.ts';
import type { RankedMatch } from '../../src/core/search/search-engine.ts';

function match(id: string, score: number, questionWeight?: number): RankedMatch {
  return { entry: { id, question: `${id}?`, related: [], html: '' }, score, coverage: 1, exact: false, ...(questionWeight === undefined ? {} : { questionWeight }) };
}

describe('rankingFeatures', () => {
  it('reads strength, share of the best and the tail off the ranking', () => {
    const features = rankingFeatures([match('a', 30, 5), match('b', 15, 5), match('c', 10, 5), match('d', 6, 5), match('e', 1, 5)], 3);
    expect(features.entries.map((e) => e.shareOfBest)).toEqual([1, 0.5, 1 / 3]);
    expect(features.entries.map((e) => e.strength)).toEqual([Math.log(7), Math.log(4), Math.log(3)]);
    expect(features.tail).toBeCloseTo(0.2);
  });

  it('has no tail when nothing is left out, and no entries for no matches', () => {
    expect(rankingFeatures([match('a', 30, 5), match('b', 15, 5)], 3).tail).toBe(0);
    expect(rankingFeatures([], 3)).toEqual({ entries: [], tail: 0 });
  });

  it('means the same for an index of any size: scores scaled with the question weight give the same features', () => {
    const small = rankingFeatures([match('a', 12, 2), match('b', 6, 2), match('c', 3, 2), match('d', 1, 2)], 3);
    const large = rankingFeatures([match('a', 48, 8), match('b', 24, 8), match('c', 12, 8), match('d', 4, 8)], 3);
    expect(large).toEqual(small);
  });

  it('counts a score as already relative when a match carries no question weight', () => {
    expect(rankingFeatures([match('a', Math.E - 1)], 3).entries[0]?.strength).toBeCloseTo(1);
  });
});

describe('confidenceOf', () => {
  const model: ConfidenceModel = { candidates: 3, entry: { strength: 1, shareOfBest: 2 }, none: { bias: 2, tail: 2 } };

  it('gives probabilities for the top entries and "none of them" that add up to 1', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { maxLength: 8 }), fc.double({ min: 0.01, max: 100, noNaN: true }), (scores, weight) => {
        const matches = [...scores].sort((a, b) => b - a).map((s, i) => match(`e${i}`, s, weight));
        const { entries, none } = confidenceOf(matches, CONFIDENCE_MODEL);
        expect(entries).toHaveLength(Math.min(3, matches.length));
        for (const p of [...entries, none]) expect(p).toBeGreaterThanOrEqual(0);
        expect(entries.reduce((sum, p) => sum + p, none)).toBeCloseTo(1, 9);
      }),
    );
  });

  it('ranks the entries as the search did: a higher score never gets a lower probability', () => {
    const { entries } = confidenceOf([match('a', 40, 4), match('b', 30, 4), match('c', 5, 4)], CONFIDENCE_MODEL);
    expect(entries[0]).toBeGreaterThan(entries[1] ?? 1);
    expect(entries[1]).toBeGreaterThan(entries[2] ?? 1);
  });

  it('grows more sure of the best as it pulls away from the rest, and as it matches more strongly', () => {
    const p = (matches: RankedMatch[]): number => confidenceOf(matches, CONFIDENCE_MODEL).entries[0] ?? 0;
    expect(p([match('a', 40, 4), match('b', 10, 4)])).toBeGreaterThan(p([match('a', 40, 4), match('b', 35, 4)]));
    expect(p([match('a', 80, 4), match('b', 20, 4)])).toBeGreaterThan(p([match('a', 40, 4), match('b', 10, 4)]));
  });

  it('works the logits out as documented', () => {
    // Entries: ln(1 + 3) + 2, ln(1 + 1.5) + 2 × 0.5, ln(1 + 1) + 2 × 1/3; none: 2 + 2 × the tail (1/3).
    const { entries, none } = confidenceOf([match('a', 3, 1), match('b', 1.5, 1), match('c', 1, 1), match('d', 1, 1)], model);
    const expected = softmax([2 + 2 / 3, Math.log(4) + 2, Math.log(2.5) + 1, Math.log(2) + 2 / 3]);
    expect([none, ...entries]).toEqual(expected.map((v) => expect.closeTo(v, 12)));
  });

  it('does not overflow for huge scores', () => {
    const { entries } = confidenceOf([match('a', 1e300, 1e-300)], CONFIDENCE_MODEL);
    expect(entries[0]).toBe(1);
  });
});

describe('fitConfidenceModel', () => {
  // A deterministic pseudo-random stream, so that the test is the same on every run.
  function stream(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
  }

  /** Questions whose right entry is drawn from `truth`'s own probabilities. */
  function sample(truth: ConfidenceModel, count: number): TrainingExample[] {
    const random = stream(42);
    const examples: TrainingExample[] = [];
    for (let i = 0; i < count; i++) {
      const best = 1 + 60 * random();
      const scores = [best, best * random(), best * random() * random(), best * random() * random() * random()].sort((a, b) => b - a);
      const features: RankingFeatures = rankingFeatures(
        scores.map((s, k) => match(`e${k}`, s, 4)),
        3,
      );
      const p = confidenceOf(scores.map((s, k) => match(`e${k}`, s, 4)), truth);
      let draw = random();
      let right = -1;
      p.entries.forEach((q, k) => {
        if (right === -1 && draw < q) right = k;
        draw -= q;
      });
      examples.push({ features, right, weight: 1 });
    }
    return examples;
  }

  const truth: ConfidenceModel = { candidates: 3, entry: { strength: 1.5, shareOfBest: 2 }, none: { bias: 3, tail: 1.5 } };

  it('recovers the model that generated the answers', () => {
    const fitted = fitConfidenceModel(sample(truth, 6000), 0, 3);
    expect(fitted.entry.strength).toBeCloseTo(truth.entry.strength, 0);
    expect(fitted.entry.shareOfBest).toBeCloseTo(truth.entry.shareOfBest, 0);
    expect(fitted.none.bias).toBeCloseTo(truth.none.bias, 0);
    expect(fitted.none.tail).toBeCloseTo(truth.none.tail, 0);
  });

  it('shrinks the weights, not the bias, under a stronger penalty', () => {
    const examples = sample(truth, 1000);
    const loose = fitConfidenceModel(examples, 0.001, 3);
    const tight = fitConfidenceModel(examples, 1, 3);
    const size = (m: ConfidenceModel): number => Math.hypot(m.entry.strength, m.entry.shareOfBest, m.none.tail);
    expect(size(tight)).toBeLessThan(size(loose));
  });

  it('refuses to fit nothing', () => {
    expect(() => fitConfidenceModel([], 0.01, 3)).toThrow(/fitConfidenceModel needs at least one/);
  });
});
