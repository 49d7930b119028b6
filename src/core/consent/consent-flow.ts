import type { WithdrawalCommand } from './commands.ts';
import { grantedPurposes, type ConsentState, type Decision } from './ledger.ts';
import type { Purpose } from './purposes.ts';

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

export function resolveWithdrawal(command: WithdrawalCommand, state: ConsentState): WithdrawalOutcome {
  const active = grantedPurposes(state);
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
  return (status === 'unknown' || status === 'outdated') && context.exchanges >= HISTORY_OFFER_AFTER;
}
