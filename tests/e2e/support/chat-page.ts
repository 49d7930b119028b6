import { expect, type Locator, type Page } from '@playwright/test';

/** A page object for the chat: what a visitor sees and does, by role and accessible name. */
export class ChatPage {
  readonly page: Page;
  readonly chat: Locator;

  constructor(page: Page, mode: 'inline' | 'panel') {
    this.page = page;
    this.chat = page.locator(`#vertraut-${mode}`);
  }

  get input(): Locator {
    return this.chat.getByRole('combobox');
  }

  get log(): Locator {
    return this.chat.getByRole('log');
  }

  get suggestions(): Locator {
    return this.chat.getByRole('listbox');
  }

  /** The newest bot message. */
  get lastReply(): Locator {
    return this.log.locator('.vt-message--bot').last();
  }

  async ask(question: string): Promise<Locator> {
    const before = await this.log.locator('.vt-message--bot').count();
    await this.input.fill(question);
    await this.input.press('Enter');
    await expect(this.log.locator('.vt-message--bot')).toHaveCount(before + 1);
    return this.lastReply;
  }

  /** The heading of the answer shown in a reply. */
  answerTitle(reply: Locator): Locator {
    return reply.getByRole('heading', { level: 3 });
  }
}
