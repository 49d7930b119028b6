import { decideAnswer, DEFAULT_THRESHOLDS, type ConfidenceThresholds } from '../answer/decide-answer.ts';
import type { Language } from '../content/faq-entry.ts';
import type { EntrySummary, SearchEngine } from '../search/search-engine.ts';

/*
 * What the bot says to a question: the answer decision turned into a reply the widget can render
 * without deciding anything itself. Pure, so `eval`, the tests and the browser agree.
 */

/** Longer input is read only up to here: no FAQ question needs more, and it keeps latency flat. */
export const MAX_QUESTION_LENGTH = 500;
const RELATED_SHOWN = 3;

export type BotReply =
  | {
      readonly kind: 'answer';
      readonly entry: EntrySummary;
      readonly lang: Language;
      /** The entry exists only in the other language and is offered as such. */
      readonly otherLanguage: boolean;
      readonly related: readonly EntrySummary[];
    }
  | { readonly kind: 'clarify'; readonly choices: readonly EntrySummary[]; readonly lang: Language }
  | {
      readonly kind: 'none';
      readonly question: string;
      /** An entry of the other language that fits, offered labelled (SPEC 2.7). */
      readonly otherLanguage?: { readonly entry: EntrySummary; readonly lang: Language } | undefined;
    }
  | { readonly kind: 'nothing-to-search' };

export interface ReplyContext {
  readonly engine: SearchEngine;
  /** The other language's engine, when it is loaded, for entries missing in this language. */
  readonly otherEngine?: SearchEngine | undefined;
  readonly thresholds?: ConfidenceThresholds;
}

/** Cleans visitor input for searching: control characters out, length capped. */
export function prepareQuestion(raw: string): { text: string; truncated: boolean } {
  // Control and bidi-override characters carry no meaning for a search.
  const cleaned = raw.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, ' ').replace(/\s+/g, ' ').trim();
  if (cleaned.length <= MAX_QUESTION_LENGTH) return { text: cleaned, truncated: false };
  // Cut between characters, never inside a surrogate pair (an emoji cut in half breaks
  // encodeURIComponent, and with it the mailto link).
  const end = /[\uD800-\uDBFF]/.test(cleaned.charAt(MAX_QUESTION_LENGTH - 1)) ? MAX_QUESTION_LENGTH - 1 : MAX_QUESTION_LENGTH;
  return { text: cleaned.slice(0, end), truncated: true };
}

export function relatedEntries(entry: EntrySummary, engine: SearchEngine): EntrySummary[] {
  return entry.related.flatMap((id) => engine.entry(id) ?? []).slice(0, RELATED_SHOWN);
}

/** The reply to a finished question. */
export function replyTo(question: string, context: ReplyContext): BotReply {
  const { engine, otherEngine, thresholds = DEFAULT_THRESHOLDS } = context;
  const { text } = prepareQuestion(question);
  const matches = engine.search(text);
  if (matches.length === 0 && !/[\p{L}\p{N}]/u.test(text)) return { kind: 'nothing-to-search' };
  const decision = decideAnswer(matches, thresholds);
  if (decision.kind === 'answer') {
    const entry = decision.match.entry;
    return { kind: 'answer', entry, lang: engine.lang, otherLanguage: false, related: relatedEntries(entry, engine) };
  }
  if (decision.kind === 'clarify') return { kind: 'clarify', choices: decision.matches.map((m) => m.entry), lang: engine.lang };
  // Only entries missing in this language are offered from the other one: an entry that
  // exists here already had its chance.
  if (otherEngine) {
    const other = decideAnswer(otherEngine.search(text), thresholds);
    if (other.kind === 'answer' && !engine.entry(other.match.entry.id)) {
      return { kind: 'none', question: text, otherLanguage: { entry: other.match.entry, lang: otherEngine.lang } };
    }
  }
  return { kind: 'none', question: text };
}

/** The reply when the visitor picks an entry (starter, suggestion, clarification, related). */
export function replyWithEntry(id: string, context: ReplyContext): BotReply | undefined {
  const entry = context.engine.entry(id);
  if (entry) return { kind: 'answer', entry, lang: context.engine.lang, otherLanguage: false, related: relatedEntries(entry, context.engine) };
  const foreign = context.otherEngine?.entry(id);
  if (foreign && context.otherEngine) {
    return { kind: 'answer', entry: foreign, lang: context.otherEngine.lang, otherLanguage: true, related: relatedEntries(foreign, context.otherEngine) };
  }
  return undefined;
}
