import { existsSync } from 'node:fs';

/*
 * How vertraut starts Chromium, for the end-to-end tests and the benchmarks alike. CHROMIUM_PATH
 * picks the binary; by default Debian's /usr/bin/chromium when it exists, otherwise Playwright's
 * own browser (after `npx playwright install chromium`).
 */
export function chromiumPath(): string | undefined {
  return process.env['CHROMIUM_PATH'] ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
}

/** Without the background-networking flags Chromium tries to reach the internet. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumLaunchOptions(): { executablePath?: string; args: string[] } {
  const executablePath = chromiumPath();
  return { ...(executablePath ? { executablePath } : {}), args: [...CHROMIUM_ARGS] };
}
