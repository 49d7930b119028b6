import type { BrowserContext, Page, Request } from '@playwright/test';

/** Everything a site can keep in the browser (SPEC 3.1), read from inside the page. */
export interface StorageInventory {
  cookies: string[];
  localStorage: string[];
  sessionStorage: string[];
  indexedDb: string[];
  caches: string[];
  serviceWorkers: string[];
}

export async function storageInventory(page: Page, context: BrowserContext): Promise<StorageInventory> {
  const cookies = (await context.cookies()).map((c) => `${c.name}@${c.domain}`);
  const inPage = await page.evaluate(async () => ({
    localStorage: Object.keys(localStorage),
    sessionStorage: Object.keys(sessionStorage),
    indexedDb: (await indexedDB.databases()).map((db) => db.name ?? '(unnamed)'),
    caches: 'caches' in self ? await caches.keys() : [],
    serviceWorkers: 'serviceWorker' in navigator ? (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope) : [],
  }));
  return { cookies, ...inPage };
}

export const EMPTY_INVENTORY: StorageInventory = {
  cookies: [],
  localStorage: [],
  sessionStorage: [],
  indexedDb: [],
  caches: [],
  serviceWorkers: [],
};

/** Records every request the page makes, so a test can assert none left the site. */
export function recordRequests(page: Page): { all: Request[]; foreign: (origin: string) => string[] } {
  const all: Request[] = [];
  page.on('request', (request) => all.push(request));
  return {
    all,
    foreign: (origin) => all.map((r) => r.url()).filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:')),
  };
}
