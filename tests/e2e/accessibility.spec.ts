import { inventoryWithIndexedDb } from './support/browser-state.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { ChatPage } from './support/chat-page.ts';
import { DATABASE, QUESTIONS } from './support/consent.ts';
import { expect, test } from './support/fixtures.ts';
import { PrivacyCenter } from './support/privacy-center.ts';
import { SITE_PAGES } from './support/site-pages.ts';

/* WCAG 2.2 AA (SPEC 8.3): no axe violation on any page or in any state of the chat. */

for (const { path, lang, loadsChat } of SITE_PAGES) {
  test(`${path} has no axe violations`, async ({ page }) => {
    await page.goto(path);
    if (loadsChat) {
      // The "Meine Daten" page opens the privacy center by itself: scan it once it is there.
      const chat = new ChatPage(page, 'inline', lang);
      await expect(chat.chat.locator('.vt-center')).toBeVisible();
      await chat.settled();
    }
    await expectNoAxeViolations(page);
  });
}

test('the inline chat has no axe violations in any state: greeting, answer, clarification, no answer, suggestions', async ({ page }) => {
  const chat = await ChatPage.visit(page, '/');
  await expectNoAxeViolations(page, '#vertraut-inline');

  await chat.ask('Wie lange dauert der Versand?');
  await chat.settled();
  await expectNoAxeViolations(page, '#vertraut-inline');

  const clarification = await chat.ask('Rechnung');
  await expect(clarification.choices.first()).toBeVisible();
  await chat.settled();
  await expectNoAxeViolations(page, '#vertraut-inline');

  const none = await chat.ask('Xylophon Quantenflug');
  await expect(none.phoneLink).toBeVisible();
  await chat.settled();
  await expectNoAxeViolations(page, '#vertraut-inline');

  await chat.input.pressSequentially('Rücksen');
  await expect(chat.suggestions).toBeVisible();
  await chat.input.press('ArrowDown');
  await expect(chat.options.first()).toHaveAttribute('aria-selected', 'true');
  await expectNoAxeViolations(page);
});

test('the open panel has no axe violations, before and after an answer', async ({ page }) => {
  const chat = await ChatPage.visit(page, '/en/faq/');
  await chat.openPanel();
  await chat.settled();
  await expectNoAxeViolations(page);
  await chat.ask('How long does delivery take?');
  await chat.settled();
  await expectNoAxeViolations(page, '#vertraut-panel');
});

test('the chat has the roles and names a screen reader needs', async ({ page }) => {
  const inline = await ChatPage.visit(page, '/');
  await expect(inline.window).toBeVisible();
  await expect(inline.log).toHaveAccessibleName('Unterhaltung');
  await expect(inline.chat.getByRole('combobox', { name: 'Ihre Frage' })).toHaveAttribute('aria-expanded', 'false');
  await expect(inline.chat.getByRole('listbox', { name: 'Vorschläge', includeHidden: true })).toHaveAttribute('id', 'vertraut-inline-suggestions');
  await expect(inline.input).toHaveAttribute('aria-controls', 'vertraut-inline-suggestions');

  await page.goto('/faq/');
  const panel = new ChatPage(page, 'panel');
  await panel.openPanel();
  await expect(page.getByRole('dialog', { name: 'Fragen an Nordlicht Kaffee' })).toBeVisible();
  await expect(panel.launcher).toHaveAttribute('aria-expanded', 'true');
  await expect(panel.chat.getByRole('log', { name: 'Unterhaltung' })).toBeVisible();
  await expect(panel.chat.getByRole('combobox', { name: 'Ihre Frage' })).toBeFocused();
});

async function expectButtonsNamedByTheirText(chat: ChatPage): Promise<void> {
  const buttons = await chat.page.getByRole('button').all();
  for (const button of buttons) {
    const visible = (await button.innerText()).trim();
    expect(visible, 'a button without visible text').not.toBe('');
    await expect(button).toHaveAccessibleName(visible);
  }
}

test('every button in the chat is named by its visible text, in every state', async ({ page }) => {
  const inline = await ChatPage.visit(page, '/');
  await inline.ask('Wie lange dauert der Versand?');
  await inline.ask('Rechnung');
  await inline.ask('Xylophon Quantenflug');
  // Launcher, "Meine Daten" and "Chat beenden", 4 starters, 3 related questions, Ja/Nein
  // feedback, 2 choices and "Nichts davon", the consent card's Ja/Nein (offered after the second
  // exchange), send.
  await expect(inline.consentCards).toHaveCount(1);
  await expect(page.getByRole('button')).toHaveCount(1 + 2 + 4 + 3 + 2 + 3 + 2 + 1);
  await expectButtonsNamedByTheirText(inline);

  const panel = await ChatPage.visit(page, '/en/faq/');
  await panel.openPanel();
  await panel.ask('How long does delivery take?');
  await expect(panel.closeButton).toBeVisible();
  await expectButtonsNamedByTheirText(panel);
});

/** Once the chat's animations are over (colours final): no axe violation in the chat, every button named by its text. */
async function expectAccessibleChat(chat: ChatPage): Promise<void> {
  await chat.settled();
  await expectNoAxeViolations(chat.page, `#vertraut-${chat.mode}`);
  await expectButtonsNamedByTheirText(chat);
}

test('the consent cards for counting and for the profile have no axe violations', async ({ page }) => {
  const chat = await ChatPage.visit(page, '/');
  // An unanswered question brings "Anonym mitzählen?" (SPEC 5).
  await chat.ask('Xylophon Quantenflug');
  await expect(chat.consentCard('insights').root).toBeFocused();
  await expectAccessibleChat(chat);
  // Telling one's name brings "Persönlich begrüßen?" (SPEC 6).
  await chat.requestCard('Ich heiße Anna', 'personalization');
  await expect(chat.consentCard('personalization').root).toBeFocused();
  await expectAccessibleChat(chat);
});

test('the advertising card, its confirmation and an offer have no axe violations', async ({ page, guard }) => {
  const chat = await ChatPage.visit(page, '/en/');
  // "Yes" on a first answer brings "Offers in the chat?" (SPEC 7.2).
  const answer = await chat.ask(QUESTIONS.en[0]);
  await answer.feedbackButton(true).click();
  const card = chat.consentCard('marketing');
  await expect(card.root).toBeFocused();
  await expectAccessibleChat(chat);

  // START: the second confirmation (double opt-in).
  await card.root.getByRole('button', { name: chat.text('marketing.start'), exact: true }).click();
  const confirmation = chat.log.getByRole('group', { name: chat.text('marketing.confirmText'), exact: true });
  await expect(confirmation).toBeVisible();
  await expectAccessibleChat(chat);

  // Confirmed; an answer about the subscription comes with an offer, an "Advertisement" region.
  await confirmation.getByRole('button', { name: chat.text('marketing.confirm'), exact: true }).click();
  await expect(chat.lastReply.root).toHaveText(chat.said('marketing.confirmed'));
  await chat.send('How does the coffee subscription work?');
  const offer = chat.log.getByRole('region', { name: chat.text('marketing.label'), exact: true });
  await expect(offer).toBeVisible();
  await expect(offer.getByRole('button', { name: chat.text('marketing.stop'), exact: true })).toBeVisible();
  await expectAccessibleChat(chat);
  guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { ledger: 2 } }));
});

test('the privacy center with the profile form has no axe violations', async ({ page, guard }) => {
  const chat = await ChatPage.visit(page, '/');
  await chat.requestCard('Ich heiße Anna', 'personalization');
  await expect((await chat.ask('Ja')).root).toHaveText(chat.said('consent.granted', { purpose: chat.text('purpose.personalization') }));
  const center = new PrivacyCenter(chat);
  await center.openByButton();
  const form = center.root.getByRole('form', { name: chat.text('profile.title'), exact: true });
  await expect(form).toBeVisible();
  await expect(form.getByRole('textbox', { name: chat.text('profile.name'), exact: true })).toHaveValue('Anna');
  await expectAccessibleChat(chat);
  guard.expectStorage(inventoryWithIndexedDb({ [DATABASE]: { ledger: 1, profile: 1 } }));
});
