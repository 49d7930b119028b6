import { describe, expect, it } from 'vitest';
import { MarkdownProblem, renderMarkdown } from '../../src/build/markdown.ts';

describe('renderMarkdown', () => {
  it('renders lists, links and emphasis', () => {
    const { html } = renderMarkdown('So geht es:\n\n- **fett** und *kursiv*\n- [Versand](/faq/#versand)\n\n1. eins\n2. zwei');
    expect(html).toContain('<ul>');
    expect(html).toContain('<ol>');
    expect(html).toContain('<li><strong>fett</strong> und <em>kursiv</em></li>');
    expect(html).toContain('<a href="/faq/#versand">Versand</a>');
  });

  it('allows links to the site, to http(s) pages, to the phone and to the mail app', () => {
    const { html } = renderMarkdown('[a](/kontakt/) [b](https://example.org) [c](tel:+49401234567) [d](mailto:service@example.org) [e](#oben)');
    for (const href of ['/kontakt/', 'https://example.org', 'tel:+49401234567', 'mailto:service@example.org', '#oben']) {
      expect(html).toContain(`href="${href}"`);
    }
  });

  it('escapes characters that mean something in HTML', () => {
    expect(renderMarkdown('Preis & Leistung: 5 < 6').html).toBe('<p>Preis &amp; Leistung: 5 &lt; 6</p>\n');
  });

  it('extracts plain text without markup for the index', () => {
    const { text } = renderMarkdown('## Kosten\n\n- **29 €** für ein *Rad*\n- [Zubehör](/faq/#zubehoer): `4,90 €`\n\n> Ab 100 € kostenlos.');
    for (const part of ['Kosten', '29 € für ein Rad', 'Zubehör', '4,90 €', 'Ab 100 € kostenlos.']) expect(text).toContain(part);
    expect(text).not.toMatch(/[*_#>\[\]`]|\(\/faq/);
  });

  it('refuses raw HTML, block or inline, and names it', () => {
    expect(() => renderMarkdown('<script>alert(1)</script>')).toThrow(MarkdownProblem);
    expect(() => renderMarkdown('<script>alert(1)</script>')).toThrow(/raw HTML is not allowed \("<script>alert\(1\)<\/script>"\); write markdown instead/);
    expect(() => renderMarkdown('Text mit <b onclick="x()">fett</b>')).toThrow(/raw HTML/);
    expect(() => renderMarkdown('> <iframe src="https://evil.example"></iframe>')).toThrow(/raw HTML/);
  });

  it('keeps HTML inside code as visible text', () => {
    expect(renderMarkdown('Schreiben Sie nie `<script>`').html).toContain('<code>&lt;script&gt;</code>');
  });

  it('refuses javascript:, data: and vbscript: links, in any case and as reference links', () => {
    for (const source of [
      '[hier](javascript:alert(1))',
      '[hier](JavaScript:alert(1))',
      '<javascript:alert(1)>',
      '[hier](data:text/html;base64,PHNjcmlwdD4=)',
      '[hier](vbscript:msgbox)',
      'Siehe [hier][1].\n\n[1]: javascript:alert(1)',
    ]) {
      expect(() => renderMarkdown(source), source).toThrow(/the link target ".*" is not allowed; use https:\/\/…, \/a\/page\/, mailto: or tel:/);
    }
  });

  it('refuses an image without a description, and says how to write one', () => {
    expect(() => renderMarkdown('![](/rad.png)')).toThrow(/needs a description: !\[what it shows\]\(\/rad.png\)/);
    expect(renderMarkdown('![Ein rotes Rad](/rad.png)').html).toContain('alt="Ein rotes Rad"');
  });

  // BUG: the check walks `tokens` and list `items` but not the header and rows of GFM tables, so
  // raw HTML and unsafe links inside a table cell are rendered unchanged. Input: a table with
  // `<img src=x onerror=alert(1)>` in a cell; expected MarkdownProblem; actual: the HTML is
  // output as is (script in the built page).
  it('refuses raw HTML and javascript: links inside a table', () => {
    const table = (cell: string): string => `| Land | Preis |\n|---|---|\n| DE | ${cell} |`;
    expect(() => renderMarkdown(table('<img src=x onerror=alert(1)>'))).toThrow(MarkdownProblem);
    expect(() => renderMarkdown(table('[x](javascript:alert(1))'))).toThrow(MarkdownProblem);
  });

  // BUG: a colon written as an HTML entity passes the link check: the href
  // "javascript&#58;alert(1)" starts with a word character, and the browser decodes the
  // attribute to "javascript:alert(1)". Input: [x](javascript&#58;alert(1)); expected
  // MarkdownProblem; actual: <a href="javascript&#58;alert(1)">.
  it('refuses a javascript: link whose colon is written as an entity', () => {
    expect(() => renderMarkdown('[x](javascript&#58;alert(1))')).toThrow(MarkdownProblem);
  });

  // BUG: plainText() does not read table cells, so words that appear only in a table are not in
  // the index. Input: a table listing "Österreich 19 €"; expected the text to contain
  // "Österreich"; actual text: "".
  it('indexes the words of a table', () => {
    expect(renderMarkdown('| Land | Preis |\n|---|---|\n| Österreich | 19 € |').text).toContain('Österreich');
  });
});
