// Browser tests of the weight editor's keys and checks (web/ui/hover-card.js: Escape cancels,
// Enter or leaving the field applies, a value is read as a whole, a running network does not
// overwrite the field, the card opens inside the window without moving the diagram) and of
// the honest status notices (web/playground.js: dead ReLU units, the carried network's notice,
// the empty loss chart, the map's y axis).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './harness.mjs';
import {
  openPage,
  changed,
  state,
  frames,
  textShown,
  canvasColours,
  GOLDEN,
} from './page-helpers.mjs';

const env = useBrowser();
const open = (h = `#seed=${GOLDEN.seed}`, o) => openPage(env, h, o);
const valueOf = (text) => Number(/is (-?[\d.e+-]+)/.exec(text)[1]);

/** Opens the editor of the last bias square (the output's) with the keyboard. */
async function openEditor(page) {
  await page.locator('rect.bias').last().focus();
  await page.keyboard.press('Enter');
  const input = page.locator('.hovercard-input');
  await changed(page, () => !document.querySelector('.hovercard-input').hidden, true, {
    what: 'the open editor',
  });
  return input;
}

/** The card's "Bias is ..." of the last bias square, read by focusing it. */
async function shownBias(page) {
  await page.locator('rect.bias').last().focus();
  return page.textContent('.hovercard-text');
}

test('editor: Escape cancels (nothing applied, the card closes)', async () => {
  const { page, errors, close } = await open();
  const before = await state(page);
  const old = await shownBias(page);
  const input = await openEditor(page);
  await input.fill('3');
  await input.press('Escape');
  assert.equal(await page.locator('.hovercard-input').isVisible(), false, 'Escape closes it');
  const after = await state(page);
  assert.equal(after.trainLoss, before.trainLoss, 'nothing was applied');
  assert.equal(await shownBias(page), old);
  assert.deepEqual(errors, []);
  await close();
});

test('editor: a value is read as a whole: 1e400 and 0.5abc are refused with a message', async () => {
  const { page, errors, close } = await open();
  const before = await state(page);
  const input = await openEditor(page);
  await input.fill('1e400');
  await input.press('Enter');
  assert.match(
    await page.textContent('.hovercard-error'),
    /^1e400 is not a finite number: the bias was not changed$/,
  );
  assert.ok(await input.isVisible(), 'the editor stays open on a refused value');
  assert.equal(await input.inputValue(), '1e400', 'the text is kept whole, not cut');
  await input.fill('0.5abc');
  assert.equal(await page.locator('.hovercard-error').isVisible(), false, 'typing clears it');
  await input.press('Enter');
  assert.match(await page.textContent('.hovercard-error'), /^0\.5abc is not a number/);
  assert.equal((await state(page)).trainLoss, before.trainLoss, 'nothing was applied');
  // leaving the field applies a good value
  await input.fill('0.75');
  await input.press('Tab'); // leaves the field
  assert.equal(await input.isVisible(), false, 'leaving the field closes the editor');
  assert.notEqual((await state(page)).trainLoss, before.trainLoss);
  assert.equal(valueOf(await shownBias(page)), 0.75);
  assert.deepEqual(errors, []);
  await close();
});

test('editor: leaving the field with a refused value applies nothing and says why', async () => {
  const { page, close } = await open();
  const before = await state(page);
  const input = await openEditor(page);
  await input.fill('1e400');
  await input.press('Tab'); // leaves the field
  assert.equal(await input.isVisible(), false);
  assert.match(await page.textContent('.hovercard-error'), /1e400 is not a finite number/);
  assert.equal((await state(page)).trainLoss, before.trainLoss);
  await close();
});

test('editor: while training runs the field keeps what is typed; Enter applies it', async () => {
  const { page, errors, close } = await open();
  await page.evaluate(() => window.nnplay.play());
  const input = await openEditor(page);
  await input.fill('');
  await page.keyboard.type('1.2');
  const epoch = (await state(page)).epoch;
  await changed(
    page,
    () => window.nnplay.state().epoch,
    (e) => e > epoch + 5,
    {
      what: 'training going on while the editor is open',
      timeout: 30000,
    },
  );
  assert.equal(await input.inputValue(), '1.2', 'the running network did not overwrite it');
  await page.keyboard.type('6');
  await page.evaluate(() => window.nnplay.pause());
  await input.press('Enter');
  assert.equal(valueOf(await shownBias(page)), 1.3, 'the typed 1.26 was applied (shown as 1.3)');
  assert.deepEqual(errors, []);
  await close();
});

for (const viewport of [
  { width: 375, height: 667 },
  { width: 1280, height: 800 },
]) {
  test(`editor: opens inside the window at ${viewport.width} px and does not move the diagram`, async () => {
    const { page, close } = await open(`#seed=${GOLDEN.seed}`, { viewport });
    await page.locator('rect.bias').last().focus(); // scrolled into view by the focus
    const scroller = () => {
      const s = document.querySelector('.network-scroll');
      const r = s.getBoundingClientRect();
      return { left: s.scrollLeft, width: s.scrollWidth, x: Math.round(r.left) };
    };
    const before = await page.evaluate(scroller);
    await page.keyboard.press('Enter');
    await changed(page, () => !document.querySelector('.hovercard-input').hidden, true);
    await frames(page);
    const box = await page.locator('.hovercard').boundingBox();
    const vw = await page.evaluate(() => document.documentElement.clientWidth);
    assert.ok(box.x >= 0 && box.x + box.width <= vw, `card ${JSON.stringify(box)} in ${vw} px`);
    assert.ok(box.y >= 0 && box.y + box.height <= viewport.height, `card ${JSON.stringify(box)}`);
    assert.deepEqual(await page.evaluate(scroller), before, 'the diagram did not move');
    await close();
  });
}

// Seed 0.12345's ReLU network at learning rate 3: hidden layer 2's units have all died by
// epoch 100 (found by stepping it: the loss then stays at 0.500, a constant output).
const DEAD_RELU = `#seed=${GOLDEN.seed}&activation=relu&learningRate=3`;

test('status: a ReLU network whose units all died pauses and says so; reset clears it', async () => {
  const { page, errors, close } = await open(DEAD_RELU);
  await page.click('#play-pause-button');
  await textShown(page, '#status', /every ReLU unit is dead: lower the learning rate or reset/, {
    timeout: 60000,
  });
  assert.ok(await page.locator('#status').isVisible());
  assert.match(await page.textContent('#status'), /units of hidden layer 2 output 0/);
  const s = await state(page);
  assert.equal(s.playing, false, 'training paused, as for a diverged network');
  assert.equal(s.deadLayer, 2);
  assert.equal(s.diverged, false);
  await page.click('#reset-button');
  await changed(page, () => document.getElementById('status').hidden, true, {
    what: 'the notice gone after reset',
  });
  assert.equal((await state(page)).deadLayer, -1);
  assert.deepEqual(errors, []);
  await close();
});

test('status: a live ReLU network is not reported dead', async () => {
  const { page, close } = await open(`#seed=${GOLDEN.seed}&activation=relu&learningRate=0.03`);
  const s = await page.evaluate(async () => {
    for (let i = 0; i < 60; i++) {
      window.nnplay.step(2);
      await new Promise((r) => requestAnimationFrame(r));
    }
    return window.nnplay.state();
  });
  assert.equal(s.deadLayer, -1);
  assert.equal(await page.locator('#status').isVisible(), false);
  await close();
});

test('status: the carried network notice goes once training continues', async () => {
  const a = await open();
  await a.page.evaluate(() => window.nnplay.step(20));
  const body = await a.page.evaluate(() => window.nnplay.link({ network: true }));
  const { page, close } = await open(`#${body}`);
  await textShown(page, '#status', /This link carries a trained network/);
  assert.ok(await page.locator('#status').isVisible());
  await page.click('#play-pause-button');
  await changed(page, () => document.getElementById('status').hidden, true, {
    what: 'the carried notice gone once training continues',
  });
  await Promise.all([a.close(), close()]);
});

test('status: the loss chart is empty before any epoch; a line once trained', async () => {
  const { page, close } = await open();
  await frames(page);
  assert.equal((await canvasColours(page, '#loss-chart')).length, 1, 'no stray tick at epoch 0');
  await page.evaluate(() => window.nnplay.step(10));
  await changed(page, () => window.nnplay.state().epoch, 10);
  await changed(
    page,
    (sel) => {
      const c = document.querySelector(sel);
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) return true;
      return false;
    },
    true,
    { arg: '#loss-chart', what: 'the loss line drawn' },
  );
  await close();
});

test('status: the map has y-axis labels 6, 0, -6 beside it, as its x axis -6, 0, 6', async () => {
  const { page, close } = await open();
  assert.deepEqual(await page.$$eval('.axis-y span', (s) => s.map((e) => e.textContent)), [
    '6',
    '0',
    '-6',
  ]);
  assert.deepEqual(await page.$$eval('.axis-x span', (s) => s.map((e) => e.textContent)), [
    '-6',
    '0',
    '6',
  ]);
  const frame = await page.locator('.heatmap-frame').boundingBox();
  const labels = await page.$$eval('.axis-y span', (s) =>
    s.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y + r.height / 2, w: r.width };
    }),
  );
  for (const l of labels) assert.ok(l.x >= frame.x + frame.width - 1 && l.w > 0, JSON.stringify(l));
  assert.ok(Math.abs(labels[0].y - frame.y) < 4, 'the 6 at the top');
  assert.ok(Math.abs(labels[1].y - (frame.y + frame.height / 2)) < 4, 'the 0 in the middle');
  assert.ok(Math.abs(labels[2].y - (frame.y + frame.height)) < 4, 'the -6 at the bottom');
  await close();
});
