import { EMPTY_INVENTORY, storageInventory } from './support/browser-state.ts';
import { ChatPage } from './support/chat-page.ts';
import { expect, test } from './support/fixtures.ts';
import { SITE_PAGES } from './support/site-pages.ts';

/*
 * SPEC 3.1 and 9: loading a page stores nothing and loads only the page, its stylesheet and the
 * launcher; the chat code and the index follow the visitor's first sign of interest. (Storage and
 * foreign requests are also checked after every test by the guard in support/fixtures.ts.)
 */

const CHAT_CODE = /\/vertraut\/search-\w+\.json|\/chat-app\.[\w-]+\.js/;

/** The statistics page's own code (src/ui/insights-page.ts and what it shares with the launcher). */
const STATISTICS_CODE = /\/_astro\/[\w.-]+\.js$/;

for (const { path, loadsStatistics } of SITE_PAGES.filter((p) => !p.loadsChat)) {
  test(`loading ${path} requests only the page, its CSS and the launcher${loadsStatistics ? ' (which loads the statistics code)' : ''}, and stores nothing`, async ({ page, context, guard }) => {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const launcher = await page.locator('script[src]').evaluateAll((scripts) => scripts.map((s) => new URL((s as HTMLScriptElement).src).pathname));
    expect(launcher).toHaveLength(1);

    const loaded = guard.requests.all.map((r) => ({ type: r.resourceType(), path: new URL(r.url()).pathname }));
    expect(loaded.filter((r) => r.type === 'document')).toEqual([{ type: 'document', path }]);
    const scripts = loaded.filter((r) => r.type === 'script');
    expect(scripts[0]).toEqual({ type: 'script', path: launcher[0] });
    if (loadsStatistics) {
      // Only the page's own code: no chat, no index, no storage code (nothing is stored here).
      expect(scripts.slice(1).map((s) => s.path).filter((p) => !STATISTICS_CODE.test(p) || /chat-app|local-store|schemas|export-format/.test(p))).toEqual([]);
      expect(scripts.slice(1).some((s) => /insights-page/.test(s.path))).toBe(true);
    } else {
      expect(scripts).toHaveLength(1);
    }
    expect(loaded.filter((r) => r.type === 'stylesheet').length).toBeGreaterThanOrEqual(1);
    expect(loaded.filter((r) => !['document', 'script', 'stylesheet'].includes(r.type))).toEqual([]);
    expect(guard.requests.paths(guard.origin).filter((p) => CHAT_CODE.test(p))).toEqual([]);
    expect(guard.requests.foreign(guard.origin)).toEqual([]);
    expect(await storageInventory(page, context)).toEqual(EMPTY_INVENTORY);
  });
}

test('chatting without a decision never loads the storage code (Dexie) or the export code', async ({ page, guard }) => {
  const chat = await ChatPage.visit(page, '/');
  await chat.ask('Wie lange dauert der Versand?');
  await chat.ask('Was kostet der Versand?');
  await expect(chat.consentCards).toHaveCount(1);
  await chat.ask('Welche Daten speichert ihr?');
  await page.waitForLoadState('networkidle');
  // SPEC 9: Dexie and the storage code load only when something is stored or already stored.
  expect(guard.requests.paths(guard.origin).filter((p) => /\/(local-store|export-format)\.[\w-]+\.js$/.test(p))).toEqual([]);
});

test('the index is requested only once the visitor focuses the question input', async ({ page, guard }) => {
  const chat = await ChatPage.visit(page, '/');
  await page.waitForLoadState('networkidle');
  // Looking, scrolling and pointing at the chat is not yet interest in chatting.
  await chat.input.scrollIntoViewIfNeeded();
  await chat.input.hover();
  await page.waitForLoadState('networkidle');
  expect(guard.requests.paths(guard.origin).filter((p) => CHAT_CODE.test(p))).toEqual([]);

  const index = page.waitForRequest((request) => request.url().endsWith('/vertraut/search-de.json'));
  await chat.input.focus();
  await index;
  const chatCode = guard.requests.paths(guard.origin).filter((p) => CHAT_CODE.test(p));
  expect(chatCode).toEqual([expect.stringMatching(/\/chat-app\./), '/vertraut/search-de.json']);
});

test('on /en/faq/ opening the panel loads the English index only, and an answered question needs no other', async ({ page, guard }) => {
  const chat = await ChatPage.visit(page, '/en/faq/');
  await page.waitForLoadState('networkidle');
  expect(guard.requests.paths(guard.origin).filter((p) => CHAT_CODE.test(p))).toEqual([]);
  await chat.openPanel();
  await chat.ask('How long does delivery take?');
  await expect(chat.lastReply.heading).toHaveText('How long does delivery take?');
  const indexes = guard.requests.paths(guard.origin).filter((p) => p.startsWith('/vertraut/'));
  expect(indexes).toEqual(['/vertraut/search-en.json']);
});

test('a whole conversation leaves no trace on the device, and a reload forgets it', async ({ page, context }) => {
  const chat = await ChatPage.visit(page, '/');
  const reply = await chat.ask('Wird mein Chatverlauf gespeichert?');
  await reply.feedbackButton(true).click();
  await chat.ask('Rechnung');
  await chat.ask('Xylophon Quantenflug');
  expect(await storageInventory(page, context)).toEqual(EMPTY_INVENTORY);

  await page.reload();
  await expect(chat.starters.first()).toBeVisible();
  await expect(chat.userMessages).toHaveCount(0);
  await expect(chat.botMessages).toHaveCount(1);
});
