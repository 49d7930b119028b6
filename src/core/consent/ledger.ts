import type { Language } from '../content/faq-entry.ts';
import { PURPOSES, type Purpose } from './purposes.ts';

/*
 * The consent ledger (SPEC 3.5): every decision appended, nothing ever rewritten. An entry holds
 * exactly these fields and no chat text. What is allowed now is derived from the ledger, never
 * stored beside it, so the two cannot disagree.
 */

/**
 * `requested` is the first step of a double opt-in (SPEC 7.2): the visitor said "START" and the
 * purpose waits for the second confirmation; it allows nothing yet.
 */
export const DECISIONS = ['granted', 'refused', 'withdrawn', 'objected', 'requested'] as const;
export type Decision = (typeof DECISIONS)[number];

export const METHODS = ['button', 'keyword', 'privacy-center'] as const;
export type ConsentMethod = (typeof METHODS)[number];

export interface LedgerEntry {
  /** A random id for this decision (not for the visitor). */
  readonly consentId: string;
  readonly purpose: Purpose;
  readonly decision: Decision;
  /** The settings' version of the privacy texts when the decision was made. */
  readonly policyVersion: string;
  /** SHA-256 of the exact consent text shown (see consentCardLines). */
  readonly textHash: string;
  readonly method: ConsentMethod;
  readonly lang: Language;
  /** ISO 8601 time of the decision. */
  readonly at: string;
}

/** Where a purpose stands for this visitor. Only `granted` allows using it. */
export type PurposeStatus =
  | 'unknown' // never decided, or storage cleared: ask when useful
  | 'granted'
  | 'refused'
  | 'withdrawn'
  | 'objected'
  | 'pending' // the first step of a double opt-in is done, the confirmation is not
  | 'outdated' // granted to a text that has changed since: ask again (SPEC 3.7)
  | 'expired'; // granted longer ago than the consent was promised to last: ask again // granted to a text that has changed since: ask again (SPEC 3.7)

export type ConsentState = Readonly<Record<Purpose, PurposeStatus>>;

/** The current text hash of a purpose in a language, to compare with what was consented to. */
export type CurrentTextHash = (purpose: Purpose, lang: Language) => string;

/**
 * How long a grant lasts, in days, for purposes whose card promises a limit (marketing: "Ihre
 * Einwilligung gilt 365 Tage"), and the moment to judge it at.
 */
export interface ConsentLifetime {
  readonly days: Partial<Record<Purpose, number>>;
  readonly now: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function consentState(ledger: readonly LedgerEntry[], currentHash: CurrentTextHash, lifetime?: ConsentLifetime): ConsentState {
  const state = Object.fromEntries(PURPOSES.map((p) => [p, 'unknown'])) as Record<Purpose, PurposeStatus>;
  // The ledger is in order of appending; the last decision per purpose counts.
  for (const entry of ledger) {
    state[entry.purpose] = statusOf(entry, currentHash, lifetime);
  }
  return state;
}

function statusOf(entry: LedgerEntry, currentHash: CurrentTextHash, lifetime: ConsentLifetime | undefined): PurposeStatus {
  const outdated = entry.textHash !== currentHash(entry.purpose, entry.lang);
  const days = lifetime?.days[entry.purpose];
  const expired = days !== undefined && lifetime !== undefined && lifetime.now.getTime() - Date.parse(entry.at) > days * DAY_MS;
  switch (entry.decision) {
    case 'granted':
      if (outdated) return 'outdated';
      return expired ? 'expired' : 'granted';
    case 'requested':
      // A request to a text that has changed since is no request to confirm any more.
      return outdated ? 'outdated' : 'pending';
    default:
      return entry.decision;
  }
}

export function isGranted(state: ConsentState, purpose: Purpose): boolean {
  return state[purpose] === 'granted';
}

export function grantedPurposes(state: ConsentState): Purpose[] {
  return PURPOSES.filter((p) => state[p] === 'granted');
}

export interface NewDecision {
  readonly purpose: Purpose;
  readonly decision: Decision;
  readonly method: ConsentMethod;
  readonly lang: Language;
  readonly textHash: string;
  readonly policyVersion: string;
}

/** A ledger entry for a decision, with a fresh random id and the time. */
export function ledgerEntry(decision: NewDecision, now: Date = new Date(), randomId: () => string = () => globalThis.crypto.randomUUID()): LedgerEntry {
  return {
    consentId: randomId(),
    purpose: decision.purpose,
    decision: decision.decision,
    policyVersion: decision.policyVersion,
    textHash: decision.textHash,
    method: decision.method,
    lang: decision.lang,
    at: now.toISOString(),
  };
}
