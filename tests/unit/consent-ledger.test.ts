import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/content/faq-entry.ts';
import {
  consentState,
  grantedPurposes,
  isGranted,
  ledgerEntry,
  type CurrentTextHash,
  type Decision,
  type LedgerEntry,
  type NewDecision,
} from '../../src/core/consent/ledger.ts';
import { PURPOSES, type Purpose } from '../../src/core/consent/purposes.ts';

/*
 * The consent ledger (SPEC 3.5, 3.7): what a visitor allowed is derived from the decisions in the
 * order they were made; a consent to a text that has changed since is no consent.
 */

/** The hash of the text shown now, per purpose and language. */
const currentHash: CurrentTextHash = (purpose, lang) => `hash-${purpose}-${lang}-v2`;

let clock = Date.parse('2026-05-04T10:00:00.000Z');

function decided(purpose: Purpose, decision: Decision, options: { lang?: Language; textHash?: string } = {}): LedgerEntry {
  const lang = options.lang ?? 'de';
  clock += 60_000;
  return ledgerEntry(
    { purpose, decision, method: 'button', lang, textHash: options.textHash ?? currentHash(purpose, lang), policyVersion: '2026-05' },
    new Date(clock),
  );
}

describe('consentState', () => {
  it('is unknown for every purpose when nothing was decided (or storage was cleared)', () => {
    const state = consentState([], currentHash);
    for (const purpose of PURPOSES) expect(state[purpose], purpose).toBe('unknown');
    expect(grantedPurposes(state)).toEqual([]);
  });

  it('follows granted → withdrawn → granted: the last decision counts', () => {
    const ledger = [decided('history', 'granted')];
    expect(consentState(ledger, currentHash).history).toBe('granted');
    ledger.push(decided('history', 'withdrawn'));
    expect(consentState(ledger, currentHash).history).toBe('withdrawn');
    ledger.push(decided('history', 'granted'));
    expect(consentState(ledger, currentHash).history).toBe('granted');
  });

  it('keeps a refusal, and a later grant overrides it', () => {
    const ledger = [decided('insights', 'refused')];
    expect(consentState(ledger, currentHash).insights).toBe('refused');
    expect(isGranted(consentState(ledger, currentHash), 'insights')).toBe(false);
    ledger.push(decided('insights', 'granted'));
    expect(consentState(ledger, currentHash).insights).toBe('granted');
  });

  it('keeps an objection to marketing, even after an earlier grant', () => {
    const state = consentState([decided('marketing', 'granted'), decided('marketing', 'objected')], currentHash);
    expect(state.marketing).toBe('objected');
    expect(isGranted(state, 'marketing')).toBe(false);
  });

  it('leaves the other purposes alone', () => {
    const state = consentState(
      [decided('history', 'granted'), decided('marketing', 'granted'), decided('marketing', 'objected'), decided('insights', 'refused')],
      currentHash,
    );
    expect(state).toEqual({ history: 'granted', insights: 'refused', personalization: 'unknown', marketing: 'objected' });
  });

  it('goes by the order of the ledger, not by the time stamps', () => {
    // The ledger is the order of appending; a clock that went backwards must not revive a grant.
    const withdrawn = ledgerEntry(
      { purpose: 'history', decision: 'withdrawn', method: 'keyword', lang: 'de', textHash: currentHash('history', 'de'), policyVersion: '1' },
      new Date('2026-01-01T00:00:00.000Z'),
    );
    const state = consentState([decided('history', 'granted'), withdrawn], currentHash);
    expect(state.history).toBe('withdrawn');
  });

  describe('when the consent text changed (SPEC 3.7)', () => {
    it('counts a grant to the old text as outdated, not granted', () => {
      const state = consentState([decided('history', 'granted', { textHash: 'hash-history-de-v1' })], currentHash);
      expect(state.history).toBe('outdated');
      expect(isGranted(state, 'history')).toBe(false);
      expect(grantedPurposes(state)).toEqual([]);
    });

    it('counts a new grant to the current text as granted again', () => {
      const state = consentState(
        [decided('history', 'granted', { textHash: 'hash-history-de-v1' }), decided('history', 'granted')],
        currentHash,
      );
      expect(state.history).toBe('granted');
    });

    it('compares the hash of the language the consent was given in', () => {
      // Granted in English to the current English text: still granted, whatever the German hash.
      expect(consentState([decided('history', 'granted', { lang: 'en' })], currentHash).history).toBe('granted');
      // Granted in German to a text whose hash is the current English one: that text is not shown any more.
      const crossed = decided('history', 'granted', { lang: 'de', textHash: currentHash('history', 'en') });
      expect(consentState([crossed], currentHash).history).toBe('outdated');
    });

    it('outdates only the purpose whose text changed', () => {
      const state = consentState(
        [decided('history', 'granted', { textHash: 'old' }), decided('insights', 'granted')],
        currentHash,
      );
      expect(state.history).toBe('outdated');
      expect(state.insights).toBe('granted');
    });

    it('keeps a refusal or withdrawal as it was (only consent goes out of date)', () => {
      const state = consentState(
        [decided('history', 'refused', { textHash: 'old' }), decided('insights', 'withdrawn', { textHash: 'old' })],
        currentHash,
      );
      expect(state.history).toBe('refused');
      expect(state.insights).toBe('withdrawn');
    });
  });
});

describe('consentState for the double opt-in (SPEC 7.2: "START", then a second confirmation)', () => {
  it('counts a request as pending, which allows nothing', () => {
    const state = consentState([decided('marketing', 'requested')], currentHash);
    expect(state.marketing).toBe('pending');
    expect(isGranted(state, 'marketing')).toBe(false);
    expect(grantedPurposes(state)).toEqual([]);
  });

  it('counts a request followed by the confirmation as granted', () => {
    const state = consentState([decided('marketing', 'requested'), decided('marketing', 'granted')], currentHash);
    expect(state.marketing).toBe('granted');
    expect(grantedPurposes(state)).toEqual(['marketing']);
  });

  it('counts a request to a text that has changed since as outdated: there is nothing left to confirm', () => {
    const state = consentState([decided('marketing', 'requested', { textHash: 'hash-marketing-de-v1' })], currentHash);
    expect(state.marketing).toBe('outdated');
    expect(isGranted(state, 'marketing')).toBe(false);
  });

  it('counts a request followed by an objection ("STOP") as objected', () => {
    const state = consentState([decided('marketing', 'requested'), decided('marketing', 'objected')], currentHash);
    expect(state.marketing).toBe('objected');
    expect(isGranted(state, 'marketing')).toBe(false);
  });

  it('leaves the other purposes alone', () => {
    const state = consentState([decided('history', 'granted'), decided('marketing', 'requested')], currentHash);
    expect(state).toEqual({ history: 'granted', insights: 'unknown', personalization: 'unknown', marketing: 'pending' });
    expect(grantedPurposes(state)).toEqual(['history']);
  });
});

describe('grantedPurposes and isGranted', () => {
  it('list exactly the purposes whose last decision is a current grant', () => {
    const state = consentState(
      [
        decided('marketing', 'granted'),
        decided('history', 'granted'),
        decided('insights', 'granted', { textHash: 'old' }),
        decided('personalization', 'granted'),
        decided('personalization', 'withdrawn'),
      ],
      currentHash,
    );
    expect(grantedPurposes(state)).toEqual(['history', 'marketing']);
    expect(isGranted(state, 'history')).toBe(true);
    expect(isGranted(state, 'marketing')).toBe(true);
    expect(isGranted(state, 'insights')).toBe(false);
    expect(isGranted(state, 'personalization')).toBe(false);
  });
});

describe('ledgerEntry', () => {
  const decision: NewDecision = {
    purpose: 'history',
    decision: 'granted',
    method: 'keyword',
    lang: 'en',
    textHash: 'a'.repeat(64),
    policyVersion: '2026-05',
  };

  it('holds exactly the fields of SPEC 3.5', () => {
    const entry = ledgerEntry(decision, new Date('2026-05-04T10:00:00.000Z'), () => 'id-1');
    expect(Object.keys(entry).sort()).toEqual(['at', 'consentId', 'decision', 'lang', 'method', 'policyVersion', 'purpose', 'textHash']);
    expect(entry).toEqual({
      consentId: 'id-1',
      purpose: 'history',
      decision: 'granted',
      policyVersion: '2026-05',
      textHash: 'a'.repeat(64),
      method: 'keyword',
      lang: 'en',
      at: '2026-05-04T10:00:00.000Z',
    });
  });

  it('copies no chat text, even when the caller passes more than a decision', () => {
    const withChat = { ...decision, text: 'Ja, mein Name ist Erika Mustermann', question: 'Wo ist mein Paket?' };
    const entry = ledgerEntry(withChat);
    expect(Object.keys(entry)).not.toContain('text');
    expect(Object.keys(entry)).not.toContain('question');
    expect(JSON.stringify(entry)).not.toContain('Mustermann');
  });

  it('gets a fresh random id each time', () => {
    const ids = new Set(Array.from({ length: 20 }, () => ledgerEntry(decision).consentId));
    expect(ids.size).toBe(20);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('records the time of the decision as ISO 8601 (UTC)', () => {
    const before = Date.now();
    const entry = ledgerEntry(decision);
    const after = Date.now();
    expect(entry.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(entry.at)).toBeLessThanOrEqual(after);
  });
});

describe('consentState: a consent that lasts a promised time (marketing: "gilt 365 Tage")', () => {
  const grantedAt = Date.parse('2026-05-01T10:00:00.000Z');
  const grant = ledgerEntry(
    { purpose: 'marketing', decision: 'granted', method: 'button', lang: 'de', textHash: currentHash('marketing', 'de'), policyVersion: '2026-05' },
    new Date(grantedAt),
  );
  const history = ledgerEntry(
    { purpose: 'history', decision: 'granted', method: 'button', lang: 'de', textHash: currentHash('history', 'de'), policyVersion: '2026-05' },
    new Date(grantedAt),
  );
  const at = (days: number): { days: { marketing: number }; now: Date } => ({ days: { marketing: 365 }, now: new Date(grantedAt + days * 24 * 60 * 60 * 1000) });

  it('is granted up to the last day, and expired the moment after', () => {
    expect(consentState([grant], currentHash, at(365)).marketing).toBe('granted');
    expect(consentState([grant], currentHash, at(365.001)).marketing).toBe('expired');
    expect(isGranted(consentState([grant], currentHash, at(400)), 'marketing')).toBe(false);
  });

  it('leaves purposes without a promised lifetime alone', () => {
    expect(consentState([history], currentHash, at(2000)).history).toBe('granted');
  });

  it('is judged only when a lifetime is given (no clock, no expiry)', () => {
    expect(consentState([grant], currentHash).marketing).toBe('granted');
  });

  it('starts again with a new grant', () => {
    const renewed = { ...grant, at: new Date(grantedAt + 380 * 24 * 60 * 60 * 1000).toISOString() };
    expect(consentState([grant, renewed], currentHash, at(400)).marketing).toBe('granted');
  });
});
