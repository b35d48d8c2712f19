import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/** Chromium: $PLAYWRIGHT_CHROMIUM_PATH, then Debian's /usr/bin/chromium, then Playwright's own download. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env['PLAYWRIGHT_CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/lib/chromium/chromium'];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const port = Number(process.env['LOOPDESK_E2E_PORT'] ?? 5199);
const executablePath = chromiumPath();

export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1440, height: 900 },
    launchOptions: { ...(executablePath ? { executablePath } : {}), args: chromiumArgs },
    trace: 'off',
    screenshot: 'off',
  },
  webServer: {
    command: `node scripts/serve-web.mjs --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
