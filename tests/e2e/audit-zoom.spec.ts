import type { Locator, Page } from '@playwright/test';
import { ChatPage } from './support/chat-page.ts';
import { expect, test } from './support/fixtures.ts';
import { PrivacyCenter } from './support/privacy-center.ts';

/*
 * Audit, SPEC 8.3: usable at 200 % zoom. A 1280 × 800 window at 200 % zoom lays the page out
 * in 640 × 400 CSS pixels at two device pixels each: that is what is emulated here.
 */

test.use({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `${page.url()} scrolls sideways at 200 % zoom`).toBeLessThanOrEqual(clientWidth);
}

/** Fully on screen once scrolled to, not cut off at the sides. */
async function expectReachable(control: Locator): Promise<void> {
  await control.scrollIntoViewIfNeeded();
  await expect(control).toBeVisible();
  await expect(control).toBeInViewport({ ratio: 1 });
}

test('the inline chat at 200 % zoom: header buttons, input and send reachable, questions answered, no sideways scrolling', async ({ page }) => {
  const chat = await ChatPage.visit(page, '/');
  await expectNoHorizontalScroll(page);
  for (const control of [chat.endChatButton, new PrivacyCenter(chat).headerButton, chat.input, chat.sendButton]) await expectReachable(control);

  await chat.input.fill('Welche Zahlungsarten gibt es?');
  // A real click: it fails if anything (the floating launcher, say) covers the button.
  await chat.sendButton.click();
  await expect(chat.lastReply.heading).toHaveText('Welche Zahlungsarten bieten Sie an?');
  // The inline log is only partly on screen at this height: the answer is reached by scrolling
  // (the log may still be scrolling smoothly to it, hence no full-ratio check here).
  await chat.lastReply.heading.scrollIntoViewIfNeeded();
  await expect(chat.lastReply.heading).toBeInViewport();
  await chat.lastReply.related.first().click();
  await expect(chat.botMessages).toHaveCount(3);
  await expectReachable(chat.input);
  await expectNoHorizontalScroll(page);

  // The header's privacy center opens and is readable in the log.
  const center = new PrivacyCenter(chat);
  await center.headerButton.scrollIntoViewIfNeeded();
  await center.openByButton();
  await center.heading.scrollIntoViewIfNeeded();
  await expect(center.heading).toBeInViewport();
  await expectNoHorizontalScroll(page);
});

test('the panel at 200 % zoom stays on screen: close and header buttons, input and send usable, answers readable', async ({ page }) => {
  const chat = await ChatPage.visit(page, '/faq/');
  await chat.openPanel();
  const box = await chat.window.boundingBox();
  expect(box).not.toBeNull();
  expect(box?.x).toBeGreaterThanOrEqual(0);
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(640);
  expect(box?.y).toBeGreaterThanOrEqual(0);
  expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(400);
  for (const control of [chat.closeButton, chat.endChatButton, new PrivacyCenter(chat).headerButton, chat.input, chat.sendButton]) {
    await expect(control).toBeInViewport({ ratio: 1 });
  }

  await chat.input.fill('Wie lange dauert der Versand?');
  await chat.sendButton.click();
  await expect(chat.lastReply.heading).toHaveText('Wie lange dauert der Versand?');
  await expect(chat.lastReply.heading).toBeInViewport();
  // The log scrolls inside the panel; the input stays where it is.
  await expect(chat.input).toBeInViewport({ ratio: 1 });
  await chat.lastReply.related.first().click();
  await expect(chat.lastReply.heading).toHaveText('Was kostet der Versand?');
  await expect(chat.lastReply.heading).toBeInViewport();
  await expectNoHorizontalScroll(page);

  // Keyboard still works: typing and Enter, then Escape closes and the focus returns.
  const reply = await chat.ask('Welche Zahlungsarten gibt es?');
  await expect(reply.heading).toBeInViewport();
  await chat.closeButton.click();
  await expect(chat.window).toBeHidden();
  await expect(chat.launcher).toBeFocused();
});

test('the launcher at 200 % zoom does not cover the page and opens the panel on every chat page', async ({ page }) => {
  for (const path of ['/faq/', '/datenschutz/', '/en/faq/']) {
    const chat = await ChatPage.visit(page, path);
    await expectNoHorizontalScroll(page);
    await expect(chat.launcher).toBeInViewport({ ratio: 1 });
    await chat.openPanel();
    await expect(chat.input).toBeInViewport({ ratio: 1 });
    await expect(chat.sendButton).toBeInViewport({ ratio: 1 });
    await expect(chat.closeButton).toBeInViewport({ ratio: 1 });
  }
});
