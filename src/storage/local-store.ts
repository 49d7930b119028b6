import { Dexie } from 'dexie';
import { isLanguage } from '../core/content/faq-entry.ts';
import { DECISIONS, METHODS, type LedgerEntry } from '../core/consent/ledger.ts';
import { isPurpose, type Purpose } from '../core/consent/purposes.ts';
import { insightsCutoffDay, retentionCutoff, type RetentionDays } from '../core/consent/retention.ts';
import { isDay } from '../core/calendar-day.ts';
import { MAX_EVENT_TEXT, type InsightEvent } from '../core/insights/events.ts';
import type { Profile } from '../core/personal/profile.ts';
import { isProfileExpired, normalizeProfile } from '../core/personal/profile-rules.ts';
import { createDatabase, DATABASE_NAME, PROFILE_KEY, type HistoryRow, type InsightRow, type LedgerRow, type VertrautDatabase } from './schema.ts';

/*
 * The only code that touches IndexedDB, loaded only when something is or will be stored. It
 * stores what the consent controller asks it to and nothing else. Failures surface as
 * StorageUnavailable, so the chat can say that nothing can be kept and go on answering.
 */

export class StorageUnavailable extends Error {
  override readonly name = 'StorageUnavailable';
  readonly reason: string;
  constructor(reason: string, options?: ErrorOptions) {
    super(`vertraut: this browser cannot keep data (${reason})`, options);
    this.reason = reason;
  }
}

/** Turns a Dexie or DOM error into StorageUnavailable, by name (Dexie's error catalogue). */
function unavailable(error: unknown): StorageUnavailable {
  const name = error instanceof Error ? ((error as { inner?: Error }).inner?.name ?? error.name) : 'UnknownError';
  const reasons: Record<string, string> = {
    MissingAPIError: 'no IndexedDB',
    QuotaExceededError: 'storage is full',
    InvalidStateError: 'storage is blocked',
    SecurityError: 'storage is blocked',
    OpenFailedError: 'the database cannot be opened',
    DatabaseClosedError: 'the database was closed',
    VersionError: 'the database is from a newer version',
  };
  return new StorageUnavailable(reasons[name] ?? name, { cause: error });
}

export { databaseExists } from './database-exists.ts';

export interface StoredData {
  readonly ledger: readonly LedgerEntry[];
  readonly history: readonly HistoryRow[];
  readonly insights: readonly InsightEvent[];
  readonly profile: Profile | undefined;
}

export class LocalStore {
  readonly #db: VertrautDatabase;

  private constructor(db: VertrautDatabase) {
    this.#db = db;
  }

  /** Opens (and so creates) the database. Call only when there is a decision or data to store. */
  static async open(): Promise<LocalStore> {
    try {
      if (!globalThis.indexedDB) throw new Dexie.MissingAPIError('IndexedDB API missing');
      const db = createDatabase();
      await db.open();
      return new LocalStore(db);
    } catch (error) {
      throw unavailable(error);
    }
  }

  async #run<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw unavailable(error);
    }
  }

  appendLedger(entry: LedgerEntry): Promise<void> {
    return this.#run(async () => {
      await this.#db.ledger.add({ ...entry });
    });
  }

  addHistory(row: HistoryRow): Promise<void> {
    return this.#run(async () => {
      await this.#db.history.add({ ...row });
    });
  }

  addInsight(event: InsightEvent): Promise<void> {
    return this.#run(async () => {
      await this.#db.insights.add({ ...event });
    });
  }

  /** Writes the profile (there is only one). */
  putProfile(profile: Profile): Promise<void> {
    return this.#run(async () => {
      await this.#db.profile.put({ ...profile, key: PROFILE_KEY });
    });
  }

  /** Everything stored, ledger in the order of appending. Rows that do not parse are skipped. */
  read(): Promise<StoredData> {
    return this.#run(() =>
      this.#db.transaction('r', [this.#db.ledger, this.#db.history, this.#db.insights, this.#db.profile], async () => {
        const ledger = (await this.#db.ledger.orderBy('seq').toArray()).filter(isLedgerRow).map(ledgerEntryOf);
        const history = (await this.#db.history.orderBy('id').toArray()).filter(isHistoryRow);
        const insights = (await this.#db.insights.orderBy('id').toArray()).flatMap((row) => insightEventOf(row) ?? []);
        const profile = normalizeProfile(withoutKey(await this.#db.profile.get(PROFILE_KEY)), new Date());
        return { ledger, history, insights, profile };
      }),
    );
  }

  /**
   * Deletes one item of the saved history (SPEC 4.4, 4.5): a visitor's question together with
   * the bot's answer to it (saved right after it, at
   * the same time), so no answer is left whose question the visitor deleted.
   */
  deleteExchange(id: number): Promise<void> {
    return this.#run(() =>
      this.#db.transaction('rw', this.#db.history, async () => {
        const question = await this.#db.history.get(id);
        if (!question) return;
        const next = await this.#db.history.where('id').above(id).first();
        await this.#db.history.delete(id);
        if (next?.id !== undefined && next.from === 'bot' && next.at === question.at) await this.#db.history.delete(next.id);
      }),
    );
  }

  /**
   * Replaces everything stored with an imported file's content (SPEC 4.6), in one transaction:
   * if any write fails, nothing changes.
   */
  replaceAll(data: StoredData): Promise<void> {
    const { ledger, history, insights, profile } = this.#db;
    return this.#run(() =>
      this.#db.transaction('rw', [ledger, history, insights, profile], async () => {
        await Promise.all([ledger.clear(), history.clear(), insights.clear(), profile.clear()]);
        await ledger.bulkAdd(data.ledger.map((entry) => ({ ...entry })));
        await history.bulkAdd(data.history.map(({ id: _id, ...row }) => ({ ...row })));
        await insights.bulkAdd(data.insights.map((event) => ({ ...event })));
        if (data.profile) await profile.put({ ...data.profile, key: PROFILE_KEY });
      }),
    );
  }

  /** Deletes the data of a purpose (SPEC 3.6); the ledger stays. Marketing keeps nothing but the decision. */
  deletePurposeData(purpose: Purpose): Promise<void> {
    return this.#run(async () => {
      if (purpose === 'history') await this.#db.history.clear();
      else if (purpose === 'insights') await this.#db.insights.clear();
      else if (purpose === 'personalization') await this.#db.profile.clear();
    });
  }

  /** Deletes what is older than its purpose allows, and the data of purposes not granted (SPEC 3.7, 3.8). */
  enforce(retention: RetentionDays, granted: ReadonlySet<Purpose>, now: Date): Promise<void> {
    const { history, insights, profile } = this.#db;
    return this.#run(() =>
      this.#db.transaction('rw', [history, insights, profile], async () => {
        if (!granted.has('history')) await history.clear();
        else await history.where('at').below(retentionCutoff('history', retention, now)).delete();
        if (!granted.has('insights')) await insights.clear();
        else await insights.where('day').below(insightsCutoffDay(retention, now)).delete();
        // The profile is deleted after the configured time without use (SPEC 3.8).
        const row = await profile.get(PROFILE_KEY);
        if (row && (!granted.has('personalization') || isProfileExpired(row, retention.personalization, now))) await profile.clear();
      }),
    );
  }

  close(): void {
    this.#db.close();
  }

  /** Deletes the whole database (SPEC 4.5 "Alles löschen"). Works on a damaged or older database too. */
  static async wipe(): Promise<void> {
    try {
      await Dexie.delete(DATABASE_NAME);
    } catch (error) {
      throw unavailable(error);
    }
  }
}

/** A ledger entry copied field by field: exactly the SPEC 3.5 fields, whatever else a row holds. */
function ledgerEntryOf(row: LedgerRow): LedgerEntry {
  const { consentId, purpose, decision, policyVersion, textHash, method, lang, at } = row;
  return { consentId, purpose, decision, policyVersion, textHash, method, lang, at };
}

function isLedgerRow(row: unknown): row is LedgerRow {
  const r = row as Partial<LedgerRow> | null;
  return Boolean(
    r &&
      typeof r.consentId === 'string' &&
      isPurpose(r.purpose) &&
      (DECISIONS as readonly unknown[]).includes(r.decision) &&
      (METHODS as readonly unknown[]).includes(r.method) &&
      isLanguage(r.lang) &&
      typeof r.at === 'string' &&
      !Number.isNaN(Date.parse(r.at)) &&
      typeof r.textHash === 'string' &&
      typeof r.policyVersion === 'string',
  );
}

function withoutKey<T extends { key?: string }>(row: T | undefined): Omit<T, 'key'> | undefined {
  if (!row) return undefined;
  const { key: _key, ...rest } = row;
  return rest;
}

const ENTRY_ID = /^[a-z0-9-]{1,100}$/;
/** A clarifying question offers at most this many entries (as the export format allows). */
const MAX_CLARIFIED = 10;

const isEntryId = (value: unknown): value is string => typeof value === 'string' && ENTRY_ID.test(value);

/**
 * An event as written, copied field by field: a known kind with exactly its fields, a day and a
 * language. Anything else in a row (a field no event has) is not read, so what the visitor sees
 * and exports is what the export format accepts back.
 */
function insightEventOf(row: InsightRow): InsightEvent | undefined {
  const r = row as Partial<Record<string, unknown>>;
  const { day, lang } = r;
  if (!isDay(day) || !isLanguage(lang)) return undefined;
  switch (r['kind']) {
    case 'answered':
      return isEntryId(r['entryId']) ? { kind: 'answered', day, lang, entryId: r['entryId'] } : undefined;
    case 'clarified': {
      const ids = r['entryIds'];
      return Array.isArray(ids) && ids.length <= MAX_CLARIFIED && ids.every(isEntryId) ? { kind: 'clarified', day, lang, entryIds: [...ids] } : undefined;
    }
    case 'unanswered': {
      const text = r['text'];
      if (text === undefined) return { kind: 'unanswered', day, lang };
      return typeof text === 'string' && text.length <= MAX_EVENT_TEXT ? { kind: 'unanswered', day, lang, text } : undefined;
    }
    case 'feedback':
      return isEntryId(r['entryId']) && typeof r['helpful'] === 'boolean' ? { kind: 'feedback', day, lang, entryId: r['entryId'], helpful: r['helpful'] } : undefined;
    default:
      return undefined;
  }
}

function isStoredReply(reply: unknown): boolean {
  const r = reply as { kind?: unknown; entryId?: unknown; entryLang?: unknown; entryIds?: unknown; text?: unknown } | null;
  if (!r) return false;
  switch (r.kind) {
    case 'answer':
      return typeof r.entryId === 'string' && isLanguage(r.entryLang);
    case 'clarify':
      return Array.isArray(r.entryIds) && r.entryIds.every((id) => typeof id === 'string');
    case 'none':
      return true;
    case 'note':
      return typeof r.text === 'string';
    default:
      return false;
  }
}

/** A history row as written: a visitor's text or a bot's reply, with a real time and language. */
function isHistoryRow(row: unknown): row is HistoryRow {
  const r = row as Partial<HistoryRow> | null;
  if (!r || typeof r.at !== 'string' || Number.isNaN(Date.parse(r.at)) || !isLanguage(r.lang)) return false;
  return r.from === 'visitor' ? typeof r.text === 'string' : r.from === 'bot' && isStoredReply(r.reply);
}
