// Browser tests of the stop conditions (page keys stopEpoch, stopTestLoss, earlyStop,
// restoreBest): training pauses exactly at the stop epoch with a message saying why, the link
// carries the key and a reload keeps it; an early stop restores the best weights; a bad value
// is named, in the panel and from a link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './harness.mjs';
import { openPage, changed, textShown, state, hash, GOLDEN } from './page-helpers.mjs';

const env = useBrowser();
const open = (h = `#seed=${GOLDEN.seed}`, o) => openPage(env, h, o);
/** Waits until training has paused by a stop condition; returns the page's state. */
const stoppedBy = (page, key) =>
  changed(
    page,
    () => window.nnplay.state(),
    (s) => !s.playing && s.stopped?.key === key,
    {
      what: `a stop by ${key}`,
      timeout: 30000,
    },
  );

test('stopEpoch: typed in the panel, in the link, training stops exactly there, a reload keeps it', async () => {
  const { page, errors, close } = await open();
  await page.click('#stop-summary');
  await page.fill('#stop-epoch', '37');
  await page.press('#stop-epoch', 'Enter');
  await changed(page, () => window.location.hash, /(#|&)stopEpoch=37(&|$)/, {
    what: 'stopEpoch in the link',
  });
  await textShown(page, '#stop-summary', 'Stop conditions (1 on)');
  await page.click('#play-pause-button');
  const s = await stoppedBy(page, 'stopEpoch');
  assert.equal(s.epoch, 37, 'exactly at the stop epoch');
  const status = await textShown(page, '#status', /Stopped at epoch/);
  assert.match(status, /Stopped at epoch 0*,?037\b/);
  assert.match(status, /stopEpoch/);
  const h = await hash(page);
  await page.reload();
  await page.evaluate(() => window.nnplay.ready);
  assert.equal(await hash(page), h);
  assert.equal(await page.inputValue('#stop-epoch'), '37');
  assert.equal((await state(page)).epoch, 0);
  await page.click('#play-pause-button');
  assert.equal((await stoppedBy(page, 'stopEpoch')).epoch, 37);
  assert.deepEqual(errors, []);
  await close();
});

test('the step button is watched too: stepping onto the stop epoch says so', async () => {
  const { page, errors, close } = await open(`#seed=${GOLDEN.seed}&stopEpoch=2`);
  await page.click('#step-button');
  assert.equal((await state(page)).stopped, null);
  await page.click('#step-button');
  const s = await state(page);
  assert.equal(s.epoch, 2);
  assert.equal(s.stopped?.key, 'stopEpoch');
  assert.match(await textShown(page, '#status', /Stopped at epoch/), /stopEpoch/);
  // stepping on past it trains on, and the notice goes
  await page.click('#step-button');
  assert.equal((await state(page)).epoch, 3);
  assert.deepEqual(errors, []);
  await close();
});

test('early stop with restoreBest: pauses after the patience and brings back the best weights', async () => {
  const { page, errors, close } = await open(
    `#seed=${GOLDEN.seed}&learningRate=3&earlyStop=3&restoreBest=true`,
  );
  assert.equal(await page.isChecked('#restore-best'), true);
  assert.equal(await page.inputValue('#early-stop'), '3');
  await page.click('#play-pause-button');
  const s = await stoppedBy(page, 'earlyStop');
  const m = s.stopped.message;
  assert.match(m, /^Early stop at epoch/);
  assert.match(m, /not improved for 3 epochs since epoch/);
  const best = m.match(/since epoch [\d,]+ \(([^)]+)\)/)[1];
  const restored = m.match(/best weights restored \(test loss ([^)]+)\)/)[1];
  assert.equal(restored, best, 'the weights shown are the best ones');
  const bestEpoch = Number(m.match(/since epoch ([\d,]+)/)[1].replace(/,/g, ''));
  const stopEpoch = Number(m.match(/at epoch ([\d,]+)/)[1].replace(/,/g, ''));
  assert.ok(stopEpoch - bestEpoch >= 3, m);
  await textShown(page, '#status', /best weights restored/);
  assert.deepEqual(errors, []);
  await close();
});

test('a bad stop value is named: in the panel (the page keeps its value) and from a link', async () => {
  const { page, errors, close } = await open(`#seed=${GOLDEN.seed}&earlyStop=10`);
  await page.click('#stop-summary');
  await page.fill('#early-stop', 'soon');
  await page.press('#early-stop', 'Enter');
  const err = await textShown(page, '#stop-error', /earlyStop/);
  assert.match(err, /"soon"/);
  assert.match(await hash(page), /earlyStop=10(&|$)/);
  await close();
  const bad = await open(`#seed=${GOLDEN.seed}&stopEpoch=-4`);
  const notice = await textShown(bad.page, '#notice', /stopEpoch/);
  assert.match(notice, /-4/);
  assert.equal((await state(bad.page)).epoch, 0);
  // the link's numbers are clamped into range (web/link): -4 becomes the least, epoch 1
  assert.equal(await bad.page.inputValue('#stop-epoch'), '1');
  assert.deepEqual(bad.errors, []);
  assert.deepEqual(errors, []);
  await bad.close();
});

test('stopTestLoss: training pauses the first time the test loss is at or below it', async () => {
  const { page, errors, close } = await open(`#seed=${GOLDEN.seed}&stopTestLoss=0.3`);
  assert.equal(await page.inputValue('#stop-test-loss'), '0.3');
  const s0 = await state(page);
  assert.ok(s0.testLoss > 0.3, `starts above: ${s0.testLoss}`);
  await page.click('#play-pause-button');
  const s = await stoppedBy(page, 'stopTestLoss');
  assert.ok(s.testLoss <= 0.3, `${s.testLoss}`);
  assert.match(s.stopped.message, /the test loss fell to [\d.]+, at or below 0\.3/);
  await textShown(page, '#status', /at or below 0\.3/);
  // playing on does not stop there again
  await page.click('#play-pause-button');
  await changed(
    page,
    () => window.nnplay.state().epoch,
    (e) => e > s.epoch + 5,
    {
      what: 'training on past the loss stop',
    },
  );
  assert.equal((await state(page)).playing, true);
  assert.deepEqual(errors, []);
  await close();
});
