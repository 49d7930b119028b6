import { test as base, expect } from '@playwright/test';
import { cspViolations, EMPTY_INVENTORY, recordCspViolations, recordRequests, storageInventory, type RequestLog } from './browser-state.ts';

/*
 * Every e2e test runs under a guard that checks, after the test, what must hold in every flow:
 * nothing stored on the device and nothing requested from another origin (SPEC 3.1, 3.2), no
 * CSP violation (SPEC 8.2), no script error, no console error and no dialog (a dialog would mean
 * visitor input was executed, SPEC 8.4).
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
}

export const test = base.extend<{ guard: SiteGuard }>({
  guard: [
    async ({ page, context, baseURL }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
      await recordCspViolations(context);
      const guard: SiteGuard = { origin, requests: recordRequests(context), pageErrors: [], consoleErrors: [], dialogs: [] };
      page.on('pageerror', (error) => guard.pageErrors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') guard.consoleErrors.push(message.text());
      });
      page.on('dialog', (dialog) => {
        guard.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
        void dialog.dismiss();
      });

      await use(guard);

      const onSite = !page.isClosed() && page.url().startsWith(`${origin}/`);
      expect(
        {
          foreignRequests: guard.requests.foreign(origin),
          pageErrors: guard.pageErrors,
          consoleErrors: guard.consoleErrors,
          dialogs: guard.dialogs,
          cspViolations: onSite ? await cspViolations(page) : [],
          storage: onSite ? await storageInventory(page, context) : EMPTY_INVENTORY,
        },
        'after the test: no foreign request, no error, no dialog, no CSP violation, nothing stored',
      ).toEqual({
        foreignRequests: [],
        pageErrors: [],
        consoleErrors: [],
        dialogs: [],
        cspViolations: [],
        storage: EMPTY_INVENTORY,
      });
    },
    { auto: true },
  ],
});

export { expect };
