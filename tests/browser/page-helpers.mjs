// What every browser test file opens and reads the page with: openPage (a fresh context at a
// hash, a served path or a URL, ready and drawn), changed (the wait for the frame that shows
// a change: no test reads the page before it is drawn), frames, state, hash, canvas colours,
// and the golden run's numbers from tests/fixtures/golden.json (read, not copied).
import fs from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { collectErrors } from './harness.mjs';

const golden = JSON.parse(
  fs.readFileSync(new URL('../fixtures/golden.json', import.meta.url), 'utf8'),
);
const lossAt = (epoch) => golden.losses.find((l) => l.epoch === epoch).trainLoss;
/** The golden run: its seed and its training loss at epochs 0, 100 and 200. */
export const GOLDEN = Object.freeze({
  seed: golden.seed,
  epoch0: lossAt(0),
  epoch100: lossAt(100),
  epoch200: lossAt(200),
});
/** The reference's own link for the golden run's config. */
export const REFERENCE_HASH = golden.referenceHash;

/**
 * Opens a page in a new browser context of env's browser (useBrowser()'s {server, browser}).
 * target: a hash of index.html ('' or '#...'), a path under the served root, or a whole URL
 * (file://...). Waits for window.nnplay.ready (unless ready: false, for a page without it)
 * and for the page's next frames. options: {viewport, ready, prepare(page) before the load
 * (routes, init scripts), ...any other context option (hasTouch, isMobile, ...)}.
 * Returns {page, context, errors (collectErrors), close()}.
 */
export async function openPage(
  env,
  target = '',
  { viewport = { width: 1280, height: 800 }, ready = true, prepare, ...contextOptions } = {},
) {
  const context = await env.browser.newContext({ viewport, ...contextOptions });
  const page = await context.newPage();
  const errors = collectErrors(page);
  if (prepare) await prepare(page);
  const url = /^[a-z]+:/.test(target)
    ? target
    : target === '' || target.startsWith('#')
      ? `${env.server.url}index.html${target}`
      : `${env.server.url}${target}`;
  await page.goto(url);
  if (ready) {
    await page.evaluate(() => window.nnplay.ready);
    await frames(page);
  }
  return { page, context, errors, close: () => context.close() };
}

function matches(value, expected) {
  if (expected instanceof RegExp) return typeof value === 'string' && expected.test(value);
  if (typeof expected === 'function') return Boolean(expected(value));
  return isDeepStrictEqual(value, expected);
}

function describe(expected) {
  if (expected instanceof RegExp) return `to match ${expected}`;
  if (typeof expected === 'function') return `to pass ${expected.toString()}`;
  return `to be ${JSON.stringify(expected)}`;
}

/**
 * Waits for the frame that shows a change: after each animation frame of the page (or of an
 * iframe's Frame) reads read(arg) there, until the value equals `expected` (deep equality), or
 * matches it (a RegExp), or passes it (a function of the value, run here in node); returns that
 * value. Fails after `timeout` ms naming what was awaited (`what`, else read's source) and the
 * last value read. Use it wherever a test reads what the page draws after an action.
 */
export async function changed(page, read, expected, { arg, what, timeout = 10000 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    await nextFrame(page, deadline - Date.now());
    last = await page.evaluate(read, arg);
    if (matches(last, expected)) return last;
    if (Date.now() >= deadline) {
      throw new Error(
        `changed: waited ${timeout} ms for ${what || read.toString()} ${describe(expected)}; ` +
          `last read ${JSON.stringify(last)}`,
      );
    }
  }
}

/** The text of the first element matching selector, once it matches expected (see changed). */
export function textShown(page, selector, expected, options = {}) {
  return changed(page, (sel) => document.querySelector(sel)?.textContent ?? null, expected, {
    arg: selector,
    what: `the text of ${selector}`,
    ...options,
  });
}

/** Waits until the canvas at selector shows another picture than `before` (a data URL from
 *  canvasData); returns the new one. */
export function redrawn(page, selector, before, options = {}) {
  return changed(
    page,
    (s) => document.querySelector(s).toDataURL(),
    (d) => d !== before,
    { arg: selector, what: `a new picture on ${selector}`, ...options },
  );
}

// One animation frame of the page; a page that draws no frame (hidden) still returns by the
// deadline, so that changed() can say what it waited for.
function nextFrame(page, ms) {
  return page.evaluate(
    (limit) =>
      new Promise((resolve) => {
        requestAnimationFrame(() => resolve());
        setTimeout(resolve, Math.max(0, Math.min(limit, 1000)));
      }),
    ms,
  );
}

/** Waits two animation frames: what a change asked for is drawn (the page draws in the next
 *  one). For a check that something did not change; to read a change, use changed(). */
export function frames(page) {
  return page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
}

export function state(page) {
  return page.evaluate(() => window.nnplay.state());
}

export function hash(page) {
  return page.evaluate(() => window.location.hash);
}

/** Distinct RGBA colours of a canvas (by selector). */
export function canvasColours(page, selector) {
  return page.evaluate(countColours, selector);
}

/** The page-side function behind canvasColours, for changed(): changed(page, countColours,
 *  (c) => c.length > 1, {arg: '#heatmap'}). */
export function countColours(sel) {
  const c = document.querySelector(sel);
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  const seen = new Set();
  for (let i = 0; i < d.length; i += 4)
    seen.add(((d[i] << 24) | (d[i + 1] << 16) | (d[i + 2] << 8) | d[i + 3]) >>> 0);
  return [...seen];
}

export function canvasData(page, selector) {
  return page.evaluate((s) => document.querySelector(s).toDataURL(), selector);
}

/** The page's point on link i's curve at t, in CSS px of the viewport (the diagram's links are drawn on one canvas: web/ui/link-canvas.js). */
export async function linkPoint(page, i, t = 0.25, dy = 0) {
  return page.$eval(
    'canvas.link-canvas',
    (c, [i, t, dy]) => {
      const [x, y] = c.links.point(i, t);
      const r = c.getBoundingClientRect();
      const k = r.width / parseFloat(c.style.width);
      return [r.left + x * k, r.top + (y + dy) * k];
    },
    [i, t, dy],
  );
}
