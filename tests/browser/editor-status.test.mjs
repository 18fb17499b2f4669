// Browser tests of the weight editor's keys and checks (web/ui/hover-card.js: Escape cancels,
// Enter or leaving the field applies, a value is read as a whole, a running network does not
// overwrite the field, the card opens inside the window without moving the diagram) and of
// the honest status notices (web/playground.js: dead ReLU units, the carried network's notice,
// the empty loss chart, the map's y axis).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './harness.mjs';
import { openPage, changed, state, frames, GOLDEN } from './page-helpers.mjs';

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
  await changed(page, () => window.nnplay.state().epoch, (e) => e > epoch + 5, {
    what: 'training going on while the editor is open',
    timeout: 30000,
  });
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
