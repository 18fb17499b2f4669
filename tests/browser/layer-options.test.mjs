// Browser tests of each hidden layer's own options in the diagram: the activation menu under
// a layer's +/- buttons (the link's activations=..., the map, a reload), the top menu's
// "Mixed" and its one click for every layer, the dropout menu (dropout=..., training with it,
// the losses shown those of the whole network, a reload), and hostile link values named in
// the notice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './harness.mjs';
import { openPage, changed, state, hash, canvasData, frames, GOLDEN } from './page-helpers.mjs';

const env = useBrowser();
const open = (h = `#seed=${GOLDEN.seed}`, o) => openPage(env, h, o);
const layerMenu = (l) => `select.layer-activation[data-layer="${l}"]`;
const layerValues = (page) => page.$$eval('select.layer-activation', (s) => s.map((x) => x.value));
const dropoutMenu = (l) => `select.layer-dropout[data-layer="${l}"]`;
const dropoutValues = (page) => page.$$eval('select.layer-dropout', (s) => s.map((x) => x.value));

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

test("a layer's dropout menu: the link says dropout=..., training uses it, a reload keeps it", async () => {
  const { page, errors, close } = await open();
  assert.deepEqual(await dropoutValues(page), ['0', '0']);
  assert.deepEqual(await page.$$eval(`${dropoutMenu(0)} option`, (o) => o.map((x) => x.value)), [
    '0',
    '0.1',
    '0.2',
    '0.3',
    '0.5',
  ]);
  await page.selectOption(dropoutMenu(0), '0.5');
  await changed(page, () => window.location.hash, /&dropout=0\.5,0(&|$)/, { what: 'the link' });
  let s = await state(page);
  assert.deepEqual(s.config.dropout, [0.5, 0]);
  assert.equal(s.epoch, 0);
  // The first weights are the seed's, as without dropout: the same loss at epoch 0.
  assert.equal(s.trainLoss, GOLDEN.epoch0);
  // Training with dropout differs from the golden run; the loss shown is the whole network's
  // (the engine's evaluation): stepping 0 epochs recomputes the same number.
  s = await page.evaluate(() => window.nnplay.step(100));
  assert.notEqual(s.trainLoss, GOLDEN.epoch100);
  assert.ok(Number.isFinite(s.trainLoss));
  assert.equal((await page.evaluate(() => window.nnplay.step(0))).trainLoss, s.trainLoss);
  await page.evaluate(() => window.nnplay.reset());
  const link = await changed(page, () => window.location.hash, /resets=1/, { what: 'resets=1' });
  const trained = await page.evaluate(() => window.nnplay.step(30));
  await reload(page);
  assert.equal(await hash(page), link);
  assert.deepEqual(await dropoutValues(page), ['0.5', '0']);
  // The link reproduces the run: the same weights and the same masks (seed and reset count).
  assert.equal((await page.evaluate(() => window.nnplay.step(30))).trainLoss, trained.trainLoss);
  // Back to no dropout, while trained: a live change (the epoch and the weights stay), the key goes.
  const before = await state(page);
  await page.selectOption(dropoutMenu(0), '0');
  await changed(
    page,
    () => window.location.hash,
    (h) => !/dropout=/.test(h),
    {
      what: 'a link without dropout',
    },
  );
  s = await state(page);
  assert.equal(s.epoch, before.epoch);
  assert.equal(s.trainLoss, before.trainLoss); // the same weights: the same whole-network loss
  assert.equal(s.config.dropout, undefined);
  assert.deepEqual(errors, []);
  await close();
});

test('a hostile dropout value is named in the notice; a rate beyond 0.9 is clipped', async () => {
  const { page, errors, close } = await open(`#seed=${GOLDEN.seed}&dropout=5`);
  const notice = await page.textContent('#notice');
  assert.match(notice, /dropout/);
  assert.match(notice, /clipped to 0\.9/);
  assert.deepEqual(await dropoutValues(page), ['0.9', '0.9']);
  assert.match(await page.$eval(dropoutMenu(0), (s) => s.selectedOptions[0].textContent), /^90%$/);
  const other = await open(`#seed=${GOLDEN.seed}&dropout=0.1,zz&activations=bogus,tanh`);
  const text = await other.page.textContent('#notice');
  assert.match(text, /dropout.*zz/s);
  assert.match(text, /activations.*bogus/s);
  assert.deepEqual(await dropoutValues(other.page), ['0', '0']);
  assert.equal((await state(other.page)).trainLoss, GOLDEN.epoch0);
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
  const boxes = await page.$$eval('select.layer-activation, select.layer-dropout', (s) =>
    s.map((x) => x.getBoundingClientRect()).map((r) => [r.width, r.height]),
  );
  assert.equal(boxes.length, 4);
  for (const [w, h] of boxes) assert.ok(w >= 44 && h >= 44, `${w} x ${h}`);
  await close();
});
