import type { Language } from '../core/content/faq-entry.ts';
import type { EntrySummary } from '../core/search/search-engine.ts';
import type { MarketingSettings } from '../core/consent/purposes.ts';
import { prepareQuestion, replyWithEntry, MAX_QUESTION_LENGTH, type BotReply } from '../core/dialog/reply.ts';
import { replyToPersonalized } from '../core/personal/personal-reply.ts';
import { personalizeSuggestions } from '../core/personal/tie-break.ts';
import type { UiKey } from '../i18n/de.ts';
import { loadLanguage } from '../core/search/languages/load.ts';
import { loadSearchEngine, type SearchEngine, type SearchIndexPayload } from '../core/search/search-engine.ts';
import type { ChatApp } from './launcher.ts';
import { ChatView, type ChatConfig } from './chat-view.ts';
import { ConsentController, type ConsentSettings } from './consent-controller.ts';
import { ConsentDialog } from './consent-dialog.ts';
import { OfferShelf } from './offer-shelf.ts';
import { PersonalDialog } from './personal-dialog.ts';
import { PrivacyDialog, type PrivacySettings } from './privacy-dialog.ts';
import type { HistoryRow } from '../storage/schema.ts';

/*
 * The chat in the browser: it loads the index of the page's language, asks the pure core what
 * to say, and lets ChatView show it. The conversation lives in this page's memory (SPEC 3.2);
 * only the consent controller stores anything, and only what the visitor agreed to.
 */

const SUGGEST_DELAY_MS = 60;

function readConfig(root: HTMLElement): ChatConfig {
  const data = root.dataset;
  const json = <T>(value: string | undefined): T => JSON.parse(value ?? '{}') as T;
  return {
    lang: data['lang'] as Language,
    otherLang: data['otherLang'] as Language,
    site: data['site'] ?? '',
    indexUrl: data['index'] ?? '',
    otherIndexUrl: data['otherIndex'] ?? '',
    faqUrl: data['faq'] ?? '',
    otherFaqUrl: data['otherFaq'] ?? '',
    // One mutable copy shared by every part of the chat: the form of address switches it in place.
    strings: { ...json<Record<UiKey, string>>(data['strings']) },
    contact: json(data['contact']),
  };
}

async function fetchEngine(url: string, lang: Language): Promise<SearchEngine> {
  // The language's stemmer and stop words come as a chunk of their own, alongside the index.
  const [response] = await Promise.all([fetch(url, { credentials: 'same-origin' }), loadLanguage(lang)]);
  if (!response.ok) throw new Error(`vertraut: ${url} answered ${response.status}`);
  return loadSearchEngine((await response.json()) as SearchIndexPayload);
}

interface ConsentConfig {
  readonly policyVersion: string;
  readonly retention: ConsentSettings['retention'];
  readonly privacyUrl: string;
  readonly site: string;
  readonly controller: PrivacySettings['controller'];
  readonly dpo?: PrivacySettings['dpo'];
  readonly offered: PrivacySettings['offered'];
  readonly marketing: MarketingSettings;
  readonly offersUrl: string;
  readonly insightsUrl: string;
  readonly categories: Readonly<Record<string, string>>;
  readonly starters: readonly string[];
}

export function mountChat(root: HTMLElement): ChatApp {
  const config = readConfig(root);
  const view = new ChatView(root, config);
  const consentConfig = JSON.parse(root.dataset['consent'] ?? '{}') as ConsentConfig;
  const consent = new ConsentController(
    { lang: config.lang, policyVersion: consentConfig.policyVersion, retention: consentConfig.retention },
    {
      onExternalChange: (before, after, wiped) => {
        dialog.externalChange(before, after, wiped);
        // A withdrawal or a correction in another tab takes effect here at once.
        offers.withdrawn();
        personal.apply(loaded);
        void privacy.refresh();
      },
    },
  );
  const closePanel = (): void => void root.dispatchEvent(new CustomEvent('vertraut:close'));
  const strings = config.strings as Record<UiKey, string>;
  const dialog = new ConsentDialog(view, consent, strings, consentConfig.privacyUrl, closePanel, consentConfig.marketing);
  const personal = new PersonalDialog(
    view,
    consent,
    strings,
    {
      lang: config.lang,
      categories: consentConfig.categories,
      starters: consentConfig.starters,
      duStrings: JSON.parse(root.dataset['stringsDu'] ?? '{}') as Partial<Record<UiKey, string>>,
    },
    (purpose) => dialog.offerCard(purpose),
    () => dialog.cardOpen,
    () => dialog.mayOfferUnasked(),
  );
  const offers = new OfferShelf(view, consent, consentConfig.marketing, consentConfig.offersUrl);
  const privacy = new PrivacyDialog(
    view,
    consent,
    config.strings,
    {
      lang: config.lang,
      site: consentConfig.site,
      retention: consentConfig.retention,
      privacyUrl: consentConfig.privacyUrl,
      insightsUrl: consentConfig.insightsUrl,
      controller: consentConfig.controller,
      dpo: consentConfig.dpo,
      offered: consentConfig.offered,
      categories: consentConfig.categories,
    },
    (purpose) => dialog.offerCard(purpose),
    () => personal.apply(loaded),
  );
  dialog.afterDecision = async (purpose) => {
    if (purpose === 'personalization') personal.apply(loaded);
    if (purpose === 'marketing') offers.withdrawn();
    await privacy.refresh();
  };
  let engine: Promise<SearchEngine> | undefined;
  let otherEngine: Promise<SearchEngine> | undefined;
  let loaded: SearchEngine | undefined;
  let suggestTimer: ReturnType<typeof setTimeout> | undefined;
  /** The interest that decided the reply being shown, for the "weil Sie sich … interessieren" line. */
  let because: string | undefined;
  /** The other near-tied entries of that reply, offered below it. */
  let alternatives: readonly EntrySummary[] = [];

  // Loaded once; a failure is forgotten so that the next question tries again.
  const engineReady = (): Promise<SearchEngine> => {
    engine ??= fetchEngine(config.indexUrl, config.lang).then((e) => (loaded = e));
    engine.catch(() => (engine = undefined));
    return engine;
  };
  const otherReady = (): Promise<SearchEngine | undefined> => {
    otherEngine ??= fetchEngine(config.otherIndexUrl, config.otherLang);
    otherEngine.catch(() => (otherEngine = undefined));
    return otherEngine.catch(() => undefined);
  };

  // `question` is what the visitor asked, kept with the reply for a later "Nichts davon".
  const withEngine = async (work: (engine: SearchEngine) => Promise<BotReply | undefined> | BotReply | undefined, question = ''): Promise<void> => {
    if (!loaded) view.status(config.strings['chat.loading']);
    try {
      const reply = await work(await engineReady());
      view.status('');
      if (!reply) return;
      view.bot(reply, question);
      if (because) {
        view.because(view.text('personal.because', { category: personal.categoryLabel(because) }));
        view.alternatives(alternatives, reply.kind === 'answer' ? reply.lang : config.lang);
      }
      because = undefined;
      alternatives = [];
      await offers.afterReply(reply);
      await dialog.afterReply(question || undefined, reply, config.lang);
      personal.afterReply(reply);
    } catch {
      view.status(config.strings['chat.loadError']);
    }
  };

  // Messages are handled one after another, so a consent answer and the question after it
  // cannot overtake each other.
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (work: () => Promise<void>): void => {
    queue = queue.then(work, work);
  };

  const ask = (raw: string): void => {
    const { text, truncated } = prepareQuestion(raw);
    if (!text) return;
    view.user(text);
    if (truncated) view.note(config.strings['chat.tooLong'].replace('{max}', String(MAX_QUESTION_LENGTH)));
    enqueue(async () => {
      if (await dialog.handleTyped(text)) return;
      if (await privacy.handleTyped(text)) return;
      if (await personal.handleTyped(text)) return;
      await withEngine(async (e) => {
        // Interests order near-ties only: a clear question gets the same answer with or without them.
        const personalized = replyToPersonalized(text, { engine: e }, personal.interests);
        because = personalized.because;
        alternatives = personalized.alternatives ?? [];
        // Only an unanswered question is worth the other language's index.
        if (personalized.reply.kind !== 'none') return personalized.reply;
        return replyToPersonalized(text, { engine: e, otherEngine: await otherReady() }, personal.interests).reply;
      }, text);
    });
  };

  const pick = (id: string, label: string, lang: string | undefined): void => {
    view.user(label);
    enqueue(() =>
      withEngine(async (e) => {
        if (lang && lang !== e.lang) return replyWithEntry(id, { engine: e, otherEngine: await otherReady() });
        return replyWithEntry(id, { engine: e });
      }, label),
    );
  };

  // The saved history (purpose `history`) comes back in the page's language.
  const restore = async (rows: readonly HistoryRow[]): Promise<void> => {
    if (rows.length === 0) return;
    const e = await engineReady();
    view.divider(config.strings['history.restored']);
    let lastQuestion = '';
    for (const row of rows) {
      if (row.from === 'visitor') {
        lastQuestion = row.text ?? '';
        view.user(lastQuestion);
        continue;
      }
      const stored = row.reply;
      if (!stored) continue;
      if (stored.kind === 'answer') {
        const reply = replyWithEntry(stored.entryId, { engine: e, otherEngine: e.entry(stored.entryId) ? undefined : await otherReady() });
        if (reply) view.bot(reply);
      } else if (stored.kind === 'clarify') {
        const choices = (stored.entryIds ?? []).flatMap((id) => e.entry(id) ?? []);
        if (choices.length > 0) view.bot({ kind: 'clarify', choices, lang: e.lang }, lastQuestion);
      } else if (stored.kind === 'none') view.bot({ kind: 'none', question: lastQuestion });
      else view.note(stored.text);
    }
  };
  enqueue(async () => {
    try {
      await restore(await consent.start());
      // A returning visitor with a profile: greeted by name, starters from its interests.
      if (consent.profile) {
        personal.apply(consent.profile.interests.length > 0 ? await engineReady() : loaded, true);
        await personal.touch();
      }
      // The "Meine Daten" page opens the privacy center at once.
      if (root.dataset['open'] === 'privacy') await privacy.open();
    } catch {
      view.status(config.strings['chat.loadError']);
    }
  });

  const showSuggestions = (): void => {
    clearTimeout(suggestTimer);
    suggestTimer = undefined;
    const value = view.input.value;
    // Only the newest input counts; an engine still loading shows nothing yet.
    if (!loaded || value.trim().length < 2) return view.suggestions([]);
    view.suggestions(personalizeSuggestions(loaded.suggest(value.slice(0, MAX_QUESTION_LENGTH), 5), personal.interests).map((m) => m.entry));
  };
  const suggest = (): void => {
    clearTimeout(suggestTimer);
    suggestTimer = setTimeout(showSuggestions, SUGGEST_DELAY_MS);
  };

  // Loading starts now; whatever the visitor typed meanwhile gets its suggestions once it is there.
  void engineReady().then(
    () => {
      if (document.activeElement === view.input && view.input.value) suggest();
    },
    () => undefined,
  );

  const handle = (event: Event): void => {
    const target = event.target as HTMLElement;
    switch (event.type) {
      case 'submit': {
        event.preventDefault();
        // The privacy center's profile form, not the question box.
        if (target instanceof HTMLFormElement && target.classList.contains('vt-profile')) {
          enqueue(() => privacy.saveProfile(target));
          return;
        }
        const chosen = view.activeSuggestion();
        const question = view.input.value;
        view.input.value = '';
        view.suggestions([]);
        if (chosen) pick(chosen.id, chosen.label, undefined);
        else ask(question);
        return;
      }
      case 'input':
        if (target === view.input) suggest();
        return;
      case 'keydown': {
        if (target !== view.input) return;
        const { key } = event as KeyboardEvent;
        // The list the visitor moves through must be the one for what is in the box now: a
        // refresh still waiting for its delay happens at once, and ArrowDown reopens a closed list.
        const moving = key === 'ArrowDown' || key === 'ArrowUp';
        const stale = suggestTimer !== undefined || (key === 'ArrowDown' && !view.suggestionsOpen());
        if (moving && stale) showSuggestions();
        // Escape closes the list for good: a pending refresh must not bring it back.
        if (key === 'Escape') {
          clearTimeout(suggestTimer);
          suggestTimer = undefined;
        }
        if (view.onInputKey(event as KeyboardEvent)) event.preventDefault();
        return;
      }
      case 'click': {
        const option = target.closest<HTMLElement>('[role="option"][data-entry]');
        if (option) {
          view.input.value = '';
          view.suggestions([]);
          view.input.focus();
          pick(option.dataset['entry'] ?? '', option.textContent ?? '', undefined);
          return;
        }
        const button = target.closest<HTMLButtonElement>('button[data-action]');
        if (!button || button.disabled) return;
        const action = button.dataset['action'];
        if (action === 'close') {
          // Closing offers to keep or delete what is stored (SPEC 3.9); the launcher closes
          // unless the chat asks first.
          if (dialog.endChat(true)) event.preventDefault();
          return;
        }
        if (action === 'consent' || action === 'withdraw' || action?.startsWith('end-') || action?.startsWith('marketing-')) {
          enqueue(async () => void (await dialog.handleClick(button)));
          return;
        }
        if (action === 'center-import-choose') {
          // Opening the file picker needs the click itself (user activation): no queue here.
          document.getElementById(button.getAttribute('aria-controls') ?? '')?.click();
          return;
        }
        if (action?.startsWith('center-')) {
          enqueue(async () => void (await privacy.handleClick(button)));
          return;
        }
        if (action === 'personal-interest') {
          enqueue(async () => void (await personal.handleClick(button)));
          return;
        }
        if (action === 'pick') pick(button.dataset['entry'] ?? '', button.textContent ?? '', button.dataset['lang']);
        else if (action === 'feedback') {
          const helpful = button.dataset['value'] === 'yes';
          const entryId = button.dataset['entry'] ?? '';
          view.feedback(button, helpful);
          enqueue(() => dialog.afterFeedback(entryId, helpful, config.lang));
        }
        else if (action === 'no-match') {
          // "Nichts davon" is an unanswered question like any other: counted, and kept with the history.
          const question = button.dataset['question'] ?? '';
          view.user(button.textContent ?? '');
          enqueue(() => withEngine(() => ({ kind: 'none', question }), question));
        }
        return;
      }
      case 'focusout':
        // Leaving the text box closes its suggestions (a click on one keeps the focus, see below).
        if (target === view.input) {
          clearTimeout(suggestTimer);
          suggestTimer = undefined;
          view.suggestions([]);
        }
        return;
      case 'pointerdown':
        // Choosing a suggestion with the pointer must not take the focus from the text box.
        if (target.closest('[role="option"]')) event.preventDefault();
        return;
      case 'change':
        if (target instanceof HTMLInputElement && target.dataset['action'] === 'center-import') {
          enqueue(() => privacy.importFile(target));
        }
        return;
      default:
        return;
    }
  };

  return { handle, ask };
}
