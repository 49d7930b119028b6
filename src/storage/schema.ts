import { Dexie, type EntityTable } from 'dexie';
import type { Language } from '../core/content/faq-entry.ts';
import type { LedgerEntry } from '../core/consent/ledger.ts';
import type { InsightEvent } from '../core/insights/events.ts';
import type { Profile } from '../core/personal/profile.ts';
import { DATABASE_NAME } from './database-name.ts';

/*
 * The database schema, one `version(n)` per change, each with its upgrade step; a test writes
 * data with every older version and checks that it survives (tests/unit/storage-schema.test.ts).
 * Never edit a released version: add the next one.
 */

export { DATABASE_NAME };

/** A ledger row: the entry plus its position, which keeps the ledger in the order of appending. */
export interface LedgerRow extends LedgerEntry {
  readonly seq?: number;
}

/** What a bot message of the saved history was, so it can be shown again in the page's language. */
export type StoredReply =
  | { readonly kind: 'answer'; readonly entryId: string; readonly entryLang: Language }
  | { readonly kind: 'clarify'; readonly entryIds: readonly string[] }
  | { readonly kind: 'none' }
  | { readonly kind: 'note'; readonly text: string };

/** One message of the saved history (purpose `history`). */
export interface HistoryRow {
  readonly id?: number;
  /** ISO time the message was saved; retention counts from here. */
  readonly at: string;
  /** The language the conversation was held in (added in version 2). */
  readonly lang: Language;
  readonly from: 'visitor' | 'bot';
  /** The visitor's words (from: visitor). */
  readonly text?: string;
  /** The bot's reply (from: bot). */
  readonly reply?: StoredReply;
}

/** One counted event (purpose `insights`), day only. */
export type InsightRow = InsightEvent & { readonly id?: number };

/** The one profile (purpose `personalization`), under the key PROFILE_KEY. */
export type ProfileRow = Profile & { readonly key: typeof PROFILE_KEY };
export const PROFILE_KEY = 'profile';

export type VertrautDatabase = Dexie & {
  ledger: EntityTable<LedgerRow, 'seq'>;
  history: EntityTable<HistoryRow, 'id'>;
  insights: EntityTable<InsightRow, 'id'>;
  profile: EntityTable<ProfileRow, 'key'>;
};

export function createDatabase(options?: ConstructorParameters<typeof Dexie>[1]): VertrautDatabase {
  // No automatic reopening: a database deleted by another tab (a wipe) must not be re-created
  // behind the visitor's back by the next write; LocalStore opens explicitly.
  const db = new Dexie(DATABASE_NAME, { autoOpen: false, ...options }) as VertrautDatabase;
  // Version 1: the consent ledger and the saved history.
  db.version(1).stores({
    ledger: '++seq, purpose',
    history: '++id, at',
  });
  // Version 2: history rows know their language (restored in the page's language); the ledger
  // is indexed by time. Rows from version 1 were German conversations.
  db.version(2)
    .stores({
      ledger: '++seq, purpose, at',
      history: '++id, at, lang',
    })
    .upgrade((transaction) =>
      transaction
        .table('history')
        .toCollection()
        .modify((row: { lang?: Language }) => {
          row.lang ??= 'de';
        }),
    );
  // Version 3: counted events (purpose insights, indexed by day for retention) and the profile
  // (purpose personalization, one row). Nothing older changes.
  db.version(3).stores({
    ledger: '++seq, purpose, at',
    history: '++id, at, lang',
    insights: '++id, day',
    profile: 'key',
  });
  return db;
}
