import { inventoryWithIndexedDb, injectStorageFault } from './support/browser-state.ts';
import { ChatPage } from './support/chat-page.ts';
import { chatUntilHistoryCard, DATABASE, decideByButton, QUESTIONS } from './support/consent.ts';
import { expect, test } from './support/fixtures.ts';

/*
 * When the browser cannot keep data (no IndexedDB, storage blocked, storage full), the chat
 * still answers, says that nothing can be kept when the visitor asks for it, and fails quietly:
 * no script error, no console error, no request to another origin (the guard checks those, and
 * what is stored, through the real IndexedDB the fault injection keeps aside).
 */

const [Q1, Q2, Q3] = QUESTIONS.de;

for (const fault of ['indexeddb-deleted', 'indexeddb-undefined'] as const) {
  test(`without IndexedDB (${fault}) the bot answers, offers no card, and "Verlauf speichern" gets "nothing can be kept"`, async ({ page }) => {
    await injectStorageFault(page, fault);
    const chat = await ChatPage.visit(page, '/');
    expect(await page.evaluate(() => typeof window.indexedDB), 'the fault is in place').toBe('undefined');

    await expect((await chat.ask(Q1)).heading).toHaveText(Q1);
    await expect((await chat.ask(Q2)).heading).toBeVisible();
    // A card that could not be kept is not offered.
    await expect(chat.consentCards).toHaveCount(0);

    const note = await chat.ask('Verlauf speichern');
    await expect(note.root).toHaveText(chat.said('consent.notKept'));
    await expect(chat.consentCards).toHaveCount(0);
    await expect((await chat.ask(Q3)).heading).toHaveText(Q3);
    const end = await chat.choose(chat.endChatButton);
    await expect(end.root).toHaveText(chat.said('end.nothingStored'));
  });
}

test('when the browser refuses to open IndexedDB, "Ja" gets "nothing can be kept", and the chat goes on', async ({ page }) => {
  await injectStorageFault(page, 'open-fails');
  const chat = await ChatPage.visit(page, '/');
  const card = await chatUntilHistoryCard(chat);
  await decideByButton(chat, card, true);
  await expect(chat.lastReply.root).toHaveText(chat.said('consent.notKept'));
  await expect(card.yes).toBeDisabled();
  await expect(card.no).toBeDisabled();
  await expect((await chat.ask(Q3)).heading).toHaveText(Q3);
  const end = await chat.choose(chat.endChatButton);
  await expect(end.root).toHaveText(chat.said('end.nothingStored'));
});

for (const fault of ['open-fails', 'quota-exceeded'] as const) {
  // A grant that could not be written is not in force: asking again must not claim the history
  // is on, and "Stop" has nothing to end.
  test(`when storing fails (${fault}), asking again after "Ja" does not claim the history is on`, async ({ page, guard }) => {
    await injectStorageFault(page, fault);
    if (fault === 'quota-exceeded') guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { history: 0, ledger: 0 } }));
    const chat = await ChatPage.visit(page, '/');
    const card = await chatUntilHistoryCard(chat);
    await decideByButton(chat, card, true);
    await expect(chat.lastReply.root).toHaveText(chat.said('consent.notKept'));
    // The replies are there once ask() returns: a short wait keeps the known failure quick.
    const again = await chat.ask('Verlauf speichern');
    await expect(again.root).toHaveText(chat.said('consent.notKept'), { timeout: 1_000 });
    const stop = await chat.ask('Stop');
    await expect(stop.root).toHaveText(chat.said('withdraw.nothing'), { timeout: 1_000 });
  });
}

test('when the storage is full, "Ja" gets "nothing can be kept", and nothing of the conversation or the decision is stored', async ({ page, guard }) => {
  await injectStorageFault(page, 'quota-exceeded');
  const chat = await ChatPage.visit(page, '/');
  const card = await chatUntilHistoryCard(chat);
  await decideByButton(chat, card, true);
  await expect(chat.lastReply.root).toHaveText(chat.said('consent.notKept'));
  await expect((await chat.ask(Q3)).heading).toHaveText(Q3);
  const end = await chat.choose(chat.endChatButton);
  await expect(end.root).toHaveText(chat.said('end.nothingStored'));
  // The attempt opened (and so created) the database; no record made it in.
  guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { history: 0, ledger: 0 } }));
});
