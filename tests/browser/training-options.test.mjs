// Browser tests of the training options (issue 11): the "Training" button and its panel (the
// optimizer and its parameters, the learning-rate schedule and its parameters, the initial
// weights). Each control: chosen, seen in the link, the page reloaded from that link shows the
// same. Hostile link values are named in the notice and nothing breaks; the embed view
// applies the keys too; at 375 px on a touch screen the panel's targets are 44 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './harness.mjs';
import { openPage, changed, textShown, frames, state, hash, GOLDEN } from './page-helpers.mjs';
import { TRAINING_DEFAULTS } from '../../web/training-options.js';

const env = useBrowser();
/** A training key in force: the engine's config leaves a key at its default out. */
const inForce = async (page, key) => (await state(page)).config[key] ?? TRAINING_DEFAULTS[key];
const open = (h = `#seed=${GOLDEN.seed}`, o) => openPage(env, h, o);
/** The weights on screen, exactly: the page's own code for them (web/params-codec.js). */
const weights = (page) =>
  page.evaluate(() => /params=([^&]+)/.exec(window.nnplay.link({ network: true }))[1]);
const shown = (page, sel) => page.locator(sel).isVisible();
/** Opens the written link in a fresh page (a reload from the link alone). */
async function reopen(page) {
  return open(await hash(page));
}
async function setField(page, id, text) {
  await page.fill(id, text);
  await page.press(id, 'Enter');
  await frames(page);
}

test('optimizer: SGD by default (no key in the link); Adam shows its fields, is in the link and reloads', async () => {
  const { page, errors, close } = await open();
  assert.equal(await page.textContent('#training-summary'), 'SGD');
  assert.equal(await shown(page, '#training-options'), false, 'the panel starts closed');
  assert.doesNotMatch(await hash(page), /optimizer|beta|lrSchedule|init=|resetSame/);
  await page.click('#training-button');
  assert.equal(await page.getAttribute('#training-button', 'aria-expanded'), 'true');
  assert.equal(await page.inputValue('#control-optimizer'), 'sgd');
  assert.deepEqual(await page.$$eval('#control-optimizer option', (o) => o.map((x) => x.value)), [
    'sgd',
    'momentum',
    'nesterov',
    'rmsprop',
    'adam',
    'adamw',
  ]);
  assert.equal(await shown(page, '#control-momentum'), false, 'SGD has no parameter');
  await page.selectOption('#control-optimizer', 'momentum');
  assert.equal(await shown(page, '#control-momentum'), true);
  assert.equal(await page.inputValue('#control-momentum'), '0.9');
  await page.selectOption('#control-optimizer', 'adam');
  for (const id of ['#control-beta1', '#control-beta2', '#control-epsilon'])
    assert.equal(await shown(page, id), true, id);
  assert.equal(await shown(page, '#control-momentum'), false);
  assert.equal(await shown(page, '#control-weightDecay'), false, 'AdamW only');
  assert.equal(await page.inputValue('#control-epsilon'), '0.00000001');
  await setField(page, '#control-beta1', '0.8');
  assert.equal((await state(page)).config.beta1, 0.8);
  assert.match(await hash(page), /&optimizer=adam&beta1=0\.8(&|$)/);
  await textShown(page, '#training-summary', 'Adam');
  const b = await reopen(page);
  assert.equal((await state(b.page)).config.optimizer, 'adam');
  await b.page.click('#training-button');
  assert.equal(await b.page.inputValue('#control-optimizer'), 'adam');
  assert.equal(await b.page.inputValue('#control-beta1'), '0.8');
  assert.equal(await b.page.textContent('#training-summary'), 'Adam');
  await b.close();
  assert.deepEqual(errors, []);
  await close();
});

test('AdamW, RMSprop: their own fields, each in the link and back after a reload', async () => {
  const { page, close } = await open();
  await page.click('#training-button');
  await page.selectOption('#control-optimizer', 'adamw');
  await setField(page, '#control-weightDecay', '0.05');
  await setField(page, '#control-beta2', '0.99');
  await page.selectOption('#control-optimizer', 'rmsprop');
  assert.equal(await shown(page, '#control-weightDecay'), false);
  await setField(page, '#control-rmsAlpha', '0.9');
  await setField(page, '#control-epsilon', '0.0001');
  const h = await hash(page);
  assert.match(h, /&optimizer=rmsprop&rmsAlpha=0\.9&beta2=0\.99&epsilon=0\.0001&weightDecay=0\.05/);
  const b = await reopen(page);
  const c = (await state(b.page)).config;
  assert.deepEqual(
    [c.optimizer, c.rmsAlpha, c.beta2, c.epsilon, c.weightDecay],
    ['rmsprop', 0.9, 0.99, 0.0001, 0.05],
  );
  assert.equal(await hash(b.page), h);
  await b.close();
  await close();
});

test('a field refuses a bad number: the value in force stays, the notice names the field', async () => {
  const { page, errors, close } = await open(`#seed=${GOLDEN.seed}&optimizer=adam`);
  const before = await hash(page);
  await page.click('#training-button');
  for (const [text, reason] of [
    ['7', /beta1=7: out of range \(0 to 0\.9999\); kept 0\.9/],
    ['abc', /beta1=abc: not a number; kept 0\.9/],
  ]) {
    await setField(page, '#control-beta1', text);
    assert.match(await page.textContent('#notice'), reason);
    assert.equal(await page.inputValue('#control-beta1'), '0.9');
    assert.equal(await page.getAttribute('#control-beta1', 'aria-invalid'), 'true');
    assert.equal(await inForce(page, 'beta1'), 0.9);
    assert.equal(await hash(page), before);
  }
  await page.click('#training-button'); // closed and open again: still usable
  await page.click('#training-button');
  await setField(page, '#control-beta1', '0.5');
  assert.equal((await state(page)).config.beta1, 0.5);
  assert.equal(await page.getAttribute('#control-beta1', 'aria-invalid'), null);
  assert.deepEqual(errors, []);
  await close();
});

test('schedule: its fields follow the choice, in the link, and back after a reload; a change starts at epoch 0', async () => {
  const { page, errors, close } = await open();
  await page.evaluate(() => window.nnplay.step(5));
  await page.click('#training-button');
  assert.equal(await page.inputValue('#control-lrSchedule'), 'constant');
  assert.equal(await shown(page, '#control-lrGamma'), false);
  assert.equal(await shown(page, '#control-lrWarmupEpochs'), true);
  await page.selectOption('#control-lrSchedule', 'step');
  assert.equal((await state(page)).epoch, 0, 'the network starts again');
  assert.equal((await state(page)).config.seed, GOLDEN.seed, 'from the same seed');
  await setField(page, '#control-lrStepEpochs', '10');
  assert.equal(await shown(page, '#control-lrGamma'), true);
  assert.equal(await shown(page, '#control-lrCosineEpochs'), false);
  assert.match(await hash(page), /&lrSchedule=step&lrStepEpochs=10(&|$)/);
  await page.selectOption('#control-lrSchedule', 'cosine');
  assert.equal(await shown(page, '#control-lrGamma'), false);
  await setField(page, '#control-lrCosineEpochs', '40');
  await setField(page, '#control-lrMin', '0.01');
  await setField(page, '#control-lrWarmupEpochs', '3');
  const h = await hash(page);
  assert.match(
    h,
    /&lrSchedule=cosine&lrStepEpochs=10&lrCosineEpochs=40&lrMin=0\.01&lrWarmupEpochs=3/,
  );
  await textShown(page, '#training-summary', 'SGD, Cosine');
  const b = await reopen(page);
  assert.equal(await hash(b.page), h);
  await b.page.click('#training-button');
  assert.equal(await b.page.inputValue('#control-lrSchedule'), 'cosine');
  assert.equal(await b.page.inputValue('#control-lrMin'), '0.01');
  assert.equal(await b.page.inputValue('#control-lrWarmupEpochs'), '3');
  await b.close();
  assert.deepEqual(errors, []);
  await close();
});

test('initial weights: a change rebuilds the network (epoch 0) with new weights; the link reproduces them', async () => {
  const { page, close } = await open();
  const uniform = await weights(page);
  await page.evaluate(() => window.nnplay.step(5));
  await page.click('#training-button');
  assert.equal(
    await page.textContent('#control-init option[value="uniform"]'),
    'Reference U(-0.5, 0.5)',
  );
  await page.selectOption('#control-init', 'heNormal');
  const s = await state(page);
  assert.equal(s.epoch, 0);
  assert.equal(s.config.init, 'heNormal');
  assert.equal(s.config.seed, GOLDEN.seed, 'the same seed');
  const he = await weights(page);
  assert.notEqual(he, uniform);
  assert.match(await hash(page), /&init=heNormal/);
  await textShown(page, '#training-summary', 'SGD, He normal');
  const b = await reopen(page);
  assert.equal(await weights(b.page), he, 'the same initial weights after a reload');
  await b.close();
  // Back: the reference's weights again (a new history entry).
  await page.goBack();
  await changed(page, () => window.nnplay.state().config.init ?? 'uniform', 'uniform');
  await close();
});

test('hostile values: optimizer=bogus, beta1=7, lrSchedule=<script>: named in the notice, nothing breaks', async () => {
  const { page, errors, close } = await open(
    `#seed=${GOLDEN.seed}&optimizer=bogus&beta1=7&lrSchedule=%3Cscript%3Ealert(1)%3C%2Fscript%3E&init=%22%3E%3Cimg%20src%3Dx%3E&lrStepEpochs=-5`,
  );
  const notice = await page.textContent('#notice');
  assert.match(notice, /optimizer=bogus: not one of sgd, momentum/);
  assert.match(notice, /beta1=7: out of range \(0 to 0\.9999\): clipped to 0\.9999/);
  assert.match(notice, /lrSchedule=<script>alert\(1\)<\/script>: not one of constant/);
  assert.match(notice, /init=.*not one of uniform/);
  assert.match(notice, /lrStepEpochs=-5: out of range/);
  assert.equal(await page.locator('#notice script, #notice img').count(), 0);
  const s = await state(page);
  assert.equal(await inForce(page, 'optimizer'), 'sgd');
  assert.equal(s.config.beta1, 0.9999);
  assert.equal(await inForce(page, 'lrSchedule'), 'constant');
  assert.equal(s.config.lrStepEpochs, 1);
  const after = await page.evaluate(() => window.nnplay.step(5));
  assert.equal(after.epoch, 5, 'it trains');
  assert.deepEqual(errors, []);
  await close();
});

test('the embed view applies the training keys', async () => {
  const { page, close } = await open(
    `#seed=${GOLDEN.seed}&optimizer=adam&lrSchedule=step&lrStepEpochs=5&init=glorotUniform&embed=true`,
  );
  const s = await state(page);
  assert.deepEqual(
    [s.config.optimizer, s.config.lrSchedule, s.config.lrStepEpochs, s.config.init],
    ['adam', 'step', 5, 'glorotUniform'],
  );
  assert.equal(await shown(page, '#training-button'), false, 'no settings in the embed view');
  const plain = await open(
    `#seed=${GOLDEN.seed}&optimizer=adam&lrSchedule=step&lrStepEpochs=5&init=glorotUniform`,
  );
  assert.equal(await weights(page), await weights(plain.page), 'the same initial weights');
  const a = await page.evaluate(() => window.nnplay.step(10));
  const b = await plain.page.evaluate(() => window.nnplay.step(10));
  assert.equal(a.trainLoss, b.trainLoss, 'trained the same way');
  await plain.close();
  assert.match(await hash(page), /&embed=true$/);
  await close();
});

test('a phone (375 px, touch): the panel under the bar, its menus and fields 44 px high', async () => {
  const { page, errors, close } = await open(`#seed=${GOLDEN.seed}&optimizer=adamw`, {
    viewport: { width: 375, height: 667 },
    hasTouch: true,
    isMobile: true,
  });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 375);
  await page.click('#training-button');
  const small = await page.evaluate(() =>
    [
      ...document.querySelectorAll(
        '#training-button, #training-options select, #training-options input',
      ),
    ]
      .map((el) => [el.id || el.className, el.getBoundingClientRect()])
      .filter(([, r]) => r.width > 0 && (r.height < 44 || r.width < 44))
      .map(([name, r]) => `${name} ${r.width}x${r.height}`),
  );
  assert.deepEqual(small, []);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 375);
  assert.deepEqual(errors, []);
  await close();
});
