import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/** A system Chromium when there is one (CI installs Debian's); Playwright's own otherwise. */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

// E2E_PORT lets several checkouts on one machine run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  // The consultation specs run the built server `npm start` runs: build it if its sources changed.
  globalSetup: './tests/e2e/support/globalSetup.ts',
  // Every test has its own browser context (storage included) and the one preview server
  // below is static, so tests of one file may run side by side too. E2E_WORKERS sets how many.
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  // Software WebGL on two shared cores is slow: generous limits, no timing assertions.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // Camera moves jump instead of fly (the app honours prefers-reduced-motion).
    reducedMotion: 'reduce',
    // The offline cache would answer requests that tests route or abort; offline.spec turns it on.
    serviceWorkers: 'block',
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--use-angle=swiftshader',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    // The production build, served locally (`npm run test:e2e` builds first).
    command: `node node_modules/vite/bin/vite.js preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
