import { ledgerEntry, type ConsentMethod, type Decision, type LedgerEntry } from '../../../src/core/consent/ledger.ts';
import type { Purpose } from '../../../src/core/consent/purposes.ts';

/**
 * Ledger entries one second apart from 2026-04-15 08:00 UTC, as a visitor's decisions in order.
 * `ids` numbers the consent ids (consent-1, …) instead of random ones.
 */
export function decisionClock(options: { method?: ConsentMethod; ids?: boolean } = {}): (purpose: Purpose, decided: Decision) => LedgerEntry {
  let tick = Date.parse('2026-04-15T08:00:00.000Z');
  let ids = 0;
  return (purpose, decided) => {
    tick += 1000;
    const fields = { purpose, decision: decided, method: options.method ?? 'button', lang: 'de', textHash: '0'.repeat(64), policyVersion: '2026-04' } as const;
    return options.ids ? ledgerEntry(fields, new Date(tick), () => `consent-${++ids}`) : ledgerEntry(fields, new Date(tick));
  };
}
