import { inventoryWithIndexedDb } from './support/browser-state.ts';
import { ChatPage } from './support/chat-page.ts';
import { chatUntilHistoryCard, DATABASE, decideByButton, expectStored, purposeName, QUESTIONS, storedCounts } from './support/consent.ts';
import { expect, test } from './support/fixtures.ts';

/*
 * SPEC 3.6: a decision ends or starts a purpose "in every open tab". Two pages of one browser
 * context share the site's storage and hear each other (BroadcastChannel); each must say in its
 * own chat what happened in the other, within a second, and store accordingly.
 */

const [Q1, Q2, Q3] = QUESTIONS.de;
const HISTORY = purposeName('de');
/** How soon the other tab must tell its visitor. */
const WITHIN = { timeout: 1_000 };

/**
 * The visitor turns to this tab: it comes to the front, as the tab one types in is. (Chromium
 * throttles a tab in the background; the other tab must still react there, within a second.)
 */
async function turnTo(tab: ChatPage): Promise<ChatPage> {
  await tab.page.bringToFront();
  return tab;
}

test('the history saved in tab A is restored in tab B; "Stop" in A is told in B within a second, and B keeps nothing more', async ({ page, context, guard }) => {
  const a = await ChatPage.visit(page, '/');
  const card = await chatUntilHistoryCard(a);
  await decideByButton(a, card, true);
  await expectStored(page, context, { ledger: 1, history: 4 });

  const b = await ChatPage.visit(await context.newPage(), '/');
  await expect(b.restoredDivider).toBeVisible();
  await expect(b.userMessages).toHaveText([`Sie: ${Q1}`, `Sie: ${Q2}`]);
  await expect(b.botMessages).toHaveCount(3);

  const stop = await (await turnTo(a)).ask('Stop');
  await expect(stop.root).toHaveText(a.said('withdraw.done', { purposes: HISTORY }));
  await expect(b.lastReply.root).toHaveText(b.said('external.ended', { purposes: HISTORY }), WITHIN);
  await expectStored(page, context, { ledger: 2, history: 0 });

  const reply = await (await turnTo(b)).ask(Q3);
  await expect(reply.heading).toHaveText(Q3);
  // Tab B knows the history is off: "Stop" there finds nothing to end. Messages are handled in
  // order, so by now B's question has been dealt with completely, and was not kept.
  const nothing = await b.ask('Stop');
  await expect(nothing.root).toHaveText(b.said('withdraw.nothing'));
  expect(await storedCounts(page, context)).toEqual({ ledger: 2, history: 0, insights: 0, profile: 0 });
  await expect(b.consentCards).toHaveCount(0);
  guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { history: 0, ledger: 2 } }));
});

test('"Ja" in tab A is told in tab B, whose next question is kept; "Alles löschen" in A is told in B, and nothing is left', async ({ page, context }) => {
  const a = await ChatPage.visit(page, '/');
  const b = await ChatPage.visit(await context.newPage(), '/');
  // B's chat is running (a question loads it) before anything is stored.
  await b.ask(Q3);

  const card = await chatUntilHistoryCard(await turnTo(a));
  await decideByButton(a, card, true);
  await expect(b.lastReply.root).toHaveText(b.said('external.granted', { purposes: HISTORY }), WITHIN);
  await expectStored(page, context, { ledger: 1, history: 4 });
  await (await turnTo(b)).ask(Q1);
  await expectStored(page, context, { ledger: 1, history: 6 });

  await turnTo(a);
  await a.choose(a.endChatButton);
  await a.choose(a.offered('end.delete'));
  await expect(a.lastReply.root).toHaveText(a.said('end.deleted'));
  await expect(b.lastReply.root).toHaveText(b.said('external.wiped'), WITHIN);
  await expect.poll(() => page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name))).toEqual([]);

  // B's next question is not kept, and B creates nothing again (the guard checks: nothing stored).
  const reply = await (await turnTo(b)).ask(Q2);
  await expect(reply.heading).toBeVisible();
  const nothing = await b.ask('Stop');
  await expect(nothing.root).toHaveText(b.said('withdraw.nothing'));
});
