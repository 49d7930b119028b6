import type { Language } from '../core/content/faq-entry.ts';
import { recognizeConsentKeyword, recognizeEndOfChat, recognizeHistoryRequest, recognizeWithdrawal, type WithdrawalCommand } from '../core/consent/commands.ts';
import { cardSpacingAllows, shouldOfferInsights, type InsightsMoment } from '../core/consent/consent-flow.ts';
import { recognizeStartKeyword, shouldAskMarketing } from '../core/marketing/marketing-commands.ts';
import type { ConsentMethod, ConsentState } from '../core/consent/ledger.ts';
import { isPurpose, PURPOSES, type MarketingSettings, type Purpose } from '../core/consent/purposes.ts';
import type { BotReply } from '../core/dialog/reply.ts';
import type { UiKey } from '../i18n/de.ts';
import type { StoredReply } from '../storage/schema.ts';
import type { ChatView } from './chat-view.ts';
import type { ConsentController } from './consent-controller.ts';

/*
 * The consent part of the conversation: cards, typed keywords, withdrawals, the end of the chat.
 * What counts as what is decided in src/core/consent; this module only connects the words and
 * buttons to the controller and tells the visitor what happened.
 */

export function storedReply(reply: BotReply, lang: Language): StoredReply {
  switch (reply.kind) {
    case 'answer':
      return { kind: 'answer', entryId: reply.entry.id, entryLang: reply.otherLanguage ? reply.lang : lang };
    case 'clarify':
      return { kind: 'clarify', entryIds: reply.choices.map((c) => c.id) };
    case 'none':
      return { kind: 'none' };
    case 'nothing-to-search':
      return { kind: 'none' };
  }
}

export class ConsentDialog {
  readonly #view: ChatView;
  readonly #consent: ConsentController;
  readonly #strings: Readonly<Record<UiKey, string>>;
  readonly #privacyUrl: string;
  readonly #closePanel: () => void;
  /** Called after every decision, so views of the state (the privacy center, the greeting) stay current. */
  afterDecision: (purpose: Purpose) => Promise<void> = async () => undefined;
  readonly #marketing: MarketingSettings;
  /** The open consent card: only a keyword typed right after it counts as an answer to it. */
  #pending: { purpose: Purpose; card: HTMLElement } | undefined;
  #closeAfterEnd = false;
  /** The number of exchanges when the last card was shown (see cardSpacingAllows). */
  #lastCardAt: number | undefined;

  constructor(
    view: ChatView,
    consent: ConsentController,
    strings: Readonly<Record<UiKey, string>>,
    privacyUrl: string,
    closePanel: () => void,
    marketing: MarketingSettings = { enabled: false, serviceOnly: false },
  ) {
    this.#marketing = marketing;
    this.#view = view;
    this.#consent = consent;
    this.#strings = strings;
    this.#privacyUrl = privacyUrl;
    this.#closePanel = closePanel;
  }

  #t(key: UiKey, values: Record<string, string> = {}): string {
    return this.#strings[key].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
  }

  #names(purposes: readonly Purpose[]): string {
    return purposes.map((p) => this.#t(`purpose.${p}`)).join(', ');
  }

  /** Handles a typed message that is about consent; returns whether it was. */
  async handleTyped(text: string): Promise<boolean> {
    const pending = this.#pending;
    // Whatever the visitor types next, the card is no longer the last word: continuing to
    // chat is not an answer to it (SPEC 3.4).
    this.#pending = undefined;
    const keyword = pending ? this.#keyword(pending.purpose, text) : undefined;
    if (pending && keyword) {
      await this.#decide(pending.purpose, keyword === 'yes', 'keyword', pending.card);
      return true;
    }
    const withdrawal = recognizeWithdrawal(text);
    if (withdrawal) {
      await this.#withdraw(withdrawal, 'keyword');
      return true;
    }
    if (recognizeHistoryRequest(text)) {
      // A grant that could only be kept in memory must not be reported as keeping anything.
      if (this.#consent.storageProblem) this.#view.note(this.#t('consent.notKept'));
      else if (this.#consent.state().history === 'granted') this.#view.note(this.#t('consent.granted', { purpose: this.#names(['history']) }));
      else if (!this.#consent.offerHistory(true)) this.#view.note(this.#t('consent.notKept'));
      else this.offerCard('history');
      return true;
    }
    if (recognizeEndOfChat(text)) {
      this.endChat(false);
      return true;
    }
    return false;
  }

  /** The word that answers an open card: "START" for advertising (SPEC 7.2), "Ja"/"Nein" otherwise. */
  #keyword(purpose: Purpose, text: string): 'yes' | 'no' | undefined {
    const word = recognizeConsentKeyword(text);
    if (purpose !== 'marketing') return word;
    if (recognizeStartKeyword(text)) return 'yes';
    return word === 'no' ? 'no' : undefined;
  }

  /**
   * After each reply: keep it if history is granted, count it if insights are granted, and ask
   * for one purpose when it has just become useful (an unanswered question: counting would help;
   * a real exchange: keeping it would).
   */
  async afterReply(visitorText: string | undefined, reply: BotReply, lang: Language): Promise<void> {
    await this.#consent.recordExchange(visitorText, storedReply(reply, lang));
    // The scrubber loads only for a visitor who allowed counting.
    if (this.#consent.state().insights === 'granted') {
      const { eventForReply } = await import('../core/insights/record.ts');
      const event = eventForReply(reply, visitorText ?? '', lang, new Date());
      if (event) await this.#consent.recordInsight(event);
    }
    if (this.#pending || !this.mayOfferUnasked()) return;
    if (reply.kind === 'none' && this.#offerInsights('unanswered')) return;
    if (this.#consent.offerHistory(false)) this.offerCard('history');
  }

  /**
   * After a rating (SPEC 2.6): counted if insights are granted. A helpful answer is the one
   * moment advertising may be asked for (SPEC 7.2); otherwise counting may be.
   */
  async afterFeedback(entryId: string, helpful: boolean, lang: Language): Promise<void> {
    if (this.#consent.state().insights === 'granted') {
      const { eventForFeedback } = await import('../core/insights/record.ts');
      await this.#consent.recordInsight(eventForFeedback(entryId, helpful, lang, new Date()));
    }
    if (this.#pending || !this.mayOfferUnasked()) return;
    if (helpful && this.#offerMarketing()) return;
    this.#offerInsights('feedback');
  }

  /** Whether the bot may offer a card of its own accord now (one purpose at a time, cardSpacingAllows). */
  mayOfferUnasked(): boolean {
    return cardSpacingAllows(this.#consent.exchanges, this.#lastCardAt);
  }

  #offerInsights(moment: InsightsMoment): boolean {
    const offer = shouldOfferInsights({
      state: this.#consent.state(),
      askedThisVisit: this.#consent.askedThisVisit('insights'),
      storageAvailable: this.#consent.storageProblem === undefined,
      moment,
    });
    if (offer) this.offerCard('insights');
    return offer;
  }

  #offerMarketing(): boolean {
    const offer = shouldAskMarketing({
      ...this.#marketing,
      status: this.#consent.state().marketing,
      askedThisVisit: this.#consent.askedThisVisit('marketing'),
      objectedThisVisit: this.#consent.state().marketing === 'objected',
      lastReplyWasHelpfulAnswer: true,
      answersSoFar: this.#consent.exchanges,
      storageAvailable: this.#consent.storageProblem === undefined,
    });
    if (offer) this.offerCard('marketing');
    return offer;
  }

  /** Whether a consent card waits for its answer. */
  get cardOpen(): boolean {
    return this.#pending !== undefined;
  }

  /** Shows a purpose's consent card; a keyword typed right after it answers it. */
  offerCard(purpose: Purpose): void {
    this.#consent.markAsked(purpose);
    this.#lastCardAt = this.#consent.exchanges;
    const card = this.#view.consentCard(purpose, this.#consent.cardLines(purpose), this.#privacyUrl);
    this.#pending = { purpose, card };
  }

  /** `confirming`: the second step of the marketing double opt-in. */
  async #decide(purpose: Purpose, granted: boolean, method: ConsentMethod, card: Element | null, confirming = false): Promise<void> {
    this.#view.settle(card);
    // Advertising needs a second, separate confirmation (double opt-in, SPEC 7.2): "START" is
    // only the request, and both steps go into the ledger.
    if (purpose === 'marketing' && granted && !confirming) {
      const kept = await this.#consent.request('marketing', method);
      if (!kept) {
        this.#view.note(this.#t('consent.notKept'));
        return;
      }
      this.#view.choices(this.#t('marketing.confirmText'), [
        { label: this.#t('marketing.confirm'), action: 'marketing-confirm', value: 'yes' },
        { label: this.#t('marketing.cancel'), action: 'marketing-confirm', value: 'no' },
      ]);
      return;
    }
    const kept = await this.#consent.decide(purpose, granted, method);
    await this.afterDecision(purpose);
    const name = this.#names([purpose]);
    if (granted) this.#view.note(kept ? this.#t(purpose === 'marketing' ? 'marketing.confirmed' : 'consent.granted', { purpose: name }) : this.#t('consent.notKept'));
    else this.#view.note(this.#t(kept ? 'consent.refused' : 'consent.refusedNotKept', { purpose: name }));
  }

  async #withdraw(command: WithdrawalCommand, method: ConsentMethod): Promise<void> {
    const outcome = this.#consent.resolveWithdrawal(command);
    if (outcome.kind === 'nothing') {
      this.#view.note(this.#t('withdraw.nothing'));
      return;
    }
    if (outcome.kind === 'ask') {
      this.#view.choices(this.#t('withdraw.which'), [
        ...outcome.purposes.map((p) => ({ label: this.#t(`purpose.${p}`), action: 'withdraw', value: p })),
        { label: this.#t('withdraw.all'), action: 'withdraw', value: 'all' },
      ]);
      return;
    }
    await this.#consent.end(outcome.purposes, method);
    for (const purpose of outcome.purposes) await this.afterDecision(purpose);
    // Ending advertising is an objection (SPEC 7.3): said as such, and never asked again.
    if (outcome.purposes.includes('marketing')) this.#consent.markAsked('marketing');
    this.#view.note(this.#t(outcome.purposes.length === 1 && outcome.purposes[0] === 'marketing' ? 'marketing.stopped' : 'withdraw.done', { purposes: this.#names(outcome.purposes) }));
  }

  /** Handles a click on a consent, withdrawal or end-of-chat button; returns whether it was one. */
  async handleClick(button: HTMLButtonElement): Promise<boolean> {
    const { action, value, purpose } = button.dataset;
    const card = button.closest('.vt-message');
    switch (action) {
      case 'consent':
        if (!isPurpose(purpose)) return false;
        if (this.#pending?.card === card) this.#pending = undefined;
        await this.#decide(purpose, value === 'yes', 'button', card);
        return true;
      case 'withdraw':
        this.#view.settle(card);
        await this.#withdraw({ purpose: value === 'all' ? 'all' : isPurpose(value) ? value : undefined }, 'button');
        return true;
      case 'marketing-confirm':
        this.#view.settle(card);
        // A confirmation for a request that has since been withdrawn (another tab) confirms nothing.
        if (this.#consent.state().marketing !== 'pending') return true;
        await this.#decide('marketing', value === 'yes', 'button', card, true);
        return true;
      case 'marketing-stop':
        // The stop button on an advertisement (SPEC 7.3): an objection, at once.
        if (this.#consent.state().marketing === 'granted') await this.#withdraw({ purpose: 'marketing' }, 'button');
        return true;
      case 'end-chat':
        this.endChat(false);
        return true;
      case 'end-keep':
        this.#view.settle(card);
        this.#view.note(this.#t('end.kept'));
        this.#finishEnd();
        return true;
      case 'end-delete': {
        this.#view.settle(card);
        const deleted = await this.#consent.wipe();
        this.#view.note(this.#t(deleted ? 'end.deleted' : 'end.deleteFailed'));
        this.#finishEnd();
        return true;
      }
      default:
        return false;
    }
  }

  /**
   * "Chat beenden" (SPEC 3.9): with data stored, offer to keep or delete it; without, say that
   * nothing is stored. `closing` is true when the visitor pressed the panel's close button: the
   * panel then closes once the choice is made. Returns whether the panel must stay open for now.
   */
  endChat(closing: boolean): boolean {
    // A second press on close while the question is open closes: the visitor decided not to
    // choose, and the next close asks again.
    if (closing && this.#closeAfterEnd) {
      this.#closeAfterEnd = false;
      return false;
    }
    if (!this.#consent.hasStoredData) {
      if (!closing) this.#view.note(this.#t('end.nothingStored'));
      return false;
    }
    this.#closeAfterEnd = closing;
    this.#view.choices(this.#t('end.question'), [
      { label: this.#t('end.keep'), action: 'end-keep', value: 'keep' },
      { label: this.#t('end.delete'), action: 'end-delete', value: 'delete' },
    ]);
    return true;
  }

  #finishEnd(): void {
    if (this.#closeAfterEnd) this.#closePanel();
    this.#closeAfterEnd = false;
  }

  /** Another tab changed the consent: say so here. */
  externalChange(before: ConsentState, after: ConsentState, wiped: boolean): void {
    if (wiped) {
      this.#view.note(this.#t('external.wiped'));
      return;
    }
    const ended = PURPOSES.filter((p) => before[p] === 'granted' && after[p] !== 'granted');
    const started = PURPOSES.filter((p) => before[p] !== 'granted' && after[p] === 'granted');
    if (ended.length > 0) this.#view.note(this.#t('external.ended', { purposes: this.#names(ended) }));
    if (started.length > 0) this.#view.note(this.#t('external.granted', { purposes: this.#names(started) }));
  }
}
