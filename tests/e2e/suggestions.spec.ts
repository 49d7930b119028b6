import { ChatPage } from './support/chat-page.ts';
import { expect, test } from './support/fixtures.ts';

/* SPEC 2.4: up to five suggestions while typing, chosen with the keyboard; SPEC 8.3: Esc closes. */

test('typing "Rücksen" offers up to five questions in a listbox; ArrowDown and Enter answer the first', async ({ page }) => {
  const chat = await ChatPage.visit(page, '/');
  await chat.input.pressSequentially('Rücksen');
  await expect(chat.suggestions).toBeVisible();
  await expect(chat.input).toHaveAttribute('aria-expanded', 'true');
  await expect(chat.options.filter({ hasText: 'Rücksendeetikett' })).toHaveCount(1);
  await expect(chat.options.filter({ hasText: 'zurückschicken' })).toHaveCount(1);
  const count = await chat.options.count();
  expect(count).toBeGreaterThanOrEqual(2);
  expect(count).toBeLessThanOrEqual(5);

  await chat.input.press('ArrowDown');
  await expect(chat.selectedOption).toHaveCount(1);
  await expect(chat.options.first()).toHaveAttribute('aria-selected', 'true');
  await expect(chat.input).toHaveAttribute('aria-activedescendant', (await chat.selectedOption.getAttribute('id')) ?? '(no id)');
  await expect(chat.input).toBeFocused();
  const chosen = await chat.selectedOption.innerText();

  await chat.input.press('Enter');
  await expect(chat.lastReply.heading).toHaveText(chosen);
  await expect(chat.userMessages.last()).toContainText(chosen);
  await expect(chat.suggestions).toBeHidden();
  await expect(chat.input).toHaveAttribute('aria-expanded', 'false');
  await expect(chat.input).toHaveValue('');
});

test('ArrowUp and ArrowDown move through the options and back into the text box', async ({ page }) => {
  const chat = await ChatPage.visit(page, '/');
  await chat.input.pressSequentially('Rücksen');
  await expect(chat.suggestions).toBeVisible();
  await chat.input.press('ArrowUp');
  await expect(chat.options.last()).toHaveAttribute('aria-selected', 'true');
  expect(await chat.options.count()).toBeGreaterThan(1);
  // Past the last option the selection returns to the text box: nothing selected, Enter asks the text.
  await chat.input.press('ArrowDown');
  await expect(chat.selectedOption).toHaveCount(0);
  await expect(chat.input).not.toHaveAttribute('aria-activedescendant');
  await chat.input.press('ArrowDown');
  await chat.input.press('ArrowDown');
  await expect(chat.options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(chat.selectedOption).toHaveCount(1);
  await chat.input.press('Enter');
  await expect(chat.lastReply.heading).toBeVisible();
});

test('Escape closes the list and ArrowDown opens it again', async ({ page }) => {
  const chat = await ChatPage.visit(page, '/');
  await chat.input.pressSequentially('Zahlungs');
  await expect(chat.suggestions).toBeVisible();
  await chat.input.press('Escape');
  await expect(chat.suggestions).toBeHidden();
  await expect(chat.input).toHaveValue('Zahlungs');
  await chat.input.press('ArrowDown');
  await expect(chat.suggestions).toBeVisible();
  await expect(chat.options.first()).toHaveAttribute('aria-selected', 'true');
});

test('clicking a suggestion answers it and keeps the focus in the input', async ({ page }) => {
  const chat = await ChatPage.visit(page, '/');
  await chat.input.pressSequentially('Zahlungs');
  const option = chat.options.filter({ hasText: 'Welche Zahlungsarten bieten Sie an?' });
  await chat.choose(option);
  await expect(chat.lastReply.heading).toHaveText('Welche Zahlungsarten bieten Sie an?');
  await expect(chat.suggestions).toBeHidden();
  await expect(chat.input).toBeFocused();
});

test('in the panel, Escape first closes the suggestions, then the panel, and the focus returns to the launcher', async ({ page }) => {
  const chat = await ChatPage.visit(page, '/faq/');
  await chat.openPanel();
  await chat.input.pressSequentially('Rücksen');
  await expect(chat.suggestions).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(chat.suggestions).toBeHidden();
  await expect(chat.input).toHaveAttribute('aria-expanded', 'false');
  await expect(chat.window).toBeVisible();
  await expect(chat.input).toBeFocused();
  await expect(chat.input).toHaveValue('Rücksen');

  await page.keyboard.press('Escape');
  await expect(chat.window).toBeHidden();
  await expect(chat.launcher).toBeFocused();
  await expect(chat.launcher).toHaveAttribute('aria-expanded', 'false');
});

test('a question too short to suggest anything shows no list', async ({ page }) => {
  const chat = await ChatPage.visit(page, '/');
  await chat.input.pressSequentially('Rücksen');
  await expect(chat.suggestions).toBeVisible();
  await chat.input.fill('R');
  await expect(chat.suggestions).toBeHidden();
  await expect(chat.input).toHaveAttribute('aria-expanded', 'false');
});

test('what was typed while the index was still loading gets its suggestions once it arrives', async ({ page }) => {
  // The page's timers run only when the test says so: the typing delay passes while the index is held back.
  await page.clock.install();
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/vertraut/search-de.json', async (route) => {
    await held;
    await route.continue();
  });
  const chat = await ChatPage.visit(page, '/');
  const indexRequested = page.waitForRequest('**/vertraut/search-de.json');
  await chat.input.pressSequentially('Rücksen');
  await indexRequested;
  await page.clock.runFor(1000);
  await expect(chat.suggestions).toBeHidden();

  release();
  await expect
    .poll(async () => {
      await page.clock.runFor(100);
      return chat.options.filter({ hasText: 'Rücksendeetikett' }).count();
    })
    .toBe(1);
  await expect(chat.suggestions).toBeVisible();
});

test('the arrow keys move through the suggestions for what is in the box now, not for what was there', async ({ page }) => {
  await page.clock.install();
  const chat = await ChatPage.visit(page, '/');
  await chat.input.fill('Versand');
  await expect
    .poll(async () => {
      await page.clock.runFor(100);
      return chat.options.filter({ hasText: 'Versand' }).count();
    })
    .toBeGreaterThan(0);
  // A fast typist: the new text is in, its suggestions are not yet (their delay has not passed).
  await chat.input.fill('Rücksendeetikett');
  await chat.input.press('ArrowDown');
  await expect(chat.selectedOption).toHaveText('Wo bekomme ich ein Rücksendeetikett?');
  await chat.input.press('Enter');
  await expect(chat.lastReply.heading).toHaveText('Wo bekomme ich ein Rücksendeetikett?');
});

test('leaving the text box with Tab closes the suggestions', async ({ page }) => {
  const chat = await ChatPage.visit(page, '/');
  await chat.input.pressSequentially('Rücksen');
  await expect(chat.suggestions).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(chat.input).not.toBeFocused();
  await expect(chat.suggestions).toBeHidden();
  await expect(chat.input).toHaveAttribute('aria-expanded', 'false');
});
