import { isDay, type Day } from '../calendar-day.ts';
import { isOfferValidOn, type Offer } from './offer.ts';

/*
 * Which offer, if any, follows an answer (SPEC 7). Whether offers may show at all is decided
 * before, by mayShowOffers (marketing-commands.ts); this only picks one that fits. An offer has
 * to fit the answer the visitor just read: an ad about subscriptions after a question about
 * returns is noise, so an answer without a category gets none.
 */

/**
 * The offer to show under an answer of `answerCategory` on `today`, or undefined. At most one;
 * only offers of that category that are valid today and not yet shown in this visit (each offer
 * at most once per visit); among those the first in content order. `offers` are those of the
 * visitor's language.
 */
export function offerFor(answerCategory: string | undefined, offers: readonly Offer[], today: Day, shownThisVisit: ReadonlySet<string>): Offer | undefined {
  if (!isDay(today)) throw new Error(`vertraut: offerFor needs today as a day written YYYY-MM-DD, got "${String(today)}"`);
  if (!answerCategory) return undefined;
  const fitting = offers.filter((offer) => offer.categories.includes(answerCategory) && isOfferValidOn(offer, today));
  return fitting.find((offer) => !shownThisVisit.has(offer.id));
}
