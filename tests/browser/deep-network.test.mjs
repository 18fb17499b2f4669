// Browser tests of deep and large networks and of the diagram's hit areas and keyboard group:
// the 6 x 8 all-features network keeps its frames coming while playing (the rate itself is
// scripts/bench's, tests/bench/fps-bench.mjs), a link over the engine's limits is clipped with
// a notice, a large network within them opens with a warning and answers, a link's hover band
// is 24 px wide, Tab reaches the weights as one group after the feature toggles and arrow keys
// move inside it, and a tap on a neuron (touch) lists its weights to edit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './harness.mjs';
import { openPage, changed, frames, state, linkPoint, GOLDEN } from './page-helpers.mjs';

const env = useBrowser();
const ALL = 'x=true&y=true&xTimesY=true&xSquared=true&ySquared=true&sinX=true&sinY=true';
const LONG = { timeout: 60000 };

/** rAF callbacks the page runs in `ms`. */
const framesIn = (page, ms) =>
  page.evaluate(
    (ms) =>
      new Promise((resolve) => {
        let n = 0;
        const t0 = performance.now();
        const tick = () => {
          n++;
          if (performance.now() - t0 < ms) requestAnimationFrame(tick);
          else resolve(n);
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );

test('6 hidden layers of 8 with every feature: frames keep coming while it plays', async () => {
  const { page, errors, close } = await openPage(env, `#networkShape=8,8,8,8,8,8&${ALL}`);
  assert.equal(await page.$eval('canvas.link-canvas', (c) => c.links.count), 7 * 8 + 5 * 64 + 8);
  await page.click('#play-pause-button');
  const n = await framesIn(page, 3000);
  assert.ok(n > 20, `${n} frames in 3 s`);
  assert.ok((await state(page)).epoch > 0);
  await page.click('#play-pause-button');
  assert.equal((await state(page)).playing, false);
  assert.deepEqual(errors, []);
  await close();
});

test('a link over the engine limits is clipped with a notice naming the key and the limit', async () => {
  const { page, close } = await openPage(env, `#networkShape=100,3&seed=${GOLDEN.seed}`);
  await changed(page, () => !document.getElementById('notice').hidden, true, {
    what: 'the notice',
  });
  const text = await page.textContent('#notice');
  assert.match(text, /networkShape/);
  assert.match(text, /64/);
  assert.deepEqual((await state(page)).config.networkShape, [64, 3]);
  await close();
});

test('the limits are listed by the layers control', async () => {
  const { page, close } = await openPage(env, `#seed=${GOLDEN.seed}`);
  await page.click('.limits-info summary');
  const text = await page.textContent('.limits-info ul');
  assert.match(text, /up to 6 hidden layers of up to 8 neurons/);
  assert.match(text, /up to 16 hidden layers of up to 64 neurons/);
  await close();
});

test('16 hidden layers of 64 (beyond the buttons) opens with a warning and stays usable', async () => {
  const shape = Array(16).fill(64).join(',');
  const { page, errors, close } = await openPage(env, `#networkShape=${shape}&${ALL}`);
  const warning = page.locator('.network-warning');
  await warning.waitFor({ state: 'visible', ...LONG });
  assert.match(await warning.textContent(), /large network: 16 hidden layers of up to 64/);
  await page.click('#play-pause-button', LONG);
  await changed(page, () => window.nnplay.state().epoch > 0, true, {
    what: 'training',
    ...LONG,
  });
  await page.click('#play-pause-button', LONG); // pause answers
  await changed(page, () => window.nnplay.state().playing, false, { what: 'paused', ...LONG });
  await frames(page);
  assert.deepEqual(errors, []);
  await close();
});

test("a link's hover band: 10 px beside its curve shows its weight", async () => {
  const { page, close } = await openPage(env, `#networkShape=1&x=true&y=false&seed=${GOLDEN.seed}`);
  await page.mouse.move(2, 2);
  const [x, y] = await linkPoint(page, 0, 0.5, 10);
  await page.mouse.move(x, y);
  assert.match(await page.textContent('.hovercard-text'), /^Weight is/);
  await page.mouse.move(2, 2);
  assert.equal(await page.locator('.hovercard').isVisible(), false);
  await close();
});

test('keyboard: Tab after the feature toggles reaches the weights; arrow keys move; Enter edits', async () => {
  const { page, close } = await openPage(env, `#seed=${GOLDEN.seed}`);
  await page.focus('[data-feature="sinY"]'); // the last feature toggle
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.activeElement.matches('.weights-focus')));
  assert.match(await page.textContent('.hovercard-text'), /^Weight is/);
  const first = await page.$eval('canvas.link-canvas', (c) => c.links.focused);
  assert.ok(first >= 0);
  await page.keyboard.press('ArrowRight'); // the next link into the first neuron
  const next = await page.$eval('canvas.link-canvas', (c) => c.links.focused);
  assert.equal(next, first + 1);
  await page.keyboard.press('ArrowRight'); // the second neuron: its map
  assert.ok(await page.evaluate(() => document.activeElement.matches('.node')));
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  const input = page.locator('.hovercard-input');
  assert.ok(await input.isVisible());
  assert.match(await input.getAttribute('aria-label'), /weight from/);
  await close();
});

test('touch: a tap on a neuron lists its bias and weights; an entry opens the editor', async () => {
  const { page, close } = await openPage(env, `#seed=${GOLDEN.seed}`, {
    hasTouch: true,
    isMobile: true,
    viewport: { width: 375, height: 667 },
  });
  const neuron = page.locator('.node[data-layer="0"][data-node="1"]');
  await neuron.scrollIntoViewIfNeeded();
  await neuron.tap();
  const list = page.locator('.neuron-links');
  await list.waitFor({ state: 'visible' });
  const entries = await list.locator('button').allTextContents();
  assert.equal(entries.length, 1 + 2, entries.join(' | ')); // the bias, x and y
  assert.match(entries[0], /^bias: /);
  await list.locator('button').nth(1).tap();
  assert.ok(await page.locator('.hovercard-input').isVisible());
  // the bias squares take taps on a 44 x 44 square
  const box = await page.locator('rect.bias-hit').first().boundingBox();
  assert.ok(box.width >= 44 && box.height >= 44, JSON.stringify(box));
  await close();
});
