import type { Page } from '@playwright/test';
import { ChatPage } from './support/chat-page.ts';
import { expect, test } from './support/fixtures.ts';
import { SITE_PAGES } from './support/site-pages.ts';

/* SPEC 8.3: usable at 320 px width (which is also what 400 % zoom of a 1280 px window looks like). */

test.use({ viewport: { width: 320, height: 640 } });

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
}

test('no page scrolls sideways at 320 px', async ({ page }) => {
  for (const { path } of SITE_PAGES) {
    await page.goto(path);
    await expectNoHorizontalScroll(page);
  }
});

test('the inline chat at 320 px: input and send button visible and usable, answers fit', async ({ page }) => {
  const chat = await ChatPage.visit(page, '/');
  await chat.input.scrollIntoViewIfNeeded();
  await expect(chat.input).toBeInViewport();
  await expect(chat.sendButton).toBeInViewport();
  await chat.input.fill('Welche Zahlungsarten gibt es?');
  // A real click: it fails if anything (the floating launcher, say) covers the button.
  await chat.sendButton.click();
  await expect(chat.lastReply.heading).toHaveText('Welche Zahlungsarten bieten Sie an?');
  await chat.ask('Xylophon Quantenflug');
  await expect(chat.lastReply.emailLink).toBeVisible();
  await expectNoHorizontalScroll(page);
});

test('the panel at 320 px fills the width, stays on screen and answers', async ({ page }) => {
  const chat = await ChatPage.visit(page, '/faq/');
  await chat.openPanel();
  const box = await chat.window.boundingBox();
  expect(box).not.toBeNull();
  expect(box?.x).toBeGreaterThanOrEqual(0);
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(320);
  expect(box?.y).toBeGreaterThanOrEqual(0);
  await expect(chat.closeButton).toBeInViewport();
  await expect(chat.input).toBeInViewport();
  await expect(chat.sendButton).toBeInViewport();

  await chat.input.fill('Wie lange dauert der Versand?');
  await chat.sendButton.click();
  await expect(chat.lastReply.heading).toHaveText('Wie lange dauert der Versand?');
  await expect(chat.lastReply.heading).toBeInViewport();
  await chat.lastReply.related.first().click();
  await expect(chat.lastReply.heading).toHaveText('Was kostet der Versand?');
  await expectNoHorizontalScroll(page);

  await chat.closeButton.click();
  await expect(chat.window).toBeHidden();
  await expect(chat.launcher).toBeFocused();
});

test('suggestions at 320 px stay on screen and can be tapped', async ({ page }) => {
  const chat = await ChatPage.visit(page, '/faq/');
  await chat.openPanel();
  await chat.input.pressSequentially('Rücksen');
  await expect(chat.suggestions).toBeInViewport({ ratio: 1 });
  const option = chat.options.first();
  const label = await option.innerText();
  await option.click();
  await expect(chat.lastReply.heading).toHaveText(label);
});

for (const width of [1280, 900, 320]) {
  test(`at ${width} px nothing covers the inline chat's text box or send button`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    const chat = await ChatPage.visit(page, '/');
    for (const control of [chat.input, chat.sendButton]) {
      // Scrolled to the bottom edge of the window, where a floating button would sit; the element
      // at the control's centre must be the control itself.
      const onTop = await control.evaluate((element) => {
        element.scrollIntoView({ block: 'end' });
        const box = element.getBoundingClientRect();
        return document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) === element;
      });
      expect(onTop).toBe(true);
    }
  });
}
