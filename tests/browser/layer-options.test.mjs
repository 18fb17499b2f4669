// Browser tests of each hidden layer's own options in the diagram: the activation menu under
// a layer's +/- buttons (the link's activations=..., the map, a reload), the top menu's
// "Mixed" and its one click for every layer, and hostile link values named in the notice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './harness.mjs';
import { openPage, changed, state, hash, canvasData, frames, GOLDEN } from './page-helpers.mjs';

const env = useBrowser();
const open = (h = `#seed=${GOLDEN.seed}`, o) => openPage(env, h, o);
const layerMenu = (l) => `select.layer-activation[data-layer="${l}"]`;
const layerValues = (page) => page.$$eval('select.layer-activation', (s) => s.map((x) => x.value));

async function reload(page) {
  await page.reload();
  await page.evaluate(() => window.nnplay.ready);
  await frames(page);
}

test("a layer's activation menu: the link says activations=..., the map changes, a reload keeps it", async () => {
  const { page, errors, close } = await open();
  assert.deepEqual(await layerValues(page), ['tanh', 'tanh']);
  const before = await canvasData(page, '#heatmap');
  await page.selectOption(layerMenu(1), 'gelu');
  await changed(page, () => window.location.hash, /&activations=tanh,gelu(&|$)/, {
    what: 'the link',
  });
  const s = await state(page);
  assert.deepEqual(s.config.activations, ['tanh', 'gelu']);
  assert.equal(s.config.seed, GOLDEN.seed, 'the same seed: the same data and first weights');
  await changed(page, (b) => document.querySelector('#heatmap').toDataURL() !== b, true, {
    arg: before,
    what: 'a new map',
  });
  assert.equal(await page.inputValue('#control-activation'), 'mixed');
  assert.match(
    await page.$eval('#control-activation', (s) => s.selectedOptions[0].textContent),
    /Mixed/,
  );
  const linkBefore = await hash(page);
  const lossBefore = s.trainLoss;
  await reload(page);
  assert.equal(await hash(page), linkBefore);
  assert.deepEqual(await layerValues(page), ['tanh', 'gelu']);
  assert.equal(await page.inputValue('#control-activation'), 'mixed');
  assert.equal((await state(page)).trainLoss, lossBefore, 'the same network after the reload');
  assert.deepEqual(errors, []);
  await close();
});

test('the top menu shows Mixed while the layers differ, and one choice there sets them all', async () => {
  const { page, errors, close } = await open(`#seed=${GOLDEN.seed}&activations=relu,sine`);
  assert.deepEqual(await layerValues(page), ['relu', 'sine']);
  assert.equal(await page.inputValue('#control-activation'), 'mixed');
  await page.selectOption('#control-activation', 'elu');
  await changed(
    page,
    () => window.location.hash,
    (h) => /^#activation=elu&/.test(h),
    {
      what: 'the link',
    },
  );
  assert.doesNotMatch(await hash(page), /activations=/);
  await changed(
    page,
    () => [...document.querySelectorAll('select.layer-activation')].map((x) => x.value),
    ['elu', 'elu'],
    { what: "every layer's menu" },
  );
  assert.equal(await page.locator('#control-activation option[value="mixed"]').count(), 0);
  // A new layer takes its neighbour's activation.
  await page.selectOption(layerMenu(1), 'swish');
  await changed(page, () => window.location.hash, /activations=elu,swish/, { what: 'the link' });
  await page.getByRole('button', { name: 'Add a hidden layer' }).click();
  await changed(page, () => window.location.hash, /activations=elu,swish,swish/, {
    what: 'the link after adding a layer',
  });
  assert.deepEqual(await layerValues(page), ['elu', 'swish', 'swish']);
  await page.getByRole('button', { name: 'Remove the last hidden layer' }).click();
  await page.getByRole('button', { name: 'Remove the last hidden layer' }).click();
  await changed(
    page,
    () => window.location.hash,
    (h) => /^#activation=elu&/.test(h),
    {
      what: 'the link with one layer left',
    },
  );
  assert.doesNotMatch(await hash(page), /activations=/);
  assert.deepEqual(errors, []);
  await close();
});

test('a hostile activations value is named in the notice; the page runs with the rest', async () => {
  const { page, errors, close } = await open(`#seed=${GOLDEN.seed}&activations=bogus,tanh`);
  const notice = await page.textContent('#notice');
  assert.match(notice, /activations/);
  assert.match(notice, /bogus/);
  assert.deepEqual(await layerValues(page), ['tanh', 'tanh']);
  assert.equal((await state(page)).trainLoss, GOLDEN.epoch0);
  // A list of the wrong length: the engine's message names the field.
  const other = await open(`#seed=${GOLDEN.seed}&activations=relu`);
  assert.match(
    await other.page.textContent('#notice'),
    /activations.*one activation per hidden layer/s,
  );
  assert.deepEqual(await layerValues(other.page), ['tanh', 'tanh']);
  assert.deepEqual(errors, []);
  assert.deepEqual(other.errors, []);
  await other.close();
  await close();
});

test('on a phone each layer menu is a 44 px target', async () => {
  const { page, close } = await open(`#seed=${GOLDEN.seed}`, {
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  const boxes = await page.$$eval('select.layer-activation', (s) =>
    s.map((x) => x.getBoundingClientRect()).map((r) => [r.width, r.height]),
  );
  assert.equal(boxes.length, 2);
  for (const [w, h] of boxes) assert.ok(w >= 44 && h >= 44, `${w} x ${h}`);
  await close();
});
