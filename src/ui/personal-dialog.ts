import type { Language } from '../core/content/faq-entry.ts';
import { shouldOfferPersonalization } from '../core/consent/consent-flow.ts';
import type { Purpose } from '../core/consent/purposes.ts';
import type { BotReply } from '../core/dialog/reply.ts';
import { suggestInterest, startersFromInterests } from '../core/personal/interests.ts';
import { extractFormOfAddress, extractIntroducedName } from '../core/personal/name.ts';
import { MAX_INTERESTS, type Profile } from '../core/personal/profile.ts';
import type { SearchEngine } from '../core/search/search-engine.ts';
import type { UiKey } from '../i18n/de.ts';
import type { ChatView } from './chat-view.ts';
import type { ConsentController } from './consent-controller.ts';

/*
 * Personalization in the conversation (SPEC 6): a name the visitor tells, the form of address it
 * asks for, an interest it confirms. Nothing is kept without the purpose granted: what the visitor
 * offers while the card is open is kept only on "Ja". What counts as a name or an interest is
 * decided in src/core/personal; this module asks, keeps and applies.
 */

export interface PersonalSettings {
  readonly lang: Language;
  /** Category id → label in the page's language. */
  readonly categories: Readonly<Record<string, string>>;
  /** The site's starter question ids for the page's language. */
  readonly starters: readonly string[];
  /** The informal German strings (Du), for a visitor who asked for them. */
  readonly duStrings: Readonly<Partial<Record<UiKey, string>>>;
}

export class PersonalDialog {
  readonly #view: ChatView;
  readonly #consent: ConsentController;
  /** The strings every part of the chat reads: switched between Sie and Du in place. */
  readonly #strings: Record<UiKey, string>;
  readonly #formal: Readonly<Record<UiKey, string>>;
  readonly #settings: PersonalSettings;
  readonly #offerCard: (purpose: Purpose) => void;
  readonly #cardOpen: () => boolean;
  /** Categories of the answers given in this visit, oldest first (for interest suggestions). */
  readonly #answered: (string | undefined)[] = [];
  /** Interests the visitor declined in this visit: not suggested again. */
  readonly #declined = new Set<string>();
  /** The form of address asked for in this visit; honoured even when it may not be kept. */
  #visitAddress: Profile['address'];
  /** The visitor came back with a profile (not one made during this visit). */
  #returning = false;

  readonly #mayOfferUnasked: () => boolean;

  constructor(
    view: ChatView,
    consent: ConsentController,
    strings: Record<UiKey, string>,
    settings: PersonalSettings,
    offerCard: (purpose: Purpose) => void,
    cardOpen: () => boolean,
    mayOfferUnasked: () => boolean = () => true,
  ) {
    this.#mayOfferUnasked = mayOfferUnasked;
    this.#view = view;
    this.#consent = consent;
    this.#strings = strings;
    this.#formal = { ...strings };
    this.#settings = settings;
    this.#offerCard = offerCard;
    this.#cardOpen = cardOpen;
  }

  #t(key: UiKey, values: Record<string, string> = {}): string {
    return this.#strings[key].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
  }

  /** The interests in force (empty without a profile): they order near-ties and suggestions only. */
  get interests(): readonly string[] {
    return this.#consent.profile?.interests ?? [];
  }

  categoryLabel(id: string): string {
    return this.#settings.categories[id] ?? id;
  }

  #emptyProfile(): Profile {
    return { interests: [], usedAt: new Date().toISOString() };
  }

  /**
   * Keeps a change to the profile: at once when personalization is granted, otherwise it is
   * proposed with the consent card (once per visit) and kept only on "Ja". Returns whether it was kept.
   */
  async #keep(change: (profile: Profile) => Profile): Promise<boolean> {
    const current = this.#consent.profile;
    if (current) {
      await this.#consent.saveProfile({ ...change(current), usedAt: new Date().toISOString() });
      this.apply();
      return true;
    }
    if (this.#consent.state().personalization === 'granted') {
      await this.#consent.saveProfile(change(this.#emptyProfile()));
      this.apply();
      return true;
    }
    const offer = shouldOfferPersonalization({
      state: this.#consent.state(),
      askedThisVisit: this.#consent.askedThisVisit('personalization') || this.#cardOpen(),
      storageAvailable: this.#consent.storageProblem === undefined,
    });
    if (offer) {
      this.#consent.proposeProfile(change(this.#emptyProfile()));
      this.#offerCard('personalization');
    }
    return false;
  }

  /**
   * Handles "Ich heiße Anna" or "Du kannst mich duzen"; returns whether the message is fully
   * handled. A message that also asks something ("Ich bin Max, wo bleibt mein Paket?") is
   * answered too: the caller goes on to search it.
   */
  async handleTyped(text: string): Promise<boolean> {
    const name = extractIntroducedName(text);
    if (name) {
      const kept = await this.#keep((profile) => ({ ...profile, name }));
      this.#view.note(this.#t(kept ? 'personal.nameKept' : 'personal.niceToMeet', { name }));
      return !asksMore(text, name);
    }
    const address = this.#settings.lang === 'de' ? extractFormOfAddress(text) : undefined;
    if (address) {
      // The form of address is honoured for this visit at once; it is kept only with consent.
      this.#visitAddress = address;
      this.#address(address);
      await this.#keep((profile) => ({ ...profile, address }));
      this.#view.note(this.#t('personal.addressKept'));
      return true;
    }
    return false;
  }

  /** After an answer: suggest its category as an interest when the visitor keeps asking about it. */
  afterReply(reply: BotReply): void {
    if (reply.kind !== 'answer') return;
    this.#answered.push(reply.entry.category);
    if (this.#cardOpen() || this.#consent.storageProblem !== undefined) return;
    const status = this.#consent.state().personalization;
    // Without a profile, a suggestion leads to the consent card: only while still undecided, and
    // not right after another card (one purpose at a time).
    if (status !== 'granted' && (!['unknown', 'outdated', 'expired'].includes(status) || this.#consent.askedThisVisit('personalization') || !this.#mayOfferUnasked())) return;
    const interests = this.interests;
    if (interests.length >= MAX_INTERESTS) return;
    const category = suggestInterest(this.#answered, { interests }, { declined: this.#declined });
    if (!category) return;
    this.#declined.add(category); // asked once per visit, whatever the answer
    const label = this.categoryLabel(category);
    this.#view.choices(this.#t('personal.interestQuestion', { category: label }), [
      { label: this.#t('personal.interestYes'), action: 'personal-interest', value: `yes:${category}` },
      { label: this.#t('personal.interestNo'), action: 'personal-interest', value: `no:${category}` },
    ]);
  }

  /** Handles the interest question's buttons; returns whether the click was one of them. */
  async handleClick(button: HTMLButtonElement): Promise<boolean> {
    if (button.dataset['action'] !== 'personal-interest') return false;
    this.#view.settle(button.closest('.vt-message'));
    const [answer, category = ''] = (button.dataset['value'] ?? '').split(':');
    if (answer !== 'yes' || !Object.hasOwn(this.#settings.categories, category)) {
      this.#view.note(this.#t('personal.interestDeclined'));
      return true;
    }
    const kept = await this.#keep((profile) => ({ ...profile, interests: [...new Set([...profile.interests, category])].slice(0, MAX_INTERESTS) }));
    if (kept) this.#view.note(this.#t('personal.interestKept', { category: this.categoryLabel(category) }));
    return true;
  }

  #address(address: Profile['address']): void {
    if (this.#settings.lang !== 'de') return;
    Object.assign(this.#strings, this.#formal, address === 'du' ? this.#settings.duStrings : {});
    this.#view.informal = address === 'du';
    this.#view.refreshFixedText();
  }

  /**
   * Applies the profile in force to the chat: the form of address, the greeting by name and the
   * starter questions from the interests; without a profile, everything as for anyone.
   * `returning`: the chat has just started for a visitor with a profile ("Willkommen zurück");
   * a name given during this visit is greeted with a plain "Hallo".
   */
  apply(engine?: SearchEngine, returning = false): void {
    const profile = this.#consent.profile;
    this.#address(profile?.address ?? this.#visitAddress);
    const starters = engine ? startersFromInterests(profile?.interests ?? [], engine.entries, this.#settings.starters).flatMap((id) => engine.entry(id) ?? []) : undefined;
    if (returning) this.#returning = true;
    const greeting = profile?.name ? this.#t(this.#returning ? 'personal.welcomeBack' : 'personal.hello', { name: profile.name }) : this.#t('chat.greeting');
    this.#view.greet(greeting, starters);
    const otherLanguage = profile?.lang !== undefined && profile.lang !== this.#settings.lang;
    this.#view.preferredLanguage(otherLanguage ? this.#t('personal.preferredLanguage') : undefined, this.#t('personal.preferredLanguageLink'));
  }

  /** A returning visitor's profile is in use: its retention starts again (SPEC 3.8, "without use"). */
  async touch(): Promise<void> {
    const profile = this.#consent.profile;
    if (profile) await this.#consent.saveProfile({ ...profile, usedAt: new Date().toISOString() });
  }
}

/**
 * Whether a message asks more than the introduction: a question mark, or clearly more words than
 * "Ich heiße <name>" needs.
 */
function asksMore(text: string, name: string): boolean {
  const words = (value: string): number => value.split(/\s+/).filter(Boolean).length;
  return text.includes('?') || words(text) > words(name) + 4;
}
