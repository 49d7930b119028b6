import type { PurposeStatus } from '../consent/ledger.ts';

/*
 * The rules of advertising in the chat (SPEC 7), pure so that they are tested once and the
 * widget only carries them out. Advertising needs a clear opt-in (UWG § 7, GDPR Art. 6(1)(a)):
 * the bot asks rarely, at a good moment, and an objection is final. Ending marketing ("STOP"
 * and the words of SPEC 3.6) is recognized by recognizeWithdrawal in consent/commands.ts.
 */

// Straight, typographic German („…“, ‚…‘), English (“…”, ‘…’) and French («…», ‹…›) quotes.
const QUOTE = `["'„“”‚‘’«»‹›]`;
/**
 * The whole message is the word: optional quotes around it, then "!" (any number) or one ".".
 * No other word, no "?" ("Start?" asks something), no emoji: consent needs an unambiguous act.
 */
const START_KEYWORD = new RegExp(`^${QUOTE}?\\s*start\\s*(?:!+|\\.)?\\s*${QUOTE}?\\s*(?:!+|\\.)?$`, 'u');

/**
 * A typed opt-in in answer to the marketing card (SPEC 7.2): only the exact word "START", in any
 * case. "Wie starte ich …", "Start der Lieferung?" or "ja start" are not consent.
 */
export function recognizeStartKeyword(text: string): boolean {
  // NFKC folds full-width letters ("ＳＴＡＲＴ") to the word they show.
  return START_KEYWORD.test(text.normalize('NFKC').trim().toLowerCase());
}

export interface MarketingSiteContext {
  /** The site owner enabled marketing (settings.marketing.enabled). */
  readonly enabled: boolean;
  /** The site declares its chat service-only (settings.marketing.serviceOnly): never advertise. */
  readonly serviceOnly: boolean;
  /** Where the marketing purpose stands for this visitor (consentState(...).marketing). */
  readonly status: PurposeStatus;
}

export interface MarketingAskContext extends MarketingSiteContext {
  /** The marketing card was already shown in this visit (answered or not). */
  readonly askedThisVisit: boolean;
  /** The visitor ended marketing in this visit ("STOP"), even if storing that failed. */
  readonly objectedThisVisit: boolean;
  /** The visitor marked the reply just given as helpful; only an answer can be marked so. */
  readonly lastReplyWasHelpfulAnswer: boolean;
  /** Questions answered in this visit. */
  readonly answersSoFar: number;
  /** The browser can keep data: without it, a consent could not be recorded nor respected. */
  readonly storageAvailable: boolean;
}

/**
 * Whether to show the marketing consent card now (SPEC 7.2): at most once per visit, right after
 * an answer the visitor marked helpful, and only to a visitor who has not decided yet, or whose
 * consent was given to a text that has changed since. A "Nein", an objection or a withdrawal is
 * final until the visitor asks (in the privacy center): asking again would be nagging.
 */
export function shouldAskMarketing(context: MarketingAskContext): boolean {
  if (!context.enabled || context.serviceOnly || !context.storageAvailable) return false;
  if (context.askedThisVisit || context.objectedThisVisit) return false;
  if (context.answersSoFar < 1 || !context.lastReplyWasHelpfulAnswer) return false;
  // Not 'granted' or 'pending' (nothing to ask), nor 'refused', 'withdrawn' or 'objected'.
  return context.status === 'unknown' || context.status === 'outdated' || context.status === 'expired';
}

/** Whether offers may show at all (SPEC 7.1, 7.4): the site allows them and the visitor opted in. */
export function mayShowOffers(context: MarketingSiteContext): boolean {
  return context.enabled && !context.serviceOnly && context.status === 'granted';
}
