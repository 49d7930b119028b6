import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import type { Language } from '../../../src/core/content/faq-entry.ts';
import type { Offer } from '../../../src/core/marketing/offer.ts';
import { PURPOSE_DECLARATIONS } from '../../../src/core/consent/purposes.ts';
import { readIndexedDb, type RequestLog } from './browser-state.ts';
import { ChatPage, Reply } from './chat-page.ts';
import { DATABASE, type LedgerRecord } from './consent.ts';

/*
 * Page objects and helpers for advertising in the chat (SPEC 7): the marketing card ("Angebote im
 * Chat?", START / Nein), its confirmation (the double opt-in), the offers ("Anzeige") with their
 * stop button, and what the site stored or loaded meanwhile. Found by role and accessible name,
 * as a visitor's screen reader finds them; the strings come from src/i18n.
 */

/** The offer categories of the demo content, each with two questions the FAQ answers in it. */
export const OFFER_CATEGORIES = ['subscription', 'products', 'shipping', 'ordering'] as const;
export type OfferCategory = (typeof OFFER_CATEGORIES)[number];

export const CATEGORY_QUESTIONS: Readonly<Record<OfferCategory, readonly [string, string]>> = {
  subscription: ['Wie funktioniert das Kaffee-Abo?', 'Kann ich mein Kaffee-Abo pausieren?'],
  products: ['Ist Ihr Kaffee bio und fair gehandelt?', 'Welchen Mahlgrad brauche ich für meine Zubereitung?'],
  shipping: ['Wie lange dauert der Versand?', 'Was kostet der Versand?'],
  ordering: ['Können Sie meine Bestellung als Geschenk verpacken?', 'Kann ich meine Bestellung nachträglich ändern?'],
};

/** A question whose answer (category payment) no offer fits. */
export const UNFITTING_QUESTION = 'Welche Zahlungsarten bieten Sie an?';

/** A ledger record, `requested` included (the first step of the double opt-in, SPEC 7.2). */
export type MarketingLedgerRecord = Omit<LedgerRecord, 'decision'> & { decision: LedgerRecord['decision'] | 'requested' };

/** An advertisement in the log (SPEC 7.3). */
export class OfferCard {
  readonly root: Locator;
  readonly #chat: ChatPage;

  constructor(root: Locator, chat: ChatPage) {
    this.root = root;
    this.#chat = chat;
  }

  /** The visible "Anzeige" label. */
  get label(): Locator {
    return this.root.getByText(this.#chat.text('marketing.label'), { exact: true });
  }

  get title(): Locator {
    return this.root.getByRole('heading', { level: 3 });
  }

  get link(): Locator {
    return this.root.getByRole('link', { name: this.#chat.text('marketing.offerLink'), exact: true });
  }

  get stopButton(): Locator {
    return this.root.getByRole('button', { name: this.#chat.text('marketing.stop'), exact: true });
  }
}

/** The marketing card: the consent card of SPEC 7.2, answered with START or Nein. */
export class MarketingCard {
  readonly root: Locator;
  readonly #chat: ChatPage;

  constructor(root: Locator, chat: ChatPage) {
    this.root = root;
    this.#chat = chat;
  }

  get title(): Locator {
    return this.root.getByRole('heading', { level: 3 });
  }

  get start(): Locator {
    return this.root.getByRole('button', { name: this.#chat.text('marketing.start'), exact: true });
  }

  get no(): Locator {
    return this.root.getByRole('button', { name: this.#chat.text('consent.no'), exact: true });
  }

  /** "Sie können auch „START“ schreiben …" */
  get keywordHint(): Locator {
    return this.root.getByText(this.#chat.text('marketing.keywordHint'), { exact: true });
  }
}

/** The chat, seen by a visitor to whom advertising may be offered. */
export class MarketingChat extends ChatPage {
  static async open(page: Page, path = '/'): Promise<MarketingChat> {
    const visited = await ChatPage.visit(page, path);
    return new MarketingChat(page, visited.mode, visited.lang);
  }

  /** Offers as a screen reader finds them: regions named "Anzeige". */
  get offers(): Locator {
    return this.log.getByRole('region', { name: this.text('marketing.label'), exact: true });
  }

  offer(index: number): OfferCard {
    return new OfferCard(this.offers.nth(index), this);
  }

  /** Anything the widget renders as an offer, however it is labelled. */
  get offerElements(): Locator {
    return this.log.locator('.vt-offer');
  }

  /**
   * The bot's replies to what the visitor said or clicked: answers, notes, questions with buttons.
   * Not what may follow a reply of the bot's own accord, later and without waiting for the visitor
   * (an offer, a consent card, the question whether a topic interests the visitor, SPEC 6): so
   * each message gets exactly one reply here.
   */
  get replies(): Locator {
    return this.log.locator('.vt-message--bot:not(.vt-consent):not(.vt-offer):not(:has([data-action="personal-interest"]))');
  }

  get marketingCards(): Locator {
    return this.log.getByRole('group', { name: PURPOSE_DECLARATIONS.marketing.text[this.lang].title, exact: true });
  }

  marketingCard(index = 0): MarketingCard {
    return new MarketingCard(this.marketingCards.nth(index), this);
  }

  /** The second step of the double opt-in: a question with two buttons. */
  get confirmation(): Locator {
    return this.log.getByRole('group', { name: this.text('marketing.confirmText'), exact: true });
  }

  get confirmButton(): Locator {
    return this.confirmation.getByRole('button', { name: this.text('marketing.confirm'), exact: true });
  }

  get cancelButton(): Locator {
    return this.confirmation.getByRole('button', { name: this.text('marketing.cancel'), exact: true });
  }

  /**
   * Sends a message and resolves with the bot's reply to it (see replies). Messages are handled
   * one after another, so once the reply is there, everything the previous message caused (a
   * card, an offer) is there too; what this one causes may still be on its way.
   */
  async say(text: string): Promise<Reply> {
    const before = await this.replies.count();
    await this.send(text);
    await expect(this.replies, `one reply to "${text}"`).toHaveCount(before + 1);
    return new Reply(this.replies.nth(before), this.lang);
  }

  /** Asks a question the FAQ answers; resolves with the answer, checked by its heading. */
  async askAnswered(question: string): Promise<Reply> {
    const reply = await this.say(question);
    await expect(reply.heading).toHaveText(question);
    return reply;
  }

  /** Marks an answer helpful ("Ja") or not; the thanks replaces the buttons. */
  async rate(reply: Reply, helpful: boolean): Promise<void> {
    await reply.feedbackButton(helpful).click();
    await expect(reply.root.getByText(this.text(helpful ? 'feedback.thanksYes' : 'feedback.thanksNo'), { exact: true })).toBeVisible();
  }

  /** An answered question marked helpful: the one moment the marketing card may follow (SPEC 7.2). */
  async untilMarketingCard(question: string = CATEGORY_QUESTIONS.subscription[0]): Promise<MarketingCard> {
    await expect(this.marketingCards).toHaveCount(0);
    await this.rate(await this.askAnswered(question), true);
    await expect(this.marketingCards).toHaveCount(1);
    const card = this.marketingCard();
    await expect(card.root).toBeVisible();
    return card;
  }

  /** START on the card, by button or typed; resolves once the confirmation is asked. */
  async requestOffers(card: MarketingCard, method: 'button' | 'keyword' = 'button'): Promise<void> {
    if (method === 'button') await card.start.click();
    else await this.send(this.text('marketing.start'));
    await expect(this.confirmation).toBeVisible();
  }

  /** "Ja, Angebote bestätigen"; resolves once the bot confirms. */
  async confirmOffers(): Promise<void> {
    await this.confirmButton.click();
    await expect(this.replies.last()).toHaveText(this.said('marketing.confirmed'));
  }

  /** The whole double opt-in with buttons, after a helpful answer to `question`. */
  async optIn(question: string = CATEGORY_QUESTIONS.subscription[0]): Promise<void> {
    await this.requestOffers(await this.untilMarketingCard(question));
    await this.confirmOffers();
  }

  /** Asks a fitting question after the opt-in and resolves with the offer that follows the answer. */
  async askForOffer(question: string): Promise<OfferCard> {
    const before = await this.offers.count();
    const answer = await this.askAnswered(question);
    await expect(this.offers).toHaveCount(before + 1);
    const offer = this.offer(before);
    // The offer stands right below the answer it fits.
    await expect(answer.root.locator('xpath=following-sibling::*[1]')).toHaveClass(/\bvt-offer\b/);
    return offer;
  }
}

/** The marketing entries of the ledger in order; none when the database does not exist. */
export async function marketingLedger(page: Page): Promise<MarketingLedgerRecord[]> {
  const db = await readIndexedDb(page, DATABASE);
  const records = (db?.['ledger']?.records ?? []) as unknown as MarketingLedgerRecord[];
  return records.filter((record) => record.purpose === 'marketing');
}

/** Requests for the offers files (/vertraut/offers-<lang>.json), by path. */
export function offerRequests(requests: RequestLog, origin: string): string[] {
  return requests.paths(origin).filter((path) => /^\/vertraut\/offers-[^/]*\.json/.test(path));
}

/** The offers file of a language as the site serves it. */
export async function servedOffers(request: APIRequestContext, lang: Language): Promise<Offer[]> {
  const response = await request.get(`/vertraut/offers-${lang}.json`);
  expect(response.status(), `/vertraut/offers-${lang}.json`).toBe(200);
  return (await response.json()) as Offer[];
}

/** The visitor turns to this tab: it comes to the front, as the tab one types in does. */
export async function turnTo<T extends ChatPage>(tab: T): Promise<T> {
  await tab.page.bringToFront();
  return tab;
}
