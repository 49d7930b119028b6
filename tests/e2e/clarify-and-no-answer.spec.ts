import { ChatPage } from './support/chat-page.ts';
import { expect, test } from './support/fixtures.ts';

/* SPEC 2.3: when entries fit about equally the bot asks back; when nothing fits it says so honestly. */

test('an ambiguous question gets "Meinten Sie …?" with one button per entry and "Nichts davon"', async ({ page }) => {
  const chat = await ChatPage.visit(page, '/');
  // On the demo content "Rechnung" fits the PDF invoice and paying by invoice about equally.
  const reply = await chat.ask('Rechnung');
  await expect(reply.root).toContainText('Meinten Sie …?');
  await expect(reply.heading).toHaveCount(0);
  await expect(reply.choices).toHaveText(['Kann ich auf Rechnung kaufen?', 'Wo finde ich meine Rechnung als PDF?', 'Nichts davon']);

  const answer = await chat.choose(reply.choices.filter({ hasText: 'Kann ich auf Rechnung kaufen?' }));
  await expect(answer.heading).toHaveText('Kann ich auf Rechnung kaufen?');
  await expect(answer.faqLink).toHaveAttribute('href', '/faq/#kauf-auf-rechnung');
});

test('an ambiguous English question asks back in English', async ({ page }) => {
  const chat = await ChatPage.visit(page, '/en/');
  const reply = await chat.ask('invoice');
  await expect(reply.root).toContainText('Did you mean …?');
  await expect(reply.choices.filter({ hasText: 'Where can I find my invoice as a PDF?' })).toHaveCount(1);
  await expect(reply.choices.filter({ hasText: 'Can I pay by invoice?' })).toHaveCount(1);
  await expect(reply.choices.last()).toHaveText('None of these');
  // Two or three entries, plus "None of these".
  expect(await reply.choices.count()).toBeGreaterThanOrEqual(3);
  expect(await reply.choices.count()).toBeLessThanOrEqual(4);
});

test('"Nichts davon" leads to the honest no-answer, with the question prefilled in the e-mail link', async ({ page }) => {
  const chat = await ChatPage.visit(page, '/');
  const clarification = await chat.ask('Rechnung');
  const reply = await chat.choose(clarification.noneOfThese);
  await expect(chat.userMessages.last()).toContainText('Nichts davon');
  await expect(reply.root).toContainText('Dazu habe ich leider keine passende Antwort gefunden.');
  await expect(reply.phoneLink).toHaveAttribute('href', 'tel:+49401234567');
  await expect(reply.emailLink).toHaveAttribute('href', 'mailto:service@nordlicht-kaffee.example?subject=Frage%20an%20Nordlicht%20Kaffee&body=Rechnung');
});

test('a nonsense question gets an honest no-answer with phone and e-mail, the e-mail prefilled with the question', async ({ page }) => {
  const chat = await ChatPage.visit(page, '/');
  const reply = await chat.ask('Xylophon Quantenflug?');
  await expect(reply.heading).toHaveCount(0);
  await expect(reply.root).toContainText('Dazu habe ich leider keine passende Antwort gefunden.');
  await expect(reply.root).toContainText('Versuchen Sie es gern mit anderen Worten');
  await expect(reply.phoneLink).toHaveText('Anrufen: +49 40 1234567');
  await expect(reply.phoneLink).toHaveAttribute('href', 'tel:+49401234567');
  await expect(reply.root).toContainText('Mo–Fr 9–17 Uhr');
  await expect(reply.emailLink).toHaveText('E-Mail schreiben: service@nordlicht-kaffee.example');
  const mailto = new URL((await reply.emailLink.getAttribute('href')) ?? '');
  expect(mailto.protocol + mailto.pathname).toBe('mailto:service@nordlicht-kaffee.example');
  expect(mailto.searchParams.get('subject')).toBe('Frage an Nordlicht Kaffee');
  expect(mailto.searchParams.get('body')).toBe('Xylophon Quantenflug?');
});

test('the English no-answer offers the same channels in English', async ({ page }) => {
  const chat = await ChatPage.visit(page, '/en/');
  const reply = await chat.ask('xylophone quantum flight');
  await expect(reply.root).toContainText('Sorry, I could not find an answer to that.');
  await expect(reply.phoneLink).toHaveAttribute('href', 'tel:+49401234567');
  await expect(reply.emailLink).toHaveAttribute('href', 'mailto:service@nordlicht-kaffee.example?subject=Question%20for%20Nordlicht%20Kaffee&body=xylophone%20quantum%20flight');
});
