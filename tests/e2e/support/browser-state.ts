import type { BrowserContext, Page, Request } from '@playwright/test';

/** Everything a site can keep in the browser (SPEC 3.1), read from inside the page. */
export interface StorageInventory {
  cookies: string[];
  localStorage: string[];
  sessionStorage: string[];
  /** Names of the IndexedDB databases, sorted. */
  indexedDb: string[];
  /** Records per object store of every database in `indexedDb`, e.g. `{ vertraut: { history: 0, ledger: 1 } }`. */
  indexedDbRecords: Record<string, Record<string, number>>;
  caches: string[];
  serviceWorkers: string[];
}

/**
 * A test that takes IndexedDB away from the site (see injectStorageFault) leaves the real factory
 * here, so that the tests can still look at what is stored. The site never reads it.
 */
export const TEST_IDB_KEY = '__vertrautTestIndexedDB';

/** One object store as stored: its key path (the row's key) and its records in key order. */
export interface StoredTable {
  keyPath: string | string[] | null;
  records: Record<string, unknown>[];
}

/**
 * Reads IndexedDB from inside the page without creating anything (SPEC 3.1): only databases that
 * `indexedDB.databases()` lists are opened, and should one vanish between listing and opening,
 * the opening is aborted before it could create it. `full` reads the records, else counts them.
 */
function readIndexedDbInPage(args: { key: string; only: string | null; full: boolean }): Promise<Record<string, Record<string, StoredTable | number>>> {
  const factory = ((window as unknown as Record<string, IDBFactory | undefined>)[args.key] ?? window.indexedDB) as IDBFactory;
  const request = <T>(r: IDBRequest<T>): Promise<T> =>
    new Promise((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  const openExisting = (name: string): Promise<IDBDatabase | undefined> =>
    new Promise((resolve) => {
      const open = factory.open(name);
      open.onupgradeneeded = () => open.transaction?.abort();
      open.onsuccess = () => resolve(open.result);
      open.onerror = (event) => {
        event.preventDefault();
        resolve(undefined);
      };
    });
  return (async () => {
    const result: Record<string, Record<string, StoredTable | number>> = {};
    const names = (await factory.databases()).map((db) => db.name ?? '(unnamed)').filter((name) => args.only === null || name === args.only);
    for (const name of names) {
      const db = await openExisting(name);
      if (!db) continue;
      try {
        const tables: Record<string, StoredTable | number> = {};
        const storeNames = [...db.objectStoreNames].sort();
        if (storeNames.length > 0) {
          const tx = db.transaction(storeNames, 'readonly');
          for (const storeName of storeNames) {
            const store = tx.objectStore(storeName);
            tables[storeName] = args.full
              ? { keyPath: store.keyPath, records: (await request(store.getAll())) as Record<string, unknown>[] }
              : await request(store.count());
          }
        }
        result[name] = tables;
      } finally {
        db.close();
      }
    }
    return result;
  })();
}

export async function storageInventory(page: Page, context: BrowserContext): Promise<StorageInventory> {
  const cookies = (await context.cookies()).map((c) => `${c.name}@${c.domain}`);
  // Looking must not create anything: databases() lists without opening (SPEC 3.1).
  const inPage = await page.evaluate(async (key) => {
    const factory = ((window as unknown as Record<string, IDBFactory | undefined>)[key] ?? window.indexedDB) as IDBFactory;
    return {
      localStorage: Object.keys(localStorage),
      sessionStorage: Object.keys(sessionStorage),
      indexedDb: (await factory.databases()).map((db) => db.name ?? '(unnamed)').sort(),
      caches: 'caches' in self ? await caches.keys() : [],
      serviceWorkers: 'serviceWorker' in navigator ? (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope) : [],
    };
  }, TEST_IDB_KEY);
  const indexedDbRecords = (await page.evaluate(readIndexedDbInPage, { key: TEST_IDB_KEY, only: null, full: false })) as Record<string, Record<string, number>>;
  return { cookies, localStorage: inPage.localStorage, sessionStorage: inPage.sessionStorage, indexedDb: inPage.indexedDb, indexedDbRecords, caches: inPage.caches, serviceWorkers: inPage.serviceWorkers };
}

/** The whole content of one IndexedDB database, table by table; undefined when it does not exist. */
export async function readIndexedDb(page: Page, name: string): Promise<Record<string, StoredTable> | undefined> {
  const result = (await page.evaluate(readIndexedDbInPage, { key: TEST_IDB_KEY, only: name, full: true })) as Record<string, Record<string, StoredTable>>;
  return result[name];
}

/**
 * Changes fields of stored records, as time or a changed text would have (retention, policy
 * versions): for tests that need data older than the test. The database must exist.
 */
export async function patchIndexedDbRecords(page: Page, name: string, table: string, patches: { key: number | string; set: Record<string, string | number> }[]): Promise<void> {
  await page.evaluate(
    ({ key, name: dbName, table: storeName, patches: changes }) => {
      const factory = ((window as unknown as Record<string, IDBFactory | undefined>)[key] ?? window.indexedDB) as IDBFactory;
      return new Promise<void>((resolve, reject) => {
        const open = factory.open(dbName);
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => reject(new Error(`IndexedDB ${dbName} does not exist`));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(storeName, 'readwrite');
          const store = tx.objectStore(storeName);
          for (const change of changes) {
            const get = store.get(change.key);
            get.onsuccess = () => {
              if (get.result === undefined) return tx.abort();
              store.put({ ...get.result, ...change.set });
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onabort = () => {
            db.close();
            reject(new Error(`patching ${dbName}.${storeName} failed (a key does not exist?)`));
          };
        };
      });
    },
    { key: TEST_IDB_KEY, name, table, patches },
  );
}

export const EMPTY_INVENTORY: StorageInventory = {
  cookies: [],
  localStorage: [],
  sessionStorage: [],
  indexedDb: [],
  indexedDbRecords: {},
  caches: [],
  serviceWorkers: [],
};

/** vertraut's tables since schema version 3; a table a test does not name must be empty. */
const VERTRAUT_TABLES = { ledger: 0, history: 0, insights: 0, profile: 0 };

/**
 * The inventory when exactly these IndexedDB databases hold these record counts, and nothing
 * else is stored. For the "vertraut" database, tables not named hold nothing.
 */
export function inventoryWithIndexedDb(databases: Record<string, Record<string, number>>): StorageInventory {
  const records = Object.fromEntries(Object.entries(databases).map(([name, counts]) => [name, name === 'vertraut' ? { ...VERTRAUT_TABLES, ...counts } : counts]));
  return { ...EMPTY_INVENTORY, indexedDb: Object.keys(databases).sort(), indexedDbRecords: records };
}

/** Anything that emits requests: a page, or a whole browser context (its pages and workers). */
interface RequestSource {
  on(event: 'request', listener: (request: Request) => void): unknown;
}

export interface RequestLog {
  readonly all: Request[];
  /** URLs of requests that went anywhere but `origin` (data: URLs stay in the page). */
  foreign(origin: string): string[];
  /** URLs of the requests so far, paths only for the site's own. */
  paths(origin: string): string[];
}

/** Records every request, so a test can assert none left the site and what was loaded when. */
export function recordRequests(source: RequestSource): RequestLog {
  const all: Request[] = [];
  source.on('request', (request) => all.push(request));
  return {
    all,
    foreign: (origin) => all.map((r) => r.url()).filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:')),
    paths: (origin) => all.map((r) => r.url()).map((url) => (url.startsWith(`${origin}/`) ? url.slice(origin.length) : url)),
  };
}

/*
 * CSP violations (SPEC 8.2) are recorded inside the page by an init script: it runs before any
 * of the site's code, and as a DevTools-injected script it is itself exempt from the policy.
 */
const CSP_LOG = '__vertrautCspViolations';

export async function recordCspViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript((key: string) => {
    const log: string[] = [];
    Object.defineProperty(window, key, { value: log });
    document.addEventListener('securitypolicyviolation', (event) => {
      log.push(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  }, CSP_LOG);
}

/** The violations recorded in the page so far; `clear` forgets them (for a test that causes one on purpose). */
export async function cspViolations(page: Page, { clear = false } = {}): Promise<string[]> {
  return page.evaluate(
    ({ key, clear: forget }) => {
      const log = (window as unknown as Record<string, string[] | undefined>)[key];
      if (!log) return ['(the CSP recorder is missing from this page)'];
      const seen = [...log];
      if (forget) log.length = 0;
      return seen;
    },
    { key: CSP_LOG, clear },
  );
}

/*
 * Storage faults, injected before any of the site's code runs (page.addInitScript). Each keeps
 * the real IndexedDB factory under TEST_IDB_KEY, so the guard can still look at the storage.
 */
export type StorageFault =
  /** `delete window.indexedDB`: the API is missing. */
  | 'indexeddb-deleted'
  /** `window.indexedDB` is undefined. */
  | 'indexeddb-undefined'
  /** `indexedDB.open()` throws, as in a browser that blocks storage (private mode, policies). */
  | 'open-fails'
  /** Every write fails because the storage is full. */
  | 'quota-exceeded';

export async function injectStorageFault(page: Page, fault: StorageFault): Promise<void> {
  await page.addInitScript(
    ({ key, fault: kind }) => {
      const real = window.indexedDB;
      Object.defineProperty(window, key, { value: real });
      if (kind === 'indexeddb-deleted') {
        delete (window as unknown as Record<string, unknown>)['indexedDB'];
      } else if (kind === 'indexeddb-undefined') {
        Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
      } else if (kind === 'open-fails') {
        // Listing still works (and lists nothing, as nothing can be created).
        IDBFactory.prototype.open = () => {
          throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
        };
      } else {
        const full = (): never => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
        IDBObjectStore.prototype.add = full;
        IDBObjectStore.prototype.put = full;
      }
    },
    { key: TEST_IDB_KEY, fault },
  );
}
