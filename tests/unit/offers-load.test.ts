import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ContentError, loadContent } from '../../src/build/load-content.ts';
import { loadOffers } from '../../src/build/load-offers.ts';
import { offerFrontmatterSchema, OFFER_TEXT_MAX, OFFER_TITLE_MAX } from '../../src/core/marketing/offer-schema.ts';
import { REPO_ROOT } from './support/shop-fixture.ts';

/*
 * Offers are content (SPEC 7.1): a mistake in an offer file fails the build with a message that
 * names the file, the field and what to write, like a mistake in a FAQ file does.
 */

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}/`, import.meta.url));
const BROKEN = fixture('offers-broken');
const CATEGORIES = {
  subscription: { de: 'Kaffee-Abo', en: 'Subscription' },
  products: { de: 'Produkte', en: 'Products' },
  shipping: { de: 'Versand', en: 'Shipping' },
};
const TODAY = '2026-11-30';

/** The problems reported for a broken fixture folder; fails the test when it loads. */
function problemsOf(folder: string): readonly string[] {
  try {
    loadOffers(BROKEN + folder, CATEGORIES, { today: TODAY });
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as ContentError).problems;
  }
  throw new Error(`offers-broken/${folder} loaded without a problem`);
}

describe('loadOffers with valid offers', () => {
  const { offers, warnings } = loadOffers(fixture('offers-good'), CATEGORIES, { today: TODAY });

  it('reads the offers of each language in file-name order, and only .md files', () => {
    expect(offers.de.map((o) => o.id)).toEqual(['abo-rabatt', 'probierset']);
    expect(offers.en.map((o) => o.id)).toEqual(['abo-rabatt']);
  });

  it('gives the browser the documented shape, with the text rendered', () => {
    expect(offers.de[0]).toEqual({
      id: 'abo-rabatt',
      lang: 'de',
      title: 'Erste Abo-Lieferung 20 % günstiger',
      html: expect.stringContaining('<strong>erste Lieferung</strong>'),
      link: '/faq/#kaffee-abo',
      validFrom: '2026-01-01',
      validUntil: '2027-12-31',
      categories: ['subscription'],
    });
    expect(offers.de[0]?.html).toContain('<a href="/faq/#kaffee-abo">Mehr zum Abo</a>');
  });

  it('accepts an https link, a category list and no validFrom', () => {
    expect(offers.de[1]).toMatchObject({ link: 'https://shop.example/probierset', validFrom: undefined, categories: ['products', 'subscription'] });
  });

  it('leaves out an offer whose last day has passed, with a warning naming the file', () => {
    expect(offers.de.map((o) => o.id)).not.toContain('sommer-2025');
    expect(warnings).toEqual([expect.stringMatching(/^offers\/de\/sommer-2025\.md: left out, its last day "validUntil: 2025-08-31" has passed/)]);
  });

  it('keeps an offer on its last day, and leaves it out the day after', () => {
    const onLastDay = loadOffers(fixture('offers-good'), CATEGORIES, { today: '2025-08-31' });
    expect(onLastDay.offers.de.map((o) => o.id)).toContain('sommer-2025');
    expect(onLastDay.warnings).toEqual([]);
    const dayAfter = loadOffers(fixture('offers-good'), CATEGORIES, { today: '2025-09-01' });
    expect(dayAfter.offers.de.map((o) => o.id)).not.toContain('sommer-2025');
  });

  it('finds no offers, and no problem, when the folder has no offers/', () => {
    expect(loadOffers(fixture('offers-none'), CATEGORIES)).toEqual({ offers: { de: [], en: [] }, warnings: [] });
  });
});

describe('loadOffers with a broken file names the file, the field and what to write', () => {
  const where = /^offers\/de\/abo-rabatt\.md: /;
  const cases: [folder: string, expected: RegExp][] = [
    ['missing-title', /field "title": "title" must be text, for example: title: /],
    ['bad-date', /field "validFrom": "validFrom" must be a date written YYYY-MM-DD, for example: validFrom: 2026-01-01/],
    ['missing-valid-until', /field "validUntil": "validUntil" must be a date, for example: validUntil: 2027-12-31/],
    ['until-before-from', /field "validUntil": "validUntil" \(2027-01-01\) is before "validFrom" \(2027-12-31\)/],
    ['unknown-category', /field "categories": "abo" is not in categories\.yml; use one of subscription, products, shipping$/],
    ['no-categories', /field "categories": "categories" is empty; name at least one category, for example: categories: \[subscription\]/],
    ['unknown-field', /frontmatter: unknown field "countdown"; allowed are title, link, validFrom, validUntil, categories$/],
    ['raw-html', /offer text: raw HTML is not allowed \("<img src=x onerror/],
    ['javascript-link', /field "link": "link" must be a path on this site starting with "\/" .* or an address starting with https:\/\//],
    ['javascript-in-text', /offer text: the link target "javascript:alert\(1\)" is not allowed/],
    ['title-too-long', new RegExp(`field "title": "title" has 10\\d characters; keep it to ${OFFER_TITLE_MAX}`)],
    ['text-too-long', new RegExp(`offer text: it has 4\\d\\d characters; keep it to ${OFFER_TEXT_MAX}`)],
    ['empty-text', /the offer text is empty; write a sentence or two below the second "---" line/],
    ['invalid-yaml', /the frontmatter is not valid YAML .*; check quotes and indentation/],
  ];

  it.each(cases)('%s', (folder, expected) => {
    const problems = problemsOf(folder);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(where);
    expect(problems[0]?.replace(where, '')).toMatch(expected);
  });

  it('bad-file-name', () => {
    expect(problemsOf('bad-file-name')).toEqual([
      'offers/de/Abo Rabatt.md: the file name is the offer\'s id and must be lower case letters, digits and hyphens, for example abo-rabatt.md',
    ]);
  });

  it('reports the problems of all files and languages together, and only those', () => {
    const problems = problemsOf('two-bad-files');
    expect(problems).toHaveLength(2);
    expect(problems.some((p) => p.startsWith('offers/de/abo-rabatt.md: field "link"'))).toBe(true);
    expect(problems.some((p) => p.startsWith('offers/en/abo-rabatt.md: field "validUntil"'))).toBe(true);
    expect(problems.join('\n')).not.toContain('probierset.md');
  });

  it('lists every problem in the error message, with the count', () => {
    expect(() => loadOffers(`${BROKEN}two-bad-files`, CATEGORIES)).toThrow(/^vertraut: the content has 2 problems:\n {2}- offers\/de\/abo-rabatt\.md/);
  });

  it('says to add categories.yml when the content has none', () => {
    expect(() => loadOffers(fixture('offers-good'), {}, { today: TODAY })).toThrow(/offers\/de\/abo-rabatt\.md: field "categories": there is no categories\.yml to check "subscription" against; add it/);
  });
});

describe('the link of an offer', () => {
  const linkOf = (link: string) =>
    offerFrontmatterSchema.safeParse({ title: 'Angebot', link, validUntil: '2027-12-31', categories: ['products'] });

  it.each(['/faq/', '/faq/#kaffee-abo', '/en/faq/?q=abo', 'https://shop.example/probierset', 'https://shop.example'])('accepts %s', (link) => {
    expect(linkOf(link).success).toBe(true);
  });

  it.each([
    ['another host without a scheme', '//evil.example/abo'],
    ['another host behind a backslash', '/\\evil.example/abo'],
    ['plain http', 'http://shop.example/abo'],
    ['javascript', 'javascript:alert(1)'],
    ['javascript in capitals', 'JavaScript:alert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['mailto', 'mailto:service@shop.example'],
    ['a relative path', 'faq/'],
    ['a user name hiding the host', 'https://shop.example@evil.example/'],
    ['a space inside', '/faq/ kaffee'],
    ['nothing', ''],
  ])('refuses %s', (_, link) => {
    expect(linkOf(link).success).toBe(false);
  });
});

describe('the offers of the real content', () => {
  const content = loadContent(`${REPO_ROOT}content`);
  const { offers, warnings } = loadOffers(`${REPO_ROOT}content`, content.categories, { today: '2026-01-01' });

  it('load without problems or warnings, four per language with the same ids', () => {
    expect(warnings).toEqual([]);
    expect(offers.de).toHaveLength(4);
    expect(offers.en.map((o) => o.id)).toEqual(offers.de.map((o) => o.id));
  });

  it('link to an existing FAQ entry of their own language', () => {
    for (const lang of ['de', 'en'] as const) {
      const ids = new Set(content.entries[lang].map((e) => e.id));
      for (const offer of offers[lang]) {
        const match = /^(\/(?:en\/)?)faq\/#([a-z0-9-]+)$/.exec(offer.link);
        expect(match?.[1], offer.link).toBe(lang === 'en' ? '/en/' : '/');
        expect(ids.has(match?.[2] ?? ''), offer.link).toBe(true);
      }
    }
  });

  it('share their dates and categories across languages', () => {
    for (const de of offers.de) {
      const en = offers.en.find((o) => o.id === de.id);
      expect(en).toMatchObject({ validFrom: de.validFrom, validUntil: de.validUntil, categories: de.categories });
    }
  });
});
