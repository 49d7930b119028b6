import { describe, expect, it } from 'vitest';
import { MarkdownProblem, renderMarkdown } from '../../src/build/markdown.ts';
import { HOSTILE_PAYLOADS } from '../e2e/support/hostile-payloads.ts';

/*
 * The audit's hostile corpus put into content (issue #9, SPEC 8.2): an answer, a link target or
 * an image written with any of the payloads either fails the build (MarkdownProblem, which the
 * content loader reports with file and field) or renders to HTML that can run nothing.
 */

/** The elements markdown may produce; anything else in the output was smuggled in. */
const ALLOWED_TAGS = new Set(['p', 'a', 'em', 'strong', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'br', 'hr', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Problems of the rendered HTML's real tags (text that merely reads like markup is escaped and harmless). */
function dangers(html: string): string[] {
  const found: string[] = [];
  for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) {
    const name = /^<([a-z0-9]+)/i.exec(tag)?.[1]?.toLowerCase() ?? '';
    if (!ALLOWED_TAGS.has(name)) found.push(`element <${name}>`);
    if (/\son[a-z]+\s*=/i.test(tag)) found.push(`event handler in ${tag}`);
    if (/\sstyle\s*=/i.test(tag)) found.push(`style attribute in ${tag}`);
    const url = /\s(?:href|src)="([^"]*)"/i.exec(tag)?.[1] ?? '';
    const decoded = url.replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16))).replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number(d))).replace(/&colon;/gi, ':').replace(/[\u0000-\u0020]/g, '');
    if (/^(?:javascript|vbscript|data):/i.test(decoded)) found.push(`unsafe URL in ${tag}`);
  }
  return found;
}

function outcome(markdown: string): 'refused' | string {
  try {
    return renderMarkdown(markdown).html;
  } catch (error) {
    if (error instanceof MarkdownProblem) return 'refused';
    throw error;
  }
}

describe('hostile payloads in content', () => {
  const shapes: [string, (payload: string) => string][] = [
    ['in an answer', (p) => `Die Antwort: ${p}`],
    ['as a link target', (p) => `[mehr](${p.replace(/[()\s]/g, '')})`],
    ['as link text', (p) => `[${p.replace(/[[\]]/g, '')}](/faq/)`],
    ['in a table cell', (p) => `| Land | Preis |\n| --- | --- |\n| DE | ${p.replace(/\|/g, '')} |`],
    ['as an image', (p) => `![Bild](${p.replace(/[()\s]/g, '')})`],
  ];
  for (const [where, shape] of shapes) {
    it.each(HOSTILE_PAYLOADS.map((payload) => [payload.name, payload.text]))(`%s ${where}: refused or harmless`, (_name, text) => {
      const result = outcome(shape(text));
      if (result === 'refused') return;
      expect(dangers(result), `rendered: ${result.slice(0, 200)}`).toEqual([]);
    });
  }

  it('finds what it looks for (a check that cannot fail is no check)', () => {
    expect(dangers('<p><img src=x onerror="a"></p>')).toContain('event handler in <img src=x onerror="a">');
    expect(dangers('<a href="jav&#x61;script:x">x</a>')).toContain('unsafe URL in <a href="jav&#x61;script:x">');
    expect(dangers('<svg onload=x>')).toEqual(['element <svg>', 'event handler in <svg onload=x>']);
    expect(dangers('<p>&lt;img src=x onerror=a&gt;</p>')).toEqual([]);
  });

  it('refuses at least the payloads that are raw HTML (the corpus is not harmless by accident)', () => {
    const refused = HOSTILE_PAYLOADS.filter((payload) => outcome(`Antwort ${payload.text}`) === 'refused');
    expect(refused.length).toBeGreaterThanOrEqual(20);
  });
});
