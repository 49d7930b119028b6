/** The name of the site's IndexedDB database; the only one vertraut ever creates. */
export const DATABASE_NAME = 'vertraut';

/** The BroadcastChannel on which open tabs of the site tell each other about consent and wipes. */
export const TAB_CHANNEL = 'vertraut';

/** What tabs tell each other; the others re-read the ledger from the database. */
export type TabMessage = { readonly type: 'ledger' } | { readonly type: 'wiped' };
