import { ChatPage } from './support/chat-page.ts';
import { expect, test } from './support/fixtures.ts';

/* SPEC 8.3: reduced motion respected. New messages slide in only for visitors who do not mind motion. */

test.describe('with reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });

  test('the chat answers, and its messages appear without animation', async ({ page }) => {
    const chat = await ChatPage.visit(page, '/');
    const reply = await chat.ask('Wie lange dauert der Versand?');
    await expect(reply.heading).toHaveText('Wie lange dauert der Versand?');
    expect(await reply.root.evaluate((message) => getComputedStyle(message).animationName)).toBe('none');
    const chosen = await chat.choose(reply.related.first());
    await expect(chosen.heading).toHaveText('Was kostet der Versand?');
    await expect(chosen.heading).toBeInViewport();
  });

  test('the panel opens, answers and closes', async ({ page }) => {
    const chat = await ChatPage.visit(page, '/faq/');
    await chat.openPanel();
    const reply = await chat.ask('Welche Zahlungsarten gibt es?');
    await expect(reply.heading).toHaveText('Welche Zahlungsarten bieten Sie an?');
    expect(await reply.root.evaluate((message) => getComputedStyle(message).animationName)).toBe('none');
    await page.keyboard.press('Escape');
    await expect(chat.launcher).toBeFocused();
  });
});

test('without that preference the messages do animate (so the check above can fail)', async ({ page }) => {
  const chat = await ChatPage.visit(page, '/');
  const reply = await chat.ask('Wie lange dauert der Versand?');
  expect(await reply.root.evaluate((message) => getComputedStyle(message).animationName)).not.toBe('none');
});
