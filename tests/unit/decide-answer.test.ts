import { describe, expect, it } from 'vitest';
import { decideAnswer, DEFAULT_THRESHOLDS, type DecisionThresholds } from '../../src/core/answer/decide-answer.ts';
import type { RankedMatch } from '../../src/core/search/search-engine.ts';

function match(id: string, score: number, coverage: number, exact = false): RankedMatch {
  return { entry: { id, question: `Frage ${id}?`, related: [], html: `<p>${id}</p>` }, score, coverage, exact };
}

const THRESHOLDS: DecisionThresholds = { minCoverage: 0.5, clarifyRatio: 0.5, maxChoices: 3 };

const ids = (decision: ReturnType<typeof decideAnswer>): string[] =>
  decision.kind === 'answer' ? [decision.match.entry.id] : decision.kind === 'clarify' ? decision.matches.map((m) => m.entry.id) : [];

describe('decideAnswer', () => {
  it('says there is no answer when nothing matched', () => {
    expect(decideAnswer([], THRESHOLDS)).toEqual({ kind: 'none' });
  });

  it('answers with the one entry that clearly fits', () => {
    const decision = decideAnswer([match('versand', 10, 1), match('lieferzeit', 4, 1)], THRESHOLDS);
    expect(decision.kind).toBe('answer');
    expect(ids(decision)).toEqual(['versand']);
  });

  it('says there is no answer when the best entry covers just below the minimum of the question', () => {
    expect(decideAnswer([match('versand', 10, 0.49)], THRESHOLDS).kind).toBe('none');
    expect(decideAnswer([match('versand', 10, 0.5)], THRESHOLDS).kind).toBe('answer');
  });

  it('asks back when a rival scores exactly the clarify ratio of the best', () => {
    const decision = decideAnswer([match('kette-pflegen', 10, 1), match('kette-wechseln', 5, 1)], THRESHOLDS);
    expect(decision.kind).toBe('clarify');
    expect(ids(decision)).toEqual(['kette-pflegen', 'kette-wechseln']);
  });

  it('answers when the rival scores just below the clarify ratio', () => {
    const decision = decideAnswer([match('kette-pflegen', 10, 1), match('kette-wechseln', 4.99, 1)], THRESHOLDS);
    expect(ids(decision)).toEqual(['kette-pflegen']);
    expect(decision.kind).toBe('answer');
  });

  it('does not count a rival that covers too little of the question', () => {
    const decision = decideAnswer([match('versand', 10, 1), match('inspektion', 9.9, 0.3)], THRESHOLDS);
    expect(decision.kind).toBe('answer');
  });

  it('offers at most maxChoices entries, best first', () => {
    const matches = ['a', 'b', 'c', 'd', 'e'].map((id, i) => match(id, 10 - i * 0.1, 1));
    const decision = decideAnswer(matches, THRESHOLDS);
    expect(decision.kind).toBe('clarify');
    expect(ids(decision)).toEqual(['a', 'b', 'c']);
    expect(ids(decideAnswer(matches, { ...THRESHOLDS, maxChoices: 2 }))).toEqual(['a', 'b']);
  });

  it('leaves out weaker entries from a clarifying question', () => {
    const decision = decideAnswer([match('a', 10, 1), match('b', 9, 1), match('c', 2, 1)], THRESHOLDS);
    expect(ids(decision)).toEqual(['a', 'b']);
  });

  it('uses the default thresholds when none are given', () => {
    const { minCoverage } = DEFAULT_THRESHOLDS;
    expect(decideAnswer([match('a', 10, minCoverage)]).kind).toBe('answer');
    expect(decideAnswer([match('a', 10, minCoverage - 0.01)]).kind).toBe('none');
    const rival = DEFAULT_THRESHOLDS.clarifyRatio + 0.01;
    expect(decideAnswer([match('a', 10, 1), match('b', 10 * rival, 1)]).kind).toBe('clarify');
  });

  it("answers at once when the visitor typed the entry's own question or variant", () => {
    const decision = decideAnswer([match('kette-pflegen', 10, 1, true), match('kette-wechseln', 10, 1)], THRESHOLDS);
    expect(decision.kind).toBe('answer');
    expect(ids(decision)).toEqual(['kette-pflegen']);
  });

  it('asks back when the same rival is not an exact phrasing', () => {
    expect(decideAnswer([match('kette-pflegen', 10, 1), match('kette-wechseln', 10, 1)], THRESHOLDS).kind).toBe('clarify');
  });

  // BUG: only the best-scored entry's coverage is checked. When it covers too little of the
  // question but a rival with almost the same score covers all of it, the bot says "no answer"
  // although an entry fits. Input (default thresholds): best coverage just below minCoverage,
  // score 24.46; rival coverage 1.0, score 24.35. Expected: the rival as the answer or among the
  // choices; actual: { kind: 'none' }. (Before the recalibration of 2026-11-29 this hit the fixture
  // question "Wann kommt mein Rad?", with ruecksendung at coverage 0.43 above lieferzeit at 1.0.)
  it('does not say "no answer" when a near-equal rival covers the whole question', () => {
    const weak = DEFAULT_THRESHOLDS.minCoverage - 0.05;
    const decision = decideAnswer([match('ruecksendung', 24.46, weak), match('lieferzeit', 24.35, 1)]);
    expect(ids(decision)).toContain('lieferzeit');
  });
});
