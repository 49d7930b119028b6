import type { Language } from '../core/content/faq-entry.ts';
import { resolveWithdrawal, endingDecision, shouldOfferHistory, type WithdrawalOutcome } from '../core/consent/consent-flow.ts';
import type { WithdrawalCommand } from '../core/consent/commands.ts';
import { consentState, grantedPurposes, isGranted, ledgerEntry, type ConsentMethod, type ConsentState, type LedgerEntry } from '../core/consent/ledger.ts';
import { consentCardLines, PURPOSES, type Purpose } from '../core/consent/purposes.ts';
import type { RetentionDays } from '../core/consent/retention.ts';
import { hashText } from '../core/consent/text-hash.ts';
import type { InsightEvent } from '../core/insights/events.ts';
import type { Profile } from '../core/personal/profile.ts';
import type { HistoryRow, StoredReply } from '../storage/schema.ts';
import type { LocalStore, StoredData } from '../storage/local-store.ts';
import { databaseExists } from '../storage/database-exists.ts';
import { DATABASE_NAME, TAB_CHANNEL, type TabMessage } from '../storage/database-name.ts';

/*
 * Carries out the consent rules of src/core/consent in the browser: keeps the ledger, asks the
 * store to keep or delete data, and tells other open tabs. The storage code (Dexie) is imported
 * only when a decision is stored or the database already exists (SPEC 3.1, 9); until then the
 * ledger lives in memory only, and it never leaves it when storage fails.
 */

export interface ConsentSettings {
  readonly lang: Language;
  readonly policyVersion: string;
  readonly retention: RetentionDays;
}


export interface ConsentEvents {
  /** The consent state changed in another tab (or a wipe happened there). */
  onExternalChange(before: ConsentState, after: ConsentState, wiped: boolean): void;
}

export class ConsentController {
  readonly #settings: ConsentSettings;
  readonly #events: ConsentEvents;
  #ledger: LedgerEntry[] = [];
  #hashes = new Map<string, string>();
  #store: LocalStore | undefined;
  #storageProblem: string | undefined;
  #channel: BroadcastChannel | undefined;
  readonly #asked = new Set<Purpose>();
  /** The profile in force (personalization granted), or undefined. */
  #profile: Profile | undefined;
  /** What the visitor offered to keep (a name, an interest) while the personalization card is open. */
  #proposedProfile: Profile | undefined;
  /** This visit's conversation, in memory: saved only if and when history is granted. */
  readonly #transcript: { visitorText: string | undefined; reply: StoredReply; at: string }[] = [];

  constructor(settings: ConsentSettings, events: ConsentEvents) {
    this.#settings = settings;
    this.#events = events;
  }

  /** The exact lines of a purpose's consent card in the page's language. */
  cardLines(purpose: Purpose): string[] {
    return consentCardLines(purpose, this.#settings.lang, this.#settings.retention[purpose]);
  }

  #currentHash = (purpose: Purpose, lang: Language): string => this.#hashes.get(`${purpose}:${lang}`) ?? '';

  /**
   * Prepares the hashes of the current texts and, if the database exists, loads the ledger,
   * enforces retention and returns the saved history (when history is granted).
   */
  async start(): Promise<HistoryRow[]> {
    for (const purpose of PURPOSES) {
      for (const lang of ['de', 'en'] as const) {
        this.#hashes.set(`${purpose}:${lang}`, await hashText(consentCardLines(purpose, lang, this.#settings.retention[purpose]).join('\n')));
      }
    }
    if ('BroadcastChannel' in globalThis) {
      this.#channel = new BroadcastChannel(TAB_CHANNEL);
      this.#channel.onmessage = (event: MessageEvent<TabMessage>) => void this.#onTabMessage(event.data);
    }
    if (!(await databaseExists())) return [];
    return this.#loadFromStore();
  }

  async #loadFromStore(): Promise<HistoryRow[]> {
    const store = await this.#openStore();
    if (!store) return [];
    try {
      this.#ledger = [...(await store.read()).ledger];
      await store.enforce(this.#settings.retention, new Set(grantedPurposes(this.state())), new Date());
      const stored = await store.read();
      this.#profile = isGranted(this.state(), 'personalization') ? stored.profile : undefined;
      return isGranted(this.state(), 'history') ? [...stored.history] : [];
    } catch (error) {
      this.#fail(error);
      return [];
    }
  }

  async #openStore(): Promise<LocalStore | undefined> {
    if (this.#store) return this.#store;
    if (this.#storageProblem) return undefined;
    try {
      const { LocalStore } = await import('../storage/local-store.ts');
      this.#store = await LocalStore.open();
      return this.#store;
    } catch (error) {
      this.#fail(error);
      return undefined;
    }
  }

  #fail(error: unknown): void {
    this.#storageProblem = (error as { reason?: string }).reason ?? String(error);
    this.#store = undefined;
  }

  /** Why nothing can be kept, or undefined when storage works (as far as known). */
  get storageProblem(): string | undefined {
    return this.#storageProblem ?? (globalThis.indexedDB ? undefined : 'no IndexedDB');
  }

  /** Where each purpose stands now; advertising consent lapses after the days its card promises. */
  state(): ConsentState {
    return consentState(this.#ledger, this.#currentHash, { days: { marketing: this.#settings.retention.marketing }, now: new Date() });
  }

  /** Whether a purpose's card was shown in this visit. */
  askedThisVisit(purpose: Purpose): boolean {
    return this.#asked.has(purpose);
  }

  /** Notes that a purpose's card is shown now (it is asked at most once per visit). */
  markAsked(purpose: Purpose): void {
    this.#asked.add(purpose);
  }

  /** Questions answered, clarified or left unanswered in this visit. */
  get exchanges(): number {
    return this.#transcript.length;
  }

  /** Whether to offer the history card now (see shouldOfferHistory). Marks it as asked. */
  offerHistory(requested: boolean): boolean {
    const offer = shouldOfferHistory({
      state: this.state(),
      exchanges: this.#transcript.length,
      askedThisVisit: this.#asked.has('history'),
      storageAvailable: this.storageProblem === undefined,
      requested,
    });
    if (offer) this.#asked.add('history');
    return offer;
  }

  /** Records a decision; returns false when it could only be kept in memory (storage failed). */
  async decide(purpose: Purpose, granted: boolean, method: ConsentMethod): Promise<boolean> {
    const entry = ledgerEntry({
      purpose,
      decision: granted ? 'granted' : 'refused',
      method,
      lang: this.#settings.lang,
      textHash: this.#currentHash(purpose, this.#settings.lang),
      policyVersion: this.#settings.policyVersion,
    });
    const kept = await this.#append([entry]);
    // "Dieses Gespräch aufheben": the conversation so far is what the visitor agreed to keep.
    if (kept && granted && purpose === 'history') await this.#save(this.#transcript);
    // What the visitor offered with the card (its name, an interest) is kept only now.
    if (kept && granted && purpose === 'personalization' && this.#proposedProfile) await this.saveProfile(this.#proposedProfile);
    if (purpose === 'personalization') this.#proposedProfile = undefined;
    return kept;
  }

  /**
   * The first step of a double opt-in (SPEC 7.2): the visitor said "START"; the purpose is
   * pending until confirmed with decide(purpose, true, …). Both steps are in the ledger.
   */
  async request(purpose: Purpose, method: ConsentMethod): Promise<boolean> {
    return this.#append([
      ledgerEntry({
        purpose,
        decision: 'requested',
        method,
        lang: this.#settings.lang,
        textHash: this.#currentHash(purpose, this.#settings.lang),
        policyVersion: this.#settings.policyVersion,
      }),
    ]);
  }

  /** Counts an event when the visitor allowed it (purpose insights); otherwise nothing happens. */
  async recordInsight(event: InsightEvent): Promise<void> {
    if (!isGranted(this.state(), 'insights')) return;
    const store = await this.#openStore();
    if (!store) return;
    try {
      await store.addInsight(event);
    } catch (error) {
      this.#fail(error);
    }
  }

  /** The profile in force: only with personalization granted. */
  get profile(): Profile | undefined {
    return isGranted(this.state(), 'personalization') ? this.#profile : undefined;
  }

  /** Remembers what the visitor offered while the personalization card is open; kept only on "Ja". */
  proposeProfile(profile: Profile): void {
    this.#proposedProfile = profile;
  }

  /** Keeps the profile (personalization granted) and tells other tabs; false when it could not be kept. */
  async saveProfile(profile: Profile): Promise<boolean> {
    if (!isGranted(this.state(), 'personalization')) return false;
    this.#profile = profile;
    return this.#change((store) => store.putProfile(profile));
  }

  resolveWithdrawal(command: WithdrawalCommand): WithdrawalOutcome {
    return resolveWithdrawal(command, this.state());
  }

  /** Ends purposes at once: ledger entries, their data deleted, other tabs told (SPEC 3.6). */
  async end(purposes: readonly Purpose[], method: ConsentMethod): Promise<boolean> {
    const entries = purposes.map((purpose) =>
      ledgerEntry({
        purpose,
        decision: endingDecision(purpose),
        method,
        lang: this.#settings.lang,
        textHash: this.#currentHash(purpose, this.#settings.lang),
        policyVersion: this.#settings.policyVersion,
      }),
    );
    const kept = await this.#append(entries);
    if (purposes.includes('personalization')) this.#profile = undefined;
    if (this.#store) {
      try {
        for (const purpose of purposes) await this.#store.deletePurposeData(purpose);
      } catch (error) {
        this.#fail(error);
      }
    }
    return kept;
  }

  async #append(entries: readonly LedgerEntry[]): Promise<boolean> {
    this.#ledger.push(...entries);
    const store = await this.#openStore();
    let kept = false;
    if (store) {
      try {
        for (const entry of entries) await store.appendLedger(entry);
        this.#channel?.postMessage({ type: 'ledger' } satisfies TabMessage);
        kept = true;
      } catch (error) {
        this.#fail(error);
      }
    }
    // A refusal or withdrawal that could not be written is still respected for this visit; a
    // grant that could not be written is not in force, since nothing it allows can be kept.
    if (!kept) this.#ledger = this.#ledger.filter((entry) => !(entries.includes(entry) && entry.decision === 'granted'));
    return kept;
  }

  /** Remembers an exchange for this visit, and keeps it when history is granted. */
  async recordExchange(visitorText: string | undefined, reply: StoredReply): Promise<void> {
    const exchange = { visitorText, reply, at: new Date().toISOString() };
    this.#transcript.push(exchange);
    if (isGranted(this.state(), 'history')) await this.#save([exchange]);
  }

  async #save(exchanges: readonly { visitorText: string | undefined; reply: StoredReply; at: string }[]): Promise<void> {
    const store = await this.#openStore();
    if (!store) return;
    const lang = this.#settings.lang;
    try {
      for (const { visitorText, reply, at } of exchanges) {
        if (visitorText !== undefined) await store.addHistory({ at, lang, from: 'visitor', text: visitorText });
        await store.addHistory({ at, lang, from: 'bot', reply });
      }
    } catch (error) {
      this.#fail(error);
    }
  }

  /**
   * Everything stored, read without creating anything: empty when the database does not exist
   * (SPEC 4.2). The ledger in memory is the truth when storage failed.
   */
  async readStored(): Promise<StoredData> {
    const inMemory: StoredData = { ledger: [...this.#ledger], history: [], insights: [], profile: undefined };
    if (!this.#store && !(await databaseExists())) return inMemory;
    const store = await this.#openStore();
    if (!store) return inMemory;
    try {
      return await store.read();
    } catch (error) {
      this.#fail(error);
      return inMemory;
    }
  }

  /**
   * Runs a change on the store and tells the other tabs; false when storage is unavailable or the
   * change failed (which then marks storage as failed).
   */
  async #change(work: (store: LocalStore) => Promise<void>): Promise<boolean> {
    const store = await this.#openStore();
    if (!store) return false;
    try {
      await work(store);
      this.#channel?.postMessage({ type: 'ledger' } satisfies TabMessage);
      return true;
    } catch (error) {
      this.#fail(error);
      return false;
    }
  }

  /**
   * Deletes a saved question and its answer. The exchange is also forgotten by this visit's
   * memory, so a later "Ja" cannot write back what the visitor deleted.
   */
  deleteExchange(id: number, at: string): Promise<boolean> {
    this.#forget((exchange) => exchange.at === at);
    return this.#change((store) => store.deleteExchange(id));
  }

  /** Deletes the data of one purpose without ending it (the privacy center's "delete"). */
  deletePurposeData(purpose: Purpose): Promise<boolean> {
    if (purpose === 'history') this.#forget(() => true);
    if (purpose === 'personalization') this.#profile = undefined;
    return this.#change((store) => store.deletePurposeData(purpose));
  }

  #forget(matches: (exchange: { at: string }) => boolean): void {
    for (let i = this.#transcript.length - 1; i >= 0; i--) {
      const exchange = this.#transcript[i];
      if (exchange && matches(exchange)) this.#transcript.splice(i, 1);
    }
  }

  /**
   * Restores an export (already validated): replaces everything stored, all or nothing, then
   * applies today's rules to it at once (retention, and no history without a valid grant). An
   * export holding nothing restores "nothing": no database is created for it.
   */
  async restore(data: StoredData): Promise<boolean> {
    if (data.ledger.length === 0 && data.history.length === 0 && data.insights.length === 0 && !data.profile) {
      this.#ledger = [];
      this.#profile = undefined;
      return (await databaseExists()) ? this.wipe() : true;
    }
    return this.#change(async (store) => {
      await store.replaceAll(data);
      this.#ledger = [...data.ledger];
      await store.enforce(this.#settings.retention, new Set(grantedPurposes(this.state())), new Date());
      this.#profile = isGranted(this.state(), 'personalization') ? (await store.read()).profile : undefined;
    });
  }

  /** Whether anything of this site is kept in this browser (for the end-of-chat offer). */
  get hasStoredData(): boolean {
    return this.#store !== undefined;
  }

  /** Deletes everything: the database goes, ledger included (SPEC 4.5), and other tabs forget. */
  async wipe(): Promise<boolean> {
    this.#store?.close();
    this.#store = undefined;
    this.#ledger = [];
    this.#profile = undefined;
    try {
      const { LocalStore } = await import('../storage/local-store.ts');
      await LocalStore.wipe();
      await clearOtherTraces();
      this.#channel?.postMessage({ type: 'wiped' } satisfies TabMessage);
      return true;
    } catch (error) {
      this.#fail(error);
      return false;
    }
  }

  async #onTabMessage(message: TabMessage): Promise<void> {
    const before = this.state();
    if (message.type === 'wiped') {
      this.#store?.close();
      this.#store = undefined;
      this.#ledger = [];
      this.#profile = undefined;
    } else {
      const store = await this.#openStore();
      if (!store) return;
      try {
        // The ledger and the profile as another tab left them (a correction, a withdrawal).
        const stored = await store.read();
        this.#ledger = [...stored.ledger];
        this.#profile = isGranted(this.state(), 'personalization') ? stored.profile : undefined;
      } catch (error) {
        this.#fail(error);
        return;
      }
    }
    this.#events.onExternalChange(before, this.state(), message.type === 'wiped');
  }
}

/**
 * "Every other trace" (SPEC 4.5): vertraut itself keeps nothing outside its database, but
 * anything under its name in web storage or Cache Storage (from an older version, say) goes too.
 * Other data of the same origin belongs to the host site and is left alone; the privacy center
 * reports it honestly.
 */
async function clearOtherTraces(): Promise<void> {
  for (const storage of [globalThis.localStorage, globalThis.sessionStorage]) {
    if (!storage) continue;
    for (const key of Object.keys(storage)) if (key.startsWith(DATABASE_NAME)) storage.removeItem(key);
  }
  if ('caches' in globalThis) {
    for (const name of await caches.keys()) if (name.startsWith(DATABASE_NAME)) await caches.delete(name);
  }
}
