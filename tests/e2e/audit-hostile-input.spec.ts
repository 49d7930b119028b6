import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import settings from '../../vertraut.config.ts';
import { inventoryWithIndexedDb } from './support/browser-state.ts';
import { ChatPage } from './support/chat-page.ts';
import { DATABASE, declaredCardLines, QUESTIONS, sha256 } from './support/consent.ts';
import { expect, test } from './support/fixtures.ts';
import { batches, HOSTILE_PAYLOADS, inputValueOf, isTruncated, shownText, type HostilePayload } from './support/hostile-payloads.ts';
import { exportText, grantHistory, PrivacyCenter } from './support/privacy-center.ts';

/*
 * Audit, SPEC 8.2 and 8.4: a corpus of hostile input (support/hostile-payloads.ts) typed as
 * questions, kept in the history and restored, and brought in by an imported export file. Every
 * payload must be shown as text (exactly what the chat's documented cleaning leaves of it), add
 * no element to the page, run nothing (`window.__pwned` stays unset; the guard fails any dialog,
 * CSP violation, script or console error), and the chat must keep answering.
 */

const [Q1, Q2] = QUESTIONS.de;

/** Elements a payload could smuggle in; none of them belongs in the chat's log. */
const SMUGGLED = 'img, svg, script, iframe, style, link, object, embed, video, audio, source, math, form, input, textarea, details, base, meta, noscript, body, title';

test.beforeAll(() => {
  expect(HOSTILE_PAYLOADS.length, 'size of the corpus').toBeGreaterThanOrEqual(60);
  expect(new Set(HOSTILE_PAYLOADS.map((p) => p.name)).size, 'payload names are unique').toBe(HOSTILE_PAYLOADS.length);
  // Every payload leaves something to show: an empty question would not be a message at all.
  for (const payload of HOSTILE_PAYLOADS) expect(shownText(payload.text), payload.name).not.toBe('');
});

/** Types one payload, sends it, and checks how the visitor's message is shown. */
async function typeHostile(chat: ChatPage, payload: HostilePayload): Promise<void> {
  // The bot's replies; after two answers about shipping it may also suggest shipping as an
  // interest (SPEC 6), a question of its own that is no reply to the payload.
  const replies = chat.botMessages.filter({ hasNotText: /als Interesse merken/ });
  const users = await chat.userMessages.count();
  const bots = await replies.count();
  await chat.input.fill(payload.text);
  expect(await chat.input.inputValue(), `${payload.name}: the text box holds what was typed`).toBe(inputValueOf(payload.text));
  await chat.input.press('Enter');
  await expect(chat.userMessages, payload.name).toHaveCount(users + 1);
  // A reply for every payload (a note first when it was cut): nothing is swallowed.
  await expect(replies, `${payload.name}: the bot replies`).toHaveCount(bots + (isTruncated(payload.text) ? 2 : 1));
  const bubble = chat.userMessages.nth(users).locator('p');
  const shown = await bubble.evaluate((p) => ({ text: p.textContent, elements: p.childElementCount }));
  expect(shown, `${payload.name}: shown as text, exactly as cleaned`).toEqual({ text: shownText(payload.text), elements: 0 });
  // The e-mail link of a no-answer carries the question, encoded, as data only.
  const email = replies.last().locator('a[href^="mailto:"]');
  if ((await email.count()) > 0) {
    const href = (await email.getAttribute('href')) ?? '';
    expect(new URL(href).searchParams.get('body'), `${payload.name}: e-mail body`).toBe(shownText(payload.text));
  }
}

/** What a payload that became markup would change about the page as a whole. */
function pageShape(page: Page): Promise<{ bases: number; metas: number; styleSheets: number; bodyDisplay: string; bodyVisibility: string }> {
  return page.evaluate(() => ({
    bases: document.querySelectorAll('base').length,
    metas: document.querySelectorAll('meta').length,
    styleSheets: document.styleSheets.length,
    bodyDisplay: getComputedStyle(document.body).display,
    bodyVisibility: getComputedStyle(document.body).visibility,
  }));
}

/** Nothing ran and nothing of the payloads became part of the page (`before`: the page's shape before them). */
async function expectNothingRan(page: Page, chat: ChatPage, before: Awaited<ReturnType<typeof pageShape>>): Promise<void> {
  expect(await pageShape(page), 'no element, style sheet or base from a payload in the page').toEqual(before);
  const seen = await page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    const scriptish = (value: string | null): boolean => (value ?? '').replace(/[\s\u0000-\u001f]/g, '').toLowerCase().startsWith('javascript:');
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      polluted: ({} as { polluted?: unknown }).polluted,
      handlerAttributes: all.flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${e.tagName.toLowerCase()}[${a.name}]`)),
      scriptUrls: all.filter((e) => ['href', 'src', 'action', 'data', 'formaction'].some((name) => scriptish(e.getAttribute(name)))).map((e) => e.tagName.toLowerCase()),
    };
  });
  expect(seen, 'nothing of the payloads ran or became markup').toEqual({ pwned: undefined, polluted: undefined, handlerAttributes: [], scriptUrls: [] });
  // The privacy center's own controls (its file input, its disclosure) are not from a payload.
  await expect(chat.log.locator(SMUGGLED).and(page.locator(':not(.vt-center *)')), 'no element from a payload in the log').toHaveCount(0);
  // Each visitor message is one hidden speaker label and one paragraph of text, nothing else.
  expect(await chat.userMessages.evaluateAll((messages) => messages.filter((m) => m.querySelectorAll('*').length !== 2).length), 'visitor messages hold only text').toBe(0);
}

/** A plain question first, so that the chat is loaded; returns the page's shape then. */
async function warmUp(chat: ChatPage): Promise<Awaited<ReturnType<typeof pageShape>>> {
  await expect((await chat.ask(Q2)).heading).toBeVisible();
  return pageShape(chat.page);
}

/**
 * After whatever happened, the chat still answers a plain question: its answer is the bot's next
 * message. (A payload the FAQ answered may have been in the same category, so the bot may go on
 * to offer it as an interest, SPEC 6; that comes after the answer and is not what is checked.)
 */
async function expectStillAnswering(chat: ChatPage): Promise<void> {
  await expect(chat.window).toBeVisible();
  const before = await chat.botMessages.count();
  await chat.send(Q1);
  await expect(chat.userMessages.last()).toHaveText(`Sie: ${Q1}`);
  await expect(chat.reply(before).heading).toHaveText('Wie lange dauert der Versand?');
  await expect(chat.input).toHaveValue('');
}

for (const [index, batch] of batches(HOSTILE_PAYLOADS, 10).entries()) {
  test(`hostile questions, batch ${index + 1} (${batch.map((p) => p.name).join('; ')}), are shown as text and run nothing`, async ({ page }) => {
    const chat = await ChatPage.visit(page, '/');
    const before = await warmUp(chat);
    for (const payload of batch) await typeHostile(chat, payload);
    await expectNothingRan(page, chat, before);
    await expectStillAnswering(chat);
  });
}

test('hostile questions in the panel of a FAQ page are shown as text and run nothing', async ({ page }) => {
  const chat = await ChatPage.visit(page, '/faq/');
  await chat.openPanel();
  const before = await warmUp(chat);
  for (const payload of HOSTILE_PAYLOADS.filter((_, i) => i % 7 === 0)) await typeHostile(chat, payload);
  await expectNothingRan(page, chat, before);
  await expectStillAnswering(chat);
});

/** Payloads for the storage tests: markup of every kind, entities, bidi and the very long one. */
const STORED = HOSTILE_PAYLOADS.filter((p) =>
  ['img onerror', 'svg onload', 'script tag', 'markdown javascript link', 'hex entity <', 'right-to-left override', 'style break-out', 'template literal', 'JSON object', '10,000 characters of markup', 'zero-width joiner and spaces', 'attribute break-out'].includes(p.name),
);

test('hostile questions kept in the history (after "Ja") come back after a reload as text', async ({ page, guard }) => {
  expect(STORED).toHaveLength(12);
  const chat = await ChatPage.visit(page, '/');
  await grantHistory(chat);
  const before = await pageShape(page);
  for (const payload of STORED) await typeHostile(chat, payload);
  await expectNothingRan(page, chat, before);
  const expected = [Q1, Q2, ...STORED.map((p) => shownText(p.text))];

  await page.reload();
  const again = new ChatPage(page, 'inline');
  await expect(again.restoredDivider).toBeVisible();
  await expect(again.userMessages).toHaveCount(expected.length);
  const restored = await again.userMessages.locator('p').evaluateAll((ps) => ps.map((p) => ({ text: p.textContent, elements: p.childElementCount })));
  expect(restored).toEqual(expected.map((text) => ({ text, elements: 0 })));
  await expectNothingRan(page, again, before);

  // The privacy center lists the same messages, as text too.
  const center = new PrivacyCenter(again);
  await center.openByButton();
  await center.showItems.click();
  await expect(center.items).toHaveCount(expected.length);
  const listed = await center.items.locator('span').evaluateAll((spans) => spans.map((s) => ({ text: s.textContent, elements: s.childElementCount })));
  listed.forEach((item, i) => {
    expect(item.elements, `center item ${i}`).toBe(0);
    expect(item.text?.endsWith(`: ${expected[i]}`), `center item ${i} ends with the message`).toBe(true);
  });
  await expectNothingRan(page, again, before);
  await expectStillAnswering(again);
  // 2 rows per exchange: the two questions, the payloads and the last question.
  guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { ledger: 1, history: 2 * (expected.length + 1) } }));
});

test('hostile texts in an imported export file are shown as text, in the center and after a reload', async ({ page, guard }) => {
  const at = new Date().toISOString();
  // The export format allows visitor texts of up to 10,000 characters and notes of up to 2,000,
  // uncleaned: newlines, control and bidi characters stay in the file.
  const visitorTexts = STORED.map((p) => p.text);
  const noteText = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>\u202e&lt;b&gt;`;
  const history = [
    ...visitorTexts.flatMap((text) => [
      { at, lang: 'de' as const, from: 'visitor' as const, text },
      { at, lang: 'de' as const, from: 'bot' as const, reply: { kind: 'none' as const } },
    ]),
    { at, lang: 'de' as const, from: 'visitor' as const, text: 'Zeile eins\nZeile <b>zwei</b>\u0000' },
    { at, lang: 'de' as const, from: 'bot' as const, reply: { kind: 'note' as const, text: noteText } },
  ];
  const file = exportText({
    ledger: [{ consentId: randomUUID(), purpose: 'history', decision: 'granted', policyVersion: settings.privacyVersion, textHash: sha256(declaredCardLines('de').join('\n')), method: 'button', lang: 'de', at }],
    history,
  });
  const allVisitorTexts = [...visitorTexts, 'Zeile eins\nZeile <b>zwei</b>\u0000'];

  const chat = await ChatPage.visit(page, '/');
  const before = await warmUp(chat);
  const center = new PrivacyCenter(chat);
  await center.openByButton();
  const note = await center.importFile('vertraut-export.json', file);
  await expect(note).toContainText(center.text('center.imported', { ledger: 1, history: history.length }));
  await expect(center.root).toBeVisible();
  await center.showItems.click();
  await expect(center.items).toHaveCount(allVisitorTexts.length);
  const listed = await center.items.locator('span').evaluateAll((spans) => spans.map((s) => ({ text: s.textContent, elements: s.childElementCount })));
  listed.forEach((item, i) => {
    expect(item.elements, `center item ${i}`).toBe(0);
    expect(item.text?.endsWith(`: ${allVisitorTexts[i]}`), `center item ${i} shows the imported text as it is`).toBe(true);
  });
  await expectNothingRan(page, chat, before);

  await page.reload();
  const again = new ChatPage(page, 'inline');
  await expect(again.restoredDivider).toBeVisible();
  await expect(again.userMessages).toHaveCount(allVisitorTexts.length);
  const restored = await again.userMessages.locator('p').evaluateAll((ps) => ps.map((p) => ({ text: p.textContent, elements: p.childElementCount })));
  expect(restored).toEqual(allVisitorTexts.map((text) => ({ text, elements: 0 })));
  const restoredNote = again.botMessages.filter({ hasText: 'onerror' });
  await expect(restoredNote).toHaveCount(1);
  expect(await restoredNote.locator('p').evaluate((p) => ({ text: p.textContent, elements: p.childElementCount }))).toEqual({ text: noteText, elements: 0 });
  await expectNothingRan(page, again, before);
  await expectStillAnswering(again);
  guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { ledger: 1, history: history.length + 2 } }));
});
