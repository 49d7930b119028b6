import { expect, type Locator, type Page } from '@playwright/test';
import type { Language } from '../../../src/core/content/faq-entry.ts';
import { PURPOSE_DECLARATIONS, type Purpose } from '../../../src/core/consent/purposes.ts';
import { t, type UiKey } from '../../../src/i18n/translate.ts';
import settings from '../../../vertraut.config.ts';

/*
 * Page objects for the chat: what a visitor sees and does, found by role and accessible name in
 * the page's language (the UI strings come from src/i18n, so a test reads like the visitor's view).
 */

/** One bot message in the log, and the parts a visitor acts on. */
export class Reply {
  readonly root: Locator;
  readonly #lang: Language;

  constructor(root: Locator, lang: Language) {
    this.root = root;
    this.#lang = lang;
  }

  #t(key: UiKey): string {
    return t(this.#lang, key);
  }

  /** The answered question (an answer shows it as its heading). */
  get heading(): Locator {
    return this.root.getByRole('heading', { level: 3 });
  }

  get faqLink(): Locator {
    return this.root.getByRole('link', { name: this.#t('answer.faqLink') });
  }

  /** The related questions offered under an answer. */
  get related(): Locator {
    return this.root.getByRole('list', { name: this.#t('answer.related') }).getByRole('button');
  }

  get feedback(): Locator {
    return this.root.getByRole('group', { name: this.#t('feedback.question') });
  }

  feedbackButton(helped: boolean): Locator {
    return this.feedback.getByRole('button', { name: this.#t(helped ? 'feedback.yes' : 'feedback.no'), exact: true });
  }

  /** The choices of a clarifying question ("Meinten Sie …?"), "Nichts davon" included. */
  get choices(): Locator {
    return this.root.getByRole('list', { name: this.#t('clarify.intro') }).getByRole('button');
  }

  get noneOfThese(): Locator {
    return this.root.getByRole('button', { name: this.#t('clarify.noneOfThese'), exact: true });
  }

  get phoneLink(): Locator {
    return this.root.locator('a[href^="tel:"]');
  }

  get emailLink(): Locator {
    return this.root.locator('a[href^="mailto:"]');
  }
}

/** A consent card (SPEC 3.4): a group named by its title, the purpose's text and two equal buttons. */
export class ConsentCard {
  readonly root: Locator;
  readonly #lang: Language;

  constructor(root: Locator, lang: Language) {
    this.root = root;
    this.#lang = lang;
  }

  get title(): Locator {
    return this.root.getByRole('heading', { level: 3 });
  }

  get yes(): Locator {
    return this.root.getByRole('button', { name: t(this.#lang, 'consent.yes'), exact: true });
  }

  get no(): Locator {
    return this.root.getByRole('button', { name: t(this.#lang, 'consent.no'), exact: true });
  }

  get privacyLink(): Locator {
    return this.root.getByRole('link', { name: t(this.#lang, 'consent.privacyLink'), exact: true });
  }

  /** The consent text exactly as shown: the title, then the paragraphs up to the privacy link. */
  async shownLines(): Promise<string[]> {
    const title = await this.title.innerText();
    const paragraphs = await this.root.locator('p:not(:has(a)):not(.vt-label)').allInnerTexts();
    return [title, ...paragraphs];
  }
}

export class ChatPage {
  readonly page: Page;
  readonly mode: 'inline' | 'panel';
  readonly lang: Language;
  readonly chat: Locator;

  constructor(page: Page, mode: 'inline' | 'panel', lang: Language = 'de') {
    this.page = page;
    this.mode = mode;
    this.lang = lang;
    this.chat = page.locator(`#vertraut-${mode}`);
  }

  /** Goes to a page of the site and returns its chat (inline on the home pages, else the panel). */
  static async visit(page: Page, path: string): Promise<ChatPage> {
    await page.goto(path);
    const lang: Language = path.startsWith('/en/') ? 'en' : 'de';
    const mode = path === '/' || path === '/en/' || path.startsWith('/?') || path.startsWith('/en/?') ? 'inline' : 'panel';
    return new ChatPage(page, mode, lang);
  }

  text(key: UiKey, values?: Readonly<Record<string, string>>): string {
    return t(this.lang, key, values);
  }

  /** The chat's window: a labelled dialog (panel) or region (inline). */
  get window(): Locator {
    return this.page.getByRole(this.mode === 'panel' ? 'dialog' : 'region', { name: this.text('chat.title', { site: settings.siteName }) });
  }

  get launcher(): Locator {
    return this.page.getByRole('button', { name: this.text('chat.launcher'), exact: true });
  }

  get closeButton(): Locator {
    return this.chat.getByRole('button', { name: this.text('chat.close'), exact: true });
  }

  /** The question box: the combobox of the chat's form (the profile form has selects, comboboxes too). */
  get input(): Locator {
    return this.chat.locator('.vt-form').getByRole('combobox');
  }

  get sendButton(): Locator {
    return this.chat.getByRole('button', { name: this.text('chat.send'), exact: true });
  }

  get log(): Locator {
    return this.chat.getByRole('log');
  }

  get suggestions(): Locator {
    return this.chat.getByRole('listbox');
  }

  get options(): Locator {
    return this.suggestions.getByRole('option');
  }

  /** The suggestion chosen with the arrow keys, if any. */
  get selectedOption(): Locator {
    return this.suggestions.getByRole('option', { selected: true });
  }

  get starters(): Locator {
    return this.log.getByRole('list', { name: this.text('chat.starters') }).getByRole('button');
  }

  /** The bot's replies and notes; consent cards are counted apart (see consentCards). */
  get botMessages(): Locator {
    return this.log.locator('.vt-message--bot:not(.vt-consent)');
  }

  /** Consent cards (SPEC 3.4), which the bot adds after a reply when a purpose becomes useful. */
  get consentCards(): Locator {
    return this.log.locator('.vt-consent');
  }

  /** The consent card of a purpose, found as a visitor's screen reader does: the group named by its title. */
  consentCard(purpose: Purpose, index = 0): ConsentCard {
    return new ConsentCard(this.#cardsOf(purpose).nth(index), this.lang);
  }

  #cardsOf(purpose: Purpose): Locator {
    return this.log.getByRole('group', { name: PURPOSE_DECLARATIONS[purpose].text[this.lang].title, exact: true });
  }

  /** "Chat beenden" in the chat's header (SPEC 3.9). */
  get endChatButton(): Locator {
    return this.chat.getByRole('button', { name: this.text('chat.end'), exact: true });
  }

  /** A button the bot offers in the log by its label (end of chat, which purpose to end). */
  offered(key: UiKey): Locator {
    return this.log.getByRole('button', { name: this.text(key), exact: true });
  }

  /** The line above a restored history ("Ihr gespeicherter Verlauf"). */
  get restoredDivider(): Locator {
    return this.log.getByText(this.text('history.restored'), { exact: true });
  }

  /** A bot note's full text as the log holds it, with the hidden speaker prefix ("Antwort: …"). */
  said(key: UiKey, values?: Readonly<Record<string, string>>): string {
    return `${this.text('chat.bot')}: ${this.text(key, values)}`;
  }

  /** Types a message and sends it with Enter, without waiting for anything. */
  async send(text: string): Promise<void> {
    await this.input.fill(text);
    await this.input.press('Enter');
  }

  /** Sends a message that asks for a purpose ("Verlauf speichern"); resolves once its card is there. */
  async requestCard(text: string, purpose: Purpose = 'history'): Promise<ConsentCard> {
    const before = await this.#cardsOf(purpose).count();
    await this.send(text);
    await expect(this.#cardsOf(purpose)).toHaveCount(before + 1);
    return this.consentCard(purpose, before);
  }

  get userMessages(): Locator {
    return this.log.locator('.vt-message--user');
  }

  /** The newest bot message, whichever it is when the locator is used. */
  get lastReply(): Reply {
    return new Reply(this.botMessages.last(), this.lang);
  }

  /** The bot message at this position in the log (0 is the greeting): stays put as more arrive. */
  reply(index: number): Reply {
    return new Reply(this.botMessages.nth(index), this.lang);
  }

  /** Opens the panel with the launcher; the question input gets the focus. */
  async openPanel(): Promise<void> {
    await this.launcher.click();
    await expect(this.window).toBeVisible();
    await expect(this.input).toBeFocused();
  }

  /**
   * Types a question and sends it with Enter; resolves once the bot has said `replies` more
   * things (a very long question first gets a note, then the reply).
   */
  async ask(question: string, { replies = 1 } = {}): Promise<Reply> {
    const before = await this.botMessages.count();
    await this.input.fill(question);
    await this.input.press('Enter');
    await expect(this.botMessages).toHaveCount(before + replies);
    return this.reply(before + replies - 1);
  }

  /** Clicks a button offered in the chat (starter, related question, choice) and waits for the reply. */
  async choose(button: Locator): Promise<Reply> {
    const before = await this.botMessages.count();
    await button.click();
    await expect(this.botMessages).toHaveCount(before + 1);
    return this.reply(before);
  }

  /** Waits until the messages' entry animations have finished (colours are final, e.g. for axe). */
  async settled(): Promise<void> {
    await this.chat.evaluate((root) => Promise.all(root.getAnimations({ subtree: true }).map((a) => a.finished)));
  }
}
