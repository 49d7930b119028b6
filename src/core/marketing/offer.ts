import type { Language } from '../content/faq-entry.ts';
import type { Day } from '../calendar-day.ts';

/*
 * An advertising offer as the chat gets it (SPEC 7.1). The editor's rules for offer files live in
 * offer-schema.ts (zod, build time only); offers are shown only with consent (see
 * marketing-commands.ts).
 */

/** An offer in one language, as the build hands it to the browser. */
export interface Offer {
  /** The file name without .md; the same id in two languages is the same offer translated. */
  readonly id: string;
  readonly lang: Language;
  readonly title: string;
  /** The offer text rendered to HTML at build time from trusted markdown (no raw HTML). */
  readonly html: string;
  readonly link: string;
  /** Undefined: valid from the build on. */
  readonly validFrom: Day | undefined;
  readonly validUntil: Day;
  readonly categories: readonly string[];
}

/** Whether an offer may show on a day: from validFrom to validUntil, both days included. */
export function isOfferValidOn(offer: Pick<Offer, 'validFrom' | 'validUntil'>, today: Day): boolean {
  return (offer.validFrom === undefined || offer.validFrom <= today) && today <= offer.validUntil;
}
