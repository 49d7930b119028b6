import type { ConsentState, LedgerEntry, PurposeStatus } from '../consent/ledger.ts';
import type { Purpose } from '../consent/purposes.ts';
import { deletedAt, keptUntil, type RetentionDays } from '../consent/retention.ts';

/*
 * What is stored, per purpose, in plain numbers (SPEC 4.2): the privacy center shows it and the
 * bot's privacy answers quote it. "Nothing is stored" is a valid and common answer.
 */

export interface PurposeSummary {
  readonly purpose: Purpose;
  readonly status: PurposeStatus;
  readonly records: number;
  readonly oldest: string | undefined;
  readonly newest: string | undefined;
  /** The day (YYYY-MM-DD, UTC) the oldest record is deleted at the latest. */
  readonly oldestKeptUntil: string | undefined;
  /** The same as an instant (ISO), to be shown as a day in the visitor's time zone. */
  readonly oldestDeletedAt: string | undefined;
  readonly retentionDays: number;
}

export interface StoredSummary {
  readonly nothingStored: boolean;
  readonly ledgerEntries: number;
  readonly firstDecision: string | undefined;
  readonly purposes: readonly PurposeSummary[];
}

export interface StoredRecords {
  readonly ledger: readonly LedgerEntry[];
  /** Timestamps of the records of each purpose's data. */
  readonly records: Readonly<Partial<Record<Purpose, readonly string[]>>>;
}

/** `offered`: the purposes this site may ask for (offeredPurposes); others are not listed. */
export function summarizeStored(stored: StoredRecords, state: ConsentState, retention: RetentionDays, offered: readonly Purpose[]): StoredSummary {
  const purposes = offered.map((purpose): PurposeSummary => {
    const times = [...(stored.records[purpose] ?? [])].sort();
    const oldest = times[0];
    return {
      purpose,
      status: state[purpose],
      records: times.length,
      oldest,
      newest: times.at(-1),
      oldestKeptUntil: oldest ? keptUntil(oldest, purpose, retention) : undefined,
      oldestDeletedAt: oldest ? deletedAt(oldest, purpose, retention) : undefined,
      retentionDays: retention[purpose],
    };
  });
  const ledgerEntries = stored.ledger.length;
  return {
    nothingStored: ledgerEntries === 0 && purposes.every((p) => p.records === 0),
    ledgerEntries,
    firstDecision: stored.ledger[0]?.at,
    purposes,
  };
}
