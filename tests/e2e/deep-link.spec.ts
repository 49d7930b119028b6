import { ChatPage } from './support/chat-page.ts';
import { expect, test } from './support/fixtures.ts';

/* SPEC 2.9: ?frage=… / ?q=… opens the chat and asks, without a click. */

test('/?frage=… answers in the inline chat without any click', async ({ page }) => {
  await page.goto('/?frage=Wie%20lange%20dauert%20der%20Versand%3F');
  const chat = new ChatPage(page, 'inline');
  await expect(chat.userMessages).toHaveText(['Sie: Wie lange dauert der Versand?']);
  await expect(chat.lastReply.heading).toHaveText('Wie lange dauert der Versand?');
  await expect(chat.lastReply.faqLink).toHaveAttribute('href', '/faq/#versanddauer');
});

test('/en/faq/?q=… opens the panel and answers in English', async ({ page }) => {
  await page.goto('/en/faq/?q=payment%20methods');
  const chat = new ChatPage(page, 'panel', 'en');
  await expect(chat.window).toBeVisible();
  await expect(chat.launcher).toHaveAttribute('aria-expanded', 'true');
  await expect(chat.input).toBeFocused();
  await expect(chat.userMessages).toHaveText(['You: payment methods']);
  await expect(chat.lastReply.heading).toHaveText('Which payment methods do you accept?');
  await expect(chat.lastReply.faqLink).toHaveAttribute('href', '/en/faq/#zahlungsarten');
});

test('the chat form falls back to a deep link (/faq/?q=…) where its code cannot run', async ({ page }) => {
  // The form's own action and field name are the fallback when the chat code cannot run.
  const chat = await ChatPage.visit(page, '/');
  await expect(chat.chat.locator('form')).toHaveAttribute('action', '/faq/');
  await expect(chat.input).toHaveAttribute('name', 'q');
  await page.goto('/faq/?q=Rücksendeetikett');
  const panel = new ChatPage(page, 'panel');
  await expect(panel.lastReply.heading).toHaveText('Wo bekomme ich ein Rücksendeetikett?');
});

test('an empty deep link opens nothing and loads nothing', async ({ page, guard }) => {
  await page.goto('/faq/?frage=%20%20');
  const chat = new ChatPage(page, 'panel');
  await page.waitForLoadState('networkidle');
  await expect(chat.launcher).toHaveAttribute('aria-expanded', 'false');
  await expect(chat.window).toBeHidden();
  expect(guard.requests.paths(guard.origin).filter((path) => /search-|chat-app/.test(path))).toEqual([]);
});
