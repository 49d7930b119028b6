import { buildReport, parseReport, type InsightsReport } from '../../src/core/insights/report.ts';
import type { InsightEvent } from '../../src/core/insights/events.ts';
import settings from '../../vertraut.config.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { injectStorageFault } from './support/browser-state.ts';
import { expect, test } from './support/fixtures.ts';
import { COUNTED, countedStorage, countQuestionsInChat, INSIGHTS_PATH, InsightsPage } from './support/insights-page.ts';

/*
 * SPEC 5.3 and 5.4 on the demo build (no report endpoint): the insights page shows the visitor's
 * own counts, read without creating anything; it adds up report files an editor loads; and it
 * offers the report as a download of exactly the JSON it shows, sending nothing.
 */

/** A calendar day formatted as the page formats it (the browser's Intl, in UTC). */
function formatDay(insights: InsightsPage, day: string): Promise<string> {
  return insights.page.evaluate(
    ({ lang, value }) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`)),
    { lang: insights.lang, value: day },
  );
}

function formatPercent(insights: InsightsPage, share: number): Promise<string> {
  return insights.page.evaluate(({ lang, value }) => new Intl.NumberFormat(lang, { style: 'percent' }).format(value).replace(/\s+/g, ' '), { lang: insights.lang, value: share });
}

/** The visitor's calendar day in the browser, as the chat records it. */
function browserToday(insights: InsightsPage): Promise<string> {
  return insights.page.evaluate(() => {
    const now = new Date();
    const pad = (n: number): string => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  });
}

for (const lang of ['de', 'en'] as const) {
  test(`${INSIGHTS_PATH[lang]} with nothing stored: says nothing is counted, offers no report, creates nothing and loads no storage code`, async ({ page, guard }) => {
    const insights = await InsightsPage.visit(page, lang);
    await expect(insights.heading).toHaveText(insights.text('insights.title'));
    await expect(insights.mine.getByRole('status')).toHaveText(insights.text('insights.mine.nothing'));
    await expect(insights.report).toContainText(insights.text('insights.report.none'));
    await expect(insights.report.getByRole('button')).toHaveCount(0);
    await expect(insights.reportJson).toBeHidden();
    // The editors' part works without anything stored.
    await expect(insights.fileInput).toBeVisible();
    await expectNoAxeViolations(page);
    // Neither Dexie (local-store) nor the report format (report, which brings zod) was needed to find nothing.
    expect(guard.requests.paths(guard.origin).filter((path) => /\/_astro\/(local-store|report)\./.test(path))).toEqual([]);
    // The guard checks that nothing was created: no database, nothing at all.
  });
}

test('without JavaScript the page says the statistics need it, because they live in the browser', async ({ page }) => {
  const html = await (await page.request.get(INSIGHTS_PATH.de)).text();
  const insights = new InsightsPage(page, 'de');
  expect(html).toContain(`<noscript><p class="insights-note">${insights.text('insights.noScript')}</p></noscript>`);
  // The parts that need the browser's data are hidden until the script shows them.
  expect(html).toMatch(/<section[^>]*data-report[^>]*hidden/);
  expect(html).toMatch(/<section[^>]*data-load[^>]*hidden/);
});

test('after chatting with "Anonym mitzählen" allowed, the charts and tables show exactly what was counted', async ({ page, context, guard }) => {
  await countQuestionsInChat(page, context);
  const insights = await InsightsPage.visit(page, 'de');
  const { mine } = insights;
  const today = await browserToday(insights);
  const day = await formatDay(insights, today);

  await expect(mine.getByRole('status')).toBeHidden();
  // The question before the consent was not counted: "Wie hoch ist der Mond?" counts once.
  expect(await insights.totals(mine)).toEqual({
    Fragen: '6',
    Beantwortet: '3',
    'Mit Rückfrage („Meinten Sie …?“)': '1',
    Unbeantwortet: '2',
    'Als hilfreich bewertet': '1',
    'Als nicht hilfreich bewertet': '1',
    Sprachen: 'Deutsch: 6',
    Zeitraum: day,
  });

  // Top questions: bars in proportion 2 : 1, the entries' questions as labels, the same in the table.
  await expect(insights.chart(mine, 'insights.top.title')).toHaveAttribute(
    'aria-label',
    insights.text('insights.top.chart', { count: 2, first: 'Wie lange dauert der Versand?', value: 2 }),
  );
  const top = await insights.drawn(mine, 'insights.top.title');
  expect(top.map(({ kind, value }) => [kind, value])).toEqual([
    ['answered', 2],
    ['answered', 1],
  ]);
  expect(top[0]?.width).toBeCloseTo(2 * (top[1]?.width ?? 0), 0);
  await expect(insights.chart(mine, 'insights.top.title')).toContainText('Wie lange dauert der Versand?');
  expect(await insights.tableRows(mine, 'insights.top.title')).toEqual(COUNTED.answered.map(([question, count]) => [question, String(count)]));

  // "Rechnung" was ambiguous: both entries it offered, once.
  expect(await insights.tableRows(mine, 'insights.clarified.title')).toEqual(COUNTED.clarified.map(([question, count]) => [question, String(count)]));

  // Unanswered: the scrubbed text once, the one with an e-mail address counted without its text.
  expect(await insights.tableRows(mine, 'insights.unanswered.title')).toEqual([[COUNTED.unansweredText, 'Deutsch', '1']]);
  await expect(insights.part(mine, 'insights.unanswered.title')).toContainText(insights.text('insights.unanswered.dropped', { count: 1 }));
  await expect(insights.part(mine, 'insights.unanswered.title')).not.toContainText('anna.schmidt');
  expect((await insights.drawn(mine, 'insights.unanswered.title')).map(({ kind, value }) => [kind, value])).toEqual([['unanswered', 1]]);

  // Helpfulness: one "yes" for the shipping answer, one "no" for the payment answer.
  await expect(insights.chart(mine, 'insights.helpful.title')).toHaveAttribute('aria-label', insights.text('insights.helpful.chart', { count: 2, yes: 1, no: 1 }));
  expect((await insights.drawn(mine, 'insights.helpful.title')).map(({ kind, value }) => [kind, value])).toEqual([
    ['yes', 1],
    ['no', 1],
  ]);
  expect(await insights.tableRows(mine, 'insights.helpful.title')).toEqual([
    ['Wie lange dauert der Versand?', '1', '0', await formatPercent(insights, 1)],
    ['Welche Zahlungsarten bieten Sie an?', '0', '1', await formatPercent(insights, 0)],
  ]);

  // Per day: one column of today, 3 answered, 1 clarified, 2 unanswered, stacked in proportion.
  await expect(insights.chart(mine, 'insights.days.title')).toHaveAttribute(
    'aria-label',
    insights.text('insights.days.chart', { from: day, to: day, total: 6, maxDay: day, max: 6 }),
  );
  const column = await insights.drawn(mine, 'insights.days.title');
  expect(column.map(({ kind, value }) => [kind, value])).toEqual([
    ['answered', 3],
    ['clarified', 1],
    ['unanswered', 2],
  ]);
  expect(column[0]?.height).toBeCloseTo(3 * (column[1]?.height ?? 0), 0);
  expect(column[2]?.height).toBeCloseTo(2 * (column[1]?.height ?? 0), 0);
  expect(await insights.tableRows(mine, 'insights.days.title')).toEqual([[day, '3', '1', '2', '6']]);

  // The report to the editors holds exactly these counts, and the scrubbed text only.
  const shown = await insights.shownReport();
  const parsed = parseReport(shown);
  expect(parsed.ok, 'the shown report is a valid report').toBe(true);
  const report = JSON.parse(shown) as InsightsReport;
  expect(shown).toBe(JSON.stringify(report, null, 2));
  expect({ ...report, reportId: 'random' }).toEqual({
    format: 'vertraut-insights-report',
    version: 1,
    reportId: 'random',
    site: settings.site,
    from: today,
    to: today,
    languages: { de: 6, en: 0 },
    answered: [
      { entryId: 'versanddauer', count: 2 },
      { entryId: 'zahlungsarten', count: 1 },
    ],
    clarified: [{ entryIds: ['kauf-auf-rechnung', 'rechnung-pdf'], count: 1 }],
    unanswered: [{ text: COUNTED.unansweredText, lang: 'de', count: 1 }],
    unansweredDropped: 1,
    feedback: [
      { entryId: 'versanddauer', yes: 1, no: 0 },
      { entryId: 'zahlungsarten', yes: 0, no: 1 },
    ],
    days: [{ day: today, answered: 3, clarified: 1, unanswered: 2 }],
  });
  await expect(insights.reportSummary).toHaveText([
    `Website: ${settings.site}`,
    `Zeitraum: ${day} bis ${day}`,
    'Fragen: 6 (3 beantwortet, 1 mit Rückfrage, 2 unbeantwortet)',
    'Texte unbeantworteter Fragen: 1, ohne Text gezählt: 1',
    'Bewertungen: 1 hilfreich, 1 nicht hilfreich',
    insights.text('insights.report.id', { id: report.reportId }),
  ]);

  await expectNoAxeViolations(page);
  guard.expectStorage(countedStorage());
});

test('"Bericht herunterladen" saves exactly the JSON shown, and nothing is sent', async ({ page, context, guard }) => {
  await countQuestionsInChat(page, context);
  const insights = await InsightsPage.visit(page, 'de');
  await expect(insights.report).toContainText(insights.text('insights.report.downloadIntro'));
  await expect(insights.sendButton).toHaveCount(0);
  const shown = await insights.shownReport();
  const before = guard.requests.all.length;

  const file = await insights.downloadReport();
  expect(file.name).toBe(`vertraut-bericht-${await browserToday(insights)}.json`);
  expect(file.text).toBe(shown);
  await expect(insights.reportStatus).toHaveText(insights.text('insights.report.downloaded', { file: file.name }));
  // No request of any kind was made for it (the blob: link stays in the page).
  const made = guard.requests.all.slice(before).filter((request) => !request.url().startsWith('blob:'));
  expect(made.map((request) => `${request.method()} ${request.url()}`)).toEqual([]);
  await expectNoAxeViolations(page);
  guard.expectStorage(countedStorage());
});

test('when the browser will not open the database, the page says it cannot read it, offers no report and the editors\' part still works', async ({ page, context, guard }) => {
  await countQuestionsInChat(page, context);
  // From the next page on, opening IndexedDB throws, as with storage blocked by a policy.
  await injectStorageFault(page, 'open-fails');
  const insights = await InsightsPage.visit(page, 'de');
  await expect(insights.mine.getByRole('status')).toHaveText(insights.text('insights.mine.unavailable'));
  await expect(insights.part(insights.mine, 'insights.totals.title')).toHaveCount(0);
  await expect(insights.report).toBeHidden();
  await insights.loadReports([{ name: 'bericht.json', content: JSON.stringify(buildReport(testerEvents('2026-03-02', { versanddauer: 1 }, [], {}), settings.site)) }]);
  await expect(insights.part(insights.loading, 'insights.totals.title')).toBeVisible();
  await expectNoAxeViolations(page);
  // What was stored stays as it was. The fault would hide it from the guard too: it looks from a page without it.
  const unfaulted = await context.newPage();
  await unfaulted.goto('/datenschutz/');
  await page.close();
  guard.expectStorage(countedStorage());
});

/** One tester's events, all on one day: answers per entry, unanswered texts, ratings per entry. */
function testerEvents(day: string, entries: Record<string, number>, unanswered: string[], helpful: Record<string, boolean>): InsightEvent[] {
  return [
    ...Object.entries(entries).flatMap(([entryId, count]) => Array.from({ length: count }, (): InsightEvent => ({ kind: 'answered', day, lang: 'de', entryId }))),
    ...unanswered.map((text): InsightEvent => ({ kind: 'unanswered', day, lang: 'de', text })),
    ...Object.entries(helpful).map(([entryId, yes]): InsightEvent => ({ kind: 'feedback', day, lang: 'de', entryId, helpful: yes })),
  ];
}

test('an editor loads two report files: their counts are added up and drawn; a bad file is refused by name and changes nothing', async ({ page }) => {
  const first = buildReport(testerEvents('2026-03-02', { versanddauer: 3, zahlungsarten: 1 }, ['Wie hoch ist der Mond?'], { versanddauer: true }), settings.site);
  const second = buildReport(
    testerEvents('2026-03-04', { versanddauer: 1, ruecksendung: 2 }, ['Wie hoch ist der Mond?', 'Gibt es Tee?'], { versanddauer: false, ruecksendung: true }),
    'https://staging.nordlicht-kaffee.example',
  );
  const insights = await InsightsPage.visit(page, 'de');
  const { loading } = insights;
  await expect(insights.part(loading, 'insights.totals.title')).toHaveCount(0);

  await insights.loadReports([
    { name: 'tester-1.json', content: JSON.stringify(first, null, 2) },
    { name: 'tester-2.json', content: JSON.stringify(second) },
  ]);
  const [from1, from2] = [await formatDay(insights, '2026-03-02'), await formatDay(insights, '2026-03-04')];
  await expect(insights.loadResults).toHaveText([
    insights.text('insights.load.loaded', { file: 'tester-1.json', questions: 5, from: from1, to: from1 }),
    insights.text('insights.load.otherSite', { file: 'tester-2.json', questions: 5, from: from2, to: from2, site: 'https://staging.nordlicht-kaffee.example' }),
  ]);
  await expect(loading).toContainText(insights.text('insights.load.summary', { count: 2 }));

  const added = {
    totals: await insights.totals(loading),
    top: await insights.tableRows(loading, 'insights.top.title'),
    unanswered: await insights.tableRows(loading, 'insights.unanswered.title'),
    helpful: await insights.tableRows(loading, 'insights.helpful.title'),
    days: await insights.tableRows(loading, 'insights.days.title'),
  };
  expect(added.totals).toMatchObject({ Fragen: '10', Beantwortet: '7', Unbeantwortet: '3', 'Als hilfreich bewertet': '2', 'Als nicht hilfreich bewertet': '1', Zeitraum: `${from1} bis ${from2}` });
  expect(added.top).toEqual([
    ['Wie lange dauert der Versand?', '4'],
    ['Wie kann ich Artikel zurückschicken?', '2'],
    ['Welche Zahlungsarten bieten Sie an?', '1'],
  ]);
  expect((await insights.drawn(loading, 'insights.top.title')).map(({ value }) => value)).toEqual([4, 2, 1]);
  expect(added.unanswered).toEqual([
    ['Wie hoch ist der Mond?', 'Deutsch', '2'],
    ['Gibt es Tee?', 'Deutsch', '1'],
  ]);
  expect(added.helpful.map((row) => row.slice(0, 3))).toEqual([
    ['Wie lange dauert der Versand?', '1', '1'],
    ['Wie kann ich Artikel zurückschicken?', '1', '0'],
  ]);
  // Three days from the first to the last, the one between without questions.
  expect(added.days).toEqual([
    [from1, '4', '0', '1', '5'],
    [await formatDay(insights, '2026-03-03'), '0', '0', '0', '0'],
    [from2, '3', '0', '2', '5'],
  ]);
  await expectNoAxeViolations(page);

  // Bad files, and the same report again: each named with its reason, the sums unchanged.
  const tampered = { ...first, reportId: crypto.randomUUID(), answered: [{ entryId: 'versanddauer', count: 30 }, ...first.answered.slice(1)] };
  await insights.loadReports([
    { name: 'notizen.json', content: 'Liebe Grüße aus dem Test' },
    { name: 'export.json', content: JSON.stringify({ format: 'vertraut-export', version: 1 }) },
    { name: 'zukunft.json', content: JSON.stringify({ ...first, version: 2 }) },
    { name: 'geaendert.json', content: JSON.stringify(tampered) },
    { name: 'tester-1-nochmal.json', content: JSON.stringify(first) },
  ]);
  const refused = (file: string, problem: 'not-json' | 'not-a-report' | 'unknown-version' | 'invalid-content'): string =>
    insights.text('insights.load.refused', { file, reason: insights.text(`insights.load.problem.${problem}`) });
  await expect(insights.loadResults).toHaveText([
    refused('notizen.json', 'not-json'),
    refused('export.json', 'not-a-report'),
    refused('zukunft.json', 'unknown-version'),
    refused('geaendert.json', 'invalid-content'),
    insights.text('insights.load.duplicate', { file: 'tester-1-nochmal.json' }),
  ]);
  await expect(loading).toContainText(insights.text('insights.load.summary', { count: 2 }));
  expect({
    totals: await insights.totals(loading),
    top: await insights.tableRows(loading, 'insights.top.title'),
    unanswered: await insights.tableRows(loading, 'insights.unanswered.title'),
    helpful: await insights.tableRows(loading, 'insights.helpful.title'),
    days: await insights.tableRows(loading, 'insights.days.title'),
  }).toEqual(added);
  await expectNoAxeViolations(page);

  // The visitor's own statistics were never touched: still nothing counted, nothing stored.
  await expect(insights.mine.getByRole('status')).toHaveText(insights.text('insights.mine.nothing'));
  await insights.clearButton.click();
  await expect(insights.part(loading, 'insights.totals.title')).toHaveCount(0);
  await expect(loading.getByRole('status')).toHaveText(insights.text('insights.load.cleared'));
});

test('at 320 px the charts fit the width and are drawn again when it changes', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const report = buildReport(
    testerEvents('2026-03-02', { versanddauer: 3, zahlungsarten: 1 }, ['Wie hoch ist der Mond, und warum sieht man ihn manchmal auch am Tag am Himmel?'], { versanddauer: true }),
    settings.site,
  );
  const insights = await InsightsPage.visit(page, 'de');
  await insights.loadReports([{ name: 'bericht.json', content: JSON.stringify(report) }]);
  const widths = (): Promise<{ page: number; view: number; charts: number[] }> =>
    page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      view: document.documentElement.clientWidth,
      charts: [...document.querySelectorAll('[data-load-stats] svg')].map((svg) => svg.getBoundingClientRect().right),
    }));
  const narrow = await widths();
  expect(narrow.page).toBeLessThanOrEqual(narrow.view);
  for (const right of narrow.charts) expect(right).toBeLessThanOrEqual(narrow.view);
  const chart = insights.chart(insights.loading, 'insights.unanswered.title');
  // The long question wraps onto several lines instead of running off the chart.
  expect(await chart.locator('tspan').count()).toBeGreaterThan(1);
  const narrowWidth = Number(await chart.getAttribute('width'));

  await page.setViewportSize({ width: 900, height: 640 });
  await expect.poll(async () => Number(await chart.getAttribute('width'))).toBeGreaterThan(narrowWidth);
  await expectNoAxeViolations(page);
});
