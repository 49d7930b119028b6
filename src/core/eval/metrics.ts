import type { AnswerDecision } from '../answer/decide-answer.ts';

/** One labelled question: `gold` is the id of the entry that answers it, or null for none. */
export interface LabelledQuery {
  readonly query: string;
  readonly lang: string;
  readonly gold: string | null;
}

/** What the bot did with one question. */
export interface QueryOutcome {
  readonly gold: string | null;
  /** Entry ids as ranked, best first. */
  readonly ranked: readonly string[];
  readonly decision: AnswerDecision;
  readonly latencyMs: number;
}

/** The fixed report format of `npm run eval -- --json` (SPEC 2.10). */
export interface EvalReport {
  queries: number;
  inScope: number;
  outOfScope: number;
  recallAt1: number;
  recallAt3: number;
  mrr: number;
  decisions: {
    answerCorrect: number;
    answerWrong: number;
    clarifyWithGold: number;
    clarifyWithoutGold: number;
    noAnswerInScope: number;
    answerOutOfScope: number;
    clarifyOutOfScope: number;
    noAnswerOutOfScope: number;
  };
  latencyMs: { p50: number; p95: number };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[index] ?? 0;
}

const round = (value: number, digits = 4): number => Number(value.toFixed(digits));

export function summarize(outcomes: readonly QueryOutcome[]): EvalReport {
  const decisions: EvalReport['decisions'] = {
    answerCorrect: 0,
    answerWrong: 0,
    clarifyWithGold: 0,
    clarifyWithoutGold: 0,
    noAnswerInScope: 0,
    answerOutOfScope: 0,
    clarifyOutOfScope: 0,
    noAnswerOutOfScope: 0,
  };
  let inScope = 0;
  let hits1 = 0;
  let hits3 = 0;
  let reciprocal = 0;
  for (const { gold, ranked, decision } of outcomes) {
    if (gold === null) {
      if (decision.kind === 'answer') decisions.answerOutOfScope++;
      else if (decision.kind === 'clarify') decisions.clarifyOutOfScope++;
      else decisions.noAnswerOutOfScope++;
      continue;
    }
    inScope++;
    const rank = ranked.indexOf(gold);
    if (rank === 0) hits1++;
    if (rank >= 0 && rank < 3) hits3++;
    if (rank >= 0) reciprocal += 1 / (rank + 1);
    if (decision.kind === 'answer') {
      if (decision.match.entry.id === gold) decisions.answerCorrect++;
      else decisions.answerWrong++;
    } else if (decision.kind === 'clarify') {
      if (decision.matches.some((m) => m.entry.id === gold)) decisions.clarifyWithGold++;
      else decisions.clarifyWithoutGold++;
    } else decisions.noAnswerInScope++;
  }
  const latencies = outcomes.map((o) => o.latencyMs).sort((a, b) => a - b);
  const rate = (n: number): number => (inScope > 0 ? round(n / inScope) : 0);
  return {
    queries: outcomes.length,
    inScope,
    outOfScope: outcomes.length - inScope,
    recallAt1: rate(hits1),
    recallAt3: rate(hits3),
    mrr: rate(reciprocal),
    decisions,
    latencyMs: { p50: round(percentile(latencies, 0.5), 3), p95: round(percentile(latencies, 0.95), 3) },
  };
}

/** Share of questions whose decision was right: the right answer, a clarification containing it, or no answer when none exists. */
export function correctDecisionShare(report: EvalReport): number {
  const d = report.decisions;
  return report.queries > 0 ? (d.answerCorrect + d.clarifyWithGold + d.noAnswerOutOfScope) / report.queries : 0;
}

/** No-answer precision and recall: how trustworthy "I don't know" is, and how often it is said when due. */
export function noAnswerQuality(report: EvalReport): { precision: number; recall: number } {
  const d = report.decisions;
  const said = d.noAnswerOutOfScope + d.noAnswerInScope;
  return {
    precision: said > 0 ? d.noAnswerOutOfScope / said : 0,
    recall: report.outOfScope > 0 ? d.noAnswerOutOfScope / report.outOfScope : 0,
  };
}
