import type { Page } from '@playwright/test';
import { EMPTY_INVENTORY, patchIndexedDbRecords, readIndexedDb, storageInventory } from './support/browser-state.ts';
import { ChatPage } from './support/chat-page.ts';
import { chatUntilHistoryCard, DATABASE, decideByButton, expectStored, ledgerRecords, QUESTIONS } from './support/consent.ts';
import { expect, test } from './support/fixtures.ts';
import { DAY_MS, PrivacyCenter } from './support/privacy-center.ts';

/*
 * The audit's scripted walk (issue #9, SPEC 3): one visitor through every consent flow there is,
 * with what the browser holds checked after every step against what the decisions allow. The
 * history: load, chat, refuse, ask and grant, withdraw by word, grant and withdraw by the privacy
 * center's switch, a changed consent text, retention expiry with a fake clock, end of chat with
 * "Alles löschen". Then the other purposes (SPEC 5–7): anonymous counting granted after an
 * unanswered question, the profile after "Ich heiße Anna", advertising by START and its
 * confirmation, an offer, "Stop" for the advertising, "Stop Statistik" for the counting, and
 * "Alles löschen" in the privacy center. (The guard checks foreign requests, CSP, errors and
 * dialogs after each.)
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

/** The rows of one table of the `vertraut` database, without the keys the database assigns. */
async function rows(page: Page, table: 'insights' | 'profile'): Promise<Record<string, unknown>[]> {
  const records = (await readIndexedDb(page, DATABASE))?.[table]?.records ?? [];
  return records.map(({ seq: _seq, id: _id, ...row }) => row);
}

/** The visitor's calendar day, as the counted events carry it (local time, no time of day). */
function today(page: Page): Promise<string> {
  return page.evaluate(() => {
    const now = new Date();
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  });
}

test('a walk through counting, the profile and advertising holds exactly what the decisions allow after every step', async ({ page, context }) => {
  test.setTimeout(90_000);
  const empty = async (step: string): Promise<void> => expect(await storageInventory(page, context), step).toEqual(EMPTY_INVENTORY);
  const [shipping, payment, returns, account] = QUESTIONS.de;
  const ledger = async (): Promise<string[][]> => (await ledgerRecords(page)).records.map((r) => [r.purpose, r.decision, r.method]);

  // An unanswered question: the moment to ask for anonymous counting (SPEC 5). Shown, nothing kept.
  const chat = await ChatPage.visit(page, '/');
  await empty('after loading');
  await chat.ask('Xylophon Quantenflug');
  const counting = chat.consentCard('insights');
  await expect(counting.root).toBeFocused();
  await empty('with the counting card open');

  // "Ja": only the decision. The question that brought the card is not counted after the fact.
  await decideByButton(chat, counting, true);
  await expect(chat.lastReply.root).toHaveText(chat.said('consent.granted', { purpose: chat.text('purpose.insights') }));
  await expectStored(page, context, { ledger: 1, history: 0, insights: 0 });
  expect(await ledger()).toEqual([['insights', 'granted', 'button']]);

  // From now on each answer and rating is one closed event: day and language, no time, no text.
  const day = await today(page);
  const first = await chat.ask(shipping);
  await expectStored(page, context, { ledger: 1, history: 0, insights: 1 });
  await first.feedbackButton(false).click();
  await expectStored(page, context, { ledger: 1, history: 0, insights: 2 });
  // The third exchange brings the history card; the visitor leaves it unanswered.
  await chat.ask(payment);
  await expect(chat.consentCard('history').root).toBeVisible();
  await expectStored(page, context, { ledger: 1, history: 0, insights: 3 });
  expect(await rows(page, 'insights')).toEqual([
    { kind: 'answered', day, lang: 'de', entryId: 'versanddauer' },
    { kind: 'feedback', day, lang: 'de', entryId: 'versanddauer', helpful: false },
    { kind: 'answered', day, lang: 'de', entryId: 'zahlungsarten' },
  ]);

  // "Ich heiße Anna": the card for the profile (SPEC 6); the name is held in memory only.
  await chat.requestCard('Ich heiße Anna', 'personalization');
  await expect(chat.consentCard('personalization').root).toBeFocused();
  await expect(chat.lastReply.root).toHaveText(chat.said('personal.niceToMeet', { name: 'Anna' }));
  await expectStored(page, context, { ledger: 1, history: 0, insights: 3 });
  expect(JSON.stringify(await readIndexedDb(page, DATABASE))).not.toContain('Anna');

  // "Ja" typed right after it: the profile with the name, and nothing else, is kept.
  const granted = await chat.ask('Ja');
  await expect(granted.root).toHaveText(chat.said('consent.granted', { purpose: chat.text('purpose.personalization') }));
  await expectStored(page, context, { ledger: 2, history: 0, insights: 3, profile: 1 });
  expect(await ledger()).toEqual([
    ['insights', 'granted', 'button'],
    ['personalization', 'granted', 'keyword'],
  ]);
  expect(await rows(page, 'profile')).toEqual([{ key: 'profile', name: 'Anna', interests: [], usedAt: expect.any(String) }]);

  // Two more answers; "Ja, hat geholfen" on the second is the moment advertising may be asked for (SPEC 7.2).
  await chat.ask(returns);
  const helpful = await chat.ask(account);
  await expectStored(page, context, { ledger: 2, history: 0, insights: 5, profile: 1 });
  await helpful.feedbackButton(true).click();
  const offers = chat.consentCard('marketing');
  await expect(offers.root).toBeFocused();
  await expectStored(page, context, { ledger: 2, history: 0, insights: 6, profile: 1 });

  // START is only the request: logged, allowing nothing, and a second confirmation is asked.
  await offers.root.getByRole('button', { name: chat.text('marketing.start'), exact: true }).click();
  const confirmation = chat.log.getByRole('group', { name: chat.text('marketing.confirmText'), exact: true });
  await expect(confirmation).toBeVisible();
  await expectStored(page, context, { ledger: 3, history: 0, insights: 6, profile: 1 });
  // The confirmation: two entries in the ledger for the one opt-in (double opt-in).
  await confirmation.getByRole('button', { name: chat.text('marketing.confirm'), exact: true }).click();
  await expect(chat.lastReply.root).toHaveText(chat.said('marketing.confirmed'));
  await expectStored(page, context, { ledger: 4, history: 0, insights: 6, profile: 1 });
  expect((await ledger()).slice(2)).toEqual([
    ['marketing', 'requested', 'button'],
    ['marketing', 'granted', 'button'],
  ]);

  // A fitting answer (category subscription) comes with one offer, labelled "Anzeige"; offers are not stored.
  const before = await chat.botMessages.count();
  await chat.send('Was kostet ein Kaffee-Abo?');
  const offer = chat.log.getByRole('region', { name: chat.text('marketing.label'), exact: true });
  await expect(offer).toHaveCount(1);
  await expect(chat.reply(before).heading).toHaveText('Wie funktioniert das Kaffee-Abo?');
  // Right below the answer, apart from it: the subscription offer, with its visible label.
  await expect(chat.reply(before + 1).root).toHaveAttribute('data-offer', 'abo-erste-lieferung');
  await expect(offer.getByRole('heading', { level: 3 })).toHaveText('Kaffee-Abo – die erste Lieferung 20 % günstiger');
  await expect(offer.getByText(chat.text('marketing.label'), { exact: true })).toBeVisible();
  await expect(offer.getByRole('button', { name: chat.text('marketing.stop'), exact: true })).toBeVisible();
  await expectStored(page, context, { ledger: 4, history: 0, insights: 7, profile: 1 });

  // "Stop" while advertising is on ends advertising only, as an objection; the offer goes.
  await chat.send('Stop');
  await expect(chat.lastReply.root).toHaveText(chat.said('marketing.stopped'));
  await expect(offer).toHaveCount(0);
  await expectStored(page, context, { ledger: 5, history: 0, insights: 7, profile: 1 });
  expect((await ledger()).at(-1)).toEqual(['marketing', 'objected', 'keyword']);

  // "Stop Statistik" ends the counting: its events are deleted, the withdrawal logged, the profile kept.
  await chat.send('Stop Statistik');
  await expect(chat.lastReply.root).toHaveText(chat.said('withdraw.done', { purposes: chat.text('purpose.insights') }));
  await expectStored(page, context, { ledger: 6, history: 0, insights: 0, profile: 1 });
  expect((await ledger()).at(-1)).toEqual(['insights', 'withdrawn', 'keyword']);
  // Counting has ended: the next answer is not counted.
  await chat.ask(shipping);
  await expectStored(page, context, { ledger: 6, history: 0, insights: 0, profile: 1 });

  // "Alles löschen" in the privacy center leaves nothing at all.
  const center = new PrivacyCenter(chat);
  await center.openByButton();
  await expect(await center.deleteEverything()).toHaveText(chat.said('center.deletedAll'));
  await empty('after "Alles löschen"');
});
