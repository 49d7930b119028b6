import { randomUUID } from 'node:crypto';
import Ajv2020 from 'ajv/dist/2020.js';
import { EMPTY_INVENTORY, inventoryWithIndexedDb, storageInventory } from './support/browser-state.ts';
import { ChatPage } from './support/chat-page.ts';
import { DATABASE, declaredCardLines, historyRecords, ledgerRecords, QUESTIONS, sha256 } from './support/consent.ts';
import { expect, test } from './support/fixtures.ts';
import { exportText, grantHistory, PrivacyCenter, storedContent, type ExportFile, type StoredContent, centerWithHistory } from './support/privacy-center.ts';
import type { UiKey } from '../../src/i18n/translate.ts';
import settings from '../../vertraut.config.ts';

/*
 * SPEC 4.3 and 4.6: the export is one JSON file, valid against the published schema, holding
 * exactly what is stored; restoring it brings exactly that back; a bad file is refused with a
 * reason and changes nothing. Files are chosen through the hidden input behind "Aus Datei
 * wiederherstellen", as the file picker would.
 */

const [Q1, Q2] = QUESTIONS.de;

test('the export is one JSON file, valid against /vertraut/export-schema.v2.json, with exactly the stored ledger, history and counted events, made without sending anything', async ({ page, guard }) => {
  const { chat, center } = await centerWithHistory(page);

  const requestsBefore = guard.requests.all.length;
  const started = new Date().toISOString();
  const file = await center.export();
  await expect(chat.lastReply.root).toHaveText(chat.said('center.exported', { file: file.name }));
  // Nothing was sent: the only request is the site's own code for the export format, loaded once.
  const made = guard.requests.all.slice(requestsBefore);
  expect(made.map((r) => `${r.method()} ${r.resourceType()} ${new URL(r.url()).origin}`)).toEqual(made.map(() => `GET script ${guard.origin}`));
  expect(made.map((r) => new URL(r.url()).pathname)).toEqual(made.map(() => expect.stringMatching(/^\/_astro\/[\w.-]+\.js$/)));
  expect(made.filter((r) => r.postData() !== null)).toEqual([]);

  expect(file.name).toBe(`vertraut-export-${file.json.exportedAt.slice(0, 10)}.json`);
  expect(file.json.exportedAt >= started && file.json.exportedAt <= new Date().toISOString(), `exportedAt ${file.json.exportedAt}`).toBe(true);
  expect(file.json).toMatchObject({ format: 'vertraut-export', version: 2, site: settings.site });

  // Valid against the schema the site publishes (fetched from the site, as anyone would).
  const schemaResponse = await page.request.get('/vertraut/export-schema.v2.json');
  expect(schemaResponse.ok()).toBe(true);
  const ajv = new Ajv2020({ strict: false, validateFormats: false });
  const validate = ajv.compile(await schemaResponse.json());
  expect(validate(file.json), JSON.stringify(validate.errors)).toBe(true);
  // The schema really checks: a changed file is not valid.
  expect(validate({ ...file.json, ledger: [{ ...file.json.ledger[0], purpose: 'tracking' }] })).toBe(false);

  // Exactly what IndexedDB holds, in order, field by field (without the database's own keys).
  const stored = (await storedContent(page)) as StoredContent;
  expect(file.json.ledger).toEqual(stored.ledger);
  expect(file.json.history).toEqual(stored.history);
  expect(file.json.history).toHaveLength(4);
  // Nothing counted and no profile (those purposes are off): an empty list, and no profile at all.
  expect(file.json.insights).toEqual([]);
  expect(Object.keys(file.json).sort()).toEqual(['exportedAt', 'format', 'history', 'insights', 'ledger', 'site', 'version']);

  // A second export needs no request at all.
  const again = guard.requests.all.length;
  const second = await center.export();
  expect(second.json.ledger).toEqual(file.json.ledger);
  expect(guard.requests.all.slice(again).map((r) => r.url())).toEqual([]);
  guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { history: 4, ledger: 1 } }));
});

test('export, "Alles löschen", restore: exactly the same records come back, and the history shows after a reload', async ({ page, context, guard }) => {
  const { chat, center } = await centerWithHistory(page);
  const before = (await storedContent(page)) as StoredContent;
  const file = await center.export();

  await center.deleteEverything();
  expect(await storageInventory(page, context)).toEqual(EMPTY_INVENTORY);
  await center.openByButton();
  await expect(center.root).toContainText(center.text('center.nothing'));

  const note = await center.importFile(file.name, file.raw);
  // Counted as the center counts: every message, questions and answers.
  await expect(note).toHaveText(chat.said('center.imported', { ledger: '1', history: '4' }));
  // The center comes back up to date.
  await expect(center.switch()).toHaveAttribute('aria-checked', 'true');
  await expect(center.ledgerEntries).toHaveCount(1);
  const after = await storedContent(page);
  expect(after?.ledger).toEqual(before.ledger);
  expect(after?.history).toEqual(before.history);

  // The restored consent is in force: the history is kept again, and comes back after a reload.
  await page.reload();
  await expect(chat.restoredDivider).toBeVisible();
  await expect(chat.userMessages).toHaveText([`Sie: ${Q1}`, `Sie: ${Q2}`]);
  await expect(chat.reply(1).heading).toHaveText('Wie lange dauert der Versand?');
  await expect(chat.reply(2).heading).toHaveText('Welche Zahlungsarten bieten Sie an?');
  await expect(chat.consentCards).toHaveCount(0);
  expect((await ledgerRecords(page)).records.map((r) => r.decision)).toEqual(['granted']);
  guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { history: 4, ledger: 1 } }));
});

test('a restored file with markup, scripts and right-to-left text shows it as text after a reload, and nothing runs', async ({ page, guard }) => {
  const chat = await ChatPage.visit(page, '/');
  await grantHistory(chat);
  const stored = (await storedContent(page)) as StoredContent;
  const hostile = ['<img src=x onerror="alert(1)">', '<script>alert(2)</script>', 'مرحبا، كم تستغرق الشحنة؟ ☕'];
  const history = [
    ...stored.history,
    ...hostile.flatMap((text) => [
      { at: new Date().toISOString(), lang: 'de' as const, from: 'visitor' as const, text },
      { at: new Date().toISOString(), lang: 'de' as const, from: 'bot' as const, reply: { kind: 'none' } },
    ]),
  ];
  const center = new PrivacyCenter(chat);
  await center.openByButton();
  const note = await center.importFile('export.json', exportText({ ledger: stored.ledger, history }));
  // Every message counts, the hostile questions and their answers.
  await expect(note).toHaveText(chat.said('center.imported', { ledger: '1', history: String(history.length) }));
  await center.showItems.click();
  await expect(center.items).toHaveCount(5);
  await expect(center.items.nth(2)).toContainText(hostile[0] ?? '');

  await page.reload();
  await expect(chat.restoredDivider).toBeVisible();
  await expect(chat.userMessages).toHaveText([`Sie: ${Q1}`, `Sie: ${Q2}`, ...hostile.map((text) => `Sie: ${text}`)]);
  await expect(chat.log.locator('img, script:not([src])')).toHaveCount(0);
  // No dialog opened (the guard checks) and the page still answers.
  await expect((await chat.ask(Q1)).heading).toHaveText('Wie lange dauert der Versand?');
  guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { history: 12, ledger: 1 } }));
});

/** A valid export of another visit: the consent, one question and its answer. */
function sampleExport(): ExportFile {
  const at = new Date().toISOString();
  return JSON.parse(
    exportText({
      ledger: [{ consentId: randomUUID(), purpose: 'history', decision: 'granted', policyVersion: settings.privacyVersion, textHash: sha256(declaredCardLines('de').join('\n')), method: 'button', lang: 'de', at }],
      history: [
        { at, lang: 'de', from: 'visitor', text: Q1 },
        { at, lang: 'de', from: 'bot', reply: { kind: 'answer', entryId: 'versanddauer', entryLang: 'de' } },
      ],
    }),
  ) as ExportFile;
}

/** A bad file, the reason the bot must give, and what it is. */
interface BadFile {
  readonly what: string;
  readonly problem: 'too-large' | 'not-json' | 'not-an-export' | 'unknown-version' | 'invalid-content' | 'other-site';
  readonly content: (good: ExportFile, goodText: string) => string | Buffer;
}

const BAD_FILES: readonly BadFile[] = [
  { what: 'an empty file', problem: 'not-json', content: () => '' },
  { what: 'not JSON', problem: 'not-json', content: () => 'Liebe Grüße, Ihr Kaffeeteam\n' },
  { what: 'a truncated export', problem: 'not-json', content: (_good, text) => text.slice(0, Math.floor(text.length / 2)) },
  { what: 'JSON, but not an export (an array)', problem: 'not-an-export', content: (good) => JSON.stringify([good]) },
  { what: 'JSON null', problem: 'not-an-export', content: () => 'null' },
  { what: 'another format', problem: 'not-an-export', content: (good) => JSON.stringify({ ...good, format: 'other-chatbot-export' }) },
  { what: 'version 3', problem: 'unknown-version', content: (good) => JSON.stringify({ ...good, version: 3 }) },
  { what: 'version "1" as a string', problem: 'unknown-version', content: (good) => JSON.stringify({ ...good, version: '1' }) },
  { what: 'a missing field (exportedAt)', problem: 'invalid-content', content: ({ exportedAt: _gone, ...rest }) => JSON.stringify(rest) },
  { what: 'a ledger entry without its text hash', problem: 'invalid-content', content: (good) => JSON.stringify({ ...good, ledger: good.ledger.map(({ textHash: _gone, ...entry }) => entry) }) },
  { what: 'an unknown purpose', problem: 'invalid-content', content: (good) => JSON.stringify({ ...good, ledger: good.ledger.map((entry) => ({ ...entry, purpose: 'tracking' })) }) },
  { what: 'an unknown decision', problem: 'invalid-content', content: (good) => JSON.stringify({ ...good, ledger: good.ledger.map((entry) => ({ ...entry, decision: 'maybe' })) }) },
  { what: 'a time that is not a time', problem: 'invalid-content', content: (good) => JSON.stringify({ ...good, history: good.history.map((row) => ({ ...row, at: 'gestern' })) }) },
  {
    what: 'an extra field with a hostile string',
    problem: 'invalid-content',
    content: (good) => JSON.stringify({ ...good, note: '<script>alert(1)</script>', history: good.history.map((row) => ({ ...row, onload: 'alert(1)' })) }),
  },
  { what: 'a __proto__ field', problem: 'invalid-content', content: (_good, text) => text.replace('{', '{"__proto__": {"polluted": true},') },
  { what: 'a hostile entry id', problem: 'invalid-content', content: (good) => JSON.stringify({ ...good, history: good.history.map((row) => (row.reply ? { ...row, reply: { ...row.reply, entryId: '../../<img src=x onerror=alert(1)>' } } : row)) }) },
  { what: 'a question longer than 10,000 characters', problem: 'invalid-content', content: (good) => JSON.stringify({ ...good, history: good.history.map((row) => (row.text ? { ...row, text: 'x'.repeat(10_001) } : row)) }) },
  { what: 'another site\'s export', problem: 'other-site', content: (good) => JSON.stringify({ ...good, site: 'https://www.other-shop.example' }) },
  // A valid export padded with spaces: refused for its size alone.
  { what: 'a file over 2,000,000 bytes', problem: 'too-large', content: (_good, text) => `${text}${' '.repeat(2_000_001 - Buffer.byteLength(text))}` },
  // Under 2,000,000 characters but over 2,000,000 bytes.
  { what: 'a file over 2,000,000 bytes in few characters', problem: 'too-large', content: (good) => JSON.stringify({ ...good, site: '☕'.repeat(700_000) }) },
];

test(`${BAD_FILES.length} kinds of bad files are refused with their reason, and change nothing`, async ({ page, guard }) => {
  const { chat, center } = await centerWithHistory(page);
  const good = await center.export();
  const before = await storedContent(page);

  for (const bad of BAD_FILES) {
    const content = bad.content(good.json, good.raw);
    const note = await center.importFile('vertraut-export.json', content);
    const reason = center.text(`center.problem.${bad.problem}` as UiKey);
    await expect(note, bad.what).toHaveText(chat.said('center.importFailed', { reason }));
    expect(await storedContent(page), `${bad.what}: the stored records`).toEqual(before);
  }
  await expect(chat.log.getByText(center.text('center.importFailed', { reason: '' }))).toHaveCount(BAD_FILES.length);
  await expect(chat.log).not.toContainText(center.text('center.imported', { ledger: 1, history: 2 }).split('.')[0] ?? 'Wiederhergestellt');
  // The center is unchanged and the good file is still accepted afterwards.
  await expect(center.switch()).toHaveAttribute('aria-checked', 'true');
  const ok = await center.importFile(good.name, good.raw);
  await expect(ok).toHaveText(chat.said('center.imported', { ledger: '1', history: '4' }));
  expect(await storedContent(page)).toEqual(before);
  guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { history: 4, ledger: 1 } }));
});

test('with nothing stored, a refused file creates no database', async ({ page, context }) => {
  const chat = await ChatPage.visit(page, '/');
  const center = new PrivacyCenter(chat);
  await center.openByButton();
  const good = sampleExport();
  for (const bad of BAD_FILES) {
    const note = await center.importFile('vertraut-export.json', bad.content(good, JSON.stringify(good, null, 2)));
    await expect(note, bad.what).toHaveText(chat.said('center.importFailed', { reason: center.text(`center.problem.${bad.problem}` as UiKey) }));
  }
  expect(await storageInventory(page, context)).toEqual(EMPTY_INVENTORY);
  await center.openByButton();
  await expect(center.root).toContainText(center.text('center.nothing'));
});

test('a restore the browser cannot write (storage full) is refused and changes nothing', async ({ page, guard }) => {
  const { chat, center } = await centerWithHistory(page);
  const good = await center.export();
  const before = await storedContent(page);
  // A file with one more question than is stored: replacing everything would change something.
  const bigger = exportText({ ledger: good.json.ledger, history: [...good.json.history, { at: new Date().toISOString(), lang: 'de', from: 'visitor', text: 'noch eine Frage' }] });
  // From now on the storage is full.
  await page.evaluate(() => {
    const full = (): never => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.add = full;
    IDBObjectStore.prototype.put = full;
  });
  const note = await center.importFile('vertraut-export.json', bigger);
  await expect(note).toHaveText(chat.said('center.importFailed', { reason: center.text('center.problem.storage') }));
  expect(await storedContent(page)).toEqual(before);
  expect((await historyRecords(page)).length).toBe(4);
  // A failed write may be reported on the console; it is the expected one, not a page error.
  guard.consoleErrors.splice(0, guard.consoleErrors.length, ...guard.consoleErrors.filter((message) => !/quota/i.test(message)));
  guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { history: 4, ledger: 1 } }));
});

test.describe('fixed bugs, kept as regressions', () => {
  // Was a bug (fixed): a restore writes messages older than the retention (SPEC 3.8: history 30 days): the
  // center lists them, "die älteste spätestens am <a day already past>", and they vanish at the
  // next start. Expected: expired messages are not restored (or restoring says they are dropped).
  test('restoring an old export does not bring back messages older than the retention', async ({ page, guard }) => {
    const chat = await ChatPage.visit(page, '/');
    const center = new PrivacyCenter(chat);
    await center.openByButton();
    const old = sampleExport();
    const longAgo = new Date(Date.now() - (settings.retentionDays.history + 10) * 24 * 60 * 60 * 1000).toISOString();
    const file = exportText({ ledger: old.ledger.map((entry) => ({ ...entry, at: longAgo })), history: old.history.map((row) => ({ ...row, at: longAgo })) });
    const note = await center.importFile('vertraut-export.json', file);
    await expect(note).toContainText('Wiederhergestellt.');
    guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { history: 0, ledger: 1 } }));
    expect((await historyRecords(page)).map((row) => row.at), 'restored messages older than the retention').toEqual([]);
  });

  // Was a bug (fixed): restoring an export that holds nothing (no decision, no message) creates an empty
  // IndexedDB database "vertraut", although there is nothing to store (SPEC 3.1: open only when
  // there is data or a decision to store); the center then says "Es ist nichts gespeichert. …
  // keine Datenbank" while a database exists. Expected: nothing is created.
  test('restoring an empty export creates no database', async ({ page, context }) => {
    const chat = await ChatPage.visit(page, '/');
    const center = new PrivacyCenter(chat);
    await center.openByButton();
    const note = await center.importFile('vertraut-export.json', exportText({ ledger: [], history: [] }));
    await expect(note).toHaveText(chat.said('center.imported', { ledger: '0', history: '0' }));
    await expect(center.root).toContainText(center.text('center.nothing'));
    expect(await storageInventory(page, context), 'after restoring an empty export').toEqual(EMPTY_INVENTORY);
  });

  // Was a bug (fixed): after a restore the bot says "Wiederhergestellt. Entscheidungen: 1, Nachrichten: 2."
  // while the center right below it says "Gespeicherte Nachrichten: 4" for the same data (the
  // note counts only the visitor's questions, the center every stored message). Expected: the
  // same count in both.
  test('the restore note counts the messages as the center does', async ({ page, guard }) => {
    const { chat, center } = await centerWithHistory(page);
    const file = await center.export();
    const note = await center.importFile(file.name, file.raw);
    await expect(center.root).toContainText('Gespeicherte Nachrichten: 4,');
    guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { history: 4, ledger: 1 } }));
    await expect(note).toHaveText(chat.said('center.imported', { ledger: '1', history: '4' }), { timeout: 2_000 });
  });
});
