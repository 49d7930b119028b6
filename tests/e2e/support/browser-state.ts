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
  // Looking must not create anything: databases() lists without opening (SPEC 3.1).
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
