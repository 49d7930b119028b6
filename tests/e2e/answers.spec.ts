import { expect, test } from '@playwright/test';
import { ChatPage } from './support/chat-page.ts';

test('a German question gets its answer at once, with FAQ link, related questions and feedback', async ({ page }) => {
  await page.goto('/');
  const chat = new ChatPage(page, 'inline');
  const reply = await chat.ask('Wie lange dauert der Versand?');
  await expect(chat.answerTitle(reply)).toHaveText('Wie lange dauert der Versand?');
  await expect(reply.getByRole('link', { name: 'In den häufigen Fragen ansehen' })).toHaveAttribute('href', '/faq/#versanddauer');
  await expect(reply.getByRole('button', { name: 'Ja' })).toBeVisible();
  expect(await reply.locator('[data-action="pick"]').count()).toBeGreaterThanOrEqual(2);
});
