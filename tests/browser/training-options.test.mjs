// Browser tests of the training options (issue 11): the "Training" button and its panel (the
// optimizer and its parameters, the learning-rate schedule and the rate in force under the
// epoch, the initial weights), the "same weights" choice beside reset, and live changes while
// training runs. Each control: chosen, seen in the link, the page reloaded from that link shows
// the same. Hostile link values are named in the notice and nothing breaks; the embed view
// applies the keys too; at 375 px on a touch screen the panel's targets are 44 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './harness.mjs';
import { openPage, changed, textShown, frames, state, hash, GOLDEN } from './page-helpers.mjs';
import { TRAINING_DEFAULTS } from '../../web/training-options.js';

// A training setting in force: the engine's config leaves out a key at its default.
const setting = (s, key) => s.config[key] ?? TRAINING_DEFAULTS[key];

const env = useBrowser();
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
  assert.equal(setting(await state(page), 'beta1'), 0.8);
  assert.match(await hash(page), /&optimizer=adam&beta1=0\.8(&|$)/);
  await textShown(page, '#training-summary', 'Adam');
  const b = await reopen(page);
  assert.equal(setting(await state(b.page), 'optimizer'), 'adam');
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
    assert.equal(setting(await state(page), 'beta1'), 0.9);
    assert.equal(await hash(page), before);
  }
  await page.click('#training-button'); // closed and open again: still usable
  await page.click('#training-button');
  await setField(page, '#control-beta1', '0.5');
  assert.equal(setting(await state(page), 'beta1'), 0.5);
  assert.equal(await page.getAttribute('#control-beta1', 'aria-invalid'), null);
  assert.deepEqual(errors, []);
  await close();
});

test('a live optimizer change while training runs: the epoch counts on, the weights stay', async () => {
  const { page, errors, close } = await open();
  await page.click('#training-button');
  await page.click('#play-pause-button');
  await changed(
    page,
    () => window.nnplay.state().epoch,
    (e) => e >= 20,
    { what: 'epochs' },
  );
  await page.selectOption('#control-optimizer', 'adam');
  const at = await state(page);
  assert.equal(setting(at, 'optimizer'), 'adam');
  assert.ok(at.playing, 'still playing');
  assert.ok(at.epoch >= 20, `no reset: epoch ${at.epoch}`);
  await changed(
    page,
    () => window.nnplay.state().epoch,
    (e) => e >= at.epoch + 20,
    {
      what: 'the epoch counting on',
    },
  );
  await page.click('#play-pause-button');
  assert.match(await hash(page), /&optimizer=adam/);
  // Paused: a change keeps these exact weights.
  const w = await weights(page);
  await page.selectOption('#control-optimizer', 'nesterov');
  assert.equal(await weights(page), w, 'same weights');
  // The learning rate and regularization change live too now.
  const epoch = (await state(page)).epoch;
  await page.selectOption('#control-regularization', 'L2');
  await page.selectOption('#control-regularizationRate', '0.01');
  await page.selectOption('#control-learningRate', '0.1');
  const s = await state(page);
  assert.equal(s.epoch, epoch, 'no reset for regularization');
  assert.equal(await weights(page), w);
  assert.equal(s.config.regularization, 'L2');
  assert.deepEqual(errors, []);
  await close();
});

test('schedule: the rate in force shows under the epoch, as the engine has it, and reloads', async () => {
  const { page, errors, close } = await open();
  assert.equal(await shown(page, '#lr-now'), false, 'constant: not shown');
  await page.click('#training-button');
  assert.equal(await shown(page, '#control-lrGamma'), false);
  assert.equal(await shown(page, '#control-lrWarmupEpochs'), true);
  await page.selectOption('#control-lrSchedule', 'step');
  await setField(page, '#control-lrStepEpochs', '10');
  assert.equal(await shown(page, '#control-lrGamma'), true);
  assert.equal(await shown(page, '#control-lrCosineEpochs'), false);
  await textShown(page, '#lr-now', 'rate 0.03');
  await page.evaluate(() => window.nnplay.step(10));
  await textShown(page, '#lr-now', 'rate 0.015');
  assert.equal((await state(page)).learningRateNow, 0.015);
  await page.evaluate(() => window.nnplay.step(10));
  await textShown(page, '#lr-now', 'rate 0.0075');
  assert.match(await hash(page), /&lrSchedule=step&lrStepEpochs=10(&|$)/);
  await page.selectOption('#control-lrSchedule', 'cosine');
  await setField(page, '#control-lrCosineEpochs', '40');
  await setField(page, '#control-lrMin', '0.01');
  // epoch 20 of 40: halfway, lrMin + (lr - lrMin) / 2
  await textShown(page, '#lr-now', 'rate 0.02');
  const h = await hash(page);
  assert.match(h, /&lrSchedule=cosine&lrStepEpochs=10&lrCosineEpochs=40&lrMin=0\.01/);
  const b = await reopen(page);
  await textShown(b.page, '#lr-now', 'rate 0.03', { what: 'epoch 0 of the reloaded page' });
  await b.page.click('#training-button');
  assert.equal(await b.page.inputValue('#control-lrSchedule'), 'cosine');
  assert.equal(await b.page.inputValue('#control-lrMin'), '0.01');
  await b.close();
  // A warm-up with the constant rate: shown while it differs from the rate set.
  const w = await open(`#seed=${GOLDEN.seed}&lrWarmupEpochs=4`);
  await textShown(w.page, '#lr-now', 'rate 0.0075');
  await w.page.evaluate(() => window.nnplay.step(4));
  await changed(w.page, () => document.querySelector('#lr-now').hidden, true, {
    what: 'the rate hidden once the warm-up is over',
  });
  await w.close();
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
  assert.equal(setting(s, 'init'), 'heNormal');
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

test('reset to the same weights: twice the same; resets=N does not count them; the choice reloads', async () => {
  const { page, errors, close } = await open();
  await page.click('#reset-button'); // one ordinary reset: resets=1
  const first = await weights(page);
  await page.check('#reset-same');
  assert.match(await hash(page), /&resetSame=true&resets=1$/);
  assert.equal(await page.getAttribute('#reset-button', 'aria-label'), 'Reset to the same weights');
  for (let i = 0; i < 2; i++) {
    await page.evaluate(() => window.nnplay.step(30));
    assert.notEqual(await weights(page), first, 'trained');
    await page.click('#reset-button');
    await textShown(page, '#epoch-number', '000,000');
    assert.equal(await weights(page), first, `same weights after reset ${i + 1}`);
  }
  assert.match(await hash(page), /&resetSame=true&resets=1$/);
  const b = await reopen(page);
  assert.equal(await b.page.isChecked('#reset-same'), true);
  assert.equal(await weights(b.page), first, 'the link gives these weights');
  await b.close();
  await page.uncheck('#reset-same');
  await page.click('#reset-button');
  assert.notEqual(await weights(page), first, 'new weights');
  assert.match(await hash(page), /&resets=2$/);
  assert.deepEqual(errors, []);
  await close();
});

test('hostile values: optimizer=bogus, beta1=7, lrSchedule=<script>: named in the notice, nothing breaks', async () => {
  const { page, errors, close } = await open(
    `#seed=${GOLDEN.seed}&optimizer=bogus&beta1=7&lrSchedule=%3Cscript%3Ealert(1)%3C%2Fscript%3E&init=%22%3E%3Cimg%20src%3Dx%3E&lrStepEpochs=-5&resetSame=1`,
  );
  const notice = await page.textContent('#notice');
  assert.match(notice, /optimizer=bogus: not one of sgd, momentum/);
  assert.match(notice, /beta1=7: out of range \(0 to 0\.9999\): clipped to 0\.9999/);
  assert.match(notice, /lrSchedule=<script>alert\(1\)<\/script>: not one of constant/);
  assert.match(notice, /init=.*not one of uniform/);
  assert.match(notice, /lrStepEpochs=-5: out of range/);
  assert.match(notice, /resetSame=1: not true or false/);
  assert.equal(await page.locator('#notice script, #notice img').count(), 0);
  const s = await state(page);
  assert.equal(setting(s, 'optimizer'), 'sgd');
  assert.equal(setting(s, 'beta1'), 0.9999);
  assert.equal(setting(s, 'lrSchedule'), 'constant');
  assert.equal(setting(s, 'lrStepEpochs'), 1);
  const after = await page.evaluate(() => window.nnplay.step(5));
  assert.equal(after.epoch, 5, 'it trains');
  assert.deepEqual(errors, []);
  await close();
});

test('the embed view applies the training keys', async () => {
  const { page, close } = await open(
    `#seed=${GOLDEN.seed}&optimizer=adam&lrSchedule=step&lrStepEpochs=5&init=glorotUniform&resetSame=true&embed=true`,
  );
  const s = await state(page);
  assert.deepEqual(
    [
      setting(s, 'optimizer'),
      setting(s, 'lrSchedule'),
      setting(s, 'lrStepEpochs'),
      setting(s, 'init'),
    ],
    ['adam', 'step', 5, 'glorotUniform'],
  );
  assert.equal(await shown(page, '#training-button'), false, 'no settings in the embed view');
  const w = await weights(page);
  await page.evaluate(() => window.nnplay.step(10));
  await page.click('#reset-button');
  assert.equal(await weights(page), w, 'resetSame applies');
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
        '#training-button, #training-options select, #training-options input, .reset-same',
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
