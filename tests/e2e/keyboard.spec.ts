import type { Locator, Page } from '@playwright/test';
import { ChatPage } from './support/chat-page.ts';
import { expect, test } from './support/fixtures.ts';

/* SPEC 8.3: keyboard only works everywhere. Nothing in these tests clicks or focuses by script. */

/** Presses `key` until `target` has the focus; fails if it is not reached within `limit` presses. */
async function pressUntilFocused(page: Page, key: string, target: Locator, limit: number): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press(key);
    if (await target.evaluate((element) => element === document.activeElement)) return presses;
  }
  throw new Error(`${key} did not reach ${target.toString()} within ${limit} presses`);
}

test('keyboard only on /faq/: launcher, question, answer, answer buttons, Escape, focus back on the launcher', async ({ page }) => {
  const chat = await ChatPage.visit(page, '/faq/');

  // The launcher is the last stop before the footer: Shift+Tab from the start of the page wraps to
  // the end (the two footer links), and one more reaches the launcher. The hidden panel adds no stops.
  await pressUntilFocused(page, 'Shift+Tab', chat.launcher, 3);
  await page.keyboard.press('Enter');
  await expect(chat.window).toBeVisible();
  await expect(chat.input).toBeFocused();

  await page.keyboard.type('Wie lange dauert der Versand?');
  await page.keyboard.press('Enter');
  const reply = chat.lastReply;
  await expect(reply.heading).toHaveText('Wie lange dauert der Versand?');
  await expect(chat.input).toBeFocused();

  // Forward from the input: the send button. Backward: into the answer, nearest button first.
  await page.keyboard.press('Tab');
  await expect(chat.sendButton).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(chat.input).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(reply.feedbackButton(false)).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(reply.feedbackButton(true)).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(reply.related.last()).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(reply.related.nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(chat.lastReply.heading).toHaveText('Wo finde ich die Sendungsverfolgung für mein Paket?');

  // The second exchange makes saving the history useful: its consent card comes after the
  // answer and takes the focus (SPEC 3.4). Shift+Tab leads back into the answer, to its feedback;
  // after the feedback the focus is back in the input for the next question.
  await expect(chat.consentCards.last()).toBeFocused();
  await pressUntilFocused(page, 'Shift+Tab', chat.lastReply.feedbackButton(true), 15);
  await page.keyboard.press('Space');
  await expect(chat.lastReply.feedback).toHaveCount(0);
  await expect(chat.input).toBeFocused();

  await page.keyboard.press('Escape');
  await expect(chat.window).toBeHidden();
  await expect(chat.launcher).toBeFocused();

  // Enter on the launcher opens the panel again, with the conversation kept.
  await page.keyboard.press('Enter');
  await expect(chat.input).toBeFocused();
  await expect(chat.userMessages).toHaveCount(2);
});

test('Escape closes the panel from a button inside it, and the focus returns to the launcher', async ({ page }) => {
  const chat = await ChatPage.visit(page, '/en/faq/');
  await pressUntilFocused(page, 'Shift+Tab', chat.launcher, 3);
  await page.keyboard.press('Enter');
  await expect(chat.input).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(chat.starters.last()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(chat.lastReply.heading).toHaveText('Is my chat history saved?');
  await expect(chat.starters.last()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(chat.window).toBeHidden();
  await expect(chat.launcher).toBeFocused();
});

test('keyboard only on the home page: the launcher leads into the inline chat, Escape leaves it open', async ({ page }) => {
  const chat = await ChatPage.visit(page, '/');
  await pressUntilFocused(page, 'Shift+Tab', chat.launcher, 3);
  await page.keyboard.press('Enter');
  await expect(chat.input).toBeFocused();
  await page.keyboard.type('Welche Zahlungsarten gibt es?');
  await page.keyboard.press('Enter');
  await expect(chat.lastReply.heading).toHaveText('Welche Zahlungsarten bieten Sie an?');
  await page.keyboard.press('Escape');
  await expect(chat.window).toBeVisible();
  await expect(chat.input).toBeFocused();
});

test('"Zum Chat", the second stop on every page, opens the chat without tabbing through the page', async ({ page }) => {
  const chat = await ChatPage.visit(page, '/faq/');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Zum Chat' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(chat.window).toBeVisible();
  await expect(chat.input).toBeFocused();
  await expect(page).toHaveURL(/\/faq\/$/);
});
