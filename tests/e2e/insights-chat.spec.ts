import { inventoryWithIndexedDb, patchIndexedDbRecords } from './support/browser-state.ts';
import { ChatPage, type Reply } from './support/chat-page.ts';
import { DATABASE, decideByButton, purposeName } from './support/consent.ts';
import { expect, test } from './support/fixtures.ts';
import { browserDay, entryQuestion, insightRows, interestQuestion, ledgerDecisions, type StoredEvent } from './support/personal.ts';
import { PrivacyCenter } from './support/privacy-center.ts';
import settings from '../../vertraut.config.ts';

/*
 * SPEC 5.1, 5.2, 3.6 and 3.8 for the purpose `insights`, seen from the chat: nothing is counted
 * without the visitor's "Ja"; with it, exactly the closed events of the conversation are kept
 * (kind, entry ids, language, day; the only free text an unanswered question the scrubber let
 * through); "Stop" deletes them all at once; events older than the retention go on the next start.
 */

const INSIGHTS = purposeName('de', 'insights');

/** Questions of the demo content, by what the bot does with them (checked as the test goes). */
const ANSWERED = { versanddauer: 'Wie lange dauert der Versand?', zahlungsarten: 'Welche Zahlungsarten gibt es?', versandkosten: 'Was kostet der Versand?' } as const;
/** Two entries of different categories are close: the bot asks "Meinten Sie …?". */
const CLARIFIED = { question: 'Adresse ändern', entryIds: ['kundendaten-aendern', 'lieferadresse-aendern'] } as const;
/** Questions the demo content has no answer to, and with nothing personal in them. */
const UNANSWERED = ['Verkaufen Sie auch Kakao?', 'Haben Sie Hundefutter?'] as const;
/** Unanswered questions with personal data: counted, but their words are dropped (SPEC 5.2). */
const UNANSWERED_WITH_EMAIL = 'Verkaufen Sie Kakao? Bitte an max.mustermann@example.com antworten';
const UNANSWERED_WITH_NAME = 'Verkaufen Sie Kakao? Viele Grüße, Anna Schmidt';

/**
 * Asks the question for an entry and checks that the entry answers it. With `interest`, the
 * answer is the second in that category: the bot then also asks whether to remember it (SPEC 6).
 */
async function expectAnswer(chat: ChatPage, entryId: keyof typeof ANSWERED, { interest = false } = {}): Promise<Reply> {
  const before = await chat.botMessages.count();
  await chat.ask(ANSWERED[entryId], { replies: interest ? 2 : 1 });
  const reply = chat.reply(before);
  await expect(reply.heading).toHaveText(entryQuestion('de', entryId));
  if (interest) await expect(interestQuestion(chat, 'shipping').group).toBeVisible();
  return reply;
}

async function expectNoAnswer(chat: ChatPage, question: string): Promise<Reply> {
  const reply = await chat.ask(question);
  await expect(reply.root).toContainText(chat.text('none.text'));
  return reply;
}

async function expectClarified(chat: ChatPage): Promise<Reply> {
  const reply = await chat.ask(CLARIFIED.question);
  await expect(reply.choices).toHaveText([...CLARIFIED.entryIds.map((id) => entryQuestion('de', id)), chat.text('clarify.noneOfThese')]);
  return reply;
}

/** Rates an answer; the thanks replaces the buttons. */
async function rate(chat: ChatPage, reply: Reply, helped: boolean): Promise<void> {
  await reply.feedbackButton(helped).click();
  await expect(reply.root).toContainText(chat.text(helped ? 'feedback.thanksYes' : 'feedback.thanksNo'));
  await expect(reply.feedback).toHaveCount(0);
}

/** An unanswered question: the bot offers the insights card; "Ja" turns counting on. */
async function grantInsights(chat: ChatPage, question: string = UNANSWERED[0]): Promise<void> {
  await expectNoAnswer(chat, question);
  const card = chat.consentCard('insights');
  await expect(card.root).toBeVisible();
  await decideByButton(chat, card, true);
  await expect(chat.lastReply.root).toHaveText(chat.said('consent.granted', { purpose: INSIGHTS }));
}

/** The stored events without their row key `id`, a number the database assigned. */
async function storedEvents(chat: ChatPage): Promise<Record<string, unknown>[]> {
  const { keyPath, records } = await insightRows(chat.page);
  expect(keyPath, 'the row key of the insights table').toBe('id');
  return records.map(({ id, ...event }: StoredEvent) => {
    expect(typeof id, 'the row key is a number the database assigned').toBe('number');
    return event;
  });
}

test.describe('without consent nothing is counted', () => {
  test('a whole session with every card refused keeps only the refusals in the ledger, and no event', async ({ page, guard }) => {
    guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { ledger: 3 } }));
    const chat = await ChatPage.visit(page, '/');
    const first = await expectAnswer(chat, 'versanddauer');
    await expectNoAnswer(chat, UNANSWERED[0]);
    // Right after an unanswered question the bot asks whether it may count: "Nein".
    const insightsCard = chat.consentCard('insights');
    await expect(insightsCard.root).toBeVisible();
    await decideByButton(chat, insightsCard, false);
    await expect(chat.lastReply.root).toHaveText(chat.said('consent.refused', { purpose: INSIGHTS }));

    const clarified = await expectClarified(chat);
    await rate(chat, first, true);
    // The choice of a clarification is an answer too; two exchanges after the last card the bot
    // offers to keep the conversation: "Nein", typed.
    const picked = await chat.choose(clarified.choices.nth(1));
    await expect(picked.heading).toHaveText(entryQuestion('de', CLARIFIED.entryIds[1]));
    await expect(chat.consentCard('history').root).toBeVisible();
    await chat.send('Nein');
    await expect(chat.lastReply.root).toHaveText(chat.said('consent.refused', { purpose: purposeName('de', 'history') }));
    const second = await expectAnswer(chat, 'zahlungsarten');
    await rate(chat, second, false);
    await expectNoAnswer(chat, UNANSWERED[1]);
    await expectNoAnswer(chat, UNANSWERED_WITH_EMAIL);
    // A third shipping question: the bot offers to remember the interest. "Nein, danke".
    const third = await expectAnswer(chat, 'versandkosten', { interest: true });
    await chat.choose(interestQuestion(chat, 'shipping').no);
    await expect(chat.lastReply.root).toHaveText(chat.said('personal.interestDeclined'));
    await rate(chat, third, true);
    // A helpful answer is the moment advertising may be asked for (enabled in the demo): "Nein".
    const marketingCard = chat.consentCard('marketing');
    await expect(marketingCard.root).toBeVisible();
    await decideByButton(chat, marketingCard, false);
    // The insights card came once, and never again after "Nein".
    await expect(chat.consentCards).toHaveCount(3);
    await expect(chat.consentCard('insights', 1).root).toHaveCount(0);

    expect(await ledgerDecisions(page)).toEqual(['insights:refused:button', 'history:refused:keyword', 'marketing:refused:button']);
    expect((await insightRows(page)).records).toEqual([]);
  });

  test('a whole session with every card ignored stores nothing at all', async ({ page }) => {
    const chat = await ChatPage.visit(page, '/');
    const first = await expectAnswer(chat, 'versanddauer');
    await expectNoAnswer(chat, UNANSWERED[0]);
    await expect(chat.consentCard('insights').root).toBeVisible();
    // Continuing to chat is no answer to the card (SPEC 3.4).
    await expectClarified(chat);
    await rate(chat, first, false);
    const second = await expectAnswer(chat, 'zahlungsarten');
    await expect(chat.consentCard('history').root).toBeVisible();
    await rate(chat, second, true);
    await expectNoAnswer(chat, UNANSWERED[1]);
    // The second shipping answer: the bot offers to remember the interest, left unanswered too.
    const third = await expectAnswer(chat, 'versandkosten', { interest: true });
    await rate(chat, third, true);
    await expect(chat.consentCard('marketing').root).toBeVisible();
    await expectNoAnswer(chat, UNANSWERED_WITH_NAME);
    await expect(chat.consentCards).toHaveCount(3);
    // The guard checks the end: nothing stored, no database either.
  });
});

test.describe('with consent', () => {
  test('the stored events are exactly those of the conversation: kinds, entry ids, language, day, the scrubbed question', async ({ page, guard }) => {
    guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { ledger: 1, insights: 8 } }));
    const chat = await ChatPage.visit(page, '/');
    // The question that brought up the card is not counted: counting starts with "Ja".
    await grantInsights(chat, UNANSWERED[0]);
    const first = await expectAnswer(chat, 'versanddauer');
    await rate(chat, first, true);
    await expectClarified(chat);
    const second = await expectAnswer(chat, 'zahlungsarten');
    await rate(chat, second, false);
    await expectNoAnswer(chat, UNANSWERED[1]);
    await expectNoAnswer(chat, UNANSWERED_WITH_EMAIL);
    await expectNoAnswer(chat, UNANSWERED_WITH_NAME);

    const day = await browserDay(page);
    expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const lang = 'de';
    await expect.poll(async () => (await insightRows(page)).records.length).toBe(8);
    const events = await storedEvents(chat);
    expect(events).toStrictEqual([
      { kind: 'answered', day, lang, entryId: 'versanddauer' },
      { kind: 'feedback', day, lang, entryId: 'versanddauer', helpful: true },
      { kind: 'clarified', day, lang, entryIds: [...CLARIFIED.entryIds] },
      { kind: 'answered', day, lang, entryId: 'zahlungsarten' },
      { kind: 'feedback', day, lang, entryId: 'zahlungsarten', helpful: false },
      { kind: 'unanswered', day, lang, text: UNANSWERED[1] },
      { kind: 'unanswered', day, lang },
      { kind: 'unanswered', day, lang },
    ]);
    // Exactly these fields, no time, no session or visitor id: counts, not people (SPEC 5.1).
    const fields: Record<string, string[]> = {
      answered: ['day', 'entryId', 'kind', 'lang'],
      clarified: ['day', 'entryIds', 'kind', 'lang'],
      feedback: ['day', 'entryId', 'helpful', 'kind', 'lang'],
      unanswered: ['day', 'kind', 'lang'],
    };
    for (const event of events) {
      const expected = [...(fields[String(event['kind'])] ?? []), ...('text' in event ? ['text'] : [])].sort();
      expect(Object.keys(event).sort(), `fields of a ${String(event['kind'])} event`).toEqual(expected);
    }
    // The only free text anywhere in the table is the scrubbed unanswered question.
    const { records } = await insightRows(page);
    expect(JSON.stringify(records)).not.toContain('Kakao');
    expect(records.flatMap((r) => (typeof r['text'] === 'string' ? [r['text']] : []))).toEqual([UNANSWERED[1]]);
  });

  test('"Ich bin Max Mustermann, wo bleibt mein Paket 12345678?" is answered as a question and counted without its words', async ({ page, guard }) => {
    guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { ledger: 1, insights: 1 } }));
    const chat = await ChatPage.visit(page, '/');
    await grantInsights(chat);
    const question = 'Ich bin Max Mustermann, wo bleibt mein Paket 12345678?';
    // The visitor asked something: the question gets its reply (here: the answer about a parcel
    // that has not arrived), whatever else the message says (a greeting by name may come with it).
    const answers = chat.botMessages.filter({ has: page.getByRole('heading', { name: 'Mein Paket ist nicht angekommen', exact: false }) });
    const before = await answers.count();
    await chat.send(question);
    await expect(answers).toHaveCount(before + 1);
    await expect.poll(async () => (await insightRows(page)).records.length).toBe(1);
    // Counted as what happened to the question, never with its words.
    expect(await storedEvents(chat)).toStrictEqual([{ kind: 'answered', day: await browserDay(page), lang: 'de', entryId: 'paket-nicht-angekommen' }]);
    expect(JSON.stringify(await insightRows(page))).not.toMatch(/Max|Mustermann|12345678|Paket/);
    // Whatever the chat offered besides (a personal greeting), nothing of it is kept without a "Ja".
  });
});

test.describe('withdrawal and retention', () => {
  /** Counting on, and three events counted (answer, rating, unanswered question). */
  async function countSome(chat: ChatPage): Promise<void> {
    await grantInsights(chat);
    const reply = await expectAnswer(chat, 'versanddauer');
    await rate(chat, reply, true);
    await expectNoAnswer(chat, UNANSWERED[1]);
    await expect.poll(async () => (await insightRows(chat.page)).records.length).toBe(3);
  }

  for (const words of ['Stop', 'Stop Statistik']) {
    test(`"${words}" deletes every counted event at once; the ledger keeps the grant and the withdrawal`, async ({ page, guard }) => {
      guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { ledger: 2 } }));
      const chat = await ChatPage.visit(page, '/');
      await countSome(chat);
      const done = await chat.ask(words);
      await expect(done.root).toHaveText(chat.said('withdraw.done', { purposes: INSIGHTS }));
      // At once: by the time the bot says so, the events are gone (no waiting).
      expect((await insightRows(page)).records).toEqual([]);
      expect(await ledgerDecisions(page)).toEqual(['insights:granted:button', 'insights:withdrawn:keyword']);
      // Nothing is counted any more.
      await expectAnswer(chat, 'zahlungsarten');
      await expectNoAnswer(chat, UNANSWERED[0]);
    });
  }

  test('the switch in the privacy center deletes every counted event at once; the ledger keeps the grant and the withdrawal', async ({ page, guard }) => {
    guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { ledger: 2 } }));
    const chat = await ChatPage.visit(page, '/');
    await countSome(chat);
    const center = new PrivacyCenter(chat);
    await center.openByButton();
    await expect(center.sectionHeading('insights')).toHaveText(`${INSIGHTS}: ${center.text('center.status.granted')}`);
    await center.switch('insights').click();
    await expect(chat.botMessages.filter({ hasText: chat.text('withdraw.done', { purposes: INSIGHTS }) })).toHaveCount(1);
    expect((await insightRows(page)).records).toEqual([]);
    await expect(center.sectionHeading('insights')).toHaveText(`${INSIGHTS}: ${center.text('center.status.off')}`);
    expect(await ledgerDecisions(page)).toEqual(['insights:granted:button', 'insights:withdrawn:privacy-center']);
    await expectAnswer(chat, 'zahlungsarten');
  });

  test(`an event older than ${settings.retentionDays.insights} days is gone after a reload, a recent one stays`, async ({ page, guard }) => {
    guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { ledger: 1, insights: 2 } }));
    expect(settings.retentionDays.insights).toBe(90);
    const chat = await ChatPage.visit(page, '/');
    await countSome(chat);
    const before = (await insightRows(page)).records;
    const [old, recent, today] = before;
    if (!old || !recent || !today) throw new Error('three events expected');
    const oldDay = await browserDay(page, 100);
    const recentDay = await browserDay(page, 89);
    await patchIndexedDbRecords(page, DATABASE, 'insights', [
      { key: old.id, set: { day: oldDay } },
      { key: recent.id, set: { day: recentDay } },
    ]);
    expect((await insightRows(page)).records.map((r) => r['day'])).toEqual([oldDay, recentDay, today['day']]);

    await page.reload();
    // The chat starts at once when the database exists, and applies the retention (SPEC 3.8).
    await expect.poll(async () => (await insightRows(page)).records.map((r) => r.id)).toEqual([recent.id, today.id]);
    expect((await insightRows(page)).records).toStrictEqual([
      { ...recent, day: recentDay },
      today,
    ]);
  });
});
