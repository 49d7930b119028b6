import { DATABASE_NAME } from './database-name.ts';

/**
 * Whether the site's database exists, without creating it (SPEC 3.1), and without loading Dexie:
 * this runs whenever the chat opens, and Dexie may only load when something is or will be
 * stored (SPEC 9). False when the browser cannot tell.
 */
export async function databaseExists(): Promise<boolean> {
  try {
    if (!globalThis.indexedDB?.databases) return false;
    return (await globalThis.indexedDB.databases()).some((db) => db.name === DATABASE_NAME);
  } catch {
    return false;
  }
}
