/*
 * The charts of the insights page (SPEC 5.3): horizontal bars for lists (top questions,
 * unanswered questions, helpfulness) and columns for the questions per day. The geometry is a
 * pure function of the numbers and the width (tested in Node); drawing only turns a model into
 * SVG elements.
 *
 * A chart is drawn at the width it is shown, one SVG unit per CSS pixel, so its text keeps the
 * page's size at 320 px and at 200 % zoom (the page draws again when the width changes); long
 * labels wrap instead of shrinking. Colours come from CSS classes (insights.css): the CSP allows
 * no style attribute. Each chart is one image (`role="img"`) with a summary as its name; the
 * page shows the same numbers in a table beside it.
 */

/** What a bar or a column part counts; each has its own colour. */
export type SeriesKind = 'answered' | 'clarified' | 'unanswered' | 'yes' | 'no';

export interface ChartSegment {
  readonly kind: SeriesKind;
  readonly value: number;
}

/** The width of a text in CSS pixels at the chart's font size. */
export type MeasureText = (text: string) => number;

/** The charts' font size in CSS pixels. */
export const CHART_FONT_SIZE = 14;
const LINE_HEIGHT = 18;
/** From the top of a line to its baseline. */
const ASCENT = 14;
const BAR_HEIGHT = 18;
const LABEL_GAP = 4;
const ROW_GAP = 14;
const VALUE_GAP = 6;
/** Longer labels are cut with "…" after this many lines; the table next to the chart has them whole. */
export const MAX_LABEL_LINES = 3;
/** Narrower than this, nothing readable fits; the chart keeps this width and the page scrolls it. */
export const MIN_CHART_WIDTH = 120;
const PLOT_HEIGHT = 160;
const PLOT_TOP = 10;

/** A generous estimate (0.6 em per character) for when text cannot be measured (in Node, in tests). */
export const estimateText: MeasureText = (text) => [...text].length * CHART_FONT_SIZE * 0.6;

const round = (value: number): number => Math.round(value * 10) / 10;

/** The longest start of `word` that fits `width` (at least one character, so the loop ends). */
function fittingPrefix(word: string, width: number, measure: MeasureText): string {
  const characters = [...word];
  let end = characters.length;
  while (end > 1 && measure(characters.slice(0, end).join('')) > width) end -= 1;
  return characters.slice(0, end).join('');
}

/**
 * Breaks a label into lines of at most `width`, at spaces, and inside a word only when the word
 * alone is too long. More than `maxLines` lines: the last one shown ends in "…".
 */
export function wrapText(text: string, width: number, measure: MeasureText = estimateText, maxLines = MAX_LABEL_LINES): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (measure(line) > width) {
      const head = fittingPrefix(line, width, measure);
      lines.push(head);
      line = line.slice(head.length);
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1] ?? '';
  while (last.length > 0 && measure(`${last}…`) > width) last = [...last].slice(0, -1).join('');
  kept[maxLines - 1] = `${last.trimEnd()}…`;
  return kept;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface SegmentBox extends Box {
  readonly kind: SeriesKind;
  readonly value: number;
}

const total = (segments: readonly ChartSegment[]): number => segments.reduce((sum, segment) => sum + Math.max(0, segment.value), 0);

/**
 * Parts of one bar, side by side from `start` along the axis, `scale` pixels per count. A part
 * that counts anything is at least 2 px, so a 1 beside a 1,000 still shows.
 */
function stack(segments: readonly ChartSegment[], start: number, scale: number, room = Infinity): { kind: SeriesKind; value: number; from: number; length: number }[] {
  const shown = segments.filter((segment) => segment.value > 0);
  // Every part at least 2 px, so a single "unanswered" stays visible; if those minimums push the
  // stack past its room (a full-height column with a small part), all parts shrink to fit.
  const lengths = shown.map(({ value }) => Math.max(2, value * scale));
  const sum = lengths.reduce((a, b) => a + b, 0);
  const shrink = sum > room ? room / sum : 1;
  let at = start;
  return shown.map(({ kind, value }, i) => {
    const length = (lengths[i] ?? 0) * shrink;
    const part = { kind, value, from: at, length };
    at += length;
    return part;
  });
}

// --- horizontal bars: one row per item, the label above its bar, the value after it

export interface BarItem {
  readonly label: string;
  /** The parts of the bar, in order; a list with one part is a plain bar. */
  readonly segments: readonly ChartSegment[];
  /** Written after the bar, e.g. "3" or "2 ja, 1 nein". */
  readonly valueText: string;
}

export interface BarRow {
  readonly label: readonly string[];
  /** Baseline of the label's first line; each further line is one line height lower. */
  readonly labelY: number;
  readonly segments: readonly SegmentBox[];
  readonly valueText: string;
  readonly valueX: number;
  /** Baseline of the value, centred on the bar. */
  readonly valueY: number;
}

export interface BarChartModel {
  readonly width: number;
  readonly height: number;
  readonly lineHeight: number;
  readonly rows: readonly BarRow[];
}

/**
 * Bars in proportion to each item's total, the largest as long as the width allows once the
 * longest value text has room after it.
 */
export function barChartModel(items: readonly BarItem[], options: { readonly width: number; readonly measure?: MeasureText }): BarChartModel {
  const measure = options.measure ?? estimateText;
  const width = Math.max(MIN_CHART_WIDTH, Math.floor(options.width));
  // The value text's room, and 2 px so that its last glyph does not touch the edge.
  const valueRoom = Math.max(0, ...items.map((item) => measure(item.valueText))) + VALUE_GAP + 2;
  const longest = Math.max(0, ...items.map((item) => total(item.segments)));
  const barRoom = Math.max(1, width - valueRoom);
  const scale = longest > 0 ? barRoom / longest : 0;
  let y = 0;
  const rows = items.map((item): BarRow => {
    const label = wrapText(item.label, width, measure);
    const labelY = y + ASCENT;
    y += label.length * LINE_HEIGHT + LABEL_GAP;
    const barY = y;
    const parts = stack(item.segments, 0, scale, barRoom);
    const lastPart = parts.at(-1);
    const end = lastPart ? lastPart.from + lastPart.length : 0;
    y += BAR_HEIGHT + ROW_GAP;
    return {
      label,
      labelY: round(labelY),
      segments: parts.map((part) => ({ kind: part.kind, value: part.value, x: round(part.from), y: round(barY), width: round(part.length), height: BAR_HEIGHT })),
      valueText: item.valueText,
      valueX: round(Math.min(end, barRoom) + VALUE_GAP),
      valueY: round(barY + BAR_HEIGHT / 2 + CHART_FONT_SIZE * 0.35),
    };
  });
  return { width, height: Math.max(1, y - ROW_GAP), lineHeight: LINE_HEIGHT, rows };
}

// --- columns: one per day, parts stacked from the bottom, with a value axis

/** Tick values of a count axis from 0: at most `count` steps of 1, 2 or 5 times a power of ten, the last at or above `max`. */
export function niceTicks(max: number, count = 4): number[] {
  const top = Math.max(1, Math.ceil(max));
  let step = 1;
  for (let power = 1; ; power *= 10) {
    const found = [1, 2, 5].map((factor) => factor * power).find((candidate) => Math.ceil(top / candidate) <= count);
    if (found !== undefined) {
      step = found;
      break;
    }
  }
  return Array.from({ length: Math.ceil(top / step) + 1 }, (_, i) => i * step);
}

export interface ColumnItem {
  /** Written under the column when there is room, e.g. "12.3.". */
  readonly label: string;
  readonly segments: readonly ChartSegment[];
}

export interface Column {
  readonly x: number;
  readonly width: number;
  readonly total: number;
  readonly segments: readonly SegmentBox[];
}

export interface AxisLabel {
  readonly text: string;
  readonly x: number;
  readonly y: number;
}

export interface ColumnChartModel {
  readonly width: number;
  readonly height: number;
  /** The area of the columns; the value axis is on its left, the labels under it. */
  readonly plot: Box;
  readonly columns: readonly Column[];
  /** A grid line and a label (right-aligned at `x`) per tick. */
  readonly yTicks: readonly (AxisLabel & { readonly value: number })[];
  /** Column labels, centred at `x`; as many as fit without overlapping, the first and the last always. */
  readonly xLabels: readonly AxisLabel[];
}

/** Which columns get a label: every `step`-th from the first, and the last, none closer than `room`. */
function labelledColumns(count: number, slot: number, room: number): number[] {
  if (count === 0) return [];
  const step = Math.max(1, Math.ceil(room / slot));
  const chosen: number[] = [];
  for (let i = 0; i < count; i += step) chosen.push(i);
  const last = count - 1;
  if (chosen.at(-1) !== last) {
    // The last day matters more than the one before it: drop that one if they would overlap.
    if ((last - (chosen.at(-1) ?? 0)) * slot < room && chosen.length > 1) chosen.pop();
    if ((last - (chosen.at(-1) ?? 0)) * slot >= room) chosen.push(last);
  }
  return chosen;
}

export function columnChartModel(
  items: readonly ColumnItem[],
  options: { readonly width: number; readonly measure?: MeasureText; readonly formatNumber?: (value: number) => string },
): ColumnChartModel {
  const measure = options.measure ?? estimateText;
  const format = options.formatNumber ?? String;
  const width = Math.max(MIN_CHART_WIDTH, Math.floor(options.width));
  const ticks = niceTicks(Math.max(0, ...items.map((item) => total(item.segments))));
  const top = ticks.at(-1) ?? 1;
  const axisRoom = Math.ceil(Math.max(...ticks.map((tick) => measure(format(tick))))) + 8;
  const plot: Box = { x: axisRoom, y: PLOT_TOP, width: width - axisRoom - 2, height: PLOT_HEIGHT };
  const bottom = plot.y + plot.height;
  const slot = items.length > 0 ? plot.width / items.length : plot.width;
  // Thin columns get no gap: at 90 days on a phone every pixel is a column.
  const columnWidth = slot >= 6 ? Math.min(slot * 0.7, 48) : slot;
  const scale = plot.height / top;
  const columns = items.map((item, i): Column => {
    const x = plot.x + i * slot + (slot - columnWidth) / 2;
    const parts = stack(item.segments, 0, scale, plot.height);
    return {
      x: round(x),
      width: round(columnWidth),
      total: total(item.segments),
      segments: parts.map((part) => ({
        kind: part.kind,
        value: part.value,
        x: round(x),
        y: round(bottom - part.from - part.length),
        width: round(columnWidth),
        height: round(part.length),
      })),
    };
  });
  const yTicks = ticks.map((value) => ({ value, text: format(value), x: axisRoom - 6, y: round(bottom - value * scale) }));
  const labelRoom = Math.max(0, ...items.map((item) => measure(item.label))) + 12;
  const labelY = bottom + LINE_HEIGHT;
  const xLabels = labelledColumns(items.length, slot, labelRoom).map((i): AxisLabel => {
    const item = items[i] as ColumnItem;
    const half = measure(item.label) / 2;
    const centre = plot.x + (i + 0.5) * slot;
    // Kept inside the chart: the first and last labels would otherwise stick out.
    return { text: item.label, x: round(Math.min(Math.max(centre, half), width - half)), y: labelY };
  });
  return { width, height: labelY + 6, plot, columns, yTicks, xLabels };
}

// --- drawing (browser only)

const SVG_NS = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  node.append(...children);
  return node;
}

/** The chart's frame: one image with a name, sized in CSS pixels. */
function frame(width: number, height: number, label: string, kind: string): SVGSVGElement {
  return svg('svg', {
    class: `insights-chart insights-chart--${kind}`,
    role: 'img',
    'aria-label': label,
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    'font-size': CHART_FONT_SIZE,
  });
}

const part = (box: SegmentBox): SVGRectElement =>
  svg('rect', { class: `insights-bar insights-bar--${box.kind}`, x: box.x, y: box.y, width: box.width, height: box.height, 'data-value': box.value });

export function drawBarChart(model: BarChartModel, label: string): SVGSVGElement {
  const root = frame(model.width, model.height, label, 'bars');
  for (const row of model.rows) {
    const text = svg('text', { class: 'insights-chart-label', x: 0, y: row.labelY });
    row.label.forEach((line, i) => text.append(svg('tspan', { x: 0, dy: i === 0 ? 0 : model.lineHeight }, line)));
    root.append(text, ...row.segments.map(part), svg('text', { class: 'insights-chart-value', x: row.valueX, y: row.valueY }, row.valueText));
  }
  return root;
}

export function drawColumnChart(model: ColumnChartModel, label: string): SVGSVGElement {
  const root = frame(model.width, model.height, label, 'columns');
  const { plot } = model;
  for (const tick of model.yTicks) {
    root.append(
      svg('line', { class: tick.value === 0 ? 'insights-axis' : 'insights-grid', x1: plot.x, x2: plot.x + plot.width, y1: tick.y, y2: tick.y }),
      svg('text', { class: 'insights-chart-value', x: tick.x, y: round(tick.y + CHART_FONT_SIZE * 0.35), 'text-anchor': 'end' }, tick.text),
    );
  }
  for (const column of model.columns) root.append(...column.segments.map(part));
  for (const axisLabel of model.xLabels) root.append(svg('text', { class: 'insights-chart-value', x: axisLabel.x, y: axisLabel.y, 'text-anchor': 'middle' }, axisLabel.text));
  return root;
}
