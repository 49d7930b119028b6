import { ChatPage } from './support/chat-page.ts';
import { expect, test } from './support/fixtures.ts';

/*
 * SPEC 8.4 and 8.2: absurd input gets a calm reply, is shown as text, never runs, and the chat
 * keeps working. The guard fails any test here in which a dialog opened or a script error,
 * console error or CSP violation happened.
 */

/** After whatever happened, the chat still answers a plain question. */
async function expectStillAnswering(chat: ChatPage): Promise<void> {
  const reply = await chat.ask('Wie lange dauert der Versand?');
  await expect(reply.heading).toHaveText('Wie lange dauert der Versand?');
  await expect(chat.input).toHaveValue('');
}

test('sending an empty or blank question does nothing', async ({ page }) => {
  const chat = await ChatPage.visit(page, '/');
  await chat.input.press('Enter');
  await chat.input.fill('   \t  ');
  await chat.input.press('Enter');
  await chat.sendButton.click();
  // The next real question gets the next message: nothing came in between.
  await expectStillAnswering(chat);
  await expect(chat.userMessages).toHaveCount(1);
  await expect(chat.botMessages).toHaveCount(2);
});

test('10,000 characters are read up to the limit, with a note, and the page keeps its width', async ({ page }) => {
  const chat = await ChatPage.visit(page, '/');
  const long = 'Wie lange dauert der Versand? '.repeat(334).slice(0, 10_000);
  expect(long).toHaveLength(10_000);
  await chat.ask(long, { replies: 2 });
  await expect(chat.reply(1).root).toContainText('Ihre Nachricht war sehr lang; ich habe die ersten 500 Zeichen gelesen.');
  const shown = await chat.userMessages.last().locator('p').innerText();
  expect(shown.length).toBeLessThanOrEqual(500);
  expect(shown.startsWith('Wie lange dauert der Versand?')).toBe(true);
  await expect(chat.lastReply.root).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  await expectStillAnswering(chat);
});

test('markup typed as a question is shown as text and never runs', async ({ page }) => {
  const chat = await ChatPage.visit(page, '/');
  for (const markup of ['<img src=x onerror=alert(1)>', '<script>alert(document.domain)</script>', '"><svg onload=alert(2)>']) {
    const reply = await chat.ask(markup);
    await expect(chat.userMessages.last().locator('p')).toHaveText(markup);
    // Whatever the bot says, it says it calmly, and the e-mail link carries the text encoded.
    await expect(reply.root).toContainText('Dazu habe ich leider keine passende Antwort gefunden.');
    expect(new URL((await reply.emailLink.getAttribute('href')) ?? '').searchParams.get('body')).toBe(markup);
  }
  await expect(chat.log.locator('img, script, svg')).toHaveCount(0);
  await expectStillAnswering(chat);
});

test('emoji alone get a friendly nudge; emoji around words do not hide the question', async ({ page }) => {
  const chat = await ChatPage.visit(page, '/');
  const nudge = await chat.ask('☕️🚚❓🙂');
  await expect(chat.userMessages.last()).toContainText('☕️🚚❓🙂');
  await expect(nudge.root).toContainText('Dazu kann ich nichts suchen.');
  const reply = await chat.ask('🚚 Wie lange dauert der Versand? 🙏');
  await expect(reply.heading).toHaveText('Wie lange dauert der Versand?');
});

test('right-to-left text is shown right to left and gets a calm reply', async ({ page }) => {
  const chat = await ChatPage.visit(page, '/');
  for (const rtl of ['متى يصل الطلب؟', 'כמה זמן לוקח המשלוח?']) {
    const reply = await chat.ask(rtl);
    const bubble = chat.userMessages.last().locator('p');
    await expect(bubble).toHaveText(rtl);
    expect(await bubble.evaluate((p) => getComputedStyle(p).direction)).toBe('rtl');
    await chat.input.fill(rtl);
    expect(await chat.input.evaluate((input) => getComputedStyle(input).direction), 'typing direction').toBe('rtl');
    await chat.input.fill('');
    await expect(reply.root).toContainText('Dazu habe ich leider keine passende Antwort gefunden.');
  }
  await expectStillAnswering(chat);
});

test('control characters (NUL) and bidi overrides are dropped, and the question is still understood', async ({ page }) => {
  const chat = await ChatPage.visit(page, '/');
  const reply = await chat.ask('Wie lange dauert\u0000 der\u202e Versand?\u0000');
  await expect(chat.userMessages.last().locator('p')).toHaveText('Wie lange dauert der Versand?');
  await expect(reply.heading).toHaveText('Wie lange dauert der Versand?');
  await expectStillAnswering(chat);
});

test('the panel survives many questions in a row and keeps the newest message in view', async ({ page }) => {
  const chat = await ChatPage.visit(page, '/faq/');
  await chat.openPanel();
  for (const question of ['Versandkosten', 'Rechnung', 'Xylophon', 'Gutschein einlösen', 'Abo pausieren', 'Passwort vergessen']) {
    await chat.ask(question);
  }
  await expect(chat.lastReply.heading).toHaveText('Ich habe mein Passwort vergessen – wie komme ich wieder in mein Kundenkonto?');
  await expect(chat.lastReply.heading).toBeInViewport();
  await expect(chat.input).toBeInViewport();
});

test('when the index cannot be loaded the chat says so, and the next question tries again', async ({ page, guard }) => {
  let reachable = false;
  await page.route('**/vertraut/search-de.json', (route) => (reachable ? route.continue() : route.abort('connectionfailed')));
  const chat = await ChatPage.visit(page, '/');
  await chat.input.fill('Wie lange dauert der Versand?');
  await chat.input.press('Enter');
  await expect(chat.chat.getByRole('status')).toHaveText('Die Antworten konnten gerade nicht geladen werden. Bitte versuchen Sie es gleich noch einmal.');
  await expect(chat.botMessages).toHaveCount(1);

  reachable = true;
  await expectStillAnswering(chat);
  await expect(chat.chat.getByRole('status')).toHaveText('');
  // The browser logged the failed downloads; those errors, and only those, are expected here.
  expect(guard.consoleErrors.length).toBeGreaterThan(0);
  expect(guard.consoleErrors.filter((error) => !error.includes('net::ERR_CONNECTION_FAILED'))).toEqual([]);
  guard.consoleErrors.length = 0;
});
