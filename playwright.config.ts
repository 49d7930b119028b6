import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/*
 * End-to-end tests run against the built site (`dist/`, served by `astro preview`) in real
 * Chromium. CHROMIUM_PATH picks the browser binary; by default Debian's /usr/bin/chromium when
 * it exists, otherwise Playwright's own browser (after `npx playwright install chromium`).
 */
const port = Number(process.env['VERTRAUT_TEST_PORT'] ?? 4329);
const baseURL = `http://127.0.0.1:${port}`;
const executablePath = process.env['CHROMIUM_PATH'] ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  workers: 2,
  reporter: process.env['CI'] ? [['list']] : [['list']],
  timeout: 30_000,
  use: {
    baseURL,
    trace: 'off',
    locale: 'de-DE',
    serviceWorkers: 'allow',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          // Without the background-networking flags Chromium tries to reach the internet.
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: {
    command: `npx astro preview --host 127.0.0.1 --port ${port}`,
    url: `${baseURL}/`,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
    env: { ASTRO_TELEMETRY_DISABLED: '1' },
  },
});
