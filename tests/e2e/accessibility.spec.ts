import { expectNoAxeViolations } from './support/axe.ts';
import { ChatPage } from './support/chat-page.ts';
import { expect, test } from './support/fixtures.ts';
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
