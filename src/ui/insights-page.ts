/*
 * The insights page in the browser (SPEC 5.3, 5.4). Three parts, all in this page's memory:
 *
 * - the visitor's own statistics, read from IndexedDB only when the site's database exists
 *   (looking first creates nothing, SPEC 3.1; Dexie loads only then);
 * - the report to the editors, shown exactly as it would leave the browser, sent only on a click
 *   and only to the endpoint the site owner configured, or else offered as a download;
 * - report files an editor loads, added up and drawn with the same charts. Nothing is stored.
 *
 * The report format (and zod with it) loads only when there is a report to show or a file to read.
 */

import type { Language } from '../core/content/faq-entry.ts';
import type { RetentionDays } from '../core/consent/retention.ts';
import { insightsCutoffDay } from '../core/consent/retention.ts';
import { calendarDay } from '../core/calendar-day.ts';
import type { InsightEvent } from '../core/insights/events.ts';
import { summarizeInsights, type InsightStats } from '../core/insights/insight-stats.ts';
import type { InsightsReport, ReportProblem } from '../core/insights/report.ts';
import type { InsightsKey, InsightsStrings } from '../i18n/insights-de.ts';
import { fill } from '../i18n/translate.ts';
import { databaseExists } from '../storage/database-exists.ts';
import { el, type Child } from './dom.ts';
import {
  barChartModel,
  CHART_FONT_SIZE,
  columnChartModel,
  drawBarChart,
  drawColumnChart,
  estimateText,
  type BarItem,
  type MeasureText,
  type SeriesKind,
} from './insight-charts.ts';

/** How many items a bar chart shows; the table beside it lists all. */
const CHART_ITEMS = 10;
/** A report that has not reached the endpoint by then has failed; the visitor may try again. */
const SEND_TIMEOUT_MS = 20_000;

interface PageConfig {
  readonly lang: Language;
  readonly site: string;
  /** The configured endpoint (settings insights.endpoint); without it, reports are downloaded. */
  readonly endpoint: string | undefined;
  readonly retention: RetentionDays;
  readonly strings: InsightsStrings;
  /** Entry id → question, in the page's language (then the other's) for the labels. */
  readonly entries: Readonly<Record<string, string>>;
}

function readConfig(root: HTMLElement): PageConfig {
  const data = root.dataset;
  const json = <T>(value: string | undefined): T => JSON.parse(value ?? '{}') as T;
  return {
    lang: data['lang'] === 'en' ? 'en' : 'de',
    site: data['site'] ?? '',
    endpoint: data['endpoint'] || undefined,
    retention: json<RetentionDays>(data['retention']),
    strings: json<InsightsStrings>(data['strings']),
    entries: json<Record<string, string>>(data['entries']),
  };
}

/** Formatting in the page's language, shared by every part of the page. */
class Texts {
  readonly lang: Language;
  readonly #strings: InsightsStrings;
  readonly #entries: Readonly<Record<string, string>>;
  readonly #number: Intl.NumberFormat;
  readonly #percent: Intl.NumberFormat;
  readonly #dayLong: Intl.DateTimeFormat;
  readonly #dayShort: Intl.DateTimeFormat;

  constructor(config: PageConfig) {
    this.lang = config.lang;
    this.#strings = config.strings;
    this.#entries = config.entries;
    this.#number = new Intl.NumberFormat(config.lang);
    this.#percent = new Intl.NumberFormat(config.lang, { style: 'percent' });
    // Days are calendar dates: formatted in UTC, they never shift by the visitor's time zone.
    this.#dayLong = new Intl.DateTimeFormat(config.lang, { dateStyle: 'medium', timeZone: 'UTC' });
    this.#dayShort = new Intl.DateTimeFormat(config.lang, { day: 'numeric', month: 'numeric', timeZone: 'UTC' });
  }

  t(key: InsightsKey, values?: Readonly<Record<string, string | number>>): string {
    return fill(this.#strings[key], values);
  }

  number(value: number): string {
    return this.#number.format(value);
  }

  percent(share: number): string {
    return this.#percent.format(share);
  }

  day(day: string): string {
    return this.#dayLong.format(new Date(`${day}T00:00:00Z`));
  }

  shortDay(day: string): string {
    return this.#dayShort.format(new Date(`${day}T00:00:00Z`));
  }

  /** An entry's question; an id the site does not know (a report of another version) shows as itself. */
  entry(id: string): string {
    return this.#entries[id] ?? id;
  }

  language(lang: Language): string {
    return this.t(`insights.language.${lang}`);
  }
}

/** Measures chart text with the page's real font, so labels wrap where they really end. */
function textMeasurer(reference: Element): MeasureText {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return estimateText;
  context.font = `${CHART_FONT_SIZE}px ${getComputedStyle(reference).fontFamily}`;
  // A little room for the difference between canvas and SVG text rendering.
  return (text) => Math.ceil(context.measureText(text).width * 1.04);
}

// --- the statistics, drawn as charts with tables (the visitor's own, or loaded reports)

/** A chart that can be drawn again at another width. */
interface Drawable {
  readonly figure: HTMLElement;
  readonly draw: (width: number, measure: MeasureText) => SVGSVGElement;
}

/** A table with a caption, a header row and the rows, every cell as text. */
function table(caption: string, head: readonly string[], rows: readonly (readonly string[])[]): HTMLTableElement {
  return el(
    'table',
    { class: 'insights-table' },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...head.map((cell, i) => el('th', { scope: 'col', class: i === 0 ? '' : 'insights-number' }, cell)))),
    el('tbody', {}, ...rows.map(([first = '', ...rest]) => el('tr', {}, el('th', { scope: 'row' }, first), ...rest.map((cell) => el('td', { class: 'insights-number' }, cell))))),
  );
}

/** The table behind a chart: closed, so the chart leads, one click away for every number. */
function tableDetails(texts: Texts, tableElement: HTMLTableElement): HTMLDetailsElement {
  return el('details', { class: 'insights-details' }, el('summary', {}, texts.t('insights.table.show')), tableElement);
}

function legend(texts: Texts, series: readonly { kind: SeriesKind; key: InsightsKey }[]): HTMLUListElement {
  return el(
    'ul',
    { class: 'insights-legend', 'aria-label': texts.t('insights.legend') },
    ...series.map(({ kind, key }) => el('li', {}, el('span', { class: `insights-swatch insights-swatch--${kind}`, 'aria-hidden': 'true' }), texts.t(key))),
  );
}

/**
 * One set of statistics on the page. It keeps what it drew, so that a change of width (a turned
 * phone, zoom) draws the charts again at the new width.
 */
class StatsView {
  readonly root: HTMLElement;
  readonly #texts: Texts;
  readonly #idPrefix: string;
  #drawables: Drawable[] = [];
  #width = 0;

  constructor(root: HTMLElement, texts: Texts, idPrefix: string) {
    this.root = root;
    this.#texts = texts;
    this.#idPrefix = idPrefix;
  }

  show(stats: InsightStats): void {
    this.#drawables = [];
    this.root.replaceChildren(
      this.#totals(stats),
      this.#section('top', 'insights.top.title', undefined, this.#topQuestions(stats)),
      stats.clarifiedEntries.length > 0 ? this.#section('clarified', 'insights.clarified.title', 'insights.clarified.intro', this.#clarified(stats)) : '',
      this.#section('unanswered', 'insights.unanswered.title', 'insights.unanswered.intro', this.#unanswered(stats)),
      this.#section('helpful', 'insights.helpful.title', undefined, this.#helpfulness(stats)),
      this.#section('days', 'insights.days.title', undefined, this.#perDay(stats)),
    );
    this.#width = 0;
    this.redraw();
  }

  clear(): void {
    this.#drawables = [];
    this.root.replaceChildren();
  }

  /** Draws every chart at the width it has now; nothing happens while the width is the same. */
  redraw(): void {
    const width = this.root.clientWidth;
    if (width === 0 || width === this.#width) return;
    this.#width = width;
    const measure = textMeasurer(this.root);
    for (const { figure, draw } of this.#drawables) figure.replaceChildren(draw(figure.clientWidth || width, measure));
  }

  #section(name: string, titleKey: InsightsKey, introKey: InsightsKey | undefined, content: readonly Child[]): HTMLElement {
    const id = `${this.#idPrefix}-${name}`;
    return el(
      'section',
      { class: 'insights-part', 'aria-labelledby': id, 'data-part': name },
      el('h3', { id }, this.#texts.t(titleKey)),
      introKey ? el('p', {}, this.#texts.t(introKey)) : null,
      ...content,
    );
  }

  #figure(draw: Drawable['draw']): HTMLElement {
    const figure = el('figure', { class: 'insights-figure' });
    this.#drawables.push({ figure, draw });
    return figure;
  }

  /** The note under a chart that shows only the first items. */
  #partial(shown: number, all: number): Child {
    return all > shown ? el('p', { class: 'insights-note' }, this.#texts.t('insights.chart.partial', { shown, total: all })) : null;
  }

  #barChart(items: readonly BarItem[], label: string): HTMLElement {
    return this.#figure((width, measure) => drawBarChart(barChartModel(items, { width, measure }), label));
  }

  #totals(stats: InsightStats): HTMLElement {
    const x = this.#texts;
    const { totals } = stats;
    const first = stats.perDay[0];
    const last = stats.perDay.at(-1);
    const rows: { key: InsightsKey; value: string; words?: true }[] = [
      { key: 'insights.totals.questions', value: x.number(totals.questions) },
      { key: 'insights.totals.answered', value: x.number(totals.answered) },
      { key: 'insights.totals.clarified', value: x.number(totals.clarified) },
      { key: 'insights.totals.unanswered', value: x.number(totals.unanswered) },
      { key: 'insights.totals.helpful', value: x.number(totals.feedbackYes) },
      { key: 'insights.totals.notHelpful', value: x.number(totals.feedbackNo) },
    ];
    const languages = (Object.entries(stats.languages) as [Language, number][])
      .filter(([, count]) => count > 0)
      .map(([lang, count]) => x.t('insights.languageCount', { language: x.language(lang), count: x.number(count) }))
      .join(', ');
    if (languages) rows.push({ key: 'insights.totals.languages', value: languages, words: true });
    if (first && last) {
      const period = first.day === last.day ? x.day(first.day) : x.t('insights.period', { from: x.day(first.day), to: x.day(last.day) });
      rows.push({ key: 'insights.totals.period', value: period, words: true });
    }
    const id = `${this.#idPrefix}-totals`;
    return el(
      'section',
      { class: 'insights-part', 'aria-labelledby': id, 'data-part': 'totals' },
      el('h3', { id }, x.t('insights.totals.title')),
      el(
        'dl',
        { class: 'insights-totals' },
        ...rows.map(({ key, value, words }) => el('div', {}, el('dt', {}, x.t(key)), el('dd', words ? { class: 'insights-total-text' } : {}, value))),
      ),
    );
  }

  #topQuestions(stats: InsightStats): Child[] {
    const x = this.#texts;
    if (stats.topEntries.length === 0) return [el('p', {}, x.t('insights.top.none'))];
    const shown = stats.topEntries.slice(0, CHART_ITEMS);
    const items = shown.map(({ entryId, count }): BarItem => ({ label: x.entry(entryId), segments: [{ kind: 'answered', value: count }], valueText: x.number(count) }));
    const [top] = shown;
    const label = x.t('insights.top.chart', { count: x.number(stats.topEntries.length), first: x.entry(top?.entryId ?? ''), value: x.number(top?.count ?? 0) });
    return [
      this.#barChart(items, label),
      this.#partial(shown.length, stats.topEntries.length),
      tableDetails(x, table(x.t('insights.top.title'), [x.t('insights.table.question'), x.t('insights.table.count')], stats.topEntries.map(({ entryId, count }) => [x.entry(entryId), x.number(count)]))),
    ];
  }

  #clarified(stats: InsightStats): Child[] {
    const x = this.#texts;
    const shown = stats.clarifiedEntries.slice(0, CHART_ITEMS);
    const items = shown.map(({ entryId, count }): BarItem => ({ label: x.entry(entryId), segments: [{ kind: 'clarified', value: count }], valueText: x.number(count) }));
    const [top] = shown;
    const label = x.t('insights.clarified.chart', { count: x.number(stats.clarifiedEntries.length), first: x.entry(top?.entryId ?? ''), value: x.number(top?.count ?? 0) });
    return [
      this.#barChart(items, label),
      this.#partial(shown.length, stats.clarifiedEntries.length),
      tableDetails(
        x,
        table(x.t('insights.clarified.title'), [x.t('insights.table.question'), x.t('insights.table.count')], stats.clarifiedEntries.map(({ entryId, count }) => [x.entry(entryId), x.number(count)])),
      ),
    ];
  }

  #unanswered(stats: InsightStats): Child[] {
    const x = this.#texts;
    const dropped = el('p', { 'data-dropped': '' }, x.t('insights.unanswered.dropped', { count: x.number(stats.unansweredDropped) }));
    if (stats.unanswered.length === 0) return [el('p', {}, x.t('insights.unanswered.none')), dropped];
    const shown = stats.unanswered.slice(0, CHART_ITEMS);
    const items = shown.map(({ text, count }): BarItem => ({ label: text, segments: [{ kind: 'unanswered', value: count }], valueText: x.number(count) }));
    const [top] = shown;
    const label = x.t('insights.unanswered.chart', { count: x.number(stats.unanswered.length), first: top?.text ?? '', value: x.number(top?.count ?? 0) });
    return [
      this.#barChart(items, label),
      this.#partial(shown.length, stats.unanswered.length),
      dropped,
      tableDetails(
        x,
        table(
          x.t('insights.unanswered.title'),
          [x.t('insights.table.question'), x.t('insights.table.language'), x.t('insights.table.count')],
          stats.unanswered.map(({ text, lang, count }) => [text, x.language(lang), x.number(count)]),
        ),
      ),
    ];
  }

  #helpfulness(stats: InsightStats): Child[] {
    const x = this.#texts;
    if (stats.helpfulness.length === 0) return [el('p', {}, x.t('insights.helpful.none'))];
    const shown = stats.helpfulness.slice(0, CHART_ITEMS);
    const items = shown.map(
      ({ entryId, yes, no }): BarItem => ({
        label: x.entry(entryId),
        segments: [
          { kind: 'yes', value: yes },
          { kind: 'no', value: no },
        ],
        valueText: x.t('insights.helpful.value', { yes: x.number(yes), no: x.number(no) }),
      }),
    );
    const label = x.t('insights.helpful.chart', { count: x.number(stats.helpfulness.length), yes: x.number(stats.totals.feedbackYes), no: x.number(stats.totals.feedbackNo) });
    return [
      legend(x, [
        { kind: 'yes', key: 'insights.helpful.yes' },
        { kind: 'no', key: 'insights.helpful.no' },
      ]),
      this.#barChart(items, label),
      this.#partial(shown.length, stats.helpfulness.length),
      tableDetails(
        x,
        table(
          x.t('insights.helpful.title'),
          [x.t('insights.table.question'), x.t('insights.helpful.yes'), x.t('insights.helpful.no'), x.t('insights.table.share')],
          stats.helpfulness.map(({ entryId, yes, no, share }) => [x.entry(entryId), x.number(yes), x.number(no), x.percent(share)]),
        ),
      ),
    ];
  }

  #perDay(stats: InsightStats): Child[] {
    const x = this.#texts;
    const days = stats.perDay;
    const first = days[0];
    const last = days.at(-1);
    if (!first || !last) return [el('p', {}, x.t('insights.top.none'))];
    const totalOf = (row: (typeof days)[number]): number => row.answered + row.clarified + row.unanswered;
    const busiest = days.reduce((best, row) => (totalOf(row) > totalOf(best) ? row : best), first);
    const label = x.t('insights.days.chart', {
      from: x.day(first.day),
      to: x.day(last.day),
      total: x.number(stats.totals.questions),
      maxDay: x.day(busiest.day),
      max: x.number(totalOf(busiest)),
    });
    const items = days.map((row) => ({
      label: x.shortDay(row.day),
      segments: [
        { kind: 'answered' as const, value: row.answered },
        { kind: 'clarified' as const, value: row.clarified },
        { kind: 'unanswered' as const, value: row.unanswered },
      ],
    }));
    return [
      legend(x, [
        { kind: 'answered', key: 'insights.series.answered' },
        { kind: 'clarified', key: 'insights.series.clarified' },
        { kind: 'unanswered', key: 'insights.series.unanswered' },
      ]),
      this.#figure((width, measure) => drawColumnChart(columnChartModel(items, { width, measure, formatNumber: (n) => x.number(n) }), label)),
      tableDetails(
        x,
        table(
          x.t('insights.days.title'),
          [x.t('insights.table.day'), x.t('insights.series.answered'), x.t('insights.series.clarified'), x.t('insights.series.unanswered'), x.t('insights.table.total')],
          days.map((row) => [x.day(row.day), x.number(row.answered), x.number(row.clarified), x.number(row.unanswered), x.number(totalOf(row))]),
        ),
      ),
    ];
  }
}

// --- the visitor's own events

type LocalEvents = { readonly kind: 'events'; readonly events: readonly InsightEvent[] } | { readonly kind: 'nothing' } | { readonly kind: 'unavailable' };

/**
 * The counted events, read without creating anything: no database, nothing counted. Events older
 * than the retention allows are left out; the chat deletes them on its next start (SPEC 3.8).
 */
async function readLocalEvents(retention: RetentionDays): Promise<LocalEvents> {
  if (!(await databaseExists())) return { kind: 'nothing' };
  try {
    const { LocalStore } = await import('../storage/local-store.ts');
    const store = await LocalStore.open();
    try {
      const { insights } = await store.read();
      // The same cut as the chat's (LocalStore.enforce): a day is kept while any moment of it is within the limit.
      const oldest = insightsCutoffDay(retention, new Date());
      const events = insights.filter((event) => event.day >= oldest);
      return events.length > 0 ? { kind: 'events', events } : { kind: 'nothing' };
    } finally {
      // Held open, it would block "Alles löschen" in another tab.
      store.close();
    }
  } catch {
    return { kind: 'unavailable' };
  }
}

// --- the report to the editors

type SendOutcome = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Sends exactly `body`, once, without cookies or referrer, to the configured endpoint. */
async function sendReport(endpoint: string, body: string, texts: Texts): Promise<SendOutcome> {
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
      credentials: 'omit',
      mode: 'cors',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    return response.ok ? { ok: true } : { ok: false, reason: texts.t('insights.report.failedStatus', { status: response.status }) };
  } catch {
    return { ok: false, reason: texts.t('insights.report.failedNetwork') };
  }
}

/** Saves `body` as a file, made in the page: nothing is sent anywhere. */
function download(body: string, file: string): void {
  const url = URL.createObjectURL(new Blob([body], { type: 'application/json' }));
  const link = el('a', { href: url, download: file });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function reportSummary(report: InsightsReport, texts: Texts): string[] {
  const x = texts;
  const sum = (rows: readonly { count: number }[]): number => rows.reduce((total, row) => total + row.count, 0);
  const answered = sum(report.answered);
  const clarified = sum(report.clarified);
  const unanswered = sum(report.unanswered) + report.unansweredDropped;
  return [
    x.t('insights.report.site', { site: report.site }),
    x.t('insights.report.period', { from: x.day(report.from), to: x.day(report.to) }),
    x.t('insights.report.questions', { total: x.number(answered + clarified + unanswered), answered: x.number(answered), clarified: x.number(clarified), unanswered: x.number(unanswered) }),
    x.t('insights.report.texts', { texts: x.number(sum(report.unanswered)), dropped: x.number(report.unansweredDropped) }),
    x.t('insights.report.feedback', { yes: x.number(report.feedback.reduce((n, row) => n + row.yes, 0)), no: x.number(report.feedback.reduce((n, row) => n + row.no, 0)) }),
    x.t('insights.report.id', { id: report.reportId }),
  ];
}

async function showReport(section: HTMLElement, events: readonly InsightEvent[], config: PageConfig, texts: Texts): Promise<void> {
  const none = section.querySelector<HTMLElement>('[data-report-none]');
  const ready = section.querySelector<HTMLElement>('[data-report-ready]');
  const summary = section.querySelector<HTMLElement>('[data-report-summary]');
  const pre = section.querySelector<HTMLElement>('[data-report-json]');
  const button = section.querySelector<HTMLButtonElement>('[data-report-action]');
  const status = section.querySelector<HTMLElement>('[data-report-status]');
  if (!none || !ready || !summary || !pre || !button || !status) throw new Error('vertraut: the insights page lacks a part of its report section');
  if (events.length === 0) {
    none.hidden = false;
    return;
  }
  const { buildReport } = await import('../core/insights/report.ts');
  const report = buildReport(events, config.site);
  // The very string that is shown is the one sent or saved: what you see is what leaves.
  const body = JSON.stringify(report, null, 2);
  summary.replaceChildren(...reportSummary(report, texts).map((line) => el('li', {}, line)));
  pre.textContent = body;
  ready.hidden = false;
  const { endpoint } = config;
  button.addEventListener('click', () => {
    if (!endpoint) {
      const file = texts.t('insights.report.file', { date: calendarDay(new Date()) });
      download(body, file);
      status.textContent = texts.t('insights.report.downloaded', { file });
      return;
    }
    button.disabled = true;
    status.textContent = texts.t('insights.report.sending');
    void sendReport(endpoint, body, texts).then((outcome) => {
      // A sent report stays sent: the button stays off, so one click is one report.
      if (outcome.ok) status.textContent = texts.t('insights.report.sent');
      else {
        button.disabled = false;
        status.textContent = texts.t('insights.report.failed', { reason: outcome.reason });
      }
    });
  });
}

// --- report files loaded by an editor

interface LoadedReport {
  readonly file: string;
  readonly report: InsightsReport;
}

type FileOutcome = { readonly file: string; readonly text: string; readonly refused: boolean };

function wireLoading(section: HTMLElement, config: PageConfig, texts: Texts, view: StatsView): void {
  const input = section.querySelector<HTMLInputElement>('[data-load-files]');
  const results = section.querySelector<HTMLElement>('[data-load-results]');
  const heading = section.querySelector<HTMLElement>('[data-load-summary]');
  const clear = section.querySelector<HTMLButtonElement>('[data-load-clear]');
  if (!input || !results || !heading || !clear) throw new Error('vertraut: the insights page lacks a part of its loading section');
  let loaded: LoadedReport[] = [];

  const show = async (): Promise<void> => {
    const { statsFromReports } = await import('../core/insights/report.ts');
    heading.hidden = loaded.length === 0;
    clear.hidden = loaded.length === 0;
    heading.textContent = texts.t('insights.load.summary', { count: texts.number(loaded.length) });
    if (loaded.length === 0) view.clear();
    else view.show(statsFromReports(loaded.map(({ report }) => report)));
  };

  const outcomeOf = async (file: File): Promise<FileOutcome> => {
    const { MAX_REPORT_BYTES, parseReport } = await import('../core/insights/report.ts');
    const refuse = (problem: ReportProblem | 'unreadable'): FileOutcome => ({
      file: file.name,
      text: texts.t('insights.load.refused', { file: file.name, reason: texts.t(`insights.load.problem.${problem}`) }),
      refused: true,
    });
    if (file.size > MAX_REPORT_BYTES) return refuse('too-large');
    let content: string;
    try {
      content = await file.text();
    } catch {
      return refuse('unreadable');
    }
    const result = parseReport(content);
    if (!result.ok) return refuse(result.problem);
    const { report } = result;
    if (loaded.some((known) => known.report.reportId === report.reportId)) {
      return { file: file.name, text: texts.t('insights.load.duplicate', { file: file.name }), refused: false };
    }
    loaded = [...loaded, { file: file.name, report }];
    const sum = (list: readonly number[]): number => list.reduce((a, b) => a + b, 0);
    const values = {
      file: file.name,
      questions: texts.number(sum(Object.values(report.languages))),
      from: texts.day(report.from),
      to: texts.day(report.to),
      site: report.site,
    };
    return { file: file.name, text: texts.t(report.site === config.site ? 'insights.load.loaded' : 'insights.load.otherSite', values), refused: false };
  };

  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length === 0) return;
    void (async () => {
      // One file after the other: a report in two files of one choice counts once.
      const outcomes: FileOutcome[] = [];
      for (const file of files) outcomes.push(await outcomeOf(file));
      results.replaceChildren(el('ul', {}, ...outcomes.map((outcome) => el('li', { class: outcome.refused ? 'insights-refused' : '' }, outcome.text))));
      await show();
    })();
  });

  clear.addEventListener('click', () => {
    loaded = [];
    results.replaceChildren(el('p', {}, texts.t('insights.load.cleared')));
    void show();
    input.focus();
  });
}

// --- start

async function start(root: HTMLElement): Promise<void> {
  const config = readConfig(root);
  const texts = new Texts(config);
  const part = <T extends HTMLElement>(selector: string): T => {
    const found = root.querySelector<T>(selector);
    if (!found) throw new Error(`vertraut: the insights page has no ${selector}`);
    return found;
  };
  const mineStatus = part('[data-mine-status]');
  const mine = new StatsView(part('[data-mine-stats]'), texts, 'insights-mine');
  const loadedView = new StatsView(part('[data-load-stats]'), texts, 'insights-loaded');
  const reportSection = part('[data-report]');
  const loadSection = part('[data-load]');
  for (const needsScript of root.querySelectorAll<HTMLElement>('[data-needs-script]')) needsScript.hidden = false;
  wireLoading(loadSection, config, texts, loadedView);
  // Charts follow the width of the page: a turned phone or a zoom draws them again.
  new ResizeObserver(() => {
    mine.redraw();
    loadedView.redraw();
  }).observe(root);

  mineStatus.textContent = texts.t('insights.mine.reading');
  const local = await readLocalEvents(config.retention);
  if (local.kind === 'events') {
    mineStatus.textContent = '';
    mine.show(summarizeInsights(local.events));
  } else {
    mineStatus.textContent = texts.t(local.kind === 'nothing' ? 'insights.mine.nothing' : 'insights.mine.unavailable');
  }
  // Unreadable storage: there is no report to speak of, not even an empty one.
  if (local.kind === 'unavailable') reportSection.hidden = true;
  else await showReport(reportSection, local.kind === 'events' ? local.events : [], config, texts);
  root.dataset['ready'] = '';
}

const root = document.querySelector<HTMLElement>('[data-insights]');
if (root) void start(root);
