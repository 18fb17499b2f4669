// Browser tests of the URL: the reference's hash opens the same
// data and weights and trains to the golden loss; a changed page's hash reloads to the same
// state and losses (resets replayed); "copy link" with the trained network reopens it at its
// epoch with the same losses and keeps training identically; bad link keys are listed;
// divergence pauses, says what to do, and reset recovers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './harness.mjs';
import {
  openPage,
  frames,
  textShown,
  state,
  hash,
  canvasColours,
  GOLDEN,
  REFERENCE_HASH,
} from './page-helpers.mjs';

const env = useBrowser();
const open = (h, o) => openPage(env, h, o);
const strip = (s) => {
  const { config, ...rest } = s;
  return rest;
};

test('the reference example hash opens unchanged and reaches the golden loss after 100 steps', async () => {
  const { page, errors, close } = await open(REFERENCE_HASH);
  assert.equal(
    await hash(page),
    REFERENCE_HASH,
    'written back exactly, keys in the reference order',
  );
  const s0 = await state(page);
  assert.ok(Math.abs(s0.trainLoss - GOLDEN.epoch0) < 1e-9);
  const s = await page.evaluate(() => window.nnplay.step(100));
  assert.ok(Math.abs(s.trainLoss - GOLDEN.epoch100) < 1e-9, `epoch 100: ${s.trainLoss}`);
  assert.equal(await page.locator('#notice').isVisible(), false);
  assert.deepEqual(errors, []);
  await close();
});

test('URL round trip: change things, reload the written hash: same state, same losses after N steps', async () => {
  const a = await open(`#seed=${GOLDEN.seed}&noise=10`);
  await a.page.selectOption('#control-activation', 'relu');
  await a.page.getByRole('button', { name: 'Add a neuron to hidden layer 2' }).click();
  await a.page.click('[data-feature="xTimesY"]');
  await a.page.getByLabel('Show test data').check();
  await a.page.evaluate(() => window.nnplay.step(15));
  await a.page.selectOption('#control-learningRate', '0.1'); // no reset: the hash says 0.1
  await a.page.click('#reset-button');
  await a.page.click('#reset-button');
  await frames(a.page);
  const written = await hash(a.page);
  assert.match(written, /&resets=2(&|$)/);
  const sa = await state(a.page);
  const b = await open(written);
  const sb = await state(b.page);
  assert.deepEqual(sb, sa, 'same config, epoch, losses and resets');
  assert.equal(await hash(b.page), written);
  assert.equal(await b.page.isChecked('#show-test-data'), true);
  const ta = await a.page.evaluate(() => window.nnplay.step(40));
  const tb = await b.page.evaluate(() => window.nnplay.step(40));
  assert.deepEqual(strip(tb), strip(ta), 'same losses after 40 more epochs');
  await a.close();
  await b.close();
});

test('copy link with the trained network: reopens at its epoch with the same losses, trains on', async () => {
  const a = await open(`#seed=${GOLDEN.seed}`);
  await a.page.evaluate(() => window.nnplay.step(50));
  assert.equal(await a.page.isChecked('#share-network'), false, 'the choice starts off');
  await a.page.check('#share-network');
  await a.page.click('#copy-link');
  const link = await a.page.inputValue('#share-url');
  assert.ok(link.startsWith(env.server.url), link);
  assert.match(link, /&params=[A-Za-z0-9_-]+/);
  assert.match(await a.page.textContent('.share-status'), /copied|Copy the link/);
  const sa = await state(a.page);
  const b = await open(link.slice(link.indexOf('#')));
  const sb = await state(b.page);
  assert.equal(sb.epoch, 50);
  assert.equal(sb.trainLoss, sa.trainLoss);
  assert.equal(sb.testLoss, sa.testLoss);
  assert.match(
    await b.page.textContent('#status'),
    /This link carries a trained network \(epoch 000,050\)/,
  );
  assert.equal(await b.page.textContent('#epoch-number'), '000,050');
  const ta = await a.page.evaluate(() => window.nnplay.step(30));
  const tb = await b.page.evaluate(() => window.nnplay.step(30));
  assert.equal(tb.epoch, 80);
  assert.equal(tb.trainLoss, ta.trainLoss, 'training continues with the same numbers');
  assert.equal(tb.testLoss, ta.testLoss);
  // A reset leaves the carried network: params go, resets=0 (the seed's first weights).
  await b.page.click('#reset-button');
  const h = await hash(b.page);
  assert.ok(!h.includes('params=') && !h.includes('resets='), h);
  const fresh = await open(`#seed=${GOLDEN.seed}`);
  assert.equal((await state(b.page)).trainLoss, (await state(fresh.page)).trainLoss);
  await Promise.all([a.close(), b.close(), fresh.close()]);
});

test('copy link without the network: the seed and resets reproduce the weights on screen', async () => {
  const a = await open('#seed=xyz');
  await a.page.click('#reset-button');
  await a.page.click('#reset-button');
  await a.page.click('#reset-button');
  await a.page.uncheck('#share-network');
  await a.page.click('#copy-link');
  const link = await a.page.inputValue('#share-url');
  assert.match(link, /seed=xyz&.*resets=3/);
  const b = await open(link.slice(link.indexOf('#')));
  assert.equal((await state(b.page)).trainLoss, (await state(a.page)).trainLoss);
  await a.close();
  await b.close();
});

test('a bad params value is ignored and listed; a network of another shape too', async () => {
  const { page, close } = await open(`#seed=${GOLDEN.seed}&params=AQIDBAUG`);
  assert.match(await page.textContent('#notice'), /params/);
  const s = await state(page);
  assert.equal(s.epoch, 0);
  assert.ok(Math.abs(s.trainLoss - GOLDEN.epoch0) < 1e-9, 'the rest of the link applies');
  const code = await page.evaluate(() => window.nnplay.link({ network: true }));
  const params = /params=([^&]+)/.exec(code)[1];
  await close();
  const other = await open(`#seed=${GOLDEN.seed}&networkShape=3&params=${params}`);
  assert.match(await other.page.textContent('#notice'), /params.*layer sizes 2,4,2,1/s);
  assert.deepEqual((await state(other.page)).config.networkShape, [3]);
  await other.close();
});

test('bad link keys are listed key by key; nothing is inserted as HTML', async () => {
  const evil = encodeURIComponent('<b>x</b>');
  const { page, close } = await open(`#seed=a&resets=-2&tutorial=${evil}&params=${evil}&noise=5`);
  const text = await page.textContent('#notice');
  assert.match(text, /resets/);
  assert.match(text, /params/);
  assert.equal(await page.locator('#notice b').count(), 0);
  assert.equal((await state(page)).config.noise, 5);
  await close();
});

test('the seed is in the hash from the first moment; a dataset change draws a new one', async () => {
  const { page, close } = await open('');
  const s = await state(page);
  assert.ok((await hash(page)).includes(`seed=${s.config.seed}&`));
  await page.getByRole('radio', { name: 'Spiral' }).check();
  const t = await state(page);
  assert.notEqual(t.config.seed, s.config.seed);
  assert.ok((await hash(page)).includes(`seed=${t.config.seed}&`));
  await close();
});

test('divergence: learning rate 10 with ReLU pauses at the first non-finite loss, explains, reset recovers', async () => {
  const { page, errors, close } = await open(
    `#seed=${GOLDEN.seed}&activation=relu&learningRate=10&problem=regression&regDataset=reg-plane`,
  );
  await page.click('#play-pause-button');
  await page.waitForFunction(() => window.nnplay.state().diverged, null, { timeout: 20000 });
  const s = await state(page);
  assert.equal(s.playing, false, 'paused');
  assert.ok(!Number.isFinite(s.trainLoss));
  await frames(page);
  const epoch = s.epoch;
  await page.waitForTimeout(150);
  assert.equal((await state(page)).epoch, epoch, 'stays paused');
  const status = await page.textContent('#status');
  assert.match(status, /diverged/);
  assert.match(status, /lower learning rate/);
  assert.match(status, /reset/);
  await textShown(page, '#train-loss', /^(NaN|∞)$/);
  // #e8eaeb at alpha 160 (read back through premultiplied alpha: within 2 per channel)
  const near = (c, v, s) => Math.abs(((c >>> s) & 255) - v) <= 2;
  const greys = (await canvasColours(page, '#heatmap')).filter(
    (c) => near(c, 0xe8, 24) && near(c, 0xea, 16) && near(c, 0xeb, 8) && (c & 255) === 160,
  );
  assert.ok(greys.length > 0, 'non-finite values are grey');
  await page.selectOption('#control-learningRate', '0.03');
  await page.click('#reset-button');
  const r = await state(page);
  assert.equal(r.diverged, false);
  assert.ok(Number.isFinite(r.trainLoss));
  assert.equal(await page.locator('#status').isVisible(), false);
  const t = await page.evaluate(() => window.nnplay.step(50));
  assert.ok(Number.isFinite(t.trainLoss) && t.trainLoss < r.trainLoss);
  assert.deepEqual(errors, []);
  await close();
});

test('copy link: "include the trained network" starts off and is remembered', async () => {
  const a = await open(`#seed=${GOLDEN.seed}`);
  await a.page.evaluate(() => window.nnplay.step(10));
  assert.equal(await a.page.isChecked('#share-network'), false);
  assert.match(await a.page.textContent('label.share-toggle'), /include the trained network/);
  await a.page.click('#copy-link');
  const off = await a.page.inputValue('#share-url');
  assert.ok(!off.includes('params='), `off: no network in the link (${off})`);
  await a.page.check('#share-network');
  await a.page.click('#copy-link');
  assert.match(await a.page.inputValue('#share-url'), /&params=/);
  // the choice is remembered: a new page of the same browser context starts with it on
  const page2 = await a.context.newPage();
  await page2.goto(`${env.server.url}index.html#seed=1`);
  await page2.evaluate(() => window.nnplay.ready);
  await page2.waitForSelector('#share-network');
  assert.equal(await page2.isChecked('#share-network'), true);
  await page2.uncheck('#share-network');
  const page3 = await a.context.newPage();
  await page3.goto(`${env.server.url}index.html#seed=1`);
  await page3.evaluate(() => window.nnplay.ready);
  await page3.waitForSelector('#share-network');
  assert.equal(await page3.isChecked('#share-network'), false);
  await a.close();
});
