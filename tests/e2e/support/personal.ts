import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page } from '@playwright/test';
import { parse } from 'yaml';
import type { Language } from '../../../src/core/content/faq-entry.ts';
import { de, type UiKey } from '../../../src/i18n/de.ts';
import { deDu } from '../../../src/i18n/de-du.ts';
import { fill, t } from '../../../src/i18n/translate.ts';
import { readIndexedDb } from './browser-state.ts';
import { ChatPage, type ConsentCard } from './chat-page.ts';
import { DATABASE, decideByButton, type LedgerRecord } from './consent.ts';
import type { PrivacyCenter } from './privacy-center.ts';

/*
 * Helpers for the insights (SPEC 5) and personalization (SPEC 6) flows in the chat: the greeting,
 * the interest question, the "weil Sie sich für … interessieren" line, the profile form of the
 * privacy center, and the `insights` and `profile` tables read back in the database's own terms.
 */

/** A German UI string in the informal form (Du), as a visitor who asked for it reads it. */
export function du(key: UiKey, values?: Readonly<Record<string, string | number>>): string {
  return fill(deDu[key] ?? de[key], values);
}

/** A category's label as the chat names it ("Versand"), from content/categories.yml. */
export function categoryLabel(lang: Language, category: string): string {
  const file = fileURLToPath(new URL('../../../content/categories.yml', import.meta.url));
  const categories = parse(readFileSync(file, 'utf8')) as Record<string, Record<Language, string>>;
  const label = categories[category]?.[lang];
  if (!label) throw new Error(`no label for category ${category} (${lang}) in content/categories.yml`);
  return label;
}

/** The entries of the built search index (dist/, what the tests run against), in content order. */
export function builtEntries(lang: Language): { id: string; category?: string; question: string }[] {
  const file = fileURLToPath(new URL(`../../../dist/vertraut/search-${lang}.json`, import.meta.url));
  return (JSON.parse(readFileSync(file, 'utf8')) as { entries: { id: string; category?: string; question: string }[] }).entries;
}

/** The question of an entry of the built index. */
export function entryQuestion(lang: Language, id: string): string {
  const entry = builtEntries(lang).find((e) => e.id === id);
  if (!entry) throw new Error(`no entry ${id} in the ${lang} index`);
  return entry.question;
}

/**
 * The chat, with the question box found as the only text input with the combobox role: the
 * privacy center's profile form has selects (also comboboxes) in the same chat, which make
 * ChatPage's `getByRole('combobox')` ambiguous while the form is shown.
 */
export class PersonalChat extends ChatPage {
  static async open(page: Page, path = '/'): Promise<PersonalChat> {
    const visited = await ChatPage.visit(page, path);
    return new PersonalChat(page, visited.mode, visited.lang);
  }

  override get input(): Locator {
    return this.chat.locator('input[role="combobox"]');
  }
}

/** The greeting at the top of the chat: its first line and the starter questions under it. */
export function greeting(chat: ChatPage): { line: Locator; privacyLine: Locator; starters: Locator } {
  const root = chat.log.locator('.vt-greeting');
  return { line: root.locator('p').first(), privacyLine: root.locator('.vt-privacy-line'), starters: chat.starters };
}

/** The calendar day `daysAgo` days before today in the browser's time zone, as YYYY-MM-DD. */
export function browserDay(page: Page, daysAgo = 0): Promise<string> {
  return page.evaluate((back) => {
    const d = new Date();
    d.setDate(d.getDate() - back);
    const pad = (n: number, w: number): string => String(n).padStart(w, '0');
    return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1, 2)}-${pad(d.getDate(), 2)}`;
  }, daysAgo);
}

/** An `insights` row exactly as stored: the row key `id` and the event's own fields. */
export type StoredEvent = Record<string, unknown> & { id: number };

/** The `insights` table (key path and rows in key order); empty when there is no database. */
export async function insightRows(page: Page): Promise<{ keyPath: unknown; records: StoredEvent[] }> {
  const db = await readIndexedDb(page, DATABASE);
  const table = db?.['insights'];
  return { keyPath: table?.keyPath ?? null, records: (table?.records ?? []) as StoredEvent[] };
}

/** The `profile` table's rows; empty when there is no database. */
export async function profileRows(page: Page): Promise<Record<string, unknown>[]> {
  return (await readIndexedDb(page, DATABASE))?.['profile']?.records ?? [];
}

/** The ledger's rows as decisions per purpose, in order ("insights:refused"). */
export async function ledgerDecisions(page: Page): Promise<string[]> {
  const records = ((await readIndexedDb(page, DATABASE))?.['ledger']?.records ?? []) as unknown as LedgerRecord[];
  return records.map((r) => `${r.purpose}:${r.decision}:${r.method}`);
}

/**
 * "Ich heiße Anna": the bot says it is glad to meet the visitor and offers the personalization
 * card. Resolves with the card.
 */
export async function introduce(chat: ChatPage, name: string, message = `Ich heiße ${name}`): Promise<ConsentCard> {
  const card = await chat.requestCard(message, 'personalization');
  await expect(chat.lastReply.root).toHaveText(chat.said('personal.niceToMeet', { name }));
  return card;
}

/** Introduces the visitor and clicks "Ja" on the personalization card; the profile is kept from then on. */
export async function grantPersonalizationWithName(chat: ChatPage, name: string): Promise<void> {
  const card = await introduce(chat, name);
  await decideByButton(chat, card, true);
  await expect(chat.lastReply.root).toHaveText(chat.said('consent.granted', { purpose: t(chat.lang, 'purpose.personalization') }));
  await expect.poll(() => profileRows(chat.page).then((rows) => rows.map((r) => r['name']))).toEqual([name]);
}

/** The question "Soll ich mir „Versand“ als Interesse merken?" with its two buttons. */
export function interestQuestion(chat: ChatPage, category: string): { group: Locator; yes: Locator; no: Locator } {
  const label = categoryLabel(chat.lang, category);
  const group = chat.log.getByRole('group', { name: chat.text('personal.interestQuestion', { category: label }), exact: true });
  return {
    group,
    yes: group.getByRole('button', { name: chat.text('personal.interestYes'), exact: true }),
    no: group.getByRole('button', { name: chat.text('personal.interestNo'), exact: true }),
  };
}

/** The line under an answer that says an interest chose it. */
export function becauseLine(reply: Locator, text: string): Locator {
  return reply.locator('.vt-because').filter({ hasText: text });
}

/** The profile form in the privacy center's personalization section (SPEC 4.4: correct). */
export class ProfileForm {
  readonly center: PrivacyCenter;

  constructor(center: PrivacyCenter) {
    this.center = center;
  }

  get root(): Locator {
    return this.center.section('personalization').getByRole('form');
  }

  get name(): Locator {
    return this.root.getByRole('textbox', { name: de['profile.name'], exact: true });
  }

  get address(): Locator {
    return this.root.getByRole('combobox', { name: de['profile.address'], exact: true });
  }

  /** The checkbox of an interest, by the category's label ("Versand"). */
  interest(category: string): Locator {
    return this.root.getByRole('checkbox', { name: categoryLabel('de', category), exact: true });
  }

  get save(): Locator {
    return this.root.getByRole('button', { name: de['profile.save'], exact: true });
  }

  /** Clicks "Profil speichern" and waits for the bot's note that it is saved (in either form of address). */
  async saveAndWait(): Promise<void> {
    const saved = new RegExp(`^${escapeRegExp(this.center.chat.text('chat.bot'))}: (?:${escapeRegExp(de['profile.saved'])}|${escapeRegExp(du('profile.saved'))})$`);
    const notes = this.center.chat.botMessages.filter({ hasText: saved });
    const before = await notes.count();
    await this.save.click();
    await expect(notes).toHaveCount(before + 1);
    // The center is shown again below the note, with the saved state.
    await expect(this.center.root).toHaveCount(1);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
