// The one browser-test setup (tests/browser/*.test.mjs, run by `node --test`): Debian's
// Chromium driven by playwright-core, the repo served by scripts/serve.mjs on a free port, a
// folder for screenshots, and the page's errors collected. A test file calls useBrowser() once
// and opens its pages with page-helpers.mjs's openPage:
//   const env = useBrowser();
//   test('...', async () => { const { page, errors, close } = await openPage(env, '#seed=1'); ... await close(); });
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer as startStaticServer } from '../../scripts/serve.mjs';
import { before, after } from 'node:test';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROMIUM = process.env.NNPLAY_CHROMIUM || '/usr/bin/chromium';

// Headless Chromium as root needs --no-sandbox; the rest keep a headless run offline
// and quiet (no update/sync/first-run traffic). --disable-quic: no UDP from the browser.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// Launches Chromium; resolves to a playwright Browser (newPage(), newContext(), close()).
// Why launch() and not launchPersistentContext(): launch() already runs Chromium with
// --user-data-dir=<fresh mkdtemp dir> (playwright_chromiumdev_profile-*) and deletes it on
// close(), it refuses a --user-data-dir of ours anyway, and every newPage()/newContext() is an
// isolated context (no storage shared between tests). playwright adds its own --headless;
// ours is kept so that the list is the whole set of flags we rely on.
export function launchBrowser(options = {}) {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    ...options,
  });
}

// The repository root served over http on 127.0.0.1, free port. Resolves to {url, port, close()}.
export function startServer(options = {}) {
  return startStaticServer({ root: REPO_ROOT, port: 0, ...options });
}

// build/test-artifacts (created): screenshots and other files a test leaves for a person.
export function artifactsDir() {
  const dir = path.join(REPO_ROOT, 'build', 'test-artifacts');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export function artifactPath(name) {
  return path.join(artifactsDir(), name);
}

// Collects uncaught page errors, console errors and failed HTTP loads (with their URL), so a
// test can assert `deepEqual(errors, [])`. The browser's own /favicon.ico probe is ignored
// (Chromium's console line for a 404 has no URL, so those lines are replaced by the
// response-based entries).
export function collectErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
      errors.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && new URL(r.url()).pathname !== '/favicon.ico')
      errors.push(`http ${r.status()}: ${r.url()}`);
  });
  page.on('requestfailed', (r) =>
    errors.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`),
  );
  return errors;
}

/** For a test file: starts the static server (serverOptions as startServer's, e.g. another
 *  root) and Chromium before its tests and closes them after. Returns {server, browser},
 *  filled in once the tests run. */
export function useBrowser(serverOptions = {}) {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer(serverOptions);
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
