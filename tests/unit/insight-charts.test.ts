import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { insightsDe, type InsightsKey } from '../../src/i18n/insights-de.ts';
import { insightsEn } from '../../src/i18n/insights-en.ts';
import { barChartModel, columnChartModel, estimateText, MAX_LABEL_LINES, MIN_CHART_WIDTH, niceTicks, wrapText, type BarItem, type MeasureText } from '../../src/ui/insight-charts.ts';

/*
 * The geometry of the insights charts (SPEC 5.3) is pure: these tests pin what a reader of the
 * chart relies on (bars in proportion, nothing outside the drawing, labels that fit) without a
 * browser. Text is measured with a fixed width per character, so the numbers are exact.
 */

/** 8 px per character: simple to reckon with, like a monospace font. */
const mono: MeasureText = (text) => [...text].length * 8;

const bar = (label: string, value: number, valueText = String(value)): BarItem => ({ label, segments: [{ kind: 'answered', value }], valueText });

describe('wrapText', () => {
  it('keeps a label that fits on one line', () => {
    expect(wrapText('Wie lange dauert der Versand?', 400, mono)).toEqual(['Wie lange dauert der Versand?']);
  });

  it('breaks at spaces, each line within the width', () => {
    const lines = wrapText('Wie lange dauert der Versand nach Österreich?', 152, mono);
    expect(lines).toEqual(['Wie lange dauert', 'der Versand nach', 'Österreich?']);
    for (const line of lines) expect(mono(line)).toBeLessThanOrEqual(152);
  });

  it('breaks a word longer than a line inside the word, and nothing is lost', () => {
    const lines = wrapText('Datenschutzbeauftragter', 80, mono, 10);
    expect(lines).toEqual(['Datenschut', 'zbeauftrag', 'ter']);
    expect(lines.join('')).toBe('Datenschutzbeauftragter');
  });

  it('cuts after the last allowed line with "…", still within the width', () => {
    const lines = wrapText('eins zwei drei vier fünf sechs sieben acht neun zehn', 80, mono, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith('…')).toBe(true);
    for (const line of lines) expect(mono(line)).toBeLessThanOrEqual(80);
  });

  it('never exceeds the width or the line limit, whatever the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 16, max: 600 }), (text, width) => {
        const lines = wrapText(text, width, mono);
        expect(lines.length).toBeLessThanOrEqual(MAX_LABEL_LINES);
        for (const line of lines) expect(mono(line)).toBeLessThanOrEqual(width);
        // Uncut, the words come back in order.
        const words = text.split(/\s+/).filter(Boolean).join('');
        if (!lines.at(-1)?.endsWith('…')) expect(lines.join('').replace(/\s+/g, '')).toBe(words);
      }),
    );
  });
});

describe('barChartModel', () => {
  it('draws bars in proportion to the counts, the largest filling the room the value text leaves', () => {
    const model = barChartModel([bar('Versand', 4), bar('Zahlung', 2), bar('Abo', 1)], { width: 300, measure: mono });
    const widths = model.rows.map((row) => row.segments[0]?.width);
    // The value "4" takes 8 px, plus a 6 px gap before and 2 px after it: the largest bar is 284 px.
    expect(widths).toEqual([284, 142, 71]);
    expect(model.rows.map((row) => row.valueText)).toEqual(['4', '2', '1']);
    expect(model.rows.map((row) => row.valueX)).toEqual([290, 148, 77]);
  });

  it('stacks the parts of a bar side by side, each as long as its count', () => {
    const model = barChartModel(
      [
        { label: 'Versand', segments: [{ kind: 'yes', value: 3 }, { kind: 'no', value: 1 }], valueText: '3 ja, 1 nein' },
        { label: 'Zahlung', segments: [{ kind: 'yes', value: 0 }, { kind: 'no', value: 2 }], valueText: '0 ja, 2 nein' },
      ],
      // "3 ja, 1 nein" takes 96 px and its gaps 8 px: 300 px for the bars, 75 px per count.
      { width: 404, measure: mono },
    );
    const [first, second] = model.rows;
    expect(first?.segments.map((s) => [s.kind, s.x, s.width])).toEqual([
      ['yes', 0, 225],
      ['no', 225, 75],
    ]);
    // A part that counts nothing is not drawn at all.
    expect(second?.segments.map((s) => [s.kind, s.x, s.width])).toEqual([['no', 0, 150]]);
  });

  it('puts each label above its bar, one line height per line, and rows one under the other', () => {
    const model = barChartModel([bar('Wie lange dauert der Versand?', 1), bar('Abo', 1)], { width: 120, measure: mono });
    const [first, second] = model.rows;
    expect(first?.label).toEqual(['Wie lange', 'dauert der', 'Versand?']);
    const firstBar = first?.segments[0];
    // Three lines of 18 px and a 4 px gap, then the bar.
    expect(firstBar?.y).toBe(3 * 18 + 4);
    expect(second?.labelY).toBeGreaterThan((firstBar?.y ?? 0) + (firstBar?.height ?? 0));
    expect(model.height).toBe((second?.segments[0]?.y ?? 0) + (second?.segments[0]?.height ?? 0));
  });

  it('keeps everything inside the drawing, whatever the numbers and the width (property)', () => {
    const item = fc.record({
      label: fc.string({ maxLength: 120 }),
      yes: fc.nat({ max: 100_000 }),
      no: fc.nat({ max: 100_000 }),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 12 }), fc.integer({ min: 0, max: 1200 }), (items, width) => {
        const model = barChartModel(
          items.map(({ label, yes, no }) => ({
            label,
            segments: [
              { kind: 'yes', value: yes },
              { kind: 'no', value: no },
            ],
            valueText: `${yes} ja, ${no} nein`,
          })),
          { width, measure: mono },
        );
        expect(model.width).toBe(Math.max(MIN_CHART_WIDTH, width));
        for (const row of model.rows) {
          for (const segment of row.segments) {
            expect(segment.x).toBeGreaterThanOrEqual(0);
            expect(segment.y + segment.height).toBeLessThanOrEqual(model.height);
          }
          for (const line of row.label) expect(mono(line)).toBeLessThanOrEqual(model.width);
          // The number after the bar stays inside too, whenever it is not wider than half the chart.
          if (mono(row.valueText) <= model.width / 2) expect(row.valueX + mono(row.valueText)).toBeLessThanOrEqual(model.width);
        }
      }),
    );
  });

  it('gives a count of 1 beside a count of 100,000 a bar that can be seen', () => {
    const model = barChartModel([bar('viel', 100_000), bar('wenig', 1)], { width: 320, measure: mono });
    expect(model.rows[1]?.segments[0]?.width).toBe(2);
  });

  it('draws nothing for no items', () => {
    expect(barChartModel([], { width: 300 }).rows).toEqual([]);
  });

  it('measures with an estimate when no measure is given', () => {
    expect(estimateText('abc')).toBeCloseTo(3 * 14 * 0.6);
    expect(barChartModel([bar('x', 1)], { width: 300 }).rows[0]?.segments[0]?.width).toBeGreaterThan(250);
  });
});

describe('niceTicks', () => {
  it.each([
    [0, [0, 1]],
    [1, [0, 1]],
    [3, [0, 1, 2, 3]],
    [4, [0, 1, 2, 3, 4]],
    [5, [0, 2, 4, 6]],
    [7, [0, 2, 4, 6, 8]],
    [9, [0, 5, 10]],
    [37, [0, 10, 20, 30, 40]],
    [1234, [0, 500, 1000, 1500]],
  ])('for a largest count of %i: %j', (max, ticks) => {
    expect(niceTicks(max)).toEqual(ticks);
  });

  it('always starts at 0, reaches the maximum and has at most 5 ticks (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), (max) => {
        const ticks = niceTicks(max);
        expect(ticks[0]).toBe(0);
        expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
        expect(ticks.length).toBeLessThanOrEqual(5);
      }),
    );
  });
});

describe('columnChartModel', () => {
  const day = (label: string, answered: number, clarified: number, unanswered: number) => ({
    label,
    segments: [
      { kind: 'answered' as const, value: answered },
      { kind: 'clarified' as const, value: clarified },
      { kind: 'unanswered' as const, value: unanswered },
    ],
  });

  it('stacks a day from the bottom of the plot, in proportion to the axis', () => {
    const model = columnChartModel([day('1.3.', 2, 0, 1), day('2.3.', 0, 0, 0), day('3.3.', 1, 1, 0)], { width: 300, measure: mono });
    // Ticks 0…3, 160 px high: 53.3 px per question.
    expect(model.yTicks.map((tick) => tick.value)).toEqual([0, 1, 2, 3]);
    const bottom = model.plot.y + model.plot.height;
    const [first, empty, third] = model.columns;
    expect(first?.segments.map((s) => s.kind)).toEqual(['answered', 'unanswered']);
    expect(first?.segments[0]?.y).toBeCloseTo(bottom - (160 * 2) / 3, 0);
    expect((first?.segments[0]?.height ?? 0) + (first?.segments[1]?.height ?? 0)).toBeCloseTo(160, 0);
    expect(empty?.segments).toEqual([]);
    expect(third?.total).toBe(2);
    // Columns are evenly spaced, left to right.
    expect((third?.x ?? 0) - (empty?.x ?? 0)).toBeCloseTo((empty?.x ?? 0) - (first?.x ?? 0), 1);
  });

  it('labels the first and the last day always, and as many between as fit without overlapping', () => {
    const days = Array.from({ length: 90 }, (_, i) => day(`${i + 1}.1.`, 1, 0, 0));
    const narrow = columnChartModel(days, { width: 300, measure: mono });
    expect(narrow.xLabels[0]?.text).toBe('1.1.');
    expect(narrow.xLabels.at(-1)?.text).toBe('90.1.');
    const xs = narrow.xLabels.map((label) => label.x);
    const widest = Math.max(...narrow.xLabels.map((label) => mono(label.text)));
    for (let i = 1; i < xs.length; i += 1) expect((xs[i] ?? 0) - (xs[i - 1] ?? 0)).toBeGreaterThanOrEqual(widest);
    // A wider chart has room for more labels.
    expect(columnChartModel(days, { width: 1200, measure: mono }).xLabels.length).toBeGreaterThan(narrow.xLabels.length);
  });

  it('keeps columns and labels inside the drawing at any width and number of days (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 50 }), fc.nat({ max: 50 }), fc.nat({ max: 50 })), { minLength: 1, maxLength: 120 }), fc.integer({ min: 0, max: 1200 }), (counts, width) => {
        const model = columnChartModel(
          counts.map(([a, c, u], i) => day(`${i + 1}.12.`, a, c, u)),
          { width, measure: mono },
        );
        for (const column of model.columns) {
          expect(column.x).toBeGreaterThanOrEqual(model.plot.x - 0.1);
          expect(column.x + column.width).toBeLessThanOrEqual(model.plot.x + model.plot.width + 0.1);
          for (const segment of column.segments) expect(segment.y).toBeGreaterThanOrEqual(model.plot.y - 0.1);
        }
        for (const label of model.xLabels) {
          expect(label.x - mono(label.text) / 2).toBeGreaterThanOrEqual(-0.1);
          expect(label.x + mono(label.text) / 2).toBeLessThanOrEqual(model.width + 0.1);
        }
      }),
    );
  });

  it('keeps a full-height column with a small part inside the plot (found by the property test)', () => {
    // 1 + 50 + 49 = 100 fills the plot to its top tick; the small part's 2 px minimum used to push
    // the stack 0.3 px past the top.
    const model = columnChartModel([day('1.12.', 1, 50, 49), day('2.12.', 0, 0, 0)], { width: 0, measure: mono });
    for (const segment of model.columns[0]?.segments ?? []) expect(segment.y).toBeGreaterThanOrEqual(model.plot.y - 0.1);
    expect(model.columns[0]?.segments.map((segment) => segment.height).every((height) => height >= 1.9)).toBe(true);
  });

  it('formats the axis with the given number format', () => {
    const model = columnChartModel([day('1.1.', 1500, 0, 0)], { width: 300, measure: mono, formatNumber: (n) => n.toLocaleString('de-DE') });
    expect(model.yTicks.map((tick) => tick.text)).toEqual(['0', '500', '1.000', '1.500']);
  });
});

describe('insights page strings', () => {
  const keys = Object.keys(insightsDe) as InsightsKey[];
  const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

  it('English has every German key and no other', () => {
    expect(Object.keys(insightsEn).sort()).toEqual([...keys].sort());
  });

  it('English uses the same placeholders as German in every string', () => {
    expect(keys.filter((key) => placeholders(insightsEn[key]).join() !== placeholders(insightsDe[key]).join())).toEqual([]);
  });

  it('no string is empty, and English is translated, not copied', () => {
    expect(keys.filter((key) => !insightsDe[key].trim() || !insightsEn[key].trim())).toEqual([]);
    // Only these read the same in both languages.
    expect(keys.filter((key) => insightsEn[key] === insightsDe[key])).toEqual(['insights.languageCount', 'insights.report.site']);
  });
});
