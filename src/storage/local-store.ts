import { Dexie } from 'dexie';
import { isLanguage } from '../core/content/faq-entry.ts';
import { DECISIONS, METHODS, type LedgerEntry } from '../core/consent/ledger.ts';
import { isPurpose, type Purpose } from '../core/consent/purposes.ts';
import { retentionCutoff, type RetentionDays } from '../core/consent/retention.ts';
import { createDatabase, DATABASE_NAME, type HistoryRow, type LedgerRow, type VertrautDatabase } from './schema.ts';

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

  /** Everything stored, ledger in the order of appending. Rows that do not parse are skipped. */
  read(): Promise<StoredData> {
    return this.#run(async () => {
      const ledger = (await this.#db.ledger.orderBy('seq').toArray()).filter(isLedgerRow).map(withoutSeq);
      const history = (await this.#db.history.orderBy('id').toArray()).filter(isHistoryRow);
      return { ledger, history };
    });
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
    return this.#run(() =>
      this.#db.transaction('rw', this.#db.ledger, this.#db.history, async () => {
        await this.#db.ledger.clear();
        await this.#db.history.clear();
        await this.#db.ledger.bulkAdd(data.ledger.map((entry) => ({ ...entry })));
        await this.#db.history.bulkAdd(data.history.map(({ id: _id, ...row }) => ({ ...row })));
      }),
    );
  }

  /** Deletes the data of a purpose (SPEC 3.6); the ledger stays. */
  deletePurposeData(purpose: Purpose): Promise<void> {
    return this.#run(async () => {
      if (purpose === 'history') await this.#db.history.clear();
    });
  }

  /** Deletes what is older than its purpose allows, and the data of purposes not granted (SPEC 3.7, 3.8). */
  enforce(retention: RetentionDays, granted: ReadonlySet<Purpose>, now: Date): Promise<void> {
    return this.#run(async () => {
      if (!granted.has('history')) await this.#db.history.clear();
      else await this.#db.history.where('at').below(retentionCutoff('history', retention, now)).delete();
    });
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

function withoutSeq(row: LedgerRow): LedgerEntry {
  const { seq: _seq, ...entry } = row;
  return entry;
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
