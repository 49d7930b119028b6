import { PURPOSE_DECLARATIONS, PURPOSES } from '../../../src/core/consent/purposes.ts';
import { t } from '../../../src/i18n/translate.ts';
import { purposeName } from '../support/consent.ts';
import { expect, test } from '../support/fixtures.ts';
import { CATEGORY_QUESTIONS, MarketingChat, OFFER_CATEGORIES, offerRequests, servedOffers, UNFITTING_QUESTION } from '../support/marketing.ts';

/*
 * SPEC 7.4 on the variant build (tests/fixtures/site-variant/settings.ts): marketing is enabled
 * but the chat is declared service-only, so it never shows an offer, never asks for advertising,
 * serves no offers, and its privacy texts do not describe a use of data that cannot happen.
 */

test('after helpful answers in every offer category the marketing question never comes, nor any offer', async ({ page, guard }) => {
  const chat = await MarketingChat.open(page);
  // The first helpful answer is the moment the demo site asks for advertising; here the moment
  // goes to counting instead (SPEC 5), which shows the rating was handled.
  await chat.rate(await chat.askAnswered(CATEGORY_QUESTIONS.subscription[0]), true);
  await expect(chat.consentCard('insights').root).toBeVisible();
  await expect(chat.marketingCards).toHaveCount(0);

  for (const category of OFFER_CATEGORIES) {
    for (const question of CATEGORY_QUESTIONS[category]) await chat.rate(await chat.askAnswered(question), true);
  }
  // "START" is no opt-in here either, with or without a card before it.
  const start = await chat.say('START');
  await expect(start.root).not.toContainText(chat.text('marketing.confirmText'));
  await chat.askAnswered(UNFITTING_QUESTION);

  await expect(chat.marketingCards).toHaveCount(0);
  await expect(chat.confirmation).toHaveCount(0);
  await expect(chat.offerElements).toHaveCount(0);
  await expect(chat.log).not.toContainText(chat.text('marketing.label'));
  expect(offerRequests(guard.requests, guard.origin), 'the offers were never loaded').toEqual([]);
});

test('the offers files are empty', async ({ request }) => {
  for (const lang of ['de', 'en'] as const) expect(await servedOffers(request, lang), `/vertraut/offers-${lang}.json`).toEqual([]);
});

for (const { path, lang } of [
  { path: '/datenschutz/', lang: 'de' },
  { path: '/en/privacy/', lang: 'en' },
] as const) {
  test(`the privacy page ${path} and purposes.json describe every purpose but marketing`, async ({ page, request }) => {
    await page.goto(path);
    const main = page.getByRole('main');
    const marketing = PURPOSE_DECLARATIONS.marketing.text[lang];
    for (const purpose of PURPOSES) {
      const section = main.getByRole('region', { name: purposeName(lang, purpose), exact: true });
      await expect(section, `the section on ${purpose}`).toHaveCount(purpose === 'marketing' ? 0 : 1);
    }
    for (const text of [purposeName(lang, 'marketing'), marketing.purpose, t(lang, 'privacy.marketingText')]) await expect(main).not.toContainText(text);

    const response = await request.get('/vertraut/purposes.json');
    expect(response.status()).toBe(200);
    const summary = (await response.json()) as { purposes: { id: string }[] };
    expect(summary.purposes.map((p) => p.id)).toEqual(PURPOSES.filter((p) => p !== 'marketing'));
  });
}
