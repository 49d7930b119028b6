/** The name of the site's IndexedDB database; the only one vertraut ever creates. */
export const DATABASE_NAME = 'vertraut';
