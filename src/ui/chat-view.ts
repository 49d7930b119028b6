import type { Language } from '../core/content/faq-entry.ts';
import type { BotReply } from '../core/dialog/reply.ts';
import type { EntrySummary } from '../core/search/search-engine.ts';
import type { UiKey } from '../i18n/de.ts';
import { el, type Child } from './dom.ts';

/*
 * Renders what the core decided. Visitor input only ever reaches the page as text
 * (textContent); the only HTML inserted is the answer, rendered at build time from the editor's
 * markdown, which the build refuses when it contains raw HTML (SPEC 8.2).
 */

export interface ChatConfig {
  readonly lang: Language;
  readonly otherLang: Language;
  readonly site: string;
  readonly indexUrl: string;
  readonly otherIndexUrl: string;
  readonly faqUrl: string;
  readonly otherFaqUrl: string;
  readonly strings: Readonly<Record<UiKey, string>>;
  readonly contact: { readonly phone?: string; readonly phoneHours?: string; readonly email?: string; readonly page?: string };
}

let uniqueId = 0;

export class ChatView {
  readonly input: HTMLInputElement;
  readonly #log: HTMLElement;
  readonly #status: HTMLElement;
  readonly #listbox: HTMLElement;
  readonly #config: ChatConfig;
  #active = -1;
  /** The visitor asked to be addressed informally (Du): answers in that form where they exist. */
  informal = false;

  constructor(root: HTMLElement, config: ChatConfig) {
    this.#config = config;
    this.input = root.querySelector('input[role="combobox"]') as HTMLInputElement;
    this.#log = root.querySelector('[role="log"]') as HTMLElement;
    this.#status = root.querySelector('[role="status"]') as HTMLElement;
    this.#listbox = root.querySelector('[role="listbox"]') as HTMLElement;
  }

  #t(key: UiKey, values: Record<string, string> = {}): string {
    return this.#config.strings[key].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
  }

  /** A UI string with its values filled in. */
  text(key: UiKey, values: Record<string, string> = {}): string {
    return this.#t(key, values);
  }

  #append(message: HTMLElement, { scroll = true } = {}): void {
    this.#log.append(message);
    if (!scroll) return;
    // Scroll the log (not the page) so the new message starts at the top: a long answer is read
    // from its beginning.
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.#log.scrollTo({ top: message.offsetTop - this.#log.offsetTop - 8, behavior: reduce ? 'auto' : 'smooth' });
  }

  #message(from: 'user' | 'bot', ...children: Child[]): HTMLElement {
    const who = el('span', { class: 'vt-visually-hidden' }, `${this.#t(from === 'user' ? 'chat.you' : 'chat.bot')}: `);
    return el('div', { class: `vt-message vt-message--${from}` }, who, ...children);
  }

  status(text: string): void {
    this.#status.textContent = text;
  }

  user(text: string): void {
    // The visitor may write right to left; `auto` takes the direction from the text itself.
    this.#append(this.#message('user', el('p', { dir: 'auto' }, text)));
  }

  note(text: string): void {
    this.#append(this.#message('bot', el('p', {}, text)));
  }

  /** Appends a bot message made of these parts; with `focus`, it takes the focus. */
  botCard(className: string, parts: readonly Child[], { focus = false, label }: { focus?: boolean; label?: string } = {}): HTMLElement {
    const card = this.#message('bot', ...parts);
    card.classList.add(className);
    if (label) {
      card.setAttribute('role', 'region');
      card.setAttribute('aria-labelledby', label);
    }
    card.tabIndex = -1;
    this.#append(card);
    if (focus) card.focus({ preventScroll: true });
    return card;
  }

  /** A line across the log, for example before a restored history. */
  divider(text: string): void {
    this.#log.append(el('p', { class: 'vt-divider' }, text));
  }

  /**
   * A consent card (SPEC 3.4): its own message with the purpose's exact text, a link to the
   * privacy page and two equal buttons. Focus moves to it so keyboard and screen reader users
   * meet it where it appears.
   */
  consentCard(purpose: string, lines: readonly string[], privacyUrl: string): HTMLElement {
    const [title = '', ...body] = lines;
    const titleId = `vt-consent-${++uniqueId}`;
    // Advertising is opted into with "START" (SPEC 7.2), everything else with "Ja".
    const marketing = purpose === 'marketing';
    const label = (value: 'yes' | 'no'): string => this.#t(value === 'no' ? 'consent.no' : marketing ? 'marketing.start' : 'consent.yes');
    const decide = (value: 'yes' | 'no'): HTMLElement =>
      el('button', { type: 'button', class: 'vt-button', 'data-action': 'consent', 'data-purpose': purpose, 'data-value': value }, label(value));
    const card = this.#message(
      'bot',
      el('h3', { id: titleId }, title),
      ...body.map((line) => el('p', {}, line)),
      el('p', {}, el('a', { href: privacyUrl }, this.#t('consent.privacyLink'))),
      el('div', { class: 'vt-decision' }, decide('yes'), decide('no')),
      el('p', { class: 'vt-label' }, this.#t(marketing ? 'marketing.keywordHint' : 'consent.keywordHint')),
    );
    card.classList.add('vt-consent');
    card.setAttribute('role', 'group');
    card.setAttribute('aria-labelledby', titleId);
    card.tabIndex = -1;
    // The card follows a reply: the reply stays where the visitor reads it, the card below it.
    this.#append(card, { scroll: false });
    card.focus({ preventScroll: true });
    return card;
  }

  /** A question with buttons (which purpose to end, keep or delete at the end of the chat). */
  choices(question: string, buttons: readonly { label: string; action: string; value: string }[]): HTMLElement {
    const labelId = `vt-label-${++uniqueId}`;
    const card = this.#message(
      'bot',
      el('p', { id: labelId }, question),
      el(
        'div',
        { class: 'vt-decision', role: 'group', 'aria-labelledby': labelId },
        ...buttons.map((b) => el('button', { type: 'button', class: 'vt-button', 'data-action': b.action, 'data-value': b.value }, b.label)),
      ),
    );
    card.tabIndex = -1;
    this.#append(card);
    card.focus();
    return card;
  }

  /**
   * An advertisement (SPEC 7.3): labelled "Anzeige" visibly and for screen readers (the region is
   * named by the label), apart from the answer, with its own stop button.
   */
  offer(offer: { readonly id: string; readonly title: string; readonly html: string; readonly link: string }): HTMLElement {
    const labelId = `vt-ad-${++uniqueId}`;
    const text = el('div', { class: 'vt-offer-text' });
    // Rendered at build time from the editor's markdown, like an answer (raw HTML refused there).
    text.innerHTML = offer.html;
    const card = this.#message(
      'bot',
      el('p', { class: 'vt-ad-label', id: labelId }, this.#t('marketing.label')),
      el('h3', { class: 'vt-offer-title' }, offer.title),
      text,
      el('p', {}, el('a', { href: offer.link }, this.#t('marketing.offerLink'))),
      el('p', {}, el('button', { type: 'button', class: 'vt-button vt-small', 'data-action': 'marketing-stop' }, this.#t('marketing.stop'))),
    );
    card.classList.add('vt-offer');
    card.dataset['offer'] = offer.id;
    card.setAttribute('role', 'region');
    card.setAttribute('aria-labelledby', labelId);
    this.#append(card, { scroll: false });
    return card;
  }

  /** Removes every advertisement from the log (the visitor objected, SPEC 7.3). */
  removeOffers(): void {
    for (const offer of this.#log.querySelectorAll('.vt-offer')) offer.remove();
  }

  /**
   * The texts rendered with the page (the privacy line, the question box's label) in the current
   * strings, after the form of address changed.
   */
  refreshFixedText(): void {
    const root = this.#log.closest('.vt-window');
    const label = root?.querySelector('.vt-input-label');
    if (label) label.textContent = this.#t('chat.inputLabel');
    const line = this.#log.querySelector('.vt-privacy-line');
    const first = line?.firstChild;
    if (first?.nodeType === Node.TEXT_NODE) first.textContent = `${this.#t('chat.privacyLine')} `;
  }

  /** Under an answer an interest decided: the other close entries, still one click away. */
  alternatives(entries: readonly EntrySummary[], lang: Language): void {
    if (entries.length === 0) return;
    const last = this.#log.lastElementChild;
    if (!last?.classList.contains('vt-message--bot')) return;
    const [label, list] = this.#choices(entries, lang === this.#config.lang ? undefined : lang, this.#t('personal.alternatives'));
    last.querySelector('.vt-because')?.after(...[label, list].filter((node): node is HTMLElement => node !== undefined));
  }

  /** Replaces the greeting's first line (a returning visitor greeted by name, SPEC 6). */
  greet(text: string, starters?: readonly EntrySummary[]): void {
    const greeting = this.#log.querySelector('.vt-greeting');
    const first = greeting?.querySelector('p');
    if (first) first.textContent = text;
    const list = greeting?.querySelector('.vt-choices');
    if (list && starters && starters.length > 0) {
      list.replaceChildren(
        ...starters.map((entry) => el('li', {}, el('button', { type: 'button', class: 'vt-button vt-choice', 'data-action': 'pick', 'data-entry': entry.id }, entry.question))),
      );
    }
  }

  /**
   * The greeting's pointer to the chat in the visitor's preferred language (a profile field), or
   * none. The link leads to the other language's FAQ page, which has the chat too.
   */
  preferredLanguage(text: string | undefined, linkText: string): void {
    const greeting = this.#log.querySelector('.vt-greeting');
    greeting?.querySelector('.vt-preferred-language')?.remove();
    if (!greeting || !text) return;
    greeting.querySelector('p')?.after(el('p', { class: 'vt-preferred-language' }, `${text} `, el('a', { href: this.#config.otherFaqUrl, lang: this.#config.otherLang }, linkText)));
  }

  /** A line under an answer that says why personalization chose it (SPEC 6: the visitor sees why). */
  because(text: string): void {
    const last = this.#log.lastElementChild;
    const hint = el('p', { class: 'vt-because' }, text);
    if (last?.classList.contains('vt-message--bot')) last.querySelector('.vt-entry')?.after(hint);
    else this.note(text);
  }

  /** A card whose question was answered: its buttons stop working, focus goes back to typing. */
  settle(card: Element | null): void {
    if (card) for (const button of card.querySelectorAll('button')) button.disabled = true;
    this.input.focus();
  }

  #choices(entries: readonly EntrySummary[], lang: Language | undefined, labelText: string): HTMLElement[] {
    const labelId = `vt-label-${++uniqueId}`;
    const list = el('ul', { class: 'vt-choices', 'aria-labelledby': labelId });
    for (const entry of entries) {
      const button = el('button', { type: 'button', class: 'vt-button vt-choice', 'data-action': 'pick', 'data-entry': entry.id }, entry.question);
      if (lang) {
        button.dataset['lang'] = lang;
        button.lang = lang;
      }
      list.append(el('li', {}, button));
    }
    return [el('p', { class: 'vt-label', id: labelId }, labelText), list];
  }

  /** Shows a reply; `question` is the visitor's question it answers, if they typed one. */
  bot(reply: BotReply, question = ''): void {
    const { lang, otherLang } = this.#config;
    switch (reply.kind) {
      case 'answer': {
        const faq = reply.otherLanguage ? this.#config.otherFaqUrl : this.#config.faqUrl;
        const answer = el('div', { class: 'vt-answer' });
        answer.innerHTML = (this.informal && reply.entry.htmlDu) || reply.entry.html;
        const article = el(
          'article',
          { class: 'vt-entry', ...(reply.otherLanguage ? { lang: reply.lang } : {}) },
          reply.otherLanguage && el('p', { class: 'vt-badge', lang }, this.#t('answer.otherLanguage')),
          el('h3', { class: 'vt-entry-title' }, reply.entry.question),
          answer,
          el('p', { class: 'vt-faq-link' }, el('a', { href: `${faq}#${encodeURIComponent(reply.entry.id)}` }, this.#t('answer.faqLink'))),
        );
        const related = reply.related.length > 0 ? this.#choices(reply.related, reply.otherLanguage ? reply.lang : undefined, this.#t('answer.related')) : [];
        const feedback = el(
          'div',
          { class: 'vt-feedback', role: 'group', 'aria-label': this.#t('feedback.question') },
          el('span', { 'aria-hidden': 'true' }, this.#t('feedback.question')),
          el('button', { type: 'button', class: 'vt-button vt-small', 'data-action': 'feedback', 'data-value': 'yes', 'data-entry': reply.entry.id }, this.#t('feedback.yes')),
          el('button', { type: 'button', class: 'vt-button vt-small', 'data-action': 'feedback', 'data-value': 'no', 'data-entry': reply.entry.id }, this.#t('feedback.no')),
        );
        this.#append(this.#message('bot', article, ...related, feedback));
        return;
      }
      case 'clarify': {
        const [label, list] = this.#choices(reply.choices, undefined, this.#t('clarify.intro'));
        // "Nichts davon" leads to the no-answer, whose e-mail link offers the original question.
        const noneOfThese = el('button', { type: 'button', class: 'vt-button vt-choice vt-choice--none', 'data-action': 'no-match', 'data-question': question }, this.#t('clarify.noneOfThese'));
        list?.append(el('li', {}, noneOfThese));
        this.#append(this.#message('bot', label, list));
        return;
      }
      case 'none': {
        const parts: Child[] = [el('p', {}, this.#t('none.text'))];
        if (reply.otherLanguage) parts.push(...this.#choices([reply.otherLanguage.entry], otherLang, this.#t('none.otherLanguageOffer')));
        parts.push(el('p', {}, this.#t('none.rephrase')), this.#contact(reply.question));
        this.#append(this.#message('bot', ...parts));
        return;
      }
      case 'nothing-to-search':
        this.note(this.#t('chat.nothingToSearch'));
        return;
    }
  }

  /** Contact channels from the settings; the e-mail is prefilled only in the link the visitor may click. */
  #contact(question: string): HTMLElement {
    const { phone, phoneHours, email, page } = this.#config.contact;
    const list = el('ul', { class: 'vt-contact' });
    if (phone) {
      const call = el('a', { href: `tel:${phone.replace(/[^\d+]/g, '')}` }, this.#t('none.phone', { phone }));
      list.append(el('li', {}, call, phoneHours ? el('span', { class: 'vt-hours' }, ` (${phoneHours})`) : null));
    }
    if (email) {
      const subject = encodeURIComponent(this.#t('none.emailSubject', { site: this.#config.site }));
      const body = question ? `&body=${encodeURIComponent(question)}` : '';
      list.append(el('li', {}, el('a', { href: `mailto:${email}?subject=${subject}${body}` }, `${this.#t('none.email')}: ${email}`)));
    }
    if (page) list.append(el('li', {}, el('a', { href: page }, this.#t('none.contactPage'))));
    return list;
  }

  /** Feedback is acknowledged; it is counted only with the insights purpose (SPEC 2.6, 5.1). */
  feedback(button: HTMLButtonElement, helped: boolean): void {
    const group = button.closest('.vt-feedback');
    if (!group) return;
    group.replaceWith(el('p', { class: 'vt-feedback-thanks' }, this.#t(helped ? 'feedback.thanksYes' : 'feedback.thanksNo')));
    this.input.focus();
  }

  // --- suggestions while typing (SPEC 2.4): a combobox with a listbox, keyboard selectable.

  suggestions(entries: readonly EntrySummary[]): void {
    this.#active = -1;
    this.input.removeAttribute('aria-activedescendant');
    this.#listbox.replaceChildren(
      ...entries.map((entry, i) =>
        el('li', { role: 'option', id: `${this.#listbox.id}-${i}`, 'aria-selected': 'false', 'data-entry': entry.id, class: 'vt-suggestion' }, entry.question),
      ),
    );
    const open = entries.length > 0;
    this.#listbox.hidden = !open;
    this.input.setAttribute('aria-expanded', String(open));
  }

  suggestionsOpen(): boolean {
    return !this.#listbox.hidden;
  }

  activeSuggestion(): { id: string; label: string } | undefined {
    const option = this.#listbox.querySelectorAll<HTMLElement>('[role="option"]')[this.#active];
    return option ? { id: option.dataset['entry'] ?? '', label: option.textContent ?? '' } : undefined;
  }

  /** Arrow keys move through the suggestions, Escape closes them. Returns whether the key was used. */
  onInputKey(event: KeyboardEvent): boolean {
    const options = [...this.#listbox.querySelectorAll<HTMLElement>('[role="option"]')];
    if (this.#listbox.hidden || options.length === 0) return false;
    if (event.key === 'Escape') {
      this.suggestions([]);
      return true;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return false;
    const step = event.key === 'ArrowDown' ? 1 : -1;
    // Positions run from -1 (back in the text box) to the last option, and wrap around.
    let next = this.#active + step;
    if (next < -1) next = options.length - 1;
    if (next >= options.length) next = -1;
    this.#active = next;
    options.forEach((option, i) => option.setAttribute('aria-selected', String(i === this.#active)));
    const current = options[this.#active];
    if (current) this.input.setAttribute('aria-activedescendant', current.id);
    else this.input.removeAttribute('aria-activedescendant');
    return true;
  }
}
