import { isLanguage, type Language } from '../core/content/faq-entry.ts';
import { MAX_NAME_LENGTH, type Profile } from '../core/personal/profile.ts';
import { grantedPurposes, type PurposeStatus } from '../core/consent/ledger.ts';
import { isPurpose, type Purpose } from '../core/consent/purposes.ts';
import type { RetentionDays } from '../core/consent/retention.ts';
import type { ImportProblem } from '../core/privacy/export-format.ts';
import { recognizePrivacyIntent, type PrivacyIntent } from '../core/privacy/privacy-intents.ts';
import { summarizeStored, type StoredSummary } from '../core/privacy/privacy-summary.ts';
import type { UiKey } from '../i18n/de.ts';
import type { HistoryRow } from '../storage/schema.ts';
import type { StoredData } from '../storage/local-store.ts';
import type { ChatView } from './chat-view.ts';
import type { ConsentController } from './consent-controller.ts';
import { el, type Child } from './dom.ts';

/*
 * The privacy center in the chat (SPEC 4): see, export, correct, delete and restore everything
 * stored, and answers to privacy questions from the live state. What is stored and what counts
 * as a valid import are decided in src/core/privacy; this module renders and acts.
 */

export interface PrivacySettings {
  readonly lang: Language;
  readonly site: string;
  readonly retention: RetentionDays;
  readonly privacyUrl: string;
  readonly controller: { readonly name: string; readonly address: string; readonly email: string };
  readonly dpo?: { readonly name: string; readonly email: string } | undefined;
  /** The purposes this site may ask for (offeredPurposes). */
  readonly offered: readonly Purpose[];
  /** The insights page (charts of the counted events). */
  readonly insightsUrl: string;
  /** Category id → label in the page's language (the interests a profile may hold). */
  readonly categories: Readonly<Record<string, string>>;
}

let centerId = 0;

/** How the center names a purpose's state; every other state reads "off". */
const STATUS_TEXT: Partial<Record<PurposeStatus, UiKey>> = {
  granted: 'center.status.granted',
  outdated: 'center.status.outdated',
  expired: 'center.status.expired',
  pending: 'center.status.pending',
};

export class PrivacyDialog {
  readonly #view: ChatView;
  readonly #consent: ConsentController;
  readonly #strings: Readonly<Record<UiKey, string>>;
  readonly #settings: PrivacySettings;
  readonly #showConsentCard: (purpose: Purpose) => void;
  readonly #profileChanged: () => void;
  #center: HTMLElement | undefined;

  constructor(
    view: ChatView,
    consent: ConsentController,
    strings: Readonly<Record<UiKey, string>>,
    settings: PrivacySettings,
    showConsentCard: (purpose: Purpose) => void,
    profileChanged: () => void = () => undefined,
  ) {
    this.#profileChanged = profileChanged;
    this.#view = view;
    this.#consent = consent;
    this.#strings = strings;
    this.#settings = settings;
    this.#showConsentCard = showConsentCard;
  }

  #t(key: UiKey, values: Record<string, string | number> = {}): string {
    return this.#strings[key].replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
  }

  #date(iso: string | undefined, withTime = false): string {
    if (!iso || Number.isNaN(Date.parse(iso))) return iso ?? '';
    const options: Intl.DateTimeFormatOptions = withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'long' };
    return new Intl.DateTimeFormat(this.#settings.lang === 'de' ? 'de-DE' : 'en-GB', options).format(new Date(iso));
  }

  async #summary(): Promise<{ summary: StoredSummary } & StoredData> {
    const stored = await this.#consent.readStored();
    const records = {
      history: stored.history.map((row) => row.at),
      // Events have a day only: counted from its start, as retention counts them.
      insights: stored.insights.map((event) => `${event.day}T00:00:00.000Z`),
      personalization: stored.profile ? [stored.profile.usedAt] : [],
    };
    const summary = summarizeStored({ ledger: stored.ledger, records }, this.#consent.state(), this.#settings.retention, this.#settings.offered);
    return { summary, ...stored };
  }

  /** Handles a typed message about the visitor's data; returns whether it was one. */
  async handleTyped(text: string): Promise<boolean> {
    const intent = recognizePrivacyIntent(text);
    if (!intent) return false;
    if (intent === 'open-center') await this.open();
    else await this.#answer(intent);
    return true;
  }

  /** A privacy question answered from what is stored right now (SPEC 4.7). */
  async #answer(intent: Exclude<PrivacyIntent, 'open-center'>): Promise<void> {
    const { summary } = await this.#summary();
    const lines: string[] = [];
    const active = grantedPurposes(this.#consent.state()).map((p) => this.#t(`purpose.${p}`));
    const history = summary.purposes.find((p) => p.purpose === 'history');
    const stored = (): string => {
      if (summary.nothingStored) return this.#t('privacyAnswer.nothing');
      const kept = summary.purposes.filter((p) => p.records > 0);
      if (kept.length === 0) return this.#t('privacyAnswer.ledgerOnly', { ledger: summary.ledgerEntries });
      if (history && kept.length === 1 && kept[0] === history) {
        return this.#t('privacyAnswer.stored', { history: history.records, until: this.#date(history.oldestDeletedAt), ledger: summary.ledgerEntries });
      }
      const parts = kept.map((p) => this.#t(`privacyAnswer.part.${p.purpose}`, { count: p.records, until: this.#date(p.oldestDeletedAt), days: p.retentionDays }));
      return this.#t('privacyAnswer.storedParts', { parts: parts.join('; '), ledger: summary.ledgerEntries });
    };
    switch (intent) {
      case 'what-stored':
        lines.push(stored(), this.#t('privacyAnswer.where'));
        break;
      case 'where-stored':
        lines.push(this.#t('privacyAnswer.where'), stored());
        break;
      case 'how-long':
        lines.push(this.#t('privacyAnswer.howLong', { history: this.#settings.retention.history }));
        if (this.#settings.offered.includes('insights')) lines.push(this.#t('privacyAnswer.howLongOthers', { insights: this.#settings.retention.insights, personalization: this.#settings.retention.personalization }));
        lines.push(stored());
        break;
      case 'who-responsible': {
        const { controller, dpo } = this.#settings;
        lines.push(this.#t('privacyAnswer.who', { controller: controller.name, address: controller.address, email: controller.email }));
        if (dpo) lines.push(this.#t('privacyAnswer.dpo', { name: dpo.name, email: dpo.email }));
        break;
      }
      case 'can-withdraw':
        lines.push(this.#t('privacyAnswer.withdraw'), active.length > 0 ? this.#t('privacyAnswer.active', { purposes: active.join(', ') }) : this.#t('privacyAnswer.noneActive'));
        break;
    }
    this.#view.botCard('vt-privacy-answer', [
      ...lines.map((line) => el('p', {}, line)),
      el('p', {}, el('a', { href: this.#settings.privacyUrl }, this.#t('privacyAnswer.more'))),
      el('p', {}, el('button', { type: 'button', class: 'vt-button', 'data-action': 'center-open' }, this.#t('center.open'))),
    ]);
  }

  /** Shows the center again with the current state, if it is open (after a decision elsewhere). */
  async refresh(): Promise<void> {
    if (this.#center?.isConnected) await this.open();
  }

  /** Shows the privacy center as a card in the chat; an open one is replaced. */
  async open(): Promise<void> {
    const { summary, ledger, history, profile } = await this.#summary();
    const titleId = `vt-center-${++centerId}`;
    const parts: Child[] = [el('h3', { id: titleId }, this.#t('center.title'))];
    parts.push(el('p', {}, this.#t(summary.nothingStored ? 'center.nothing' : 'center.where')));
    for (const purpose of summary.purposes) {
      const name = this.#t(`purpose.${purpose.purpose}`);
      const on = purpose.status === 'granted';
      const status = this.#t(STATUS_TEXT[purpose.status] ?? 'center.status.off');
      const section: Child[] = [
        el('h4', {}, `${name}: ${status}`),
        el(
          'p',
          {},
          purpose.records > 0 || purpose.purpose === 'marketing' && on
            ? this.#t(`center.records.${purpose.purpose}`, {
                count: purpose.records,
                from: this.#date(purpose.oldest),
                to: this.#date(purpose.newest),
                days: purpose.retentionDays,
                until: this.#date(purpose.oldestDeletedAt),
              })
            : this.#t(`center.empty.${purpose.purpose}`, { days: purpose.retentionDays }),
        ),
      ];
      const buttons = el('div', { class: 'vt-decision' });
      buttons.append(
        el(
          'button',
          { type: 'button', class: 'vt-button', role: 'switch', 'aria-checked': String(on), 'data-action': 'center-toggle', 'data-purpose': purpose.purpose },
          this.#t(on ? 'center.switchOff' : 'center.switchOn', { purpose: name }),
        ),
      );
      if (purpose.records > 0) {
        buttons.append(el('button', { type: 'button', class: 'vt-button', 'data-action': 'center-delete-purpose', 'data-purpose': purpose.purpose }, this.#t('center.deletePurpose', { purpose: name })));
      }
      section.push(buttons);
      if (purpose.purpose === 'history' && history.length > 0) section.push(this.#historyItems(history));
      if (purpose.purpose === 'insights' && purpose.records > 0) section.push(el('p', {}, el('a', { href: this.#settings.insightsUrl }, this.#t('center.insightsLink'))));
      if (purpose.purpose === 'personalization' && on) section.push(this.#profileForm(profile, titleId));
      parts.push(el('section', { class: 'vt-center-purpose' }, ...section));
    }
    if (ledger.length > 0) {
      parts.push(
        el(
          'section',
          { class: 'vt-center-ledger' },
          el('h4', {}, this.#t('center.ledgerTitle')),
          el('p', {}, this.#t('center.ledger', { count: ledger.length, from: this.#date(summary.firstDecision) })),
          el('ul', {}, ...ledger.map((entry) => el('li', {}, `${this.#date(entry.at, true)}: ${this.#t(`purpose.${entry.purpose}`)}, ${this.#t(`center.decision.${entry.decision}`)}`))),
        ),
      );
    }
    const fileId = `${titleId}-file`;
    parts.push(
      el(
        'div',
        { class: 'vt-decision vt-center-actions' },
        summary.nothingStored ? null : el('button', { type: 'button', class: 'vt-button', 'data-action': 'center-export' }, this.#t('center.export')),
        // A real button opens the (hidden) file picker: one control, named by its visible text.
        el('button', { type: 'button', class: 'vt-button', 'data-action': 'center-import-choose', 'aria-controls': fileId }, this.#t('center.import')),
        el('input', { type: 'file', id: fileId, hidden: '', accept: '.json,application/json', 'data-action': 'center-import' }),
        summary.nothingStored ? null : el('button', { type: 'button', class: 'vt-button', 'data-action': 'center-delete-all' }, this.#t('center.deleteAll')),
      ),
      el('p', {}, el('a', { href: this.#settings.privacyUrl }, this.#t('privacyAnswer.more'))),
    );
    this.#center?.remove();
    this.#center = this.#view.botCard('vt-center', parts, { focus: true, label: titleId });
  }

  /**
   * The profile as a form (SPEC 4.4, correct): every field can be changed, and emptied to delete
   * it. Plain controls with visible labels; saved by one button.
   */
  #profileForm(profile: Profile | undefined, centerId: string): HTMLElement {
    const id = (field: string): string => `${centerId}-profile-${field}`;
    const select = (field: string, value: string | undefined, options: readonly [string, UiKey][]): HTMLElement =>
      el(
        'select',
        { id: id(field), name: field },
        el('option', { value: '', ...(value ? {} : { selected: '' }) }, this.#t('profile.notSet')),
        ...options.map(([optionValue, label]) => el('option', { value: optionValue, ...(value === optionValue ? { selected: '' } : {}) }, this.#t(label))),
      );
    const interests = new Set(profile?.interests ?? []);
    const form = el(
      'form',
      { class: 'vt-profile', 'aria-labelledby': id('title') },
      el('h5', { id: id('title') }, this.#t('profile.title')),
      el('p', { class: 'vt-field' }, el('label', { for: id('name') }, this.#t('profile.name')), el('input', { id: id('name'), name: 'name', type: 'text', value: profile?.name ?? '', maxlength: String(MAX_NAME_LENGTH), autocomplete: 'off' })),
      el('p', { class: 'vt-field' }, el('label', { for: id('lang') }, this.#t('profile.lang')), select('lang', profile?.lang, [['de', 'profile.langDe'], ['en', 'profile.langEn']])),
      el('p', { class: 'vt-field' }, el('label', { for: id('address') }, this.#t('profile.address')), select('address', profile?.address, [['sie', 'profile.addressSie'], ['du', 'profile.addressDu']])),
      el(
        'fieldset',
        { class: 'vt-interests' },
        el('legend', {}, this.#t('profile.interests')),
        ...Object.entries(this.#settings.categories).map(([category, label]) =>
          el('label', {}, el('input', { type: 'checkbox', name: 'interests', value: category, ...(interests.has(category) ? { checked: '' } : {}) }), label),
        ),
      ),
      el('p', {}, el('button', { type: 'submit', class: 'vt-button', 'data-action': 'center-profile-save' }, this.#t('profile.save'))),
    );
    return form;
  }

  /** Saves the profile form (SPEC 4.4): what the visitor sees is what is stored; empty means deleted. */
  async saveProfile(form: HTMLFormElement): Promise<void> {
    const data = new FormData(form);
    const name = String(data.get('name') ?? '').replace(/[\p{Cc}]/gu, '').trim();
    if (name.length > MAX_NAME_LENGTH) {
      this.#view.note(this.#t('profile.invalidName', { max: MAX_NAME_LENGTH }));
      return;
    }
    const lang = data.get('lang');
    const address = data.get('address');
    const profile: Profile = {
      ...(name ? { name } : {}),
      ...(isLanguage(lang) ? { lang } : {}),
      ...(address === 'sie' || address === 'du' ? { address } : {}),
      interests: data.getAll('interests').map(String).filter((category) => Object.hasOwn(this.#settings.categories, category)),
      usedAt: new Date().toISOString(),
    };
    const saved = await this.#consent.saveProfile(profile);
    // The chat takes the change first, so the note is already in the chosen form of address.
    this.#profileChanged();
    this.#view.note(this.#t(saved ? 'profile.saved' : 'consent.notKept'));
    await this.open();
  }

  #historyItems(history: readonly HistoryRow[]): HTMLElement {
    const items = history
      .filter((row) => row.from === 'visitor' && row.id !== undefined)
      .map((row) =>
        el(
          'li',
          {},
          el('span', { dir: 'auto' }, `${this.#date(row.at, true)}: ${row.text ?? ''}`),
          el('button', { type: 'button', class: 'vt-button vt-small', 'data-action': 'center-delete-item', 'data-id': String(row.id), 'data-at': row.at }, this.#t('center.deleteItem')),
        ),
      );
    const details = el('details', { class: 'vt-center-items' }, el('summary', {}, this.#t('center.showItems')), el('ul', {}, ...items));
    return details;
  }

  /** Handles the privacy center's buttons; returns whether the click was one of them. */
  async handleClick(button: HTMLButtonElement): Promise<boolean> {
    const { action, purpose, id, at } = button.dataset;
    switch (action) {
      case 'center-open':
        await this.open();
        return true;
      case 'center-toggle':
        if (!isPurpose(purpose)) return false;
        if (this.#consent.state()[purpose] === 'granted') {
          await this.#consent.end([purpose], 'privacy-center');
          this.#view.note(this.#t('withdraw.done', { purposes: this.#t(`purpose.${purpose}`) }));
          await this.open();
        } else {
          // Switching on shows the purpose's consent text first: consent needs the text seen.
          this.#showConsentCard(purpose);
        }
        return true;
      case 'center-delete-purpose':
        if (!isPurpose(purpose)) return false;
        await this.#consent.deletePurposeData(purpose);
        this.#view.note(this.#t('center.deleted'));
        await this.open();
        return true;
      case 'center-delete-item':
        await this.#consent.deleteExchange(Number(id), at ?? '');
        this.#view.note(this.#t('center.deleted'));
        await this.open();
        return true;
      case 'center-export':
        await this.#export();
        return true;
      case 'center-delete-all':
        this.#view.choices(this.#t('center.deleteAllConfirm'), [
          { label: this.#t('center.deleteAllYes'), action: 'center-delete-all-yes', value: 'yes' },
          { label: this.#t('center.deleteAllNo'), action: 'center-delete-all-no', value: 'no' },
        ]);
        return true;
      case 'center-delete-all-yes': {
        this.#view.settle(button.closest('.vt-message'));
        const wiped = await this.#consent.wipe();
        const remains = wiped ? await remainingTraces() : ['IndexedDB'];
        this.#view.note(remains.length === 0 ? this.#t('center.deletedAll') : this.#t('center.deletedAllRemains', { what: remains.join(', ') }));
        this.#center?.remove();
        this.#center = undefined;
        return true;
      }
      case 'center-delete-all-no':
        this.#view.settle(button.closest('.vt-message'));
        return true;
      default:
        return false;
    }
  }

  async #export(): Promise<void> {
    // The export format (and zod with it) loads only when a visitor exports or restores.
    const { exportDocument } = await import('../core/privacy/export-format.ts');
    const document_ = exportDocument(this.#settings.site, await this.#consent.readStored());
    const file = `vertraut-export-${document_.exportedAt.slice(0, 10)}.json`;
    // A download made in the page: nothing is sent anywhere.
    const url = URL.createObjectURL(new Blob([JSON.stringify(document_, null, 2)], { type: 'application/json' }));
    const link = el('a', { href: url, download: file });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.#view.note(this.#t('center.exported', { file }));
  }

  /** Restores from a chosen file (SPEC 4.6): validated first; a refused file changes nothing. */
  async importFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const refuse = (problem: ImportProblem | 'other-site' | 'storage'): void => this.#view.note(this.#t('center.importFailed', { reason: this.#t(`center.problem.${problem}`) }));
    const { MAX_IMPORT_BYTES, parseImport } = await import('../core/privacy/export-format.ts');
    if (file.size > MAX_IMPORT_BYTES) return refuse('too-large');
    const result = parseImport(await file.text());
    if (!result.ok) return refuse(result.problem);
    if (result.data.site !== this.#settings.site) return refuse('other-site');
    const { ledger: importedLedger, history: importedHistory, insights, profile } = result.data;
    const restored = await this.#consent.restore({ ledger: importedLedger, history: importedHistory, insights, profile });
    if (!restored) return refuse('storage');
    // Counted as the center counts them: every stored message, after today's rules applied.
    const { ledger, history } = await this.#consent.readStored();
    this.#view.note(this.#t('center.imported', { ledger: ledger.length, history: history.length }));
    await this.open();
  }
}

/** What the site still keeps in this browser after a wipe (SPEC 4.5: "confirms that nothing remains"). */
async function remainingTraces(): Promise<string[]> {
  const remains: string[] = [];
  try {
    if ((await globalThis.indexedDB?.databases?.())?.some((db) => db.name === 'vertraut')) remains.push('IndexedDB');
  } catch {
    // Unknown is not "something remains".
  }
  if (globalThis.localStorage?.length) remains.push('localStorage');
  if (globalThis.sessionStorage?.length) remains.push('sessionStorage');
  if ('caches' in globalThis && (await caches.keys()).length > 0) remains.push('Cache Storage');
  if (navigator.serviceWorker && (await navigator.serviceWorker.getRegistrations()).length > 0) remains.push('Service Worker');
  return remains;
}
