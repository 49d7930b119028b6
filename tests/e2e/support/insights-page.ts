import { readFile } from 'node:fs/promises';
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import type { Language } from '../../../src/core/content/faq-entry.ts';
import { insightsDe, type InsightsKey, type InsightsStrings } from '../../../src/i18n/insights-de.ts';
import { insightsEn } from '../../../src/i18n/insights-en.ts';
import { fill, t } from '../../../src/i18n/translate.ts';
import { inventoryWithIndexedDb, type StorageInventory } from './browser-state.ts';
import { ChatPage, Reply } from './chat-page.ts';
import { DATABASE, decideByButton, QUESTIONS, storedCounts } from './consent.ts';

/*
 * The insights page (SPEC 5.3, 5.4) as a visitor and an editor see it: regions named by their
 * headings, charts as images named by their summary, the numbers in the tables behind them.
 */

const STRINGS: Record<Language, InsightsStrings> = { de: insightsDe, en: insightsEn };

export const INSIGHTS_PATH: Record<Language, string> = { de: '/einblicke/', en: '/en/insights/' };

/** One drawn part of a bar or column: its series, the count it stands for, its length. */
export interface DrawnPart {
  kind: string;
  value: number;
  width: number;
  height: number;
}

export class InsightsPage {
  readonly page: Page;
  readonly lang: Language;

  constructor(page: Page, lang: Language = 'de') {
    this.page = page;
    this.lang = lang;
  }

  /** Opens the page and waits until it has read what the browser holds (or found nothing). */
  static async visit(page: Page, lang: Language = 'de'): Promise<InsightsPage> {
    await page.goto(INSIGHTS_PATH[lang]);
    const insights = new InsightsPage(page, lang);
    await expect(page.locator('[data-insights]')).toHaveAttribute('data-ready', '');
    return insights;
  }

  text(key: InsightsKey, values?: Readonly<Record<string, string | number>>): string {
    return fill(STRINGS[this.lang][key], values);
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** "Ihre Statistik in diesem Browser". */
  get mine(): Locator {
    return this.page.getByRole('region', { name: this.text('insights.mine.title'), exact: true });
  }

  /** "Bericht an die Redaktion". */
  get report(): Locator {
    return this.page.getByRole('region', { name: this.text('insights.report.title'), exact: true });
  }

  /** "Berichte auswerten": report files loaded by an editor. */
  get loading(): Locator {
    return this.page.getByRole('region', { name: this.text('insights.load.title'), exact: true });
  }

  /** A part of a set of statistics ("Häufigste Fragen", …) inside `scope` (mine or loading). */
  part(scope: Locator, title: InsightsKey): Locator {
    return scope.getByRole('region', { name: this.text(title), exact: true });
  }

  chart(scope: Locator, title: InsightsKey): Locator {
    return this.part(scope, title).getByRole('img');
  }

  /** The parts drawn in a chart, in drawing order. */
  async drawn(scope: Locator, title: InsightsKey): Promise<DrawnPart[]> {
    return this.chart(scope, title)
      .locator('rect')
      .evaluateAll((rects) =>
        rects.map((rect) => ({
          kind: [...rect.classList].find((c) => c.startsWith('insights-bar--'))?.slice('insights-bar--'.length) ?? '',
          value: Number(rect.getAttribute('data-value')),
          width: Number(rect.getAttribute('width')),
          height: Number(rect.getAttribute('height')),
        })),
      );
  }

  /** Opens "Zahlen als Tabelle" under a chart, as a visitor would, and reads its rows (header excluded). */
  async tableRows(scope: Locator, title: InsightsKey): Promise<string[][]> {
    const part = this.part(scope, title);
    const details = part.locator('details');
    if ((await details.getAttribute('open')) === null) await part.getByText(this.text('insights.table.show'), { exact: true }).click();
    const table = part.getByRole('table', { name: this.text(title), exact: true });
    await expect(table).toBeVisible();
    return table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim())));
  }

  /** The overview's numbers by their label. */
  async totals(scope: Locator): Promise<Record<string, string>> {
    const pairs = await this.part(scope, 'insights.totals.title')
      .locator('dl > div')
      .evaluateAll((items) => items.map((item) => [item.querySelector('dt')?.textContent ?? '', (item.querySelector('dd')?.textContent ?? '').replace(/\s+/g, ' ')]));
    return Object.fromEntries(pairs);
  }

  /** The report exactly as the page shows it. */
  get reportJson(): Locator {
    return this.report.locator('pre');
  }

  async shownReport(): Promise<string> {
    return (await this.reportJson.textContent()) ?? '';
  }

  get sendButton(): Locator {
    return this.report.getByRole('button', { name: this.text('insights.report.send'), exact: true });
  }

  get downloadButton(): Locator {
    return this.report.getByRole('button', { name: this.text('insights.report.download'), exact: true });
  }

  get reportStatus(): Locator {
    return this.report.getByRole('status');
  }

  /** The readable summary of the report, line by line. */
  get reportSummary(): Locator {
    return this.report.getByRole('list', { name: this.text('insights.report.summaryTitle') }).getByRole('listitem');
  }

  get fileInput(): Locator {
    return this.loading.getByLabel(this.text('insights.load.label'), { exact: true });
  }

  /** What the page said about each file of the last choice. */
  get loadResults(): Locator {
    return this.loading.getByRole('status').getByRole('listitem');
  }

  get clearButton(): Locator {
    return this.loading.getByRole('button', { name: this.text('insights.load.clear'), exact: true });
  }

  /** Chooses report files, as the file picker would, and waits for a line about each. */
  async loadReports(files: readonly { name: string; content: string }[]): Promise<void> {
    await this.fileInput.setInputFiles(files.map(({ name, content }) => ({ name, mimeType: 'application/json', buffer: Buffer.from(content, 'utf8') })));
    await expect(this.loadResults).toHaveCount(files.length);
  }

  /** Clicks "Bericht herunterladen" and returns the saved file's name and exact text. */
  async downloadReport(): Promise<{ name: string; text: string }> {
    const download = this.page.waitForEvent('download');
    await this.downloadButton.click();
    const file = await download;
    return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
  }
}

/** What `countQuestionsInChat` counts, as the page must show it. */
export const COUNTED = {
  /** Entry question (the heading of its answer) and times answered, most first. */
  answered: [
    ['Wie lange dauert der Versand?', 2],
    ['Welche Zahlungsarten bieten Sie an?', 1],
  ],
  /** "Rechnung" offers these two, once. */
  clarified: [
    ['Kann ich auf Rechnung kaufen?', 1],
    ['Wo finde ich meine Rechnung als PDF?', 1],
  ],
  unansweredText: 'Wie hoch ist der Mond?',
  /** A question with an e-mail address in it: counted, its text dropped by the scrubber. */
  unansweredWithAddress: 'Wie hoch ist der Mond? Antwort bitte an anna.schmidt@example.org',
  feedback: { versanddauer: 'yes', zahlungsarten: 'no' },
  /** answered 3, clarified 1, unanswered 2. */
  questions: 6,
  /** Stored rows: 3 answered + 1 clarified + 2 unanswered + 2 ratings, and the one consent. */
  stored: { insights: 8, ledger: 1 },
} as const;

/** The storage after `countQuestionsInChat`: the consent and the counted events, nothing else. */
export function countedStorage(): StorageInventory {
  return inventoryWithIndexedDb({ [DATABASE]: { history: 0, insights: COUNTED.stored.insights, ledger: 1, profile: 0 } });
}

/**
 * A visitor on the home page: an unanswered question brings the card "Anonym mitzählen?", the
 * visitor says "Ja"; from then on the chat counts: two answers rated (yes, no), one answer
 * again, an ambiguous question, an unanswered one and one with an e-mail address in it. Resolves once all
 * of it is stored.
 */
export async function countQuestionsInChat(page: Page, context: BrowserContext): Promise<void> {
  const chat = await ChatPage.visit(page, '/');
  const [shipping, payment] = QUESTIONS.de;
  await expect((await chat.ask(COUNTED.unansweredText)).emailLink).toBeVisible();
  const card = chat.consentCard('insights');
  await expect(card.title).toHaveText('Anonym mitzählen?');
  await decideByButton(chat, card, true);

  const first = await answered(chat, shipping, 'Wie lange dauert der Versand?');
  await first.feedbackButton(true).click();
  await expect(first.root).toContainText(t('de', 'feedback.thanksYes'));
  const second = await answered(chat, payment, 'Welche Zahlungsarten bieten Sie an?');
  await second.feedbackButton(false).click();
  await expect(second.root).toContainText(t('de', 'feedback.thanksNo'));
  await answered(chat, shipping, 'Wie lange dauert der Versand?');
  await sendAndSee(chat, 'Rechnung', chat.log.getByRole('list', { name: t('de', 'clarify.intro') }));
  await sendAndSee(chat, COUNTED.unansweredText, chat.log.locator('a[href^="mailto:"]'));
  await sendAndSee(chat, COUNTED.unansweredWithAddress, chat.log.locator('a[href^="mailto:"]'));
  await expect.poll(() => storedCounts(page, context), { message: 'the counted events in IndexedDB' }).toEqual({ history: 0, insights: COUNTED.stored.insights, ledger: 1, profile: 0 });
}

/**
 * Sends a question and waits for one more of `sign` in the log. The bot may add more after a
 * reply (a card, the question whether to remember an interest); counting only what this reply
 * brings keeps the seeding independent of those.
 */
async function sendAndSee(chat: ChatPage, question: string, sign: Locator): Promise<void> {
  const before = await sign.count();
  await chat.send(question);
  await expect(sign).toHaveCount(before + 1);
}

/** Asks a question the FAQ answers and returns the reply with this heading. */
async function answered(chat: ChatPage, question: string, heading: string): Promise<Reply> {
  const headings = chat.log.getByRole('heading', { level: 3, name: heading, exact: true });
  await sendAndSee(chat, question, headings);
  return new Reply(chat.botMessages.filter({ has: chat.page.getByRole('heading', { level: 3, name: heading, exact: true }) }).last(), 'de');
}
