import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ContentError, loadContent } from '../../src/build/load-content.ts';
import { REPO_ROOT, SHOP_CONTENT } from './support/shop-fixture.ts';

const BROKEN = fileURLToPath(new URL('../fixtures/content-broken/', import.meta.url));

/** The problems reported for a broken fixture folder; fails the test when it loads. */
function problemsOf(folder: string): readonly string[] {
  try {
    loadContent(BROKEN + folder);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as ContentError).problems;
  }
  throw new Error(`content-broken/${folder} loaded without a problem`);
}

describe('loadContent with valid content', () => {
  const content = loadContent(SHOP_CONTENT);

  it('reads every entry of every language', () => {
    expect(content.entries.de).toHaveLength(11);
    expect(content.entries.en).toHaveLength(12);
    expect(content.entries.en.map((e) => e.id)).toContain('akku-recycling');
  });

  it('reads the frontmatter fields and renders the answer', () => {
    const entry = content.entries.de.find((e) => e.id === 'versandkosten');
    expect(entry).toMatchObject({
      lang: 'de',
      question: 'Was kostet der Versand?',
      variants: ['Versandkosten', 'Ist der Versand kostenlos?'],
      tags: ['versand', 'versandkosten'],
      category: 'shipping',
      related: ['lieferzeit', 'lieferadresse-aendern'],
      updated: '2026-03-01',
    });
    expect(entry?.answerHtml).toContain('<strong>29 €</strong>');
    expect(entry?.answerText).toContain('29 €');
    expect(entry?.answerText).not.toContain('**');
  });

  it('renders the informal answer ("du") of a German entry, and has none where the editor wrote none', async () => {
    const { join } = await import('node:path');
    const demo = loadContent(join(REPO_ROOT, 'content'));
    const entry = demo.entries.de.find((e) => e.id === 'versanddauer');
    expect(entry?.answerHtmlDu).toContain('ist dein Paket in der Regel in <strong>1–3 Werktagen</strong> bei dir');
    expect(entry?.answerHtml).toContain('ist Ihr Paket');
    expect(content.entries.de.every((e) => e.answerHtmlDu === undefined)).toBe(true);
  });

  it('defaults the optional fields', () => {
    const entry = content.entries.de.find((e) => e.id === 'datenschutzerklaerung');
    expect(entry).toMatchObject({ variants: [], related: [], updated: undefined });
  });

  it('reads the categories and the synonyms of each language', () => {
    expect(content.categories['shipping']).toEqual({ de: 'Versand', en: 'Shipping' });
    expect(content.synonyms.de.length).toBeGreaterThan(0);
    expect(content.synonyms.en.length).toBeGreaterThan(0);
  });
});

describe('loadContent with a broken file names the file, the field and what to write', () => {
  const cases: [folder: string, expected: RegExp][] = [
    ['missing-question', /^faq\/de\/versand\.md: field "question": .*for example: question: /],
    ['variants-not-list', /^faq\/de\/versand\.md: field "variants": "variants" must be a list, for example:\nvariants:\n {2}- /],
    ['unknown-field', /^faq\/de\/versand\.md: .*unknown field "varaints"; allowed are question, variants, tags, category, related, updated/],
    ['bad-date', /^faq\/de\/versand\.md: field "updated": .*YYYY-MM-DD, for example: updated: \d{4}-\d{2}-\d{2}/],
    ['unknown-related', /^faq\/de\/versand\.md: field "related": there is no entry "lieferzeit" in de; use the file name \(without \.md\) of an existing entry/],
    ['unknown-category', /^faq\/de\/versand\.md: field "category": "versand" is not in categories\.yml; use one of shipping, returns/],
    ['empty-body', /^faq\/de\/versand\.md: the answer is empty; write the answer below the second "---" line/],
    ['raw-html', /^faq\/de\/versand\.md: answer: raw HTML is not allowed \("<script>/],
    ['javascript-link', /^faq\/de\/versand\.md: answer: the link target "javascript:alert\(1\)" is not allowed; use https:/],
    ['invalid-yaml', /^faq\/de\/versand\.md: the frontmatter is not valid YAML .*; check quotes and indentation/],
    ['bad-file-name', /^faq\/de\/Bad Name\.md: the file name .* must be lower case letters, digits and hyphens, for example versand-kosten\.md/],
    ['du-in-english', /^faq\/en\/shipping\.md: field "du": only German answers have an informal form; remove "du" here$/],
    ['du-raw-html', /^faq\/de\/versand\.md: field "du": raw HTML is not allowed \("<b>/],
  ];

  it.each(cases)('%s', (folder, expected) => {
    const problems = problemsOf(folder);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });

  it('reports the problems of all files together, and only those', () => {
    const problems = problemsOf('two-bad-files');
    expect(problems).toHaveLength(2);
    expect(problems.some((p) => p.startsWith('faq/de/lieferzeit.md: field "updated"'))).toBe(true);
    expect(problems.some((p) => p.startsWith('faq/de/versand.md: field "question"'))).toBe(true);
    expect(problems.join('\n')).not.toContain('zahlung.md');
  });

  it('lists every problem in the error message, with the count', () => {
    try {
      loadContent(`${BROKEN}two-bad-files`);
      expect.unreachable();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/^vertraut: the content has 2 problems:/);
      expect(message).toContain('lieferzeit.md');
      expect(message).toContain('versand.md');
    }
  });

  it('says where to write entries when a folder has none', () => {
    const problems = problemsOf('no-entries');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/no FAQ entries found; write them as faq\/de\/<slug>\.md/);
  });
});
