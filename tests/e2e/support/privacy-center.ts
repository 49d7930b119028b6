import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import type { Purpose } from '../../../src/core/consent/purposes.ts';
import { t, type UiKey } from '../../../src/i18n/translate.ts';
import settings from '../../../vertraut.config.ts';
import { readIndexedDb } from './browser-state.ts';
import { ChatPage } from './chat-page.ts';
import { chatUntilHistoryCard, DATABASE, decideByButton, type HistoryRecord, type LedgerRecord } from './consent.ts';

/*
 * The privacy center (SPEC 4) as a visitor meets it: a region in the chat log named "Meine
 * Daten", opened by the header button or by words, with a section per purpose, the consent log
 * and the actions (export, restore, delete everything). Every control is found by its role and
 * visible text in the page's language.
 */

/**
 * An export file (SPEC 4.3): version 2 as the site writes it (public/vertraut/export-schema.v2.json,
 * with the counted events and the profile), or version 1 (export-schema.v1.json, ledger and
 * history only), which the site still restores.
 */
export interface ExportFile {
  format: string;
  version: number;
  exportedAt: string;
  site: string;
  ledger: Omit<LedgerRecord, 'seq'>[];
  history: Omit<HistoryRecord, 'id'>[];
  insights?: Record<string, unknown>[];
  profile?: Record<string, unknown>;
}

/** What the database holds, without the keys the database itself assigns (`seq`, `id`). */
export interface StoredContent {
  ledger: Omit<LedgerRecord, 'seq'>[];
  history: Omit<HistoryRecord, 'id'>[];
}

/** The database's content without its auto keys; undefined when there is no database. */
export async function storedContent(page: Page): Promise<StoredContent | undefined> {
  const db = await readIndexedDb(page, DATABASE);
  if (!db) return undefined;
  const ledger = (db['ledger']?.records ?? []) as unknown as LedgerRecord[];
  const history = (db['history']?.records ?? []) as unknown as HistoryRecord[];
  return {
    ledger: ledger.map(({ seq: _seq, ...rest }) => rest),
    history: history.map(({ id: _id, ...rest }) => rest),
  };
}

export class PrivacyCenter {
  readonly chat: ChatPage;
  readonly page: Page;

  constructor(chat: ChatPage) {
    this.chat = chat;
    this.page = chat.page;
  }

  text(key: UiKey, values?: Readonly<Record<string, string | number>>): string {
    return t(this.chat.lang, key, values);
  }

  /** The center: a region of the log, named by its heading "Meine Daten" / "My data". */
  get root(): Locator {
    return this.chat.log.getByRole('region', { name: this.text('center.title'), exact: true });
  }

  get heading(): Locator {
    return this.root.getByRole('heading', { level: 3, name: this.text('center.title'), exact: true });
  }

  /** "Meine Daten" in the chat's header (not the button of the same name under a privacy answer). */
  get headerButton(): Locator {
    return this.chat.chat.locator('.vt-header').getByRole('button', { name: this.text('center.open'), exact: true });
  }

  /** Opens the center with the header button; resolves once it is there and has the focus. */
  async openByButton(): Promise<void> {
    await this.headerButton.click();
    await this.#opened();
  }

  /** Opens the center by typing words into the chat ("Meine Daten", "privacy"). */
  async openByWords(words: string): Promise<void> {
    await this.chat.send(words);
    await this.#opened();
  }

  async #opened(): Promise<void> {
    await expect(this.root).toHaveCount(1);
    await expect(this.root).toBeVisible();
    await expect(this.root).toBeFocused();
  }

  purposeName(purpose: Purpose = 'history'): string {
    return t(this.chat.lang, `purpose.${purpose}`);
  }

  /** The section of one purpose, found by its heading "<purpose>: <status>". */
  section(purpose: Purpose = 'history'): Locator {
    return this.root.locator('section').filter({ has: this.page.getByRole('heading', { level: 4, name: `${this.purposeName(purpose)}: ` }) });
  }

  /** The heading of a purpose's section, e.g. "Verlauf speichern: eingeschaltet". */
  sectionHeading(purpose: Purpose = 'history'): Locator {
    return this.root.getByRole('heading', { level: 4, name: `${this.purposeName(purpose)}: ` });
  }

  /** The purpose's switch (role=switch), named "<purpose>: ausschalten" or "…: einschalten". */
  switch(purpose: Purpose = 'history'): Locator {
    return this.root.getByRole('switch', { name: `${this.purposeName(purpose)}: ` });
  }

  deletePurposeButton(purpose: Purpose = 'history'): Locator {
    return this.root.getByRole('button', { name: this.text('center.deletePurpose', { purpose: this.purposeName(purpose) }), exact: true });
  }

  /** The "Nachrichten anzeigen" disclosure and the stored visitor messages inside it. */
  get showItems(): Locator {
    return this.root.locator('details > summary', { hasText: this.text('center.showItems') });
  }

  get items(): Locator {
    return this.root.locator('details').getByRole('listitem');
  }

  itemDeleteButton(index: number): Locator {
    return this.items.nth(index).getByRole('button', { name: this.text('center.deleteItem'), exact: true });
  }

  /** The consent log's entries ("29.11.2026, 10:15: Verlauf speichern, erlaubt"). */
  get ledgerEntries(): Locator {
    return this.root.locator('section', { has: this.page.getByRole('heading', { level: 4, name: this.text('center.ledgerTitle'), exact: true }) }).getByRole('listitem');
  }

  get exportButton(): Locator {
    return this.root.getByRole('button', { name: this.text('center.export'), exact: true });
  }

  get importButton(): Locator {
    return this.root.getByRole('button', { name: this.text('center.import'), exact: true });
  }

  /** The hidden file input behind "Aus Datei wiederherstellen". */
  get fileInput(): Locator {
    return this.root.locator('input[type=file][data-action=center-import]');
  }

  get deleteAllButton(): Locator {
    return this.root.getByRole('button', { name: this.text('center.deleteAll'), exact: true });
  }

  get privacyLink(): Locator {
    return this.root.getByRole('link', { name: this.text('privacyAnswer.more'), exact: true });
  }

  /** Every question asked after "Alles löschen" so far, oldest first. */
  get confirmations(): Locator {
    return this.chat.log.getByRole('group', { name: this.text('center.deleteAllConfirm'), exact: true });
  }

  /** The newest question after "Alles löschen", with its two buttons. */
  get confirmation(): Locator {
    return this.confirmations.last();
  }

  /** The bot's message holding the newest question (it takes the focus when asked). */
  get confirmationMessage(): Locator {
    return this.chat.botMessages.filter({ has: this.page.getByRole('group', { name: this.text('center.deleteAllConfirm'), exact: true }) }).last();
  }

  get confirmYes(): Locator {
    return this.confirmation.getByRole('button', { name: this.text('center.deleteAllYes'), exact: true });
  }

  get confirmNo(): Locator {
    return this.confirmation.getByRole('button', { name: this.text('center.deleteAllNo'), exact: true });
  }

  /** Clicks "Exportieren (JSON)" and returns the downloaded file, its name and parsed content. */
  async export(): Promise<{ name: string; raw: string; json: ExportFile }> {
    const download = this.page.waitForEvent('download');
    await this.exportButton.click();
    const file = await download;
    const path = await file.path();
    const raw = await readFile(path, 'utf8');
    return { name: file.suggestedFilename(), raw, json: JSON.parse(raw) as ExportFile };
  }

  /**
   * Chooses a file for "Aus Datei wiederherstellen" (the hidden input behind the button) and
   * resolves with the bot's note about it, which it waits for.
   */
  async importFile(name: string, content: string | Buffer, mimeType = 'application/json'): Promise<Locator> {
    // The center is replaced after a restore: count the bot's other messages.
    const others = this.chat.botMessages.and(this.page.locator(':not(.vt-center)'));
    const before = await others.count();
    await this.fileInput.setInputFiles({ name, mimeType, buffer: typeof content === 'string' ? Buffer.from(content, 'utf8') : content });
    const note = others.nth(before);
    await expect(note).toBeVisible();
    return note;
  }

  /** "Alles löschen", then "Ja, alles löschen"; resolves with the bot's confirmation. */
  async deleteEverything(): Promise<Locator> {
    await this.deleteAllButton.click();
    await expect(this.confirmYes).toBeVisible();
    await this.confirmYes.click();
    // The center leaves the log right after the bot's note has arrived.
    await expect(this.root).toHaveCount(0);
    return this.chat.botMessages.last();
  }
}

/** The export as a string that the site should accept, built from stored content (a version 1 file). */
export function exportText(content: StoredContent, overrides: Partial<ExportFile> = {}): string {
  return JSON.stringify({ format: 'vertraut-export', version: 1, exportedAt: new Date().toISOString(), site: settings.site, ...content, ...overrides }, null, 2);
}

/** Two answered questions and "Ja" on the history card: 1 ledger record, 4 history records. */
export async function grantHistory(chat: ChatPage): Promise<void> {
  const card = await chatUntilHistoryCard(chat);
  await decideByButton(chat, card, true);
  await expect(chat.lastReply.root).toHaveText(chat.said('consent.granted', { purpose: t(chat.lang, 'purpose.history') }));
  await expect.poll(() => storedContent(chat.page).then((c) => c && [c.ledger.length, c.history.length]), { message: 'records after "Ja"' }).toEqual([1, 4]);
}

/** A visitor who allowed the history (two exchanges kept) and then opened the privacy center. */
export async function centerWithHistory(page: Page, path = '/'): Promise<{ chat: ChatPage; center: PrivacyCenter }> {
  const chat = await ChatPage.visit(page, path);
  await grantHistory(chat);
  const center = new PrivacyCenter(chat);
  await center.openByButton();
  return { chat, center };
}

/**
 * A time as the visitor's browser shows it in the page's language: the day ("29. November
 * 2026") or day and time ("29.11.2026, 10:15"), in the browser's time zone.
 */
export function shownDate(page: Page, iso: string, { lang = 'de', withTime = false }: { lang?: 'de' | 'en'; withTime?: boolean } = {}): Promise<string> {
  return page.evaluate(
    ({ at, locale, time }) =>
      new Intl.DateTimeFormat(locale, time ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'long' }).format(new Date(at)),
    { at: iso, locale: lang === 'de' ? 'de-DE' : 'en-GB', time: withTime },
  );
}

export const DAY_MS = 24 * 60 * 60 * 1000;
