import type { Page } from '@playwright/test';
import { inventoryWithIndexedDb } from './support/browser-state.ts';
import type { ChatPage } from './support/chat-page.ts';
import { DATABASE, decideByButton, purposeName } from './support/consent.ts';
import { expect, test } from './support/fixtures.ts';
import {
  becauseLine,
  builtEntries,
  categoryLabel,
  du,
  entryQuestion,
  grantPersonalizationWithName,
  greeting,
  interestQuestion,
  introduce,
  ledgerDecisions,
  profileRows,
  PersonalChat,
  ProfileForm,
} from './support/personal.ts';
import { PrivacyCenter } from './support/privacy-center.ts';
import settings from '../../vertraut.config.ts';

/*
 * SPEC 6 (and 3.4, 3.6, 4.4) for the purpose `personalization`, seen from the chat: a name the
 * visitor tells is kept only after "Ja"; with it the greeting uses the name after a reload and
 * the starter questions come from a confirmed interest; corrections in the privacy center take
 * effect at once; "Stop" ends it in every tab; an interest decides between two close answers,
 * and says so.
 */

const PERSONALIZATION = purposeName('de', 'personalization');
/** How soon another tab must tell its visitor (as in consent-tabs.spec.ts). */
const WITHIN = { timeout: 1_000 };

/** Three questions answered from the category "shipping" (Versand), as a visitor would ask them. */
const SHIPPING_QUESTIONS = ['Wie lange dauert der Versand?', 'Was kostet der Versand?', 'Liefern Sie auch in die Schweiz?'] as const;

/**
 * A question whose two best answers are close and lie in different categories, so the bot asks
 * "Meinten Sie …?": found by trying questions against the demo content.
 */
const NEAR_TIE = { question: 'Adresse ändern', account: 'kundendaten-aendern', shipping: 'lieferadresse-aendern' } as const;

/** The site's own starter questions, for a visitor the chat knows nothing about. */
function defaultStarters(): string[] {
  return settings.starterQuestions.de.map((id) => entryQuestion('de', id));
}

async function turnTo(tab: ChatPage): Promise<ChatPage> {
  await tab.page.bringToFront();
  return tab;
}

test.describe('without consent', () => {
  test('"Ich heiße Anna" with the card left unanswered keeps nothing: the next visit is greeted as anyone', async ({ page }) => {
    const chat = await PersonalChat.open(page, '/');
    const card = await introduce(chat, 'Anna');
    await expect(card.root).toBeVisible();
    // Continuing to chat is no answer to the card (SPEC 3.4).
    const reply = await chat.ask(SHIPPING_QUESTIONS[0]);
    await expect(reply.heading).toHaveText(entryQuestion('de', 'versanddauer'));
    await page.reload();
    await expect(greeting(chat).line).toHaveText(chat.text('chat.greeting'));
    await expect(greeting(chat).starters).toHaveText(defaultStarters());
    // The guard checks the end: nothing stored.
  });

  test('"Ich heiße Anna" and "Nein": only the refusal is in the ledger, no profile', async ({ page, guard }) => {
    guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { ledger: 1 } }));
    const chat = await PersonalChat.open(page, '/');
    const card = await introduce(chat, 'Anna');
    await decideByButton(chat, card, false);
    await expect(chat.lastReply.root).toHaveText(chat.said('consent.refused', { purpose: PERSONALIZATION }));
    // Telling the name again does not ask again, and keeps nothing.
    await chat.send('Ich heiße Anna');
    await expect(chat.lastReply.root).toHaveText(chat.said('personal.niceToMeet', { name: 'Anna' }));
    await expect(chat.consentCards).toHaveCount(1);
    expect(await ledgerDecisions(page)).toEqual(['personalization:refused:button']);
    expect(await profileRows(page)).toEqual([]);

    await page.reload();
    await expect(greeting(chat).line).toHaveText(chat.text('chat.greeting'));
  });
});

test('with consent the next visit is greeted by name, and the starter questions come from the confirmed interest', async ({ page, guard }) => {
  guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { ledger: 1, profile: 1 } }));
  const chat = await PersonalChat.open(page, '/');
  await grantPersonalizationWithName(chat, 'Anna');

  // Two answers about shipping; the second also brings the history card, which stays unanswered.
  await chat.ask(SHIPPING_QUESTIONS[0]);
  await chat.ask(SHIPPING_QUESTIONS[1]);
  await expect(chat.consentCard('history').root).toBeVisible();
  await expect(interestQuestion(chat, 'shipping').group).toHaveCount(0);
  // The third: "Soll ich mir „Versand“ als Interesse merken?" – "Ja, merken".
  await chat.ask(SHIPPING_QUESTIONS[2], { replies: 2 });
  const question = interestQuestion(chat, 'shipping');
  await expect(question.group).toBeVisible();
  const kept = await chat.choose(question.yes);
  await expect(kept.root).toHaveText(chat.said('personal.interestKept', { category: categoryLabel('de', 'shipping') }));

  const [profile] = await profileRows(page);
  expect(profile).toEqual({ key: 'profile', name: 'Anna', interests: ['shipping'], usedAt: expect.any(String) });
  expect(Object.keys(profile ?? {}).sort()).toEqual(['interests', 'key', 'name', 'usedAt']);

  await page.reload();
  await expect(greeting(chat).line).toHaveText(chat.text('personal.welcomeBack', { name: 'Anna' }));
  const shipping = builtEntries('de').filter((entry) => entry.category === 'shipping');
  await expect(greeting(chat).starters).toHaveText(shipping.slice(0, 4).map((entry) => entry.question));
  // Not the site's own starters: those would be shown to anyone.
  expect(shipping.slice(0, 4).map((entry) => entry.question)).not.toEqual(defaultStarters());
  // A starter answers as any question does.
  const picked = await chat.choose(greeting(chat).starters.first());
  await expect(picked.heading).toHaveText(shipping[0]?.question ?? '');
});

/** Anna, with personalization granted, and the privacy center's profile form open. */
async function profileFormOfAnna(page: Page): Promise<{ chat: PersonalChat; form: ProfileForm }> {
  const chat = await PersonalChat.open(page, '/');
  await grantPersonalizationWithName(chat, 'Anna');
  const center = new PrivacyCenter(chat);
  await center.openByButton();
  return { chat, form: new ProfileForm(center) };
}

test.describe('corrections in the privacy center take effect in the chat at once', () => {
  test('the name changed to "Anne", then "Du", then the name cleared', async ({ page, guard }) => {
    guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { ledger: 1, profile: 1 } }));
    const { chat, form } = await profileFormOfAnna(page);
    await expect(form.name).toHaveValue('Anna');

    await form.name.fill('Anne');
    await form.saveAndWait();
    expect((await profileRows(page)).map((row) => row['name'])).toEqual(['Anne']);
    // The name was given in this visit: a plain hello, not "welcome back".
    await expect(greeting(chat).line).toHaveText(chat.text('personal.hello', { name: 'Anne' }));
    await expect(form.name).toHaveValue('Anne');

    await form.address.selectOption({ label: chat.text('profile.addressDu') });
    await form.saveAndWait();
    expect((await profileRows(page)).map((row) => [row['name'], row['address']])).toEqual([['Anne', 'du']]);
    await expect(greeting(chat).line).toHaveText(du('personal.hello', { name: 'Anne' }));
    // The next replies speak Du: a clarifying question and a question without an answer.
    const clarify = await chat.ask(NEAR_TIE.question);
    await expect(clarify.root).toContainText(du('clarify.intro'));
    await expect(clarify.root).not.toContainText(chat.text('clarify.intro'));
    const none = await chat.ask('Haben Sie Hundefutter?');
    await expect(none.root).toContainText(du('none.rephrase'));

    await form.name.fill('');
    await form.saveAndWait();
    const [profile] = await profileRows(page);
    expect(profile).toEqual({ key: 'profile', address: 'du', interests: [], usedAt: expect.any(String) });
    expect(profile).not.toHaveProperty('name');
    await expect(greeting(chat).line).toHaveText(du('chat.greeting'));

    await page.reload();
    await expect(greeting(chat).line).toHaveText(du('chat.greeting'));
  });

  test('after "Du" every string of the greeting and of the question box speaks Du, also after a reload', async ({ page, guard }) => {
    guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { ledger: 1, profile: 1 } }));
    const { chat, form } = await profileFormOfAnna(page);
    await form.address.selectOption({ label: chat.text('profile.addressDu') });
    await form.saveAndWait();

    for (const when of ['at once', 'after a reload']) {
      if (when === 'after a reload') await page.reload();
      // A name given in this visit gets a plain hello; after the reload the visitor is back.
      await expect(greeting(chat).line, when).toHaveText(du(when === 'at once' ? 'personal.hello' : 'personal.welcomeBack', { name: 'Anna' }));
      // The line under it addresses the visitor too ("Ihre Fragen bleiben …" / "Deine Fragen bleiben …").
      await expect.soft(greeting(chat).privacyLine, when).toContainText(du('chat.privacyLine'));
      await expect.soft(chat.input, when).toHaveAccessibleName(du('chat.inputLabel'));
    }
  });
});

test('"Stop" in tab A ends personalization in tab B too: told within a second, no name after its reload, no profile', async ({ page, context, guard }) => {
  guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { ledger: 2 } }));
  const a = await PersonalChat.open(page, '/');
  await grantPersonalizationWithName(a, 'Anna');

  const b = await PersonalChat.open(await context.newPage(), '/');
  await expect(greeting(b).line).toHaveText(b.text('personal.welcomeBack', { name: 'Anna' }));

  const stop = await (await turnTo(a)).ask('Stop');
  await expect(stop.root).toHaveText(a.said('withdraw.done', { purposes: PERSONALIZATION }));
  await expect(b.lastReply.root).toHaveText(b.said('external.ended', { purposes: PERSONALIZATION }), WITHIN);
  // B stops using the name at once, and after its next reload.
  await expect(greeting(b).line).toHaveText(b.text('chat.greeting'));
  await (await turnTo(b)).page.reload();
  await expect(greeting(b).line).toHaveText(b.text('chat.greeting'));
  await expect(greeting(b).starters).toHaveText(defaultStarters());

  expect(await profileRows(page)).toEqual([]);
  const decisions = await ledgerDecisions(page);
  expect(decisions).toEqual(['personalization:granted:button', 'personalization:withdrawn:keyword']);
  // Tab B has nothing to end any more.
  const nothing = await b.ask('Stop');
  await expect(nothing.root).toHaveText(b.said('withdraw.nothing'));
});

test.describe('"Du kannst mich duzen"', () => {
  test('with consent: the chat switches to Du at once, the profile keeps it, and the next visit is greeted with Du', async ({ page, guard }) => {
    guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { ledger: 1, profile: 1 } }));
    const chat = await PersonalChat.open(page, '/');
    await grantPersonalizationWithName(chat, 'Anna');
    const note = await chat.ask('Du kannst mich duzen');
    await expect(note.root).toHaveText(`${chat.text('chat.bot')}: ${du('personal.addressKept')}`);
    await expect(greeting(chat).line).toHaveText(du('personal.hello', { name: 'Anna' }));
    const none = await chat.ask('Haben Sie Hundefutter?');
    await expect(none.root).toContainText(du('none.rephrase'));
    expect((await profileRows(page)).map((row) => [row['name'], row['address']])).toEqual([['Anna', 'du']]);

    await page.reload();
    await expect(greeting(chat).line).toHaveText(du('personal.welcomeBack', { name: 'Anna' }));
  });

  test('without consent: Du for the rest of this visit, also after "Nein" to keeping it; nothing but the refusal stored', async ({ page, guard }) => {
    guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { ledger: 1 } }));
    const chat = await PersonalChat.open(page, '/');
    const card = await chat.requestCard('Du kannst mich duzen', 'personalization');
    await expect(chat.lastReply.root).toHaveText(`${chat.text('chat.bot')}: ${du('personal.addressKept')}`);
    await decideByButton(chat, card, false);
    // The refusal is about storing, not about the form of address the visitor asked for.
    await expect.soft(chat.lastReply.root).toHaveText(`${chat.text('chat.bot')}: ${du('consent.refused', { purpose: PERSONALIZATION })}`);
    const none = await chat.ask('Haben Sie Hundefutter?');
    await expect(none.root).toContainText(du('none.rephrase'));
    expect(await ledgerDecisions(page)).toEqual(['personalization:refused:button']);
    expect(await profileRows(page)).toEqual([]);

    // Nothing was kept: the next visit starts with Sie again.
    await page.reload();
    await expect(greeting(chat).line).toHaveText(chat.text('chat.greeting'));
  });
});

test.describe('an interest breaks a near-tie, and says so', () => {
  test(`"${NEAR_TIE.question}" asks "Meinten Sie …?" without an interest, and answers with the entry of the visitor's interest`, async ({ page, guard }) => {
    guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { ledger: 1, profile: 1 } }));
    const chat = await PersonalChat.open(page, '/');
    const account = entryQuestion('de', NEAR_TIE.account);
    const shipping = entryQuestion('de', NEAR_TIE.shipping);
    // Two entries of two categories, close enough to ask.
    const clarify = await chat.ask(NEAR_TIE.question);
    await expect(clarify.choices).toHaveText([account, shipping, chat.text('clarify.noneOfThese')]);
    const categories = Object.fromEntries(builtEntries('de').map((entry) => [entry.id, entry.category]));
    expect([categories[NEAR_TIE.account], categories[NEAR_TIE.shipping]]).toEqual(['account', 'shipping']);

    await grantPersonalizationWithName(chat, 'Anna');
    const center = new PrivacyCenter(chat);
    await center.openByButton();
    const form = new ProfileForm(center);

    for (const [interest, entry] of [
      ['shipping', shipping],
      ['account', account],
    ] as const) {
      for (const box of ['shipping', 'account'] as const) await form.interest(box).setChecked(box === interest);
      await form.saveAndWait();
      expect((await profileRows(page)).map((row) => row['interests'])).toEqual([[interest]]);

      const reply = await chat.ask(NEAR_TIE.question);
      await expect(reply.heading, `interest ${interest}`).toHaveText(entry);
      const because = chat.text('personal.because', { category: categoryLabel('de', interest) });
      await expect(becauseLine(reply.root, because)).toHaveText(because);
      await expect(reply.choices).toHaveCount(0);
    }

    // A clear question is answered as for anyone: no line about interests.
    const clear = await chat.ask('Wie ändere ich meine E-Mail-Adresse?');
    await expect(clear.heading).toHaveText(account);
    await expect(clear.root.locator('.vt-because')).toHaveCount(0);
    expect(await ledgerDecisions(page)).toEqual(['personalization:granted:button']);
  });
});
