import { decideAnswer, DEFAULT_THRESHOLDS } from '../answer/decide-answer.ts';
import { prepareQuestion, relatedEntries, replyTo, type BotReply, type ReplyContext } from '../dialog/reply.ts';
import type { EntrySummary } from '../search/search-engine.ts';
import { personalizeDecision } from './tie-break.ts';

/*
 * replyTo with the visitor's interests breaking ties. Every reply other than a clarifying question
 * is replyTo's own, so personalization cannot change a clear answer, a "no answer" or the offer
 * from the other language by construction; only a clarifying question is decided again.
 */

export interface PersonalizedReply {
  readonly reply: BotReply;
  /** The interest (category id) that chose this answer among near-equal entries. */
  readonly because?: string;
  /** The near-equal entries not chosen, for "Oder meinten Sie …". */
  readonly alternatives?: readonly EntrySummary[];
}

export function replyToPersonalized(question: string, context: ReplyContext, interests: readonly string[]): PersonalizedReply {
  const reply = replyTo(question, context);
  if (reply.kind !== 'clarify' || interests.length === 0) return { reply };
  // The same search and decision replyTo made (both are deterministic), now personalized.
  const { engine, thresholds = DEFAULT_THRESHOLDS } = context;
  const decision = personalizeDecision(decideAnswer(engine.search(prepareQuestion(question).text), thresholds), interests);
  if (decision.kind === 'clarify') return { reply: { ...reply, choices: decision.matches.map((match) => match.entry) } };
  if (decision.kind !== 'answer' || decision.because === undefined) return { reply };
  const entry = decision.match.entry;
  const alternatives = (decision.alternatives ?? []).map((match) => match.entry);
  // The alternatives are offered already; related entries repeat none of them.
  const shown = new Set(alternatives.map((alternative) => alternative.id));
  const related = relatedEntries(entry, engine).filter((candidate) => !shown.has(candidate.id));
  return {
    reply: { kind: 'answer', entry, lang: engine.lang, otherLanguage: false, related },
    because: decision.because,
    alternatives,
  };
}
