import type { Locator, Page } from '@playwright/test';
import { EMPTY_INVENTORY, inventoryWithIndexedDb, storageInventory } from './support/browser-state.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { ChatPage, type Reply } from './support/chat-page.ts';
import { DATABASE, historyRecords, ledgerRecords, QUESTIONS } from './support/consent.ts';
import { expect, test } from './support/fixtures.ts';
import { DAY_MS, grantHistory, PrivacyCenter, shownDate, centerWithHistory } from './support/privacy-center.ts';
import { t } from '../../src/i18n/translate.ts';
import settings from '../../vertraut.config.ts';

/*
 * SPEC 4.7 and 8.1/8.3 around the privacy center: the bot answers privacy questions from what is
 * stored right now; the wipe pages and the machine-readable files; the center by keyboard only,
 * without axe violations, every button named by its visible text.
 */

const [Q1, Q2] = QUESTIONS.de;
const DAYS = settings.retentionDays.history;
const { controller, dataProtectionOfficer: dpo } = settings;

/** A privacy answer: its lines, the link to the privacy page and the "Meine Daten" button. */
async function expectPrivacyAnswer(chat: ChatPage, reply: Reply, lines: string[]): Promise<void> {
  await expect(reply.root.locator('p')).toHaveText([...lines, chat.text('privacyAnswer.more'), chat.text('center.open')]);
  await expect(reply.root.getByRole('link', { name: chat.text('privacyAnswer.more'), exact: true })).toHaveAttribute('href', chat.lang === 'de' ? '/datenschutz/' : '/en/privacy/');
  await expect(reply.root.getByRole('button', { name: chat.text('center.open'), exact: true })).toBeVisible();
  // A privacy answer is not a FAQ answer.
  await expect(reply.heading).toHaveCount(0);
}

/** How long the counted events and the profile are kept: said with the history's retention, as the demo site offers them. */
function howLongOthers(chat: ChatPage): string {
  return chat.text('privacyAnswer.howLongOthers', { insights: String(settings.retentionDays.insights), personalization: String(settings.retentionDays.personalization) });
}

test('privacy questions with nothing stored: "Im Moment ist nichts gespeichert.", the controller, 30 days, „Stop“; nothing is created', async ({ page, context }) => {
  const chat = await ChatPage.visit(page, '/');
  await expectPrivacyAnswer(chat, await chat.ask('Welche Daten speichert ihr?'), [chat.text('privacyAnswer.nothing'), chat.text('privacyAnswer.where')]);
  await expect(chat.lastReply.root).toContainText('Im Moment ist nichts gespeichert.');
  await expectPrivacyAnswer(chat, await chat.ask('Wo werden meine Daten gespeichert?'), [chat.text('privacyAnswer.where'), chat.text('privacyAnswer.nothing')]);
  await expectPrivacyAnswer(chat, await chat.ask('Wie lange speichert ihr?'), [chat.text('privacyAnswer.howLong', { history: String(DAYS) }), howLongOthers(chat), chat.text('privacyAnswer.nothing')]);
  await expect(chat.lastReply.root).toContainText('nach 30 Tagen gelöscht');
  await expect(chat.lastReply.root).toContainText('nach 90 Tagen gelöscht, ein Profil nach 365 Tagen');
  const who = await chat.ask('Wer ist verantwortlich?');
  await expectPrivacyAnswer(chat, who, [
    chat.text('privacyAnswer.who', { controller: controller.name, address: controller.address, email: controller.email }),
    chat.text('privacyAnswer.dpo', { name: dpo?.name ?? '', email: dpo?.email ?? '' }),
  ]);
  await expect(who.root).toContainText(`Verantwortlich ist ${controller.name}, ${controller.address}, ${controller.email}.`);
  const withdraw = await chat.ask('Kann ich meine Einwilligung widerrufen?');
  await expectPrivacyAnswer(chat, withdraw, [chat.text('privacyAnswer.withdraw'), chat.text('privacyAnswer.noneActive')]);
  await expect(withdraw.root).toContainText('„Stop“');
  expect(await storageInventory(page, context)).toEqual(EMPTY_INVENTORY);

  // The answer's "Meine Daten" opens the center, still creating nothing.
  await withdraw.root.getByRole('button', { name: chat.text('center.open'), exact: true }).click();
  const center = new PrivacyCenter(chat);
  await expect(center.root).toBeFocused();
  await expect(center.root).toContainText(center.text('center.nothing'));
  expect(await storageInventory(page, context)).toEqual(EMPTY_INVENTORY);
});

test('privacy questions after "Ja": the number of stored messages and decisions as in IndexedDB, the history named as switched on', async ({ page, guard }) => {
  const chat = await ChatPage.visit(page, '/');
  await grantHistory(chat);
  const rows = await historyRecords(page);
  const until = await shownDate(page, new Date(Date.parse(rows[0]?.at ?? '') + DAYS * DAY_MS).toISOString());
  const stored = chat.text('privacyAnswer.stored', { history: String(rows.length), until, ledger: '1' });

  const what = await chat.ask('Welche Daten speichert ihr?');
  await expectPrivacyAnswer(chat, what, [stored, chat.text('privacyAnswer.where')]);
  await expect(what.root).toContainText('Nachrichten: 4');
  await expectPrivacyAnswer(chat, await chat.ask('Wie lange speichert ihr?'), [chat.text('privacyAnswer.howLong', { history: String(DAYS) }), howLongOthers(chat), stored]);
  await expectPrivacyAnswer(chat, await chat.ask('Kann ich meine Einwilligung widerrufen?'), [
    chat.text('privacyAnswer.withdraw'),
    chat.text('privacyAnswer.active', { purposes: chat.text('purpose.history') }),
  ]);
  // Asking about one's data is not kept as history.
  expect((await historyRecords(page)).length).toBe(rows.length);

  // The count follows the state: one more question, two more messages.
  await chat.ask(QUESTIONS.de[2]);
  await expect.poll(async () => (await historyRecords(page)).length).toBe(6);
  const again = await chat.ask('Welche Daten speichert ihr?');
  await expect(again.root).toContainText(chat.text('privacyAnswer.stored', { history: '6', until, ledger: '1' }));

  // After "Stop" only the decisions are left, and the answer says so.
  await chat.ask('Stop');
  await expect.poll(async () => (await historyRecords(page)).length).toBe(0);
  const after = await chat.ask('Welche Daten speichert ihr?');
  await expectPrivacyAnswer(chat, after, [chat.text('privacyAnswer.ledgerOnly', { ledger: '2' }), chat.text('privacyAnswer.where')]);
  expect((await ledgerRecords(page)).records).toHaveLength(2);
  guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { history: 0, ledger: 2 } }));
});

test('on /en/ privacy questions are answered in English from the same state', async ({ page, context }) => {
  const chat = await ChatPage.visit(page, '/en/');
  await expectPrivacyAnswer(chat, await chat.ask('What data do you store?'), [chat.text('privacyAnswer.nothing'), chat.text('privacyAnswer.where')]);
  await expect(chat.lastReply.root).toContainText('Right now nothing is stored.');
  const who = await chat.ask('Who is responsible?');
  await expect(who.root).toContainText(`The controller is ${controller.name}, ${controller.address}, ${controller.email}.`);
  await expect(chat.lastReply.root.getByRole('link', { name: 'More in the privacy notice', exact: true })).toHaveAttribute('href', '/en/privacy/');
  expect(await storageInventory(page, context)).toEqual(EMPTY_INVENTORY);
});

for (const { question, heading } of [
  { question: 'Wie lange dauert der Versand?', heading: 'Wie lange dauert der Versand?' },
  { question: 'Wie lange sind Kaffeebohnen haltbar?', heading: 'Wie lange sind Kaffeebohnen haltbar und wie lagere ich sie richtig?' },
  { question: 'Speichert ihr meine Kreditkartendaten?', heading: 'Speichern Sie meine Kreditkartendaten?' },
  { question: 'Wie erhalte ich Auskunft über meine gespeicherten Daten?', heading: 'Wie erhalte ich Auskunft über meine gespeicherten Daten?' },
]) {
  test(`a shop question with similar words, "${question}", still gets the FAQ answer`, async ({ page, context }) => {
    const chat = await ChatPage.visit(page, '/');
    const reply = await chat.ask(question);
    // The FAQ entry is the answer, or the first choice of "Meinten Sie …?" when the answer
    // decision is not sure enough: either way the shop question is not taken for a privacy request.
    await expect(reply.root.getByRole('heading', { level: 3 }).or(reply.choices.first())).toHaveText(heading);
    await expect(reply.root).not.toContainText(chat.text('privacyAnswer.where'));
    await expect(reply.root).not.toContainText(chat.text('privacyAnswer.nothing'));
    await expect(new PrivacyCenter(chat).root).toHaveCount(0);
    expect(await storageInventory(page, context)).toEqual(EMPTY_INVENTORY);
  });
}

for (const { path, lang } of [
  { path: '/datenschutz/alles-loeschen/', lang: 'de' },
  { path: '/en/privacy/delete-everything/', lang: 'en' },
] as const) {
  test(`${path} deletes an existing database and says so; afterwards nothing comes back`, async ({ page, context }) => {
    const chat = await ChatPage.visit(page, '/');
    await grantHistory(chat);
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t(lang, 'wipe.title'));
    await expect(page.getByRole('status').filter({ hasText: t(lang, 'wipe.done') })).toHaveText(t(lang, 'wipe.done'));
    await page.waitForLoadState('networkidle');
    await expect.poll(() => storageInventory(page, context)).toEqual(EMPTY_INVENTORY);

    const home = await ChatPage.visit(page, '/');
    await home.ask(Q1);
    await expect(home.restoredDivider).toHaveCount(0);
    await expect(home.userMessages).toHaveText([`Sie: ${Q1}`]);
    expect(await storageInventory(page, context)).toEqual(EMPTY_INVENTORY);
  });
}

test('/vertraut/purposes.json is valid JSON listing the purposes with their retention, and its schema link resolves', async ({ page }) => {
  const response = await page.request.get('/vertraut/purposes.json');
  expect(response.ok()).toBe(true);
  expect(response.headers()['content-type']).toContain('application/json');
  const purposes = JSON.parse(await response.text()) as {
    site: string;
    controller: unknown;
    privacyVersion: string;
    cookies: boolean;
    thirdParties: unknown[];
    exportSchema: string;
    purposes: { id: string; retentionDays: number; defaultState: string; legalBasis: Record<string, string>; text: Record<string, string[]> }[];
  };
  expect(purposes).toMatchObject({ site: settings.site, controller, privacyVersion: settings.privacyVersion, cookies: false, thirdParties: [] });
  // The demo site enables marketing: all four purposes, in the order of SPEC 3.3, each off by default.
  expect(purposes.purposes.map((p) => [p.id, p.defaultState])).toEqual([
    ['history', 'off'],
    ['insights', 'off'],
    ['personalization', 'off'],
    ['marketing', 'off'],
  ]);
  const history = purposes.purposes.find((p) => p.id === 'history');
  expect(history).toMatchObject({ id: 'history', retentionDays: DAYS, defaultState: 'off' });
  expect(history?.legalBasis['de']).toContain('Art. 6 Abs. 1 lit. a DSGVO');
  expect(history?.text['de']?.join(' ')).toContain(`${DAYS} Tagen`);
  // Every purpose it lists has a retention from the settings.
  for (const purpose of purposes.purposes) expect(purpose.retentionDays, purpose.id).toBe(settings.retentionDays[purpose.id as keyof typeof settings.retentionDays]);
  const schema = await page.request.get(new URL(purposes.exportSchema, response.url()).href);
  expect(schema.ok()).toBe(true);
  expect(((await schema.json()) as { title: string }).title).toBe('vertraut export, version 2');
  // Version 1 files are still restored, so their schema stays published too.
  const v1 = await page.request.get(new URL('export-schema.v1.json', schema.url()).href);
  expect(((await v1.json()) as { title: string }).title).toBe('vertraut export, version 1');
});

for (const { path, lang, myData, wipe } of [
  { path: '/datenschutz/', lang: 'de', myData: '/datenschutz/meine-daten/', wipe: '/datenschutz/alles-loeschen/' },
  { path: '/en/privacy/', lang: 'en', myData: '/en/privacy/my-data/', wipe: '/en/privacy/delete-everything/' },
] as const) {
  test(`${path} links the my-data page, the wipe page, purposes.json and the export schema, and each link works`, async ({ page }) => {
    await page.goto(path);
    const links: [string, string][] = [
      [t(lang, 'privacy.myDataLink'), myData],
      [t(lang, 'privacy.wipeLink'), wipe],
      [t(lang, 'privacy.machineReadable'), '/vertraut/purposes.json'],
      [t(lang, 'privacy.exportSchema'), '/vertraut/export-schema.v2.json'],
    ];
    for (const [name, href] of links) {
      const link = page.getByRole('main').getByRole('link', { name, exact: true });
      await expect(link, name).toHaveAttribute('href', href);
      const response = await page.request.get(href);
      expect(response.ok(), href).toBe(true);
      if (href.endsWith('.json')) {
        const body = await response.text();
        expect(() => JSON.parse(body) as unknown, `${href} is JSON`).not.toThrow();
      }
    }
    // Following the my-data link opens the center, and looking creates nothing (the guard checks).
    await page.getByRole('main').getByRole('link', { name: t(lang, 'privacy.myDataLink'), exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${myData}$`));
    await expect(new PrivacyCenter(new ChatPage(page, 'inline', lang)).root).toContainText(t(lang, 'center.nothing'));
  });
}

/** Presses `key` until `target` has the focus; fails if it is not reached within `limit` presses. */
async function pressUntilFocused(page: Page, key: string, target: Locator, limit: number): Promise<void> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press(key);
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`${key} did not reach ${target.toString()} within ${limit} presses`);
}

test('keyboard only: the header button opens the center, Tab walks its controls in order, Space switches off, Enter and Space answer "Alles löschen"', async ({ page, context }) => {
  const chat = await ChatPage.visit(page, '/');
  const center = new PrivacyCenter(chat);
  // Two questions and "Ja" on the card, typed and pressed.
  await chat.input.focus();
  for (const question of [Q1, Q2]) {
    await page.keyboard.type(question);
    await page.keyboard.press('Enter');
    await expect(chat.userMessages.last()).toHaveText(`Sie: ${question}`);
  }
  const card = chat.consentCard('history');
  await expect(card.root).toBeFocused();
  await pressUntilFocused(page, 'Tab', card.yes, 3);
  await page.keyboard.press('Enter');
  await expect(chat.lastReply.root).toHaveText(chat.said('consent.granted', { purpose: center.purposeName() }));
  await expect(chat.input).toBeFocused();

  // Back up to the header's "Meine Daten" and open the center with Enter: it takes the focus.
  await pressUntilFocused(page, 'Shift+Tab', center.headerButton, 40);
  await page.keyboard.press('Enter');
  await expect(center.root).toBeFocused();
  // The purposes in the order of SPEC 3.3: the history with its data, then the three others
  // (nothing stored for them, so only their switches), then the actions.
  const order = [
    center.switch('history'),
    center.deletePurposeButton('history'),
    center.showItems,
    center.switch('insights'),
    center.switch('personalization'),
    center.switch('marketing'),
    center.exportButton,
    center.importButton,
    center.deleteAllButton,
    center.privacyLink,
  ];
  for (const control of order) {
    await page.keyboard.press('Tab');
    await expect(control).toBeFocused();
  }
  // The hidden file input is no stop: Shift+Tab goes straight back.
  await page.keyboard.press('Shift+Tab');
  await expect(center.deleteAllButton).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(center.importButton).toBeFocused();

  // The list of messages opens with Enter, and its "Löschen" buttons come next in order.
  await pressUntilFocused(page, 'Shift+Tab', center.showItems, 6);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(center.itemDeleteButton(0)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(center.itemDeleteButton(1)).toBeFocused();

  // Space on the switch ends the history; the updated center takes the focus.
  await pressUntilFocused(page, 'Shift+Tab', center.switch(), 5);
  await page.keyboard.press('Space');
  await expect(center.switch()).toHaveAttribute('aria-checked', 'false');
  await expect(center.root).toBeFocused();
  await expect.poll(async () => (await ledgerRecords(page)).records.map((r) => [r.decision, r.method])).toEqual([
    ['granted', 'button'],
    ['withdrawn', 'privacy-center'],
  ]);

  // "Alles löschen" by Enter: the question takes the focus; Space on "Abbrechen" changes nothing.
  await pressUntilFocused(page, 'Tab', center.deleteAllButton, 10);
  await page.keyboard.press('Enter');
  await expect(center.confirmationMessage).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(center.confirmYes).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(center.confirmNo).toBeFocused();
  await page.keyboard.press('Space');
  await expect(center.confirmNo).toBeDisabled();
  await expect(chat.input).toBeFocused();
  expect((await ledgerRecords(page)).records).toHaveLength(2);

  // Again, and this time "Ja, alles löschen" with Enter.
  await pressUntilFocused(page, 'Shift+Tab', center.deleteAllButton, 5);
  await page.keyboard.press('Enter');
  await expect(center.confirmations).toHaveCount(2);
  await page.keyboard.press('Tab');
  await expect(center.confirmYes).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(chat.lastReply.root).toHaveText(chat.said('center.deletedAll'));
  await expect(chat.input).toBeFocused();
  expect(await storageInventory(page, context)).toEqual(EMPTY_INVENTORY);
});

/** Every button (switches and the disclosure included) is named exactly by its visible text (SPEC 8.3). */
async function expectNamesAreVisibleText(scope: Locator): Promise<number> {
  const controls = await scope.locator('button, summary, [role=switch]').all();
  for (const control of controls) {
    if (!(await control.isVisible())) continue;
    const visible = (await control.innerText()).replace(/\s+/g, ' ').trim();
    expect(visible.length).toBeGreaterThan(0);
    await expect(control, visible).toHaveAccessibleName(visible);
  }
  return controls.length;
}

test('with data stored, the open center (and its "Alles löschen" question) has no axe violations, and every button is named by its text', async ({ page, guard }) => {
  const { chat, center } = await centerWithHistory(page);
  await center.showItems.click();
  await expect(center.items).toHaveCount(2);
  await chat.settled();
  await expectNoAxeViolations(page, '#vertraut-inline');
  expect(await expectNamesAreVisibleText(center.root)).toBeGreaterThanOrEqual(8);
  await expect(center.switch()).toHaveAccessibleName(center.text('center.switchOff', { purpose: center.purposeName() }));

  await center.deleteAllButton.click();
  await expect(center.confirmation).toBeVisible();
  await chat.settled();
  await expectNoAxeViolations(page, '#vertraut-inline');
  expect(await expectNamesAreVisibleText(center.confirmation)).toBe(2);
  await center.confirmNo.click();
  await expect(center.confirmNo).toBeDisabled();
  guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { history: 4, ledger: 1 } }));
});

test('with nothing stored, the center has no axe violations in the chat and on /en/privacy/my-data/, and its buttons are named by their text', async ({ page }) => {
  const chat = await ChatPage.visit(page, '/');
  const center = new PrivacyCenter(chat);
  await center.openByButton();
  await chat.settled();
  await expectNoAxeViolations(page, '#vertraut-inline');
  // The four purposes' switches and "Aus Datei wiederherstellen".
  expect(await expectNamesAreVisibleText(center.root)).toBe(5);
  // The header's buttons too.
  expect(await expectNamesAreVisibleText(chat.chat.locator('.vt-header'))).toBe(2);

  await page.goto('/en/privacy/my-data/');
  const en = new PrivacyCenter(new ChatPage(page, 'inline', 'en'));
  await expect(en.root).toBeVisible();
  await en.chat.settled();
  await expectNoAxeViolations(page);
  expect(await expectNamesAreVisibleText(en.root)).toBe(5);
});

test('the card after switching on from the center is the full consent card, reachable by keyboard', async ({ page, guard }) => {
  const chat = await ChatPage.visit(page, '/');
  const center = new PrivacyCenter(chat);
  await center.openByButton();
  await page.keyboard.press('Tab');
  await expect(center.switch()).toBeFocused();
  await page.keyboard.press('Enter');
  const card = chat.consentCard('history');
  await expect(card.root).toBeFocused();
  await expect(card.privacyLink).toHaveAttribute('href', '/datenschutz/');
  await expectCardSaysWhereAndHowLong(card.root);
  await pressUntilFocused(page, 'Tab', card.no, 3);
  await page.keyboard.press('Enter');
  await expect(chat.lastReply.root).toHaveText(chat.said('consent.refused', { purpose: center.purposeName() }));
  await expect.poll(async () => (await ledgerRecords(page)).records.map((r) => [r.decision, r.method])).toEqual([['refused', 'button']]);
  guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { history: 0, ledger: 1 } }));
});

/** The card says where and how long (SPEC 3.4), whatever brought it. */
async function expectCardSaysWhereAndHowLong(card: Locator): Promise<void> {
  await expect(card).toContainText('nur in diesem Browser auf diesem Gerät');
  await expect(card).toContainText(`nach ${DAYS} Tagen`);
  await expect(card).toContainText('„Stop“');
}
