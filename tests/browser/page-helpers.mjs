// Helpers shared by the playground's browser tests (controls, network, url, layout): open the
// page at a hash and wait for window.nnplay.ready, wait for frames, read a canvas's colours.
import { collectErrors } from './harness.mjs';

export const GOLDEN = { seed: '0.12345', epoch0: 0.5015807429602891, epoch100: 0.00889784142890691 };
export const REFERENCE_HASH = '#activation=tanh&batchSize=10&dataset=circle&regDataset=reg-plane&learningRate=0.03&regularizationRate=0&noise=0&networkShape=4,2&seed=0.12345&showTestData=false&discretize=false&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false';

/** A new page (own context options allowed) at index.html + hash, ready. */
export async function openPage(browser, server, hash = '', options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${server.url}index.html${hash}`);
  await page.evaluate(() => window.nnplay.ready);
  await frames(page);
  return { page, errors, close: () => context.close() };
}

/** Waits two animation frames (the page draws in the next one). */
export function frames(page) {
  return page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

export function state(page) {
  return page.evaluate(() => window.nnplay.state());
}

export function hash(page) {
  return page.evaluate(() => window.location.hash);
}

/** Distinct RGBA colours of a canvas (by selector or element handle). */
export function canvasColours(page, selector) {
  return page.evaluate((sel) => {
    const c = document.querySelector(sel);
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const seen = new Set();
    for (let i = 0; i < d.length; i += 4) seen.add((d[i] << 24 | d[i + 1] << 16 | d[i + 2] << 8 | d[i + 3]) >>> 0);
    return [...seen];
  }, selector);
}

export function canvasData(page, selector) {
  return page.evaluate((sel) => document.querySelector(sel).toDataURL(), selector);
}
