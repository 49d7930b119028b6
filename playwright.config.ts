import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/lib/chromium.ts';

/*
 * End-to-end tests run against the built site (`dist/`, served as a plain static host would by
 * scripts/serve.ts) in real Chromium, started as scripts/lib/chromium.ts says (CHROMIUM_PATH
 * picks the binary).
 */
const port = Number(process.env['VERTRAUT_TEST_PORT'] ?? 4329);
const baseURL = `http://127.0.0.1:${port}`;
// The variant build (npm run build:variant: service-only chat, an insights endpoint) on the next port.
const variantURL = `http://127.0.0.1:${port + 1}`;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  workers: 2,
  reporter: [['list']],
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
      testIgnore: 'variant/**',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: chromiumLaunchOptions(),
      },
    },
    {
      name: 'variant',
      testMatch: 'variant/**/*.spec.ts',
      use: {
        ...devices['Desktop Chrome'],
        baseURL: variantURL,
        launchOptions: chromiumLaunchOptions(),
      },
    },
  ],
  webServer: [
    {
      command: `node scripts/serve.ts ${port}`,
      url: `${baseURL}/`,
      reuseExistingServer: !process.env['CI'],
      timeout: 60_000,
    },
    {
      command: `node scripts/serve.ts ${port + 1} dist-variant`,
      url: `${variantURL}/`,
      reuseExistingServer: !process.env['CI'],
      timeout: 60_000,
    },
  ],
});
