import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterEach, describe, expect, it } from 'vitest';
import { ledgerEntry, type Decision, type LedgerEntry } from '../../src/core/consent/ledger.ts';
import type { Purpose } from '../../src/core/consent/purposes.ts';
import type { InsightEvent } from '../../src/core/insights/events.ts';
import type { Profile } from '../../src/core/personal/profile.ts';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  exportDocument,
  exportJsonSchema,
  MAX_IMPORT_BYTES,
  parseImport,
  type ExportDocument,
  type HistoryRecord,
  type ImportProblem,
  type StoredForExport,
} from '../../src/core/privacy/export-format.ts';
import { REPO_ROOT } from './support/shop-fixture.ts';

/*
 * The export file (SPEC 4.3) and the import (SPEC 4.6). An export must come back exactly as it
 * was; anything else, from a typo to a hostile file, is refused with a permanent problem name
 * before a single record is replaced. The JSON Schema published for the format must say the same.
 */

const SITE = 'https://nordlicht-kaffee.example';
const NOW = new Date('2026-04-15T12:00:00.000Z');
const HASH = 'ab'.repeat(32);

let ids = 0;
let clock = Date.parse('2026-04-01T09:00:00.000Z');
function decided(purpose: Purpose, decision: Decision, lang: 'de' | 'en' = 'de'): LedgerEntry {
  clock += 60_000;
  return ledgerEntry({ purpose, decision, method: 'button', lang, textHash: HASH, policyVersion: '2026-04' }, new Date(clock), () => `consent-${++ids}`);
}

const LEDGER: LedgerEntry[] = [decided('history', 'granted'), decided('marketing', 'refused', 'en'), decided('history', 'withdrawn'), decided('history', 'granted')];

/** History as the storage layer returns it: with database ids. */
const HISTORY: (HistoryRecord & { id: number })[] = [
  { id: 1, at: '2026-04-02T10:00:00.000Z', lang: 'de', from: 'visitor', text: 'Wie lange dauert der Versand?' },
  { id: 2, at: '2026-04-02T10:00:00.000Z', lang: 'de', from: 'bot', reply: { kind: 'answer', entryId: 'versanddauer', entryLang: 'de' } },
  { id: 3, at: '2026-04-02T10:01:00.000Z', lang: 'de', from: 'visitor', text: 'Und Rücksendung? <script>alert(1)</script> „Anführung“ 😀' },
  { id: 4, at: '2026-04-02T10:01:00.000Z', lang: 'de', from: 'bot', reply: { kind: 'clarify', entryIds: ['ruecksendung', 'ruecksendeetikett'] } },
  { id: 7, at: '2026-04-03T08:00:00.000Z', lang: 'en', from: 'visitor', text: 'blorp' },
  { id: 8, at: '2026-04-03T08:00:00.000Z', lang: 'en', from: 'bot', reply: { kind: 'none' } },
  { id: 9, at: '2026-04-03T08:00:01.000Z', lang: 'en', from: 'bot', reply: { kind: 'note', text: 'History is saved in this browser.' } },
];

/** The exported form of HISTORY: the same rows, in the same order, without the database id. */
const EXPORTED_HISTORY: ExportDocument['history'] = HISTORY.map(({ id: _id, ...row }) => row as ExportDocument['history'][number]);

/** Counted events (purpose insights), one of each kind, as the storage layer returns them. */
const EVENTS: InsightEvent[] = [
  { kind: 'answered', day: '2026-04-02', lang: 'de', entryId: 'versanddauer' },
  { kind: 'clarified', day: '2026-04-02', lang: 'de', entryIds: ['ruecksendung', 'ruecksendeetikett'] },
  { kind: 'unanswered', day: '2026-04-03', lang: 'en', text: 'Can I pay with PayPal?' },
  { kind: 'unanswered', day: '2026-04-03', lang: 'en' },
  { kind: 'feedback', day: '2026-04-03', lang: 'de', entryId: 'versanddauer', helpful: false },
];

/** The profile (purpose personalization). */
const PROFILE: Profile = { name: 'Anna', lang: 'de', address: 'du', interests: ['versand', 'bezahlung'], usedAt: '2026-04-03T08:00:00.000Z' };

/** What the storage layer hands over, with no counted events and no profile. */
function stored(ledger: readonly LedgerEntry[], history: readonly HistoryRecord[]): StoredForExport {
  return { ledger, history, insights: [], profile: undefined };
}

/** An export of a browser that keeps something for every purpose that stores data. */
function realExport(): ExportDocument {
  return exportDocument(SITE, { ledger: LEDGER, history: HISTORY, insights: EVENTS, profile: PROFILE }, NOW);
}

/** A JSON copy of a real export that a test may change freely. */
interface LooseDocument {
  [key: string]: unknown;
  ledger: Record<string, unknown>[];
  history: Record<string, unknown>[];
  insights: Record<string, unknown>[];
  profile: Record<string, unknown>;
}
function editableExport(): LooseDocument {
  return JSON.parse(JSON.stringify(realExport())) as LooseDocument;
}
function first<T>(list: readonly T[]): T {
  const item = list[0];
  if (item === undefined) throw new Error('the fixture is empty');
  return item;
}
/** A real export with one change; the change gets the editable copy. */
function changed(change: (doc: LooseDocument) => void): LooseDocument {
  const doc = editableExport();
  change(doc);
  return doc;
}

function problemOf(fileText: string): ImportProblem | 'accepted' {
  const result = parseImport(fileText);
  return result.ok ? 'accepted' : result.problem;
}

describe('exportDocument (SPEC 4.3)', () => {
  it('names the format, its version, the time and the site', () => {
    const doc = realExport();
    expect(doc).toMatchObject({ format: 'vertraut-export', version: 2, exportedAt: '2026-04-15T12:00:00.000Z', site: SITE });
    expect(doc.format).toBe(EXPORT_FORMAT);
    expect(doc.version).toBe(EXPORT_VERSION);
  });

  it('holds every ledger entry, history row and counted event, in order, and the profile', () => {
    const doc = realExport();
    expect(doc.ledger).toEqual(LEDGER);
    expect(doc.history).toEqual(EXPORTED_HISTORY);
    expect(doc.insights).toEqual(EVENTS);
    expect(doc.profile).toEqual(PROFILE);
  });

  it('has no profile field at all when there is no profile', () => {
    const doc = exportDocument(SITE, stored(LEDGER, HISTORY), NOW);
    expect(doc.insights).toEqual([]);
    expect(Object.keys(doc)).not.toContain('profile');
    expect(JSON.stringify(doc)).not.toContain('"profile"');
  });

  it('keeps events with their day only: no time of day anywhere in them', () => {
    for (const event of realExport().insights) expect(event.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('does not export the database id', () => {
    const doc = realExport();
    for (const row of doc.history) expect(Object.keys(row)).not.toContain('id');
    expect(JSON.stringify(doc)).not.toMatch(/"id":/);
  });

  it('drops history rows that have neither words nor a reply, and keeps the rest in order', () => {
    const broken: HistoryRecord[] = [
      { at: '2026-04-02T09:00:00.000Z', lang: 'de', from: 'visitor' },
      { at: '2026-04-02T09:00:00.000Z', lang: 'de', from: 'bot' },
      { at: '2026-04-02T09:00:01.000Z', lang: 'de', from: 'visitor', text: undefined },
      { at: '2026-04-02T09:00:01.000Z', lang: 'de', from: 'bot', reply: undefined },
    ];
    const [a, b, c, d] = HISTORY;
    const doc = exportDocument(SITE, stored([], [broken[0], a, broken[1], b, broken[2], c, broken[3], d].filter((row) => row !== undefined)), NOW);
    expect(doc.history).toEqual(EXPORTED_HISTORY.slice(0, 4));
  });

  it('exports only the field that belongs to the sender', () => {
    const mixed: HistoryRecord[] = [
      { at: '2026-04-02T09:00:00.000Z', lang: 'de', from: 'visitor', text: 'Hallo', reply: { kind: 'none' } },
      { at: '2026-04-02T09:00:00.000Z', lang: 'de', from: 'bot', text: 'stray', reply: { kind: 'none' } },
    ];
    expect(exportDocument(SITE, stored([], mixed), NOW).history).toEqual([
      { at: '2026-04-02T09:00:00.000Z', lang: 'de', from: 'visitor', text: 'Hallo' },
      { at: '2026-04-02T09:00:00.000Z', lang: 'de', from: 'bot', reply: { kind: 'none' } },
    ]);
  });

  it('copies the ledger entries, events and profile, so the document can be changed without touching what is stored', () => {
    const doc = realExport();
    expect(doc.ledger[0]).not.toBe(LEDGER[0]);
    expect(doc.insights[0]).not.toBe(EVENTS[0]);
    expect(doc.profile).not.toBe(PROFILE);
    expect(doc.profile?.interests).not.toBe(PROFILE.interests);
  });
});

describe('parseImport accepts what exportDocument made (SPEC 4.6)', () => {
  it('round-trips a real export exactly, events and profile included', () => {
    const doc = realExport();
    const result = parseImport(JSON.stringify(doc));
    expect(result).toEqual({ ok: true, data: doc });
    if (!result.ok) return;
    expect(result.data.ledger).toEqual(LEDGER);
    expect(result.data.history).toEqual(EXPORTED_HISTORY);
    expect(result.data.insights).toEqual(EVENTS);
    expect(result.data.profile).toEqual(PROFILE);
  });

  it('round-trips a profile with nothing but its interests and time, and one with a name of exactly 40 characters', () => {
    for (const profile of [{ interests: [], usedAt: '2026-04-03T08:00:00.000Z' }, { ...PROFILE, name: 'x'.repeat(40) }] satisfies Profile[]) {
      const doc = exportDocument(SITE, { ...stored(LEDGER, HISTORY), profile }, NOW);
      expect(parseImport(JSON.stringify(doc))).toEqual({ ok: true, data: doc });
    }
  });

  it('round-trips the file as the privacy center writes it (indented)', () => {
    const doc = realExport();
    expect(parseImport(JSON.stringify(doc, null, 2))).toEqual({ ok: true, data: doc });
  });

  it('round-trips an export of a browser that stores nothing', () => {
    const empty = exportDocument(SITE, stored([], []), NOW);
    expect(parseImport(JSON.stringify(empty))).toEqual({ ok: true, data: empty });
  });

  it('accepts a visitor text of exactly 10,000 characters and times with an offset', () => {
    const doc = changed((d) => {
      first(d.history)['text'] = 'x'.repeat(10_000);
      first(d.ledger)['at'] = '2026-04-01T11:01:00+02:00';
    });
    expect(problemOf(JSON.stringify(doc))).toBe('accepted');
  });

  it('keeps a hostile visitor text as plain text, character for character (it is the visitor’s own words)', () => {
    const result = parseImport(JSON.stringify(realExport()));
    expect(result.ok && result.data.history[2]).toMatchObject({ text: 'Und Rücksendung? <script>alert(1)</script> „Anführung“ 😀' });
  });
});

/** A version 1 file, as the first release wrote it: the ledger and the history, nothing else. */
function version1File(): LooseDocument {
  return changed((d) => {
    d['version'] = 1;
    delete (d as Partial<LooseDocument>).insights;
    delete (d as Partial<LooseDocument>).profile;
  });
}

describe('parseImport accepts a version 1 file (the first release\'s export)', () => {
  it('restores its ledger and history, with no events and no profile, as a version 2 document', () => {
    const file = version1File();
    expect(Object.keys(file).sort()).toEqual(['exportedAt', 'format', 'history', 'ledger', 'site', 'version']);
    const result = parseImport(JSON.stringify(file));
    expect(result).toEqual({
      ok: true,
      data: { format: EXPORT_FORMAT, version: 2, exportedAt: '2026-04-15T12:00:00.000Z', site: SITE, ledger: LEDGER, history: EXPORTED_HISTORY, insights: [] },
    });
    expect(result.ok && Object.keys(result.data)).not.toContain('profile');
  });

  it('accepts an empty version 1 file', () => {
    const empty = { format: EXPORT_FORMAT, version: 1, exportedAt: NOW.toISOString(), site: SITE, ledger: [], history: [] };
    expect(parseImport(JSON.stringify(empty))).toEqual({ ok: true, data: { ...empty, version: 2, insights: [] } });
  });

  it.each([
    ['counted events, which version 1 did not have', (d: LooseDocument) => (d['insights'] = [])],
    ['a profile, which version 1 did not have', (d: LooseDocument) => (d['profile'] = { interests: [], usedAt: '2026-04-03T08:00:00.000Z' })],
    ['an unknown decision', (d: LooseDocument) => (first(d.ledger)['decision'] = 'maybe')],
    ['no history', (d: LooseDocument) => delete (d as Partial<LooseDocument>).history],
  ])('refuses a version 1 file with %s', (_label, change) => {
    const file = version1File();
    change(file);
    expect(problemOf(JSON.stringify(file))).toBe('invalid-content');
  });
});

/** Files that are refused, each with the problem the chat explains. */
const REFUSED: [label: string, fileText: () => string, problem: ImportProblem][] = [
  // Not JSON at all.
  ['an opening brace only', () => '{', 'not-json'],
  ['an empty file', () => '', 'not-json'],
  ['an export cut off in the middle', () => JSON.stringify(realExport()).slice(0, 200), 'not-json'],
  ['an export missing its last brace', () => JSON.stringify(realExport()).slice(0, -1), 'not-json'],
  ['a CSV file', () => 'consentId;purpose\n1;history', 'not-json'],
  // JSON, but not an export.
  ['null', () => 'null', 'not-an-export'],
  ['a number', () => '1', 'not-an-export'],
  ['a string', () => JSON.stringify(EXPORT_FORMAT), 'not-an-export'],
  ['an empty array', () => '[]', 'not-an-export'],
  ['an export wrapped in an array', () => JSON.stringify([realExport()]), 'not-an-export'],
  ['another format', () => JSON.stringify(changed((d) => (d['format'] = 'other-export'))), 'not-an-export'],
  ['no format', () => JSON.stringify(changed((d) => delete d['format'])), 'not-an-export'],
  // A version this code does not know.
  ['version 3', () => JSON.stringify(changed((d) => (d['version'] = 3))), 'unknown-version'],
  ['version 0', () => JSON.stringify(changed((d) => (d['version'] = 0))), 'unknown-version'],
  ['version 1.5', () => JSON.stringify(changed((d) => (d['version'] = 1.5))), 'unknown-version'],
  ['version "1" as text', () => JSON.stringify(changed((d) => (d['version'] = '1'))), 'unknown-version'],
  ['version "2" as text', () => JSON.stringify(changed((d) => (d['version'] = '2'))), 'unknown-version'],
  ['no version', () => JSON.stringify(changed((d) => delete d['version'])), 'unknown-version'],
  // The shape is wrong.
  ['no site', () => JSON.stringify(changed((d) => delete d['site'])), 'invalid-content'],
  ['no ledger', () => JSON.stringify(changed((d) => delete (d as Record<string, unknown>)['ledger'])), 'invalid-content'],
  ['no exportedAt', () => JSON.stringify(changed((d) => delete d['exportedAt'])), 'invalid-content'],
  ['a ledger that is an object', () => JSON.stringify(changed((d) => ((d as Record<string, unknown>)['ledger'] = {}))), 'invalid-content'],
  ['an extra top-level field', () => JSON.stringify(changed((d) => (d['userAgent'] = 'Firefox/140'))), 'invalid-content'],
  ['a version 2 file without its events', () => JSON.stringify(changed((d) => delete (d as Partial<LooseDocument>).insights)), 'invalid-content'],
  ['an extra field in a ledger entry (the database seq)', () => JSON.stringify(changed((d) => (first(d.ledger)['seq'] = 1))), 'invalid-content'],
  ['an extra field in a history row (the database id)', () => JSON.stringify(changed((d) => (first(d.history)['id'] = 1))), 'invalid-content'],
  ['a ledger entry without its time', () => JSON.stringify(changed((d) => delete first(d.ledger)['at'])), 'invalid-content'],
  // Ledger values outside the declared ones.
  ['an unknown purpose', () => JSON.stringify(changed((d) => (first(d.ledger)['purpose'] = 'telemetry'))), 'invalid-content'],
  ['an unknown decision', () => JSON.stringify(changed((d) => (first(d.ledger)['decision'] = 'maybe'))), 'invalid-content'],
  ['an unknown method', () => JSON.stringify(changed((d) => (first(d.ledger)['method'] = 'email'))), 'invalid-content'],
  ['an unknown language', () => JSON.stringify(changed((d) => (first(d.ledger)['lang'] = 'fr'))), 'invalid-content'],
  ['an empty consentId', () => JSON.stringify(changed((d) => (first(d.ledger)['consentId'] = ''))), 'invalid-content'],
  ['a textHash of 63 hex characters', () => JSON.stringify(changed((d) => (first(d.ledger)['textHash'] = 'a'.repeat(63)))), 'invalid-content'],
  ['a textHash of 65 hex characters', () => JSON.stringify(changed((d) => (first(d.ledger)['textHash'] = 'a'.repeat(65)))), 'invalid-content'],
  ['a textHash in upper case', () => JSON.stringify(changed((d) => (first(d.ledger)['textHash'] = 'AB'.repeat(32)))), 'invalid-content'],
  ['a textHash that is not hex', () => JSON.stringify(changed((d) => (first(d.ledger)['textHash'] = 'g'.repeat(64)))), 'invalid-content'],
  ['a German date as time', () => JSON.stringify(changed((d) => (first(d.ledger)['at'] = '15.04.2026 10:00'))), 'invalid-content'],
  ['a date without a time', () => JSON.stringify(changed((d) => (first(d.ledger)['at'] = '2026-04-15'))), 'invalid-content'],
  ['a time without a zone', () => JSON.stringify(changed((d) => (first(d.ledger)['at'] = '2026-04-15T10:00:00.000'))), 'invalid-content'],
  ['a day that does not exist', () => JSON.stringify(changed((d) => (first(d.ledger)['at'] = '2026-02-30T10:00:00.000Z'))), 'invalid-content'],
  ['a time as milliseconds', () => JSON.stringify(changed((d) => (first(d.ledger)['at'] = 1_776_247_200_000))), 'invalid-content'],
  ['a non-ISO exportedAt', () => JSON.stringify(changed((d) => (d['exportedAt'] = 'yesterday'))), 'invalid-content'],
  // History rows outside the declared ones.
  ['a visitor text of 10,001 characters', () => JSON.stringify(changed((d) => (first(d.history)['text'] = 'x'.repeat(10_001)))), 'invalid-content'],
  ['a visitor row without text', () => JSON.stringify(changed((d) => delete first(d.history)['text'])), 'invalid-content'],
  ['an unknown sender', () => JSON.stringify(changed((d) => (first(d.history)['from'] = 'admin'))), 'invalid-content'],
  ['a bot row with text instead of a reply', () => JSON.stringify(changed((d) => (d.history[1] = { at: '2026-04-02T10:00:00.000Z', lang: 'de', from: 'bot', text: 'hi' }))), 'invalid-content'],
  ['an unknown reply kind', () => JSON.stringify(changed((d) => (d.history[1] = { ...d.history[1], reply: { kind: 'html', html: '<b>x</b>' } }))), 'invalid-content'],
  ['a note of 2,001 characters', () => JSON.stringify(changed((d) => (d.history[6] = { ...d.history[6], reply: { kind: 'note', text: 'x'.repeat(2001) } }))), 'invalid-content'],
  ['a clarification with 11 entries', () => JSON.stringify(changed((d) => (d.history[3] = { ...d.history[3], reply: { kind: 'clarify', entryIds: Array.from({ length: 11 }, (_, i) => `e${i}`) } }))), 'invalid-content'],
  // Counted events outside the declared ones (SPEC 5.1: closed events, day only).
  ['an event of an unknown kind', () => JSON.stringify(changed((d) => (first(d.insights)['kind'] = 'clicked'))), 'invalid-content'],
  ['an event with a time of day', () => JSON.stringify(changed((d) => (first(d.insights)['day'] = '2026-04-02T09:30:00.000Z'))), 'invalid-content'],
  ['an event on a day that does not exist', () => JSON.stringify(changed((d) => (first(d.insights)['day'] = '2026-02-30'))), 'invalid-content'],
  ['an event with an extra field', () => JSON.stringify(changed((d) => (first(d.insights)['sessionId'] = 'abc'))), 'invalid-content'],
  ['an event with its database id', () => JSON.stringify(changed((d) => (first(d.insights)['id'] = 1))), 'invalid-content'],
  ['an event with markup as its entry id', () => JSON.stringify(changed((d) => (first(d.insights)['entryId'] = '<script>'))), 'invalid-content'],
  ['an answered event with the fields of another kind', () => JSON.stringify(changed((d) => (d.insights[0] = { kind: 'answered', day: '2026-04-02', lang: 'de', entryIds: ['versanddauer'] }))), 'invalid-content'],
  ['an unanswered question of 301 characters', () => JSON.stringify(changed((d) => (d.insights[2] = { ...d.insights[2], text: 'x'.repeat(301) }))), 'invalid-content'],
  ['a rating that is not true or false', () => JSON.stringify(changed((d) => (d.insights[4] = { ...d.insights[4], helpful: 'yes' }))), 'invalid-content'],
  ['events that are an object', () => JSON.stringify(changed((d) => ((d as Record<string, unknown>)['insights'] = {}))), 'invalid-content'],
  // A profile outside the declared one (SPEC 6).
  ['a name of 41 characters', () => JSON.stringify(changed((d) => (d.profile['name'] = 'x'.repeat(41)))), 'invalid-content'],
  ['a control character in the name', () => JSON.stringify(changed((d) => (d.profile['name'] = 'An\u0000na'))), 'invalid-content'],
  ['a line break in the name', () => JSON.stringify(changed((d) => (d.profile['name'] = 'Anna\nSchmidt'))), 'invalid-content'],
  ['an unknown form of address', () => JSON.stringify(changed((d) => (d.profile['address'] = 'ihr'))), 'invalid-content'],
  ['an unknown profile language', () => JSON.stringify(changed((d) => (d.profile['lang'] = 'fr'))), 'invalid-content'],
  ['markup as an interest', () => JSON.stringify(changed((d) => (d.profile['interests'] = ['<b>x</b>']))), 'invalid-content'],
  ['11 interests', () => JSON.stringify(changed((d) => (d.profile['interests'] = Array.from({ length: 11 }, (_, i) => `i${i}`)))), 'invalid-content'],
  ['a profile without its time of use', () => JSON.stringify(changed((d) => delete d.profile['usedAt'])), 'invalid-content'],
  ['a profile with an extra field', () => JSON.stringify(changed((d) => (d.profile['email'] = 'anna@example.org'))), 'invalid-content'],
  ['a profile that is null', () => JSON.stringify(changed((d) => ((d as Record<string, unknown>)['profile'] = null))), 'invalid-content'],
  // Hostile content: an answer id is looked up and its HTML shown, so only slugs pass.
  ['markup as an answer id', () => JSON.stringify(changed((d) => (d.history[1] = { ...d.history[1], reply: { kind: 'answer', entryId: '<script>alert(1)</script>', entryLang: 'de' } }))), 'invalid-content'],
  ['a path as an answer id', () => JSON.stringify(changed((d) => (d.history[1] = { ...d.history[1], reply: { kind: 'answer', entryId: '../../etc/passwd', entryLang: 'de' } }))), 'invalid-content'],
  ['markup as a language', () => JSON.stringify(changed((d) => (first(d.history)['lang'] = '<img src=x onerror=alert(1)>'))), 'invalid-content'],
  // Too large, checked before parsing: even a valid export padded beyond the limit.
  ['a file over MAX_IMPORT_BYTES', () => JSON.stringify(realExport()).padEnd(MAX_IMPORT_BYTES + 1, ' '), 'too-large'],
  ['a huge non-JSON file', () => 'x'.repeat(MAX_IMPORT_BYTES + 1), 'too-large'],
];

describe('parseImport refuses bad files with the right problem', () => {
  it.each(REFUSED)('%s → %s', (_label, fileText, problem) => {
    expect(problemOf(fileText())).toBe(problem);
  });

  it('accepts a valid export padded to exactly MAX_IMPORT_BYTES', () => {
    const text = JSON.stringify(realExport()).padEnd(MAX_IMPORT_BYTES, ' ');
    expect(text).toHaveLength(MAX_IMPORT_BYTES);
    expect(problemOf(text)).toBe('accepted');
  });
});

describe('parseImport and __proto__ keys', () => {
  afterEach(() => {
    // Should a test pollute the prototype after all, do not let it leak into the next tests.
    delete (Object.prototype as Record<string, unknown>)['polluted'];
  });

  /** A real export's JSON with a raw key inserted after the opening brace of the object at `where`. */
  function withRawKey(where: 'top' | 'ledger' | 'history' | 'reply', key: string): string {
    const json = JSON.stringify(realExport());
    const raw = `${JSON.stringify(key)}:{"polluted":"yes"},`;
    const anchor = { top: '{', ledger: '"ledger":[{', history: '"history":[{', reply: '"reply":{' }[where];
    const at = json.indexOf(anchor) + anchor.length;
    expect(at).toBeGreaterThan(anchor.length - 1);
    return json.slice(0, at) + raw + json.slice(at);
  }

  it.each(['top', 'ledger', 'history', 'reply'] as const)('refuses a "__proto__" key in %s and pollutes nothing', (where) => {
    const text = withRawKey(where, '__proto__');
    expect(text).toContain('"__proto__":{"polluted":"yes"}');
    const result = parseImport(text);
    expect(result).toEqual({ ok: false, problem: 'invalid-content' });
    expect('polluted' in {}).toBe(false);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses a "constructor" key and pollutes nothing', () => {
    const text = withRawKey('top', 'constructor').replace('"constructor":{"polluted":"yes"}', '"constructor":{"prototype":{"polluted":"yes"}}');
    expect(parseImport(text)).toEqual({ ok: false, problem: 'invalid-content' });
    expect('polluted' in {}).toBe(false);
  });

  it('returns data whose objects have the ordinary prototype', () => {
    const result = parseImport(JSON.stringify(realExport()));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.getPrototypeOf(result.data)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(result.data.ledger[0])).toBe(Object.prototype);
  });
});

describe('the published JSON Schema (public/vertraut/export-schema.v2.json)', () => {
  const SCHEMA_FILE = `${REPO_ROOT}/public/vertraut/export-schema.v2.json`;
  const published = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
  // Formats are checked by the patterns beside them; ajv-formats is not installed.
  const validate = new Ajv2020({ strict: false, validateFormats: false, allErrors: true }).compile(published);

  it('is the schema generated from the declaration', () => {
    expect(published, 'public/vertraut/export-schema.v2.json is out of date: run `npm run schemas` and commit the file').toEqual(exportJsonSchema());
  });

  it('is a draft 2020-12 schema with an id and a title', () => {
    expect(published).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'vertraut-export.v2.json', type: 'object' });
    expect(published['title']).toMatch(/version 2/);
  });

  it('accepts a full export: ledger, history, every kind of event and a profile', () => {
    const doc = JSON.parse(JSON.stringify(realExport())) as ExportDocument;
    expect(doc.insights.map((event) => event.kind)).toEqual(['answered', 'clarified', 'unanswered', 'unanswered', 'feedback']);
    expect(doc.profile).toEqual(PROFILE);
    const valid = validate(doc);
    expect(validate.errors ?? [], 'schema errors').toEqual([]);
    expect(valid).toBe(true);
  });

  it('accepts an empty export and the boundary values the importer accepts', () => {
    expect(validate(JSON.parse(JSON.stringify(exportDocument(SITE, stored([], []), NOW))))).toBe(true);
    const boundary = changed((d) => {
      first(d.history)['text'] = 'x'.repeat(10_000);
      first(d.ledger)['at'] = '2026-04-01T11:01:00+02:00';
    });
    expect(problemOf(JSON.stringify(boundary))).toBe('accepted');
    expect(validate(boundary), JSON.stringify(validate.errors)).toBe(true);
  });

  /** Bad documents as objects; the importer and the schema must both refuse each. */
  const BAD_DOCUMENTS: [label: string, doc: () => unknown][] = [
    ['an array', () => [realExport()]],
    ['null', () => null],
    ['another format', () => changed((d) => (d['format'] = 'other-export'))],
    ['version 3', () => changed((d) => (d['version'] = 3))],
    ['no site', () => changed((d) => delete d['site'])],
    ['no events', () => changed((d) => delete (d as Partial<LooseDocument>).insights)],
    ['an extra top-level field', () => changed((d) => (d['userAgent'] = 'Firefox/140'))],
    ['an event of an unknown kind', () => changed((d) => (first(d.insights)['kind'] = 'clicked'))],
    ['an event with a time of day', () => changed((d) => (first(d.insights)['day'] = '2026-04-02T09:30:00.000Z'))],
    ['an event with an extra field', () => changed((d) => (first(d.insights)['sessionId'] = 'abc'))],
    ['an unanswered question of 301 characters', () => changed((d) => (d.insights[2] = { ...d.insights[2], text: 'x'.repeat(301) }))],
    ['a name of 41 characters', () => changed((d) => (d.profile['name'] = 'x'.repeat(41)))],
    ['a control character in the name', () => changed((d) => (d.profile['name'] = 'An\u0000na'))],
    ['an unknown form of address', () => changed((d) => (d.profile['address'] = 'ihr'))],
    ['a profile with an extra field', () => changed((d) => (d.profile['email'] = 'anna@example.org'))],
    ['an extra field in a ledger entry', () => changed((d) => (first(d.ledger)['seq'] = 1))],
    ['a history row with its database id', () => changed((d) => (first(d.history)['id'] = 1))],
    ['an unknown purpose', () => changed((d) => (first(d.ledger)['purpose'] = 'telemetry'))],
    ['an unknown decision', () => changed((d) => (first(d.ledger)['decision'] = 'maybe'))],
    ['an unknown method', () => changed((d) => (first(d.ledger)['method'] = 'email'))],
    ['a short textHash', () => changed((d) => (first(d.ledger)['textHash'] = 'a'.repeat(63)))],
    ['an upper-case textHash', () => changed((d) => (first(d.ledger)['textHash'] = 'AB'.repeat(32)))],
    ['a non-ISO time', () => changed((d) => (first(d.ledger)['at'] = '15.04.2026 10:00'))],
    ['a time without a zone', () => changed((d) => (first(d.ledger)['at'] = '2026-04-15T10:00:00.000'))],
    ['a visitor text of 10,001 characters', () => changed((d) => (first(d.history)['text'] = 'x'.repeat(10_001)))],
    ['markup as an answer id', () => changed((d) => (d.history[1] = { ...d.history[1], reply: { kind: 'answer', entryId: '<script>', entryLang: 'de' } }))],
    ['an unknown reply kind', () => changed((d) => (d.history[1] = { ...d.history[1], reply: { kind: 'html', html: '<b>x</b>' } }))],
    ['a "__proto__" key', () => JSON.parse(`{"__proto__":{"polluted":"yes"},${JSON.stringify(realExport()).slice(1)}`) as unknown],
  ];

  it.each(BAD_DOCUMENTS)('refuses %s, as the importer does', (_label, makeDoc) => {
    const doc = makeDoc();
    expect(problemOf(JSON.stringify(doc))).not.toBe('accepted');
    expect(validate(doc)).toBe(false);
  });
});

describe('the version 1 schema stays published (public/vertraut/export-schema.v1.json)', () => {
  const published = JSON.parse(readFileSync(`${REPO_ROOT}/public/vertraut/export-schema.v1.json`, 'utf8')) as Record<string, unknown>;
  const validate = new Ajv2020({ strict: false, validateFormats: false, allErrors: true }).compile(published);

  it('still describes version 1', () => {
    expect(published).toMatchObject({ $id: 'vertraut-export.v1.json', title: 'vertraut export, version 1' });
  });

  it('accepts the version 1 files the importer accepts, and no version 2 file', () => {
    const file = version1File();
    expect(problemOf(JSON.stringify(file))).toBe('accepted');
    expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(JSON.parse(JSON.stringify(realExport())))).toBe(false);
  });
});
