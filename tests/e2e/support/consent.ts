import { createHash } from 'node:crypto';
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { consentCardLines, type Purpose } from '../../../src/core/consent/purposes.ts';
import type { Language } from '../../../src/core/content/faq-entry.ts';
import { t } from '../../../src/i18n/translate.ts';
import settings from '../../../vertraut.config.ts';
import { readIndexedDb, storageInventory } from './browser-state.ts';
import type { ChatPage, ConsentCard } from './chat-page.ts';

/*
 * Helpers for the consent tests (SPEC 3): reaching a consent card the way a visitor does, and
 * reading back what the site stored, in the database's own terms (IndexedDB `vertraut`, tables
 * `ledger` and `history`).
 */

export const DATABASE = 'vertraut';

/** The fields of a ledger entry, exactly those of SPEC 3.5 (the row's key comes on top). */
export const LEDGER_FIELDS = ['consentId', 'purpose', 'decision', 'policyVersion', 'textHash', 'method', 'lang', 'at'] as const;

export interface LedgerRecord {
  seq: number;
  consentId: string;
  purpose: Purpose;
  decision: 'granted' | 'refused' | 'withdrawn' | 'objected';
  policyVersion: string;
  textHash: string;
  method: 'button' | 'keyword' | 'privacy-center';
  lang: Language;
  at: string;
}

export interface HistoryRecord {
  id: number;
  at: string;
  lang: Language;
  from: 'visitor' | 'bot';
  text?: string;
  reply?: { kind: string; entryId?: string; entryLang?: Language; entryIds?: string[]; text?: string };
}

/**
 * Questions that the FAQ answers, in German and English, each from another category (shipping,
 * payment, returns, account): a visitor who asks them is never offered an interest (SPEC 6
 * suggests one only after two answers in one category), so the consent tests see only the cards
 * they are about. The interest question is tested on its own.
 */
export const QUESTIONS = {
  de: ['Wie lange dauert der Versand?', 'Welche Zahlungsarten gibt es?', 'Wie kann ich Artikel zurückschicken?', 'Wie lege ich ein Kundenkonto an?'],
  en: ['How long does delivery take?', 'Which payment methods do you accept?', 'How do I return items?', 'How do I create a customer account?'],
} as const;

/** The purpose's name as the bot says it in its notes ("Verlauf speichern"). */
export function purposeName(lang: Language, purpose: Purpose = 'history'): string {
  return t(lang, `purpose.${purpose}`);
}

/** SHA-256, hex: what the ledger must hold for the exact text a card showed. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The history card's text as the settings and the declarations define it. */
export function declaredCardLines(lang: Language, purpose: Purpose = 'history'): string[] {
  return consentCardLines(purpose, lang, settings.retentionDays[purpose]);
}

/**
 * Two answered questions: the history card appears after the second answer (SPEC 3.3), not
 * before. Resolves with the card.
 */
export async function chatUntilHistoryCard(chat: ChatPage): Promise<ConsentCard> {
  const [first, second] = QUESTIONS[chat.lang];
  await expect((await chat.ask(first)).heading).toBeVisible();
  await expect(chat.consentCards).toHaveCount(0);
  await expect((await chat.ask(second)).heading).toBeVisible();
  const card = chat.consentCard('history');
  await expect(card.root).toBeVisible();
  await expect(chat.consentCards).toHaveCount(1);
  return card;
}

/** Clicks a card's button and waits for the bot's confirmation, which is returned as the newest reply. */
export async function decideByButton(chat: ChatPage, card: ConsentCard, granted: boolean): Promise<void> {
  const before = await chat.botMessages.count();
  await (granted ? card.yes : card.no).click();
  await expect(chat.botMessages).toHaveCount(before + 1);
}

/** Record counts per table of the `vertraut` database, or undefined when it does not exist. */
export async function storedCounts(page: Page, context: BrowserContext): Promise<Record<string, number> | undefined> {
  return (await storageInventory(page, context)).indexedDbRecords[DATABASE];
}

/** Waits until the `vertraut` database holds exactly these record counts (tables not named: none). */
export async function expectStored(
  page: Page,
  context: BrowserContext,
  counts: { ledger: number; history: number; insights?: number; profile?: number },
): Promise<void> {
  await expect.poll(() => storedCounts(page, context), { message: `records in IndexedDB ${DATABASE}` }).toEqual({ insights: 0, profile: 0, ...counts });
}

export async function ledgerRecords(page: Page): Promise<{ keyPath: string; records: LedgerRecord[] }> {
  const db = await readIndexedDb(page, DATABASE);
  if (!db?.['ledger']) throw new Error(`IndexedDB ${DATABASE} has no ledger`);
  return { keyPath: String(db['ledger'].keyPath), records: db['ledger'].records as unknown as LedgerRecord[] };
}

export async function historyRecords(page: Page): Promise<HistoryRecord[]> {
  const db = await readIndexedDb(page, DATABASE);
  if (!db?.['history']) throw new Error(`IndexedDB ${DATABASE} has no history table`);
  return db['history'].records as unknown as HistoryRecord[];
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
