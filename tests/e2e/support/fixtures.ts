import { isDeepStrictEqual } from 'node:util';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { cspViolations, EMPTY_INVENTORY, recordCspViolations, recordRequests, storageInventory, type RequestLog, type StorageInventory } from './browser-state.ts';

/*
 * Every e2e test runs under a guard that checks, after the test, what must hold in every flow:
 * nothing stored on the device and nothing requested from another origin (SPEC 3.1, 3.2), no
 * CSP violation (SPEC 8.2), no script error, no console error and no dialog (a dialog would mean
 * visitor input was executed, SPEC 8.4). It watches every page of the test's browser context,
 * so a second tab is guarded too.
 *
 * A test in which the visitor agrees to keep something declares exactly what must be stored at
 * the end with `guard.expectStorage(...)`; without that, the expectation stays: nothing.
 */
export interface SiteGuard {
  /** The site's origin, e.g. http://127.0.0.1:4329. */
  readonly origin: string;
  /** Every request of the test's browser context, pages and workers alike. */
  readonly requests: RequestLog;
  readonly pageErrors: string[];
  /** Console errors; a test that provokes one on purpose removes it after asserting it. */
  readonly consoleErrors: string[];
  readonly dialogs: string[];
  /**
   * Replaces "nothing stored" with exactly this inventory at the end of the test (see
   * inventoryWithIndexedDb for databases and their record counts per table).
   */
  expectStorage(expected: StorageInventory): void;
  /**
   * Allows requests to exactly this URL (the insights endpoint of the variant build, SPEC 5.4,
   * which a test serves itself); every other URL outside the site still fails the test.
   */
  allowRequestsTo(url: string): void;
}

/** How long the final look at the storage waits for writes still under way to settle. */
const STORAGE_SETTLE_MS = 2_000;

/** The inventory once it equals `expected`, or the last one seen when it does not within the time. */
async function settledInventory(page: Page, context: BrowserContext, expected: StorageInventory): Promise<StorageInventory> {
  const until = Date.now() + STORAGE_SETTLE_MS;
  for (;;) {
    const seen = await storageInventory(page, context);
    if (isDeepStrictEqual(seen, expected) || Date.now() > until) return seen;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const test = base.extend<{ guard: SiteGuard }>({
  guard: [
    async ({ page, context, baseURL }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
      await recordCspViolations(context);
      let expectedStorage = EMPTY_INVENTORY;
      const allowedUrls = new Set<string>();
      const guard: SiteGuard = {
        origin,
        requests: recordRequests(context),
        pageErrors: [],
        consoleErrors: [],
        dialogs: [],
        expectStorage: (expected) => {
          expectedStorage = expected;
        },
        allowRequestsTo: (url) => {
          allowedUrls.add(url);
        },
      };
      const watch = (watched: Page): void => {
        watched.on('pageerror', (error) => guard.pageErrors.push(error.message));
        watched.on('console', (message) => {
          if (message.type() === 'error') guard.consoleErrors.push(message.text());
        });
        watched.on('dialog', (dialog) => {
          guard.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
          void dialog.dismiss();
        });
      };
      watch(page);
      context.on('page', watch);

      await use(guard);

      const onSite = (p: Page): boolean => !p.isClosed() && p.url().startsWith(`${origin}/`);
      const sitePages = context.pages().filter(onSite);
      const csp: string[] = [];
      for (const sitePage of sitePages) csp.push(...(await cspViolations(sitePage)));
      // Storage belongs to the origin: any page of the site can look at it.
      const looker = sitePages[0];
      expect(
        {
          foreignRequests: guard.requests.foreign(origin).filter((url) => !allowedUrls.has(url)),
          pageErrors: guard.pageErrors,
          consoleErrors: guard.consoleErrors,
          dialogs: guard.dialogs,
          cspViolations: csp,
          // Without a page of the site nothing can be looked at: fine for "nothing", not for a declaration.
          storage: looker
            ? await settledInventory(looker, context, expectedStorage)
            : expectedStorage === EMPTY_INVENTORY
              ? EMPTY_INVENTORY
              : '(no page of the site is open to look at the storage)',
        },
        expectedStorage === EMPTY_INVENTORY
          ? 'after the test: no foreign request, no error, no dialog, no CSP violation, nothing stored'
          : 'after the test: no foreign request, no error, no dialog, no CSP violation, exactly the declared storage',
      ).toEqual({
        foreignRequests: [],
        pageErrors: [],
        consoleErrors: [],
        dialogs: [],
        cspViolations: [],
        storage: expectedStorage,
      });
    },
    { auto: true },
  ],
});

export { expect };
