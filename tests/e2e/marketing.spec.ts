import { expectNoAxeViolations } from './support/axe.ts';
import { EMPTY_INVENTORY, inventoryWithIndexedDb, storageInventory } from './support/browser-state.ts';
import { DATABASE, declaredCardLines, LEDGER_FIELDS, purposeName, sha256, UUID } from './support/consent.ts';
import { expect, test } from './support/fixtures.ts';
import {
  CATEGORY_QUESTIONS,
  MarketingChat,
  marketingLedger,
  OFFER_CATEGORIES,
  offerRequests,
  servedOffers,
  turnTo,
  UNFITTING_QUESTION,
  type MarketingCard,
} from './support/marketing.ts';
import { calendarDay } from '../../src/core/calendar-day.ts';
import settings from '../../vertraut.config.ts';

/*
 * SPEC 7 in the chat of the demo site (marketing enabled, not service-only): no offer without a
 * double opt-in, asked at most once per visit after a helpful answer; every offer labelled
 * "Anzeige" with its own stop button; "STOP" ends advertising at once, in every open tab, as an
 * objection. Besides what the visitor sees, each test checks the ledger and whether the offers
 * were even loaded: before the opt-in, nothing about them may reach the browser.
 */

const MARKETING = purposeName('de', 'marketing');
const { subscription, products, shipping, ordering } = CATEGORY_QUESTIONS;
/** How soon another open tab must react (SPEC 3.6: "at once, in every open tab"). */
const WITHIN = { timeout: 1_000 };

/**
 * Every fitting category, each question rated (helpful and not, alternately), ending with an
 * answer: by then everything the ratings caused (cards, offers) is in the log.
 */
async function walkAllCategories(chat: MarketingChat): Promise<void> {
  let helpful = true;
  for (const category of OFFER_CATEGORIES) {
    for (const question of CATEGORY_QUESTIONS[category]) {
      await chat.rate(await chat.askAnswered(question), helpful);
      helpful = !helpful;
    }
  }
  await chat.askAnswered(UNFITTING_QUESTION);
}

/** The visitor leaves the card open and asks on. */
async function ignore(chat: MarketingChat): Promise<void> {
  await chat.askAnswered(products[0]);
}

interface NoOptInFlow {
  readonly name: string;
  /** What the visitor does with the marketing card. */
  readonly act: (chat: MarketingChat, card: MarketingCard) => Promise<void>;
  /** The marketing decisions the ledger holds afterwards, in order. */
  readonly ledger: readonly string[];
}

const NO_OPT_IN_FLOWS: readonly NoOptInFlow[] = [
  {
    name: 'the card refused with "Nein"',
    act: async (chat, card) => {
      await card.no.click();
      await expect(chat.replies.last()).toHaveText(chat.said('consent.refused', { purpose: MARKETING }));
    },
    ledger: ['refused'],
  },
  { name: 'the card ignored (chatting on)', act: (chat) => ignore(chat), ledger: [] },
  {
    name: '"ja" typed in answer to the card',
    act: async (chat) => {
      const reply = await chat.say('ja');
      await expect(reply.root).not.toContainText(chat.text('marketing.confirmText'));
    },
    ledger: [],
  },
  {
    name: 'START without the confirmation (pending)',
    act: async (chat, card) => {
      await chat.requestOffers(card);
      await ignore(chat);
    },
    ledger: ['requested'],
  },
  {
    name: 'START, then "Doch nicht"',
    act: async (chat, card) => {
      await chat.requestOffers(card);
      await chat.cancelButton.click();
      await expect(chat.replies.last()).toHaveText(chat.said('consent.refused', { purpose: MARKETING }));
    },
    ledger: ['requested', 'refused'],
  },
  {
    name: 'START, then "STOP" before confirming, then the confirmation clicked',
    act: async (chat, card) => {
      await chat.requestOffers(card);
      const stopped = await chat.say('STOP');
      await expect(stopped.root).toHaveText(chat.said('marketing.stopped'));
      // A confirmation of a request since objected to confirms nothing.
      await chat.confirmButton.click();
      await expect(chat.confirmButton).toBeDisabled();
      await expect(chat.log).not.toContainText(chat.text('marketing.confirmed'));
    },
    ledger: ['requested', 'objected'],
  },
];

for (const flow of NO_OPT_IN_FLOWS) {
  test(`no offer without opt-in: ${flow.name}, then questions in every offer category rated yes and no`, async ({ page, guard }) => {
    const chat = await MarketingChat.open(page);
    const card = await chat.untilMarketingCard();
    await flow.act(chat, card);
    await walkAllCategories(chat);

    await expect(chat.offerElements, 'no offer in the log').toHaveCount(0);
    // Asked once in this visit, however the visitor answered.
    await expect(chat.marketingCards).toHaveCount(1);
    expect(offerRequests(guard.requests, guard.origin), 'the offers were never loaded').toEqual([]);
    expect((await marketingLedger(page)).map((r) => r.decision)).toEqual(flow.ledger);
    if (flow.ledger.length > 0) guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { ledger: flow.ledger.length } }));
  });
}

test('feedback "Nein" and questions before any answer never bring the card; no offer, nothing loaded or stored', async ({ page, guard }) => {
  const chat = await MarketingChat.open(page);
  // The card is never the bot's first word, nor the answer to an unanswered question.
  await chat.say('Xylophon Quantenflug');
  await expect(chat.marketingCards).toHaveCount(0);
  for (const category of OFFER_CATEGORIES) await chat.rate(await chat.askAnswered(CATEGORY_QUESTIONS[category][0]), false);
  await chat.askAnswered(UNFITTING_QUESTION);
  await expect(chat.marketingCards).toHaveCount(0);
  await expect(chat.offerElements).toHaveCount(0);
  expect(offerRequests(guard.requests, guard.origin)).toEqual([]);
});

test('"START" without the card, "Wie starte ich eine Rücksendung?" after it, and "START" once the card is passed are no opt-in', async ({ page, context, guard }) => {
  const chat = await MarketingChat.open(page);
  const early = await chat.say('START');
  await expect(early.root).not.toContainText(chat.text('marketing.confirmText'));
  await expect(chat.confirmation).toHaveCount(0);
  // "START" typed right after another purpose's card (here insights, after an unanswered question) neither.
  await chat.say('Xylophon Quantenflug');
  await expect(chat.consentCard('insights').root).toBeVisible();
  await chat.say('START');
  await expect(chat.confirmation).toHaveCount(0);
  expect(await storageInventory(page, context), 'no ledger was created').toEqual(EMPTY_INVENTORY);

  // A new visit, in which the marketing card comes at its moment.
  await page.reload();
  const card = await chat.untilMarketingCard();
  // A sentence with "start" in it is a question, answered from the FAQ.
  const returns = await chat.say('Wie starte ich eine Rücksendung?');
  await expect(returns.heading).toHaveText('Wie kann ich Artikel zurückschicken?');
  await expect(chat.confirmation).toHaveCount(0);
  // The card's moment for a typed answer is over: "START" now is just a word.
  const late = await chat.say('START');
  await expect(late.root).not.toContainText(chat.text('marketing.confirmText'));
  await expect(chat.confirmation).toHaveCount(0);
  await expect(card.start).toBeEnabled();

  expect(await storageInventory(page, context), 'the ledger was not even created').toEqual(EMPTY_INVENTORY);
  await chat.askAnswered(subscription[1]);
  await expect(chat.offerElements).toHaveCount(0);
  expect(offerRequests(guard.requests, guard.origin)).toEqual([]);
});

for (const method of ['button', 'keyword'] as const) {
  test(`double opt-in by ${method}: "requested" after START, "granted" after the confirmation, nothing before, no chat text`, async ({ page, context, guard }) => {
    const chat = await MarketingChat.open(page);
    const card = await chat.untilMarketingCard();

    // The card (SPEC 3.4, 7.2): the declared text, START and Nein side by side, the typed word.
    const shown = [await card.title.innerText(), ...(await card.root.locator('p:not(:has(a)):not(.vt-label)').allInnerTexts())];
    expect(shown).toEqual(declaredCardLines('de', 'marketing'));
    await expect(card.start).toBeEnabled();
    await expect(card.no).toBeEnabled();
    await expect(card.keywordHint).toBeVisible();
    expect(await storageInventory(page, context), 'the card is shown: nothing stored').toEqual(EMPTY_INVENTORY);

    const beforeStart = new Date().toISOString();
    await chat.requestOffers(card, method);
    await expect(card.start).toBeDisabled();
    await expect.poll(() => marketingLedger(page)).toHaveLength(1);
    const [requested] = await marketingLedger(page);
    const afterStart = new Date().toISOString();
    expect(requested).toMatchObject({ purpose: 'marketing', decision: 'requested', method, lang: 'de' });
    expect(requested && requested.at >= beforeStart && requested.at <= afterStart, `requested at ${requested?.at}`).toBe(true);
    // Pending is not consent: an answer in a fitting category brings no offer, nothing is loaded.
    await chat.askAnswered(shipping[0]);
    await expect(chat.offerElements).toHaveCount(0);
    expect(offerRequests(guard.requests, guard.origin)).toEqual([]);

    const beforeConfirm = new Date().toISOString();
    await chat.confirmOffers();
    await expect(chat.confirmButton).toBeDisabled();
    await expect.poll(() => marketingLedger(page)).toHaveLength(2);
    const records = await marketingLedger(page);
    const granted = records[1];
    expect(granted).toMatchObject({ purpose: 'marketing', decision: 'granted', method: 'button', lang: 'de' });
    expect(granted && granted.at >= beforeConfirm && granted.at <= new Date().toISOString(), `granted at ${granted?.at}`).toBe(true);
    for (const record of records) {
      expect(Object.keys(record).sort(), 'the SPEC 3.5 fields and the row key, nothing else').toEqual([...LEDGER_FIELDS, 'seq'].sort());
      expect(record).toMatchObject({ consentId: expect.stringMatching(UUID), policyVersion: settings.privacyVersion, textHash: sha256(shown.join('\n')) });
    }
    expect(records[0]?.consentId).not.toBe(granted?.consentId);
    const stored = JSON.stringify(records);
    for (const chatText of [subscription[0], shipping[0], 'Abo', 'Versand']) expect(stored).not.toContain(chatText);

    // Now, and only now, the offers load, and one follows the next fitting answer.
    const offer = await chat.askForOffer(ordering[0]);
    await expect(offer.label).toBeVisible();
    expect(offerRequests(guard.requests, guard.origin)).toEqual(['/vertraut/offers-de.json']);
    guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { ledger: 2 } }));
  });
}

test('every offer is labelled "Anzeige" (seen and heard), fits its answer, shows once per visit, and carries a stop button that works', async ({ page, request, guard }) => {
  const served = await servedOffers(request, 'de');
  const chat = await MarketingChat.open(page);
  await chat.optIn();

  // No offer after an answer no offer fits.
  await chat.askAnswered(UNFITTING_QUESTION);
  await expect(chat.offerElements).toHaveCount(0);

  const expected = [
    [subscription[0], 'abo-erste-lieferung'],
    [products[0], 'geschenkverpackung-gratis'],
    [shipping[0], 'abholung-espresso'],
    [products[1], 'probierset'],
  ] as const;
  for (const [question, id] of expected) {
    const offer = await chat.askForOffer(question);
    const content = served.find((o) => o.id === id);
    await expect(offer.root).toHaveAccessibleName(chat.text('marketing.label'));
    await expect(offer.label).toBeVisible();
    await expect(offer.title).toHaveText(content?.title ?? `(offer ${id} is not served)`);
    await expect(offer.link).toHaveAttribute('href', content?.link ?? '');
    await expect(offer.stopButton).toBeVisible();
    await expect(offer.stopButton).toBeEnabled();
  }
  // Each offer at most once per visit: its categories asked again bring none.
  await chat.askAnswered(ordering[0]);
  await chat.askAnswered(subscription[1]);
  await chat.askAnswered(shipping[1]);
  await expect(chat.offers).toHaveCount(expected.length);
  await expect(chat.offerElements).toHaveCount(expected.length);

  // The stop button of any offer ends advertising: an objection, every offer gone.
  const before = await chat.replies.count();
  await chat.offer(1).stopButton.click();
  await expect(chat.replies).toHaveCount(before + 1);
  await expect(chat.replies.last()).toHaveText(chat.said('marketing.stopped'));
  await expect(chat.offerElements).toHaveCount(0);
  await expect.poll(async () => (await marketingLedger(page)).map((r) => `${r.decision}/${r.method}`)).toEqual(['requested/button', 'granted/button', 'objected/button']);
  guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { ledger: 3 } }));
});

test('after the stop button no offer follows a fitting answer, and the card is never asked again in this visit', async ({ page, guard }) => {
  const chat = await MarketingChat.open(page);
  await chat.optIn();
  const offer = await chat.askForOffer(products[0]);
  await offer.stopButton.click();
  await expect(chat.replies.last()).toHaveText(chat.said('marketing.stopped'));
  await expect(chat.offerElements).toHaveCount(0);

  // Offers not shown yet in this visit, in fitting categories: none comes.
  for (const question of [subscription[0], shipping[0], products[1]]) await chat.rate(await chat.askAnswered(question), true);
  await chat.askAnswered(UNFITTING_QUESTION);
  await expect(chat.offerElements).toHaveCount(0);
  await expect(chat.marketingCards).toHaveCount(1);
  await expect(chat.marketingCard().start).toBeDisabled();
  // START now opts nobody in.
  await chat.say('START');
  await expect(chat.confirmation).toHaveCount(1);
  await expect(chat.confirmButton).toBeDisabled();
  expect((await marketingLedger(page)).map((r) => r.decision)).toEqual(['requested', 'granted', 'objected']);
  guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { ledger: 3 } }));
});

for (const stopWord of ['STOP', 'keine Werbung', 'unsubscribe']) {
  test(`"${stopWord}" in tab A ends offers there and, within a second, in tab B; neither shows one again`, async ({ page, context, guard }) => {
    const a = await MarketingChat.open(page);
    const b = await MarketingChat.open(await context.newPage());
    // B's chat is running before anything is decided.
    await b.askAnswered(UNFITTING_QUESTION);

    await (await turnTo(a)).optIn();
    await expect(b.replies.last()).toHaveText(b.said('external.granted', { purposes: MARKETING }), WITHIN);
    await a.askForOffer(products[0]);
    await (await turnTo(b)).askForOffer(subscription[0]);

    const stopped = await (await turnTo(a)).say(stopWord);
    await expect(stopped.root).toHaveText(a.said('marketing.stopped'));
    await expect(a.offerElements).toHaveCount(0);
    await expect(b.offerElements, 'tab B took its offer away').toHaveCount(0, WITHIN);
    await expect(b.replies.last()).toHaveText(b.said('external.ended', { purposes: MARKETING }), WITHIN);
    await expect.poll(async () => (await marketingLedger(page)).map((r) => `${r.decision}/${r.method}`)).toEqual(['requested/button', 'granted/button', 'objected/keyword']);

    // Fitting answers whose offers neither tab has shown yet: none comes, in either tab.
    await (await turnTo(b)).askAnswered(shipping[0]);
    await b.askAnswered(products[1]);
    await expect(b.offerElements).toHaveCount(0);
    await (await turnTo(a)).askAnswered(shipping[0]);
    await a.askAnswered(subscription[0]);
    await expect(a.offerElements).toHaveCount(0);
    guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { ledger: 3 } }));
  });
}

test('the offers file holds only offers valid on the build day, each in fitting categories', async ({ request }) => {
  const today = calendarDay(new Date());
  for (const lang of ['de', 'en'] as const) {
    const offers = await servedOffers(request, lang);
    expect(offers.length, `offers in ${lang}`).toBeGreaterThan(0);
    for (const offer of offers) {
      expect(offer.validUntil >= today, `${lang}/${offer.id} valid until ${offer.validUntil}`).toBe(true);
      expect(offer.categories.length).toBeGreaterThan(0);
    }
  }
});

test('in the browser an offer stops showing the day after its last day (clock set to 2027-08-01)', async ({ page, request, guard }) => {
  const served = await servedOffers(request, 'de');
  const gift = served.find((o) => o.id === 'geschenkverpackung-gratis');
  expect(gift?.validUntil, 'the demo offer this test relies on').toBe('2027-06-30');
  await page.clock.setFixedTime(new Date('2027-08-01T10:00:00'));
  const chat = await MarketingChat.open(page);
  await chat.optIn();
  // Ordering: only the gift wrapping fits, and it has ended.
  await chat.askAnswered(ordering[0]);
  await expect(chat.offerElements).toHaveCount(0);
  // Products: the gift wrapping comes first in content order, but it has ended; the tasting set shows.
  const offer = await chat.askForOffer(products[0]);
  await expect(offer.title).toHaveText(served.find((o) => o.id === 'probierset')?.title ?? '(no probierset)');
  await chat.askAnswered(ordering[1]);
  await expect(chat.offers).toHaveCount(1);
  guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { ledger: 2 } }));
});

test('with every offer past its last day (clock set to 2028), no offer shows after answers in any category', async ({ page, guard }) => {
  await page.clock.setFixedTime(new Date('2028-01-15T10:00:00'));
  const chat = await MarketingChat.open(page);
  await chat.optIn();
  for (const category of OFFER_CATEGORIES) for (const question of CATEGORY_QUESTIONS[category]) await chat.askAnswered(question);
  await chat.askAnswered(UNFITTING_QUESTION);
  await expect(chat.offerElements).toHaveCount(0);
  // The offers were loaded (the visitor opted in): the browser itself left them out.
  expect(offerRequests(guard.requests, guard.origin)).toEqual(['/vertraut/offers-de.json']);
  guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { ledger: 2 } }));
});

test('axe passes with the marketing card, the confirmation, and an offer in the log', async ({ page, guard }) => {
  const chat = await MarketingChat.open(page);
  const card = await chat.untilMarketingCard();
  await chat.settled();
  await expectNoAxeViolations(page, '#vertraut-inline');

  await chat.requestOffers(card);
  await chat.settled();
  await expectNoAxeViolations(page, '#vertraut-inline');

  await chat.confirmOffers();
  const offer = await chat.askForOffer(shipping[0]);
  await expect(offer.label).toBeVisible();
  await chat.settled();
  await expectNoAxeViolations(page, '#vertraut-inline');
  guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { ledger: 2 } }));
});

test('on /en/ the same flow speaks English: "Offers in the chat?", START, the confirmation, an offer labelled "Advertisement"', async ({ page, guard }) => {
  const chat = await MarketingChat.open(page, '/en/');
  const card = await chat.untilMarketingCard('How does the coffee subscription work?');
  await expect(card.title).toHaveText('Offers in the chat?');
  // The typed word counts in any case.
  await chat.say('start');
  await expect(chat.confirmation).toBeVisible();
  await chat.confirmOffers();
  const offer = await chat.askForOffer('How long does delivery take?');
  await expect(offer.root).toHaveAccessibleName('Advertisement');
  await expect(offer.label).toHaveText('Advertisement');
  expect(offerRequests(guard.requests, guard.origin)).toEqual(['/vertraut/offers-en.json']);
  await offer.stopButton.click();
  await expect(chat.replies.last()).toHaveText(chat.said('marketing.stopped'));
  await expect(chat.offerElements).toHaveCount(0);
  expect((await marketingLedger(page)).map((r) => `${r.decision}/${r.method}/${r.lang}`)).toEqual(['requested/keyword/en', 'granted/button/en', 'objected/button/en']);
  guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { ledger: 3 } }));
});

test('the consent lasts the days the card promises (retentionDays.marketing): offers on day 354, none on day 369', async ({ page, guard }) => {
  // "Ihre Einwilligung gilt 365 Tage." The demo offers run until 2027-12-31, so on both later days
  // an offer fits: only the age of the consent decides.
  expect(settings.retentionDays.marketing).toBe(365);
  expect(declaredCardLines('de', 'marketing')).toContain('Ihre Einwilligung gilt 365 Tage.');
  guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { ledger: 2 } }));
  await page.clock.setFixedTime(new Date('2026-12-01T10:00:00'));
  const chat = await MarketingChat.open(page);
  await chat.optIn();

  await page.clock.setFixedTime(new Date('2027-11-20T10:00:00'));
  await page.reload();
  await chat.askForOffer(shipping[0]);

  await page.clock.setFixedTime(new Date('2027-12-05T10:00:00'));
  await page.reload();
  await chat.askAnswered(subscription[0]);
  await chat.askAnswered(UNFITTING_QUESTION);
  await expect(chat.offerElements, 'an offer 369 days after a consent that lasts 365').toHaveCount(0);
});
