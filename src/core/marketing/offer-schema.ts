import { z } from 'zod';
import { isDay } from '../calendar-day.ts';
import { isSlug } from '../content/faq-entry.ts';

/*
 * An advertising offer (SPEC 7.1): a markdown file in content/offers/<lang>/<slug>.md, its
 * frontmatter validated here, the one place where an editor's rules for offers live. The same
 * slug in two languages is the same offer translated. Offers reach the browser only as the
 * `Offer` shape below, and are shown only with consent (see marketing-commands.ts).
 */

/** At most this many characters in an offer's title. */
export const OFFER_TITLE_MAX = 80;
/** At most this many characters of plain text in an offer's text: a short note, not a page. */
export const OFFER_TEXT_MAX = 400;

/**
 * A link an offer may lead to: a path on this site ("/faq/#kaffee-abo") or an https address.
 * "//host" and "/\host" start with "/" but lead to another host, so they are refused; so are
 * addresses with a user name ("https://shop.example@evil.example"), which hide where they go.
 */
export function isOfferLink(value: string): boolean {
  if (/[\s\\\u0000-\u001f\u007f]/.test(value)) return false;
  if (value.startsWith('/')) return !value.startsWith('//');
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
}

const day = (field: string, example: string) =>
  z
    .union([z.string(), z.date()], { error: `"${field}" must be a date, for example: ${field}: ${example}` })
    // YAML 1.1 readers turn an unquoted date into a Date; take it back to the day written.
    .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value.trim()))
    .refine(isDay, { error: `"${field}" must be a date written YYYY-MM-DD, for example: ${field}: ${example}` });

export const offerFrontmatterSchema = z
  .strictObject(
    {
      /**
       * The headline of the offer, shown in bold above its text, under the "Anzeige" label.
       * Required; 1 to 80 characters.
       */
      title: z
        .string({ error: '"title" must be text, for example: title: Erste Abo-Lieferung 20 % günstiger' })
        .trim()
        .min(1, { error: '"title" is empty; write for example: title: Erste Abo-Lieferung 20 % günstiger' })
        .max(OFFER_TITLE_MAX, {
          error: (issue) =>
            `"title" has ${typeof issue.input === 'string' ? issue.input.length : 'more than 80'} characters; keep it to ${OFFER_TITLE_MAX}, the text below it can say more`,
        }),
      /**
       * Where the offer's button leads. Required: a path on this site starting with "/" (for
       * example /faq/#kaffee-abo; the site's base path is not added) or an https:// address.
       * No default.
       */
      link: z
        .string({ error: '"link" must be a path on this site or an https address, for example: link: /faq/#kaffee-abo' })
        .trim()
        .refine(isOfferLink, {
          error: '"link" must be a path on this site starting with "/" (for example /faq/#kaffee-abo) or an address starting with https://',
        }),
      /**
       * The first day the offer may be shown, YYYY-MM-DD. Optional; without it the offer is valid
       * from the build on. Must not be after validUntil.
       */
      validFrom: day('validFrom', '2026-01-01').optional(),
      /**
       * The last day the offer may be shown, YYYY-MM-DD (the day itself included). Required, so no
       * offer runs forever by mistake. An offer whose last day has passed at build time is left
       * out with a warning; in the browser it stops showing the day after.
       */
      validUntil: day('validUntil', '2027-12-31'),
      /**
       * The categories (ids from content/categories.yml) of the answers after which the offer
       * fits, for example [subscription, products]. Required, at least one; the build checks that
       * each id exists.
       */
      categories: z
        .array(
          z
            .string({ error: 'each "categories" item must be a category id, for example: subscription' })
            .trim()
            .refine(isSlug, { error: 'each "categories" item must be a category id in lower case with hyphens, for example: subscription' }),
          { error: '"categories" must be a list of category ids, for example: categories: [subscription]' },
        )
        .min(1, { error: '"categories" is empty; name at least one category, for example: categories: [subscription]' }),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}; allowed are title, link, validFrom, validUntil, categories`
          : 'the frontmatter must be a list of fields between two "---" lines',
    },
  )
  .superRefine((offer, context) => {
    // Zod runs this even when a field above failed; compare only two real days.
    if (isDay(offer.validFrom) && isDay(offer.validUntil) && offer.validUntil < offer.validFrom) {
      context.addIssue({
        code: 'custom',
        path: ['validUntil'],
        message: `"validUntil" (${offer.validUntil}) is before "validFrom" (${offer.validFrom}); the offer would never show, so check both dates`,
      });
    }
  });

export type OfferFrontmatter = z.output<typeof offerFrontmatterSchema>;

