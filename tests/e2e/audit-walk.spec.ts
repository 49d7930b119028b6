import { EMPTY_INVENTORY, patchIndexedDbRecords, storageInventory } from './support/browser-state.ts';
import { ChatPage } from './support/chat-page.ts';
import { chatUntilHistoryCard, DATABASE, decideByButton, expectStored, ledgerRecords, QUESTIONS } from './support/consent.ts';
import { expect, test } from './support/fixtures.ts';
import { DAY_MS, PrivacyCenter } from './support/privacy-center.ts';

/*
 * The audit's scripted walk (issue #9, SPEC 3): one visitor through every consent flow there is,
 * with what the browser holds checked after every step against what the decisions allow. Load,
 * chat, refuse, ask and grant, withdraw by word, grant and withdraw by the privacy center's
 * switch, a changed consent text, retention expiry with a fake clock, end of chat with
 * "Alles löschen". (The guard checks foreign requests, CSP, errors and dialogs after it.)
 */

test('a walk through every consent flow holds exactly what the decisions allow after every step', async ({ page, context }) => {
  test.setTimeout(90_000);
  const empty = async (step: string): Promise<void> => expect(await storageInventory(page, context), step).toEqual(EMPTY_INVENTORY);
  const [, , third] = QUESTIONS.de;

  // Load and chat: nothing, although the card is shown.
  const chat = await ChatPage.visit(page, '/');
  await empty('after loading');
  const card = await chatUntilHistoryCard(chat);
  await empty('after chatting with the card open');

  // "Nein": only the decision.
  await decideByButton(chat, card, false);
  await expectStored(page, context, { ledger: 1, history: 0 });

  // Asked for, granted: the conversation so far (2 exchanges, 4 messages).
  await decideByButton(chat, await chat.requestCard('Verlauf speichern'), true);
  await expectStored(page, context, { ledger: 2, history: 4 });
  await chat.ask(third);
  await expectStored(page, context, { ledger: 2, history: 6 });

  // Withdrawn by word: the history goes, the withdrawal is logged.
  await chat.send('Stop');
  await expectStored(page, context, { ledger: 3, history: 0 });

  // Granted by the privacy center's switch (after its card), withdrawn by the switch.
  const center = new PrivacyCenter(chat);
  await center.openByButton();
  await center.switch().click();
  await decideByButton(chat, chat.consentCard('history', 2), true);
  await expectStored(page, context, { ledger: 4, history: 6 });
  await expect(center.switch()).toHaveAttribute('aria-checked', 'true');
  await center.switch().click();
  await expectStored(page, context, { ledger: 5, history: 0 });
  expect((await ledgerRecords(page)).records.at(-1)).toMatchObject({ decision: 'withdrawn', method: 'privacy-center' });

  // Granted again, then the consent text changes (simulated by the hash of the text that was
  // shown): at the next start the grant is outdated, its history deleted, the ledger kept.
  await decideByButton(chat, await chat.requestCard('Verlauf speichern'), true);
  await expectStored(page, context, { ledger: 6, history: 6 });
  const ledger = (await ledgerRecords(page)).records;
  await patchIndexedDbRecords(page, DATABASE, 'ledger', [{ key: ledger.length, set: { textHash: 'f'.repeat(64) } }]);
  await page.reload();
  await expectStored(page, context, { ledger: 6, history: 0 });

  // Granted once more; 31 days later (a fake clock) the history is past its retention and goes
  // at the next start, the ledger stays.
  await decideByButton(chat, await chatUntilHistoryCard(chat), true);
  await expectStored(page, context, { ledger: 7, history: 4 });
  await page.clock.setFixedTime(Date.now() + 31 * DAY_MS);
  await page.reload();
  await expectStored(page, context, { ledger: 7, history: 0 });

  // End of chat: "Alles löschen" leaves nothing at all.
  await chat.endChatButton.click();
  await chat.log.getByRole('button', { name: chat.text('end.delete'), exact: true }).click();
  await expect(chat.lastReply.root).toHaveText(chat.said('end.deleted'));
  await empty('after "Alles löschen"');
});
