import { mayShowOffers } from '../core/marketing/marketing-commands.ts';
import { calendarDay } from '../core/calendar-day.ts';
import type { Offer } from '../core/marketing/offer.ts';
import { offerFor } from '../core/marketing/offer-selection.ts';
import type { MarketingSettings } from '../core/consent/purposes.ts';
import type { BotReply } from '../core/dialog/reply.ts';
import type { ChatView } from './chat-view.ts';
import type { ConsentController } from './consent-controller.ts';

/*
 * Advertising in the chat (SPEC 7.3), shown only to a visitor who opted in twice: at most one
 * offer per answer, only one that fits the answer's category and is valid today. The offers load
 * only after the opt-in; before it, nothing about them reaches the browser.
 */
export class OfferShelf {
  readonly #view: ChatView;
  readonly #consent: ConsentController;
  readonly #marketing: MarketingSettings;
  readonly #url: string;
  #offers: Promise<readonly Offer[]> | undefined;
  readonly #shown = new Set<string>();

  constructor(view: ChatView, consent: ConsentController, marketing: MarketingSettings, url: string) {
    this.#view = view;
    this.#consent = consent;
    this.#marketing = marketing;
    this.#url = url;
  }

  #allowed(): boolean {
    return mayShowOffers({ ...this.#marketing, status: this.#consent.state().marketing });
  }

  async #load(): Promise<readonly Offer[]> {
    this.#offers ??= fetch(this.#url, { credentials: 'same-origin' })
      .then((response) => (response.ok ? (response.json() as Promise<Offer[]>) : []))
      .catch(() => []);
    return this.#offers;
  }

  /** After an answer: the one fitting offer, if the visitor opted in. */
  async afterReply(reply: BotReply): Promise<void> {
    if (reply.kind !== 'answer' || !this.#allowed()) return;
    const offer = offerFor(reply.entry.category, await this.#load(), calendarDay(new Date()), this.#shown);
    // The visitor may have said STOP while the offers loaded.
    if (!offer || !this.#allowed()) return;
    this.#shown.add(offer.id);
    this.#view.offer(offer);
  }

  /** After an objection here or in another tab: the offers shown go away with it. */
  withdrawn(): void {
    if (this.#allowed()) return;
    this.#view.removeOffers();
  }
}
