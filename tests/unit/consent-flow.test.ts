import { describe, expect, it } from 'vitest';
import {
  endingDecision,
  HISTORY_OFFER_AFTER,
  cardSpacingAllows,
  CARD_SPACING,
  resolveWithdrawal,
  shouldOfferHistory,
  shouldOfferInsights,
  shouldOfferPersonalization,
  type HistoryOfferContext,
  type InsightsMoment,
  type PurposeOfferContext,
} from '../../src/core/consent/consent-flow.ts';
import type { ConsentState, PurposeStatus } from '../../src/core/consent/ledger.ts';
import { PURPOSES, type Purpose } from '../../src/core/consent/purposes.ts';

/* What "Stop" ends (SPEC 3.6, 7.3), and when the bot offers to keep the conversation (SPEC 3.3, 3.4). */

function stateWith(statuses: Partial<Record<Purpose, PurposeStatus>> = {}): ConsentState {
  return { ...(Object.fromEntries(PURPOSES.map((purpose) => [purpose, 'unknown'])) as Record<Purpose, PurposeStatus>), ...statuses };
}

describe('resolveWithdrawal', () => {
  describe('"alles widerrufen" (all)', () => {
    it('ends every active purpose, and only those', () => {
      const state = stateWith({ history: 'granted', insights: 'refused', marketing: 'granted', personalization: 'outdated' });
      expect(resolveWithdrawal({ purpose: 'all' }, state)).toEqual({ kind: 'end', purposes: ['history', 'marketing'] });
    });

    it('ends nothing when nothing is active', () => {
      expect(resolveWithdrawal({ purpose: 'all' }, stateWith({ history: 'withdrawn' }))).toEqual({ kind: 'nothing' });
    });
  });

  describe('a named purpose ("Stop Verlauf")', () => {
    it('ends that purpose when it is active, and leaves the others running', () => {
      const state = stateWith({ history: 'granted', marketing: 'granted' });
      expect(resolveWithdrawal({ purpose: 'history' }, state)).toEqual({ kind: 'end', purposes: ['history'] });
    });

    it('ends nothing and names the purpose when it is not active', () => {
      const state = stateWith({ history: 'granted' });
      expect(resolveWithdrawal({ purpose: 'marketing' }, state)).toEqual({ kind: 'nothing', purpose: 'marketing' });
    });

    it('treats an outdated consent as not active', () => {
      expect(resolveWithdrawal({ purpose: 'history' }, stateWith({ history: 'outdated' }))).toEqual({ kind: 'nothing', purpose: 'history' });
    });
  });

  describe('an unclear "Stop"', () => {
    it('ends nothing when no purpose is active', () => {
      expect(resolveWithdrawal({ purpose: undefined }, stateWith({ history: 'refused', marketing: 'objected' }))).toEqual({ kind: 'nothing' });
    });

    it('ends the one active purpose at once', () => {
      expect(resolveWithdrawal({ purpose: undefined }, stateWith({ insights: 'granted', history: 'withdrawn' }))).toEqual({
        kind: 'end',
        purposes: ['insights'],
      });
    });

    it('asks which, when two or more are active', () => {
      expect(resolveWithdrawal({ purpose: undefined }, stateWith({ history: 'granted', insights: 'granted' }))).toEqual({
        kind: 'ask',
        purposes: ['history', 'insights'],
      });
    });

    it('ends advertising at once when it is on, whatever else is (SPEC 7.3: "STOP" ends marketing)', () => {
      expect(resolveWithdrawal({ purpose: undefined }, stateWith({ history: 'granted', marketing: 'granted' }))).toEqual({ kind: 'end', purposes: ['marketing'] });
    });

    it('ends an opt-in still waiting for its confirmation', () => {
      expect(resolveWithdrawal({ purpose: undefined }, stateWith({ marketing: 'pending' }))).toEqual({ kind: 'end', purposes: ['marketing'] });
      expect(resolveWithdrawal({ purpose: 'marketing' }, stateWith({ marketing: 'pending' }))).toEqual({ kind: 'end', purposes: ['marketing'] });
      expect(resolveWithdrawal({ purpose: 'all' }, stateWith({ marketing: 'pending', history: 'granted' }))).toEqual({ kind: 'end', purposes: ['history', 'marketing'] });
      const all = stateWith({ history: 'granted', insights: 'granted', personalization: 'granted' });
      expect(resolveWithdrawal({ purpose: undefined }, all)).toEqual({ kind: 'ask', purposes: PURPOSES.filter((p) => p !== 'marketing') });
    });
  });
});

describe('endingDecision', () => {
  it('logs ending marketing as an objection (SPEC 7.3)', () => {
    expect(endingDecision('marketing')).toBe('objected');
  });

  it('logs ending any other purpose as a withdrawal', () => {
    for (const purpose of ['history', 'insights', 'personalization'] as const) expect(endingDecision(purpose), purpose).toBe('withdrawn');
  });
});

describe('shouldOfferHistory', () => {
  const base: HistoryOfferContext = {
    state: stateWith(),
    exchanges: HISTORY_OFFER_AFTER,
    askedThisVisit: false,
    storageAvailable: true,
    requested: false,
  };
  const offer = (change: Partial<HistoryOfferContext>) => shouldOfferHistory({ ...base, ...change });

  it('waits for two exchanges before offering', () => {
    expect(HISTORY_OFFER_AFTER).toBe(2);
    expect(offer({ exchanges: 0 })).toBe(false);
    expect(offer({ exchanges: 1 })).toBe(false);
    expect(offer({ exchanges: 2 })).toBe(true);
    expect(offer({ exchanges: 7 })).toBe(true);
  });

  it('offers once per visit', () => {
    expect(offer({ askedThisVisit: true, exchanges: 5 })).toBe(false);
  });

  it('never offers what is already granted, not even on request', () => {
    const granted = stateWith({ history: 'granted' });
    expect(offer({ state: granted })).toBe(false);
    expect(offer({ state: granted, requested: true })).toBe(false);
  });

  it('does not nag after "Nein", a withdrawal or an objection, but offers when the visitor asks', () => {
    for (const status of ['refused', 'withdrawn', 'objected'] as const) {
      expect(offer({ state: stateWith({ history: status }), exchanges: 10 }), status).toBe(false);
      expect(offer({ state: stateWith({ history: status }), requested: true, exchanges: 0 }), status).toBe(true);
    }
  });

  it('offers at once when the visitor asks ("Verlauf speichern"), even before two exchanges or after an earlier offer', () => {
    expect(offer({ requested: true, exchanges: 0 })).toBe(true);
    expect(offer({ requested: true, askedThisVisit: true })).toBe(true);
  });

  it('never offers when the browser cannot keep data, not even on request', () => {
    expect(offer({ storageAvailable: false })).toBe(false);
    expect(offer({ storageAvailable: false, requested: true })).toBe(false);
  });

  it('asks again when the text consented to has changed (outdated)', () => {
    expect(offer({ state: stateWith({ history: 'outdated' }) })).toBe(true);
    expect(offer({ state: stateWith({ history: 'outdated' }), exchanges: 1 })).toBe(false);
  });

  it('looks only at the history purpose', () => {
    expect(offer({ state: stateWith({ marketing: 'objected', insights: 'refused' }) })).toBe(true);
  });
});

/** Every status a purpose can have, and the two in which the bot may ask without being asked. */
const STATUSES: readonly PurposeStatus[] = ['unknown', 'granted', 'refused', 'withdrawn', 'objected', 'pending', 'outdated'];
const ASKABLE: readonly PurposeStatus[] = ['unknown', 'outdated'];

describe('shouldOfferInsights (SPEC 5: asked at a moment where counting obviously helps)', () => {
  const MOMENTS: readonly (InsightsMoment | undefined)[] = ['feedback', 'unanswered', undefined];
  const base: PurposeOfferContext & { moment: InsightsMoment | undefined } = {
    state: stateWith(),
    askedThisVisit: false,
    storageAvailable: true,
    moment: 'unanswered',
  };
  const offer = (change: Partial<typeof base>) => shouldOfferInsights({ ...base, ...change });

  it.each<[label: string, change: Partial<typeof base>, offered: boolean]>([
    ['right after a rating, never asked', { moment: 'feedback' }, true],
    ['right after an unanswered question, never asked', { moment: 'unanswered' }, true],
    ['after a rating, consent given to a text that changed since', { moment: 'feedback', state: stateWith({ insights: 'outdated' }) }, true],
    ['at any other moment (an answer, a greeting)', { moment: undefined }, false],
    ['a second time in the same visit', { askedThisVisit: true }, false],
    ['when the browser cannot keep data', { storageAvailable: false }, false],
    ['when already granted', { state: stateWith({ insights: 'granted' }) }, false],
    ['after "Nein"', { state: stateWith({ insights: 'refused' }) }, false],
    ['after a withdrawal', { state: stateWith({ insights: 'withdrawn' }) }, false],
  ])('%s → %s', (_label, change, offered) => {
    expect(offer(change)).toBe(offered);
  });

  it('offers exactly when all holds: storage, not asked this visit, a moment, and insights undecided or outdated (full truth table)', () => {
    let offers = 0;
    for (const status of STATUSES)
      for (const moment of MOMENTS)
        for (const askedThisVisit of [false, true])
          for (const storageAvailable of [false, true]) {
            const expected = storageAvailable && !askedThisVisit && moment !== undefined && ASKABLE.includes(status);
            const actual = offer({ state: stateWith({ insights: status }), moment, askedThisVisit, storageAvailable });
            expect(actual, JSON.stringify({ status, moment, askedThisVisit, storageAvailable })).toBe(expected);
            if (actual) offers += 1;
          }
    // 2 statuses × 2 moments: the table is not all "no".
    expect(offers).toBe(4);
  });

  it('looks only at the insights purpose', () => {
    const others = stateWith({ history: 'refused', personalization: 'objected', marketing: 'objected' });
    expect(offer({ state: others })).toBe(true);
    expect(offer({ state: { ...others, insights: 'refused' } })).toBe(false);
    for (const purpose of PURPOSES.filter((p) => p !== 'insights')) expect(offer({ state: stateWith({ [purpose]: 'granted' }) }), purpose).toBe(true);
  });
});

describe('shouldOfferPersonalization (SPEC 6: asked when the visitor gave a reason)', () => {
  const base: PurposeOfferContext = { state: stateWith(), askedThisVisit: false, storageAvailable: true };
  const offer = (change: Partial<PurposeOfferContext>) => shouldOfferPersonalization({ ...base, ...change });

  it.each<[label: string, change: Partial<PurposeOfferContext>, offered: boolean]>([
    ['never asked', {}, true],
    ['consent given to a text that changed since', { state: stateWith({ personalization: 'outdated' }) }, true],
    ['a second time in the same visit', { askedThisVisit: true }, false],
    ['when the browser cannot keep data', { storageAvailable: false }, false],
    ['when already granted', { state: stateWith({ personalization: 'granted' }) }, false],
    ['after "Nein"', { state: stateWith({ personalization: 'refused' }) }, false],
    ['after a withdrawal', { state: stateWith({ personalization: 'withdrawn' }) }, false],
  ])('%s → %s', (_label, change, offered) => {
    expect(offer(change)).toBe(offered);
  });

  it('offers exactly when storage works, it was not asked this visit, and personalization is undecided or outdated (full truth table)', () => {
    let offers = 0;
    for (const status of STATUSES)
      for (const askedThisVisit of [false, true])
        for (const storageAvailable of [false, true]) {
          const expected = storageAvailable && !askedThisVisit && ASKABLE.includes(status);
          const actual = offer({ state: stateWith({ personalization: status }), askedThisVisit, storageAvailable });
          expect(actual, JSON.stringify({ status, askedThisVisit, storageAvailable })).toBe(expected);
          if (actual) offers += 1;
        }
    expect(offers).toBe(2);
  });

  it('looks only at the personalization purpose', () => {
    expect(offer({ state: stateWith({ history: 'refused', insights: 'withdrawn', marketing: 'objected' }) })).toBe(true);
    for (const purpose of PURPOSES.filter((p) => p !== 'personalization')) expect(offer({ state: stateWith({ [purpose]: 'granted' }) }), purpose).toBe(true);
  });
});

describe('cardSpacingAllows: one purpose at a time', () => {
  it('allows the first card at any time', () => {
    expect(cardSpacingAllows(0, undefined)).toBe(true);
    expect(cardSpacingAllows(5, undefined)).toBe(true);
  });

  it('holds the next unasked card back until CARD_SPACING more exchanges have passed', () => {
    expect(CARD_SPACING).toBe(2);
    expect(cardSpacingAllows(1, 1)).toBe(false);
    expect(cardSpacingAllows(2, 1)).toBe(false);
    expect(cardSpacingAllows(3, 1)).toBe(true);
  });
});
