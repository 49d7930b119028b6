import { describe, expect, it } from 'vitest';
import type { AnswerDecision } from '../../src/core/answer/decide-answer.ts';
import { correctDecisionShare, noAnswerQuality, summarize, type QueryOutcome } from '../../src/core/eval/metrics.ts';
import type { RankedMatch } from '../../src/core/search/search-engine.ts';

const m = (id: string): RankedMatch => ({ entry: { id, question: `${id}?`, related: [], html: '' }, score: 1, coverage: 1, exact: false });
const answer = (id: string): AnswerDecision => ({ kind: 'answer', match: m(id) });
const clarify = (...ids: string[]): AnswerDecision => ({ kind: 'clarify', matches: ids.map(m) });
const none: AnswerDecision = { kind: 'none' };

function outcome(gold: string | null, ranked: string[], decision: AnswerDecision, latencyMs = 1): QueryOutcome {
  return { gold, ranked, decision, latencyMs };
}

// Six questions with an answer in the content, four without.
const OUTCOMES: QueryOutcome[] = [
  outcome('versand', ['versand', 'lieferzeit'], answer('versand'), 1), // rank 1, right answer
  outcome('kette', ['kette-pflegen', 'kette'], clarify('kette-pflegen', 'kette'), 2), // rank 2, clarify with it
  outcome('garantie', ['rahmen', 'lieferzeit', 'garantie'], answer('rahmen'), 3), // rank 3, wrong answer
  outcome('zahlung', ['a', 'b', 'c', 'zahlung'], clarify('a', 'b'), 4), // rank 4, clarify without it
  outcome('datenschutz', [], none, 5), // not found
  outcome('inspektion', ['inspektion'], none, 6), // rank 1, but no answer given
  outcome(null, [], none, 7),
  outcome(null, ['versand'], answer('versand'), 8),
  outcome(null, ['a', 'b'], clarify('a', 'b'), 9),
  outcome(null, [], none, 100),
];

describe('summarize', () => {
  const report = summarize(OUTCOMES);

  it('counts questions in and out of scope', () => {
    expect(report).toMatchObject({ queries: 10, inScope: 6, outOfScope: 4 });
  });

  it('computes recall@1, recall@3 and MRR over the questions in scope', () => {
    expect(report.recallAt1).toBeCloseTo(2 / 6, 4);
    expect(report.recallAt3).toBeCloseTo(4 / 6, 4);
    expect(report.mrr).toBeCloseTo((1 + 1 / 2 + 1 / 3 + 1 / 4 + 0 + 1) / 6, 4);
  });

  it('counts each kind of decision', () => {
    expect(report.decisions).toEqual({
      answerCorrect: 1,
      answerWrong: 1,
      clarifyWithGold: 1,
      clarifyWithoutGold: 1,
      noAnswerInScope: 2,
      answerOutOfScope: 1,
      clarifyOutOfScope: 1,
      noAnswerOutOfScope: 2,
    });
  });

  it('reports latency percentiles by nearest rank', () => {
    expect(report.latencyMs).toEqual({ p50: 5, p95: 100 });
  });

  it('gives zeros, not NaN, for no questions at all', () => {
    const empty = summarize([]);
    expect(empty).toMatchObject({ queries: 0, inScope: 0, outOfScope: 0, recallAt1: 0, recallAt3: 0, mrr: 0, latencyMs: { p50: 0, p95: 0 } });
  });

  it('gives zero rates when every question is out of scope', () => {
    const report = summarize([outcome(null, [], none), outcome(null, ['a'], answer('a'))]);
    expect(report).toMatchObject({ inScope: 0, outOfScope: 2, recallAt1: 0, mrr: 0 });
    expect(report.decisions.noAnswerOutOfScope).toBe(1);
    expect(report.decisions.answerOutOfScope).toBe(1);
  });

  it('rounds rates to four digits', () => {
    const report = summarize([outcome('a', ['a'], answer('a')), outcome('b', [], none), outcome('c', [], none)]);
    expect(report.recallAt1).toBe(0.3333);
  });

  it('does not depend on the order of the outcomes', () => {
    expect(summarize([...OUTCOMES].reverse())).toEqual(report);
  });
});

describe('correctDecisionShare', () => {
  it('counts the right answer, a clarification with it, and no answer when none exists', () => {
    expect(correctDecisionShare(summarize(OUTCOMES))).toBeCloseTo((1 + 1 + 2) / 10);
    expect(correctDecisionShare(summarize([]))).toBe(0);
  });
});

describe('noAnswerQuality', () => {
  it('measures how often "no answer" was right (precision) and was said when due (recall)', () => {
    expect(noAnswerQuality(summarize(OUTCOMES))).toEqual({ precision: 2 / 4, recall: 2 / 4 });
  });
});
