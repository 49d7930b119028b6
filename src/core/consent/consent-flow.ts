import type { WithdrawalCommand } from './commands.ts';
import type { ConsentState, Decision } from './ledger.ts';
import { PURPOSES, type Purpose } from './purposes.ts';

/*
 * When to ask for consent, and what a withdrawal ends. Pure rules over the consent state; the
 * chat carries them out.
 */

export type WithdrawalOutcome =
  /** End these purposes now. */
  | { readonly kind: 'end'; readonly purposes: readonly Purpose[] }
  /** Several purposes are active and the visitor did not say which: ask, offering "all". */
  | { readonly kind: 'ask'; readonly purposes: readonly Purpose[] }
  /** Nothing to end: no purpose (or not the one named) is active. */
  | { readonly kind: 'nothing'; readonly purpose?: Purpose | undefined };

/**
 * What a withdrawal ends. A bare "STOP" while advertising is on ends advertising at once, as
 * every advertising channel promises (SPEC 7.3, UWG § 7); other purposes are named or asked for.
 * A marketing opt-in waiting for its confirmation counts as on: STOP ends it too.
 */
export function resolveWithdrawal(command: WithdrawalCommand, state: ConsentState): WithdrawalOutcome {
  const active = PURPOSES.filter((p) => state[p] === 'granted' || (p === 'marketing' && state[p] === 'pending'));
  if (command.purpose === undefined && active.includes('marketing')) return { kind: 'end', purposes: ['marketing'] };
  if (command.purpose === 'all') return active.length > 0 ? { kind: 'end', purposes: active } : { kind: 'nothing' };
  if (command.purpose) {
    return active.includes(command.purpose) ? { kind: 'end', purposes: [command.purpose] } : { kind: 'nothing', purpose: command.purpose };
  }
  if (active.length === 0) return { kind: 'nothing' };
  if (active.length === 1) return { kind: 'end', purposes: active };
  return { kind: 'ask', purposes: active };
}

/** Ending marketing is an objection to advertising (GDPR Art. 21, SPEC 7.3); anything else a withdrawal. */
export function endingDecision(purpose: Purpose): Decision {
  return purpose === 'marketing' ? 'objected' : 'withdrawn';
}

export interface HistoryOfferContext {
  readonly state: ConsentState;
  /** Questions answered (or clarified) in this visit. */
  readonly exchanges: number;
  /** The purpose was already asked for in this visit. */
  readonly askedThisVisit: boolean;
  /** The browser can keep data at all. */
  readonly storageAvailable: boolean;
  /** The visitor asked for it ("Verlauf speichern"). */
  readonly requested: boolean;
}

/** Exchanges after which keeping the conversation becomes useful enough to ask (SPEC 3.3). */
export const HISTORY_OFFER_AFTER = 2;

/**
 * Whether to show the history consent card now: when the visitor asks, or after a real exchange;
 * once per visit; never when history is already granted, and never again after "Nein" or a
 * withdrawal unless the visitor asks (continuing to chat is not consent, nor a reason to nag).
 */
export function shouldOfferHistory(context: HistoryOfferContext): boolean {
  const status = context.state.history;
  if (!context.storageAvailable || status === 'granted') return false;
  if (context.requested) return true;
  if (context.askedThisVisit) return false;
  return (status === 'unknown' || status === 'outdated' || status === 'expired') && context.exchanges >= HISTORY_OFFER_AFTER;
}

/** When counting would help improve the answers: right after a rating or an unanswered question. */
export type InsightsMoment = 'feedback' | 'unanswered';

export interface PurposeOfferContext {
  readonly state: ConsentState;
  readonly askedThisVisit: boolean;
  readonly storageAvailable: boolean;
}

/** Undecided, or decided for a text that has changed since: the only states in which to ask unasked. */
function undecided(state: ConsentState, purpose: Purpose): boolean {
  return state[purpose] === 'unknown' || state[purpose] === 'outdated' || state[purpose] === 'expired';
}

/**
 * Whether to ask for anonymous counting (SPEC 5): once per visit, at a moment where the reason is
 * obvious to the visitor (it just rated an answer, or just got none), and never again after a
 * decision.
 */
export function shouldOfferInsights(context: PurposeOfferContext & { readonly moment: InsightsMoment | undefined }): boolean {
  return context.storageAvailable && !context.askedThisVisit && context.moment !== undefined && undecided(context.state, 'insights');
}

/**
 * Whether to ask for personalization (SPEC 6): only when the visitor gave a reason in its own
 * words (told its name, or confirmed an interest), once per visit, never again after a decision.
 */
export function shouldOfferPersonalization(context: PurposeOfferContext): boolean {
  return context.storageAvailable && !context.askedThisVisit && undecided(context.state, 'personalization');
}

/** Exchanges that must pass after one consent card before the bot offers another unasked. */
export const CARD_SPACING = 2;

/**
 * Whether the bot may offer a card of its own accord now: a visitor asked about one purpose is
 * not asked about the next one in the same breath (a chat is not a cookie banner). Cards the
 * visitor asks for ("Verlauf speichern", telling its name) are not held back.
 */
export function cardSpacingAllows(exchanges: number, lastCardAt: number | undefined): boolean {
  return lastCardAt === undefined || exchanges - lastCardAt >= CARD_SPACING;
}
