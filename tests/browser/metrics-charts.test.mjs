// Browser tests of the charts beside the loss chart: the accuracy chart after training, the
// hover line (epoch and values), the log-scale toggle and the window (link keys logLoss,
// lastEpochs, kept by a reload), RMSE and R^2 for regression, and the ms per epoch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './harness.mjs';
import {
  openPage,
  changed,
  textShown,
  redrawn,
  state,
  hash,
  canvasColours,
  canvasData,
  GOLDEN,
} from './page-helpers.mjs';

const env = useBrowser();
/** The epoch a hover line names (the counter's format: 000,040). */
const epochOf = (tip) => Number(tip.match(/epoch ([\d,]+)/)[1].replace(/,/g, ''));
const open = (h = `#seed=${GOLDEN.seed}`, o) => openPage(env, h, o);

/** Hovers the chart at selector at a fraction of its width; returns the hover line. */
async function hoverAt(page, selector, fx) {
  const box = await page.locator(selector).boundingBox();
  await page.mouse.move(box.x + box.width * fx, box.y + box.height / 2);
  return textShown(page, '#chart-tip', /epoch/);
}

test('classification: the accuracy chart draws after training; hover shows the epoch and values', async () => {
  const { page, errors, close } = await open();
  assert.equal(await page.textContent('#metric-name'), 'accuracy');
  const before = await canvasData(page, '#metric-chart');
  const s = await page.evaluate(() => window.nnplay.step(40));
  assert.equal(s.epoch, 40);
  await redrawn(page, '#metric-chart', before);
  const colours = await changed(
    page,
    (sel) => {
      const c = document.querySelector(sel);
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      const seen = new Set();
      for (let i = 0; i < d.length; i += 4) seen.add(`${d[i]},${d[i + 1]},${d[i + 2]},${d[i + 3]}`);
      return seen.size;
    },
    (n) => n > 2,
    { arg: '#metric-chart', what: 'the metric chart drawn' },
  );
  assert.ok(colours > 2);
  // the right end of the chart: the latest epoch and its accuracy, as the page reports it
  const tip = await hoverAt(page, '#metric-chart', 0.995);
  assert.equal(epochOf(tip), 40, tip);
  const pct = (v) => `${(v * 100).toFixed(1)}%`;
  assert.ok(tip.includes(`accuracy: test ${pct(s.testAccuracy)}`), `${tip} vs ${s.testAccuracy}`);
  assert.match(tip, /loss: test \d/);
  // the left end: epoch 0
  const tip0 = await hoverAt(page, '#metric-chart', 0.005);
  assert.equal(epochOf(tip0), 0, tip0);
  await page.mouse.move(5, 5);
  await changed(page, () => document.querySelector('#chart-tip').hidden, true, {
    what: 'the hover line hidden after the pointer leaves',
  });
  assert.deepEqual(errors, []);
  await close();
});

test('log scale and last N epochs: the loss chart changes, the link carries them, a reload keeps them', async () => {
  const { page, errors, close } = await open();
  // one epoch per call: the charts keep a sample per training call
  await page.evaluate(() => {
    for (let i = 0; i < 200; i++) window.nnplay.step(1);
  });
  await frames2(page);
  const linear = await canvasData(page, '#loss-chart');
  await page.check('#chart-log');
  await redrawn(page, '#loss-chart', linear);
  await changed(page, () => window.location.hash, /(^|&|#)logLoss=true(&|$)/, {
    what: 'logLoss in the link',
  });
  const logged = await canvasData(page, '#loss-chart');
  await page.selectOption('#chart-window', '100');
  await redrawn(page, '#loss-chart', logged);
  await changed(page, () => window.location.hash, /lastEpochs=100(&|$)/, {
    what: 'lastEpochs in the link',
  });
  // the window starts 100 epochs before the latest: the hover at the left end says so
  const tip = await hoverAt(page, '#metric-chart', 0.005);
  const first = epochOf(tip);
  assert.ok(first >= 100 && first <= 120, tip);
  const h = await hash(page);
  await page.reload();
  await page.evaluate(() => window.nnplay.ready);
  assert.equal(await hash(page), h);
  assert.equal(await page.isChecked('#chart-log'), true);
  assert.equal(await page.inputValue('#chart-window'), '100');
  // off again: the keys leave the link (defaults add no key)
  await page.uncheck('#chart-log');
  await page.selectOption('#chart-window', '');
  await changed(
    page,
    () => window.location.hash,
    (x) => !/logLoss|lastEpochs/.test(x),
    {
      what: 'the chart keys gone from the link',
    },
  );
  assert.deepEqual(errors, []);
  await close();
});

test('regression: the metric chart shows RMSE, or R² from its menu, with the values on hover', async () => {
  const { page, errors, close } = await open(
    `#seed=${GOLDEN.seed}&problem=regression&regDataset=reg-plane`,
  );
  await changed(page, () => document.querySelector('#chart-metric').hidden, false, {
    what: 'the regression metric menu shown',
  });
  assert.equal(await page.inputValue('#chart-metric'), 'rmse');
  assert.match(await page.getAttribute('#metric-chart', 'aria-label'), /^RMSE over the epochs/);
  await page.evaluate(() => window.nnplay.step(30));
  const rmse = await changed(
    page,
    (sel) => document.querySelector(sel).toDataURL(),
    () => true,
    {
      arg: '#metric-chart',
    },
  );
  const tip = await hoverAt(page, '#metric-chart', 0.995);
  assert.equal(epochOf(tip), 30, tip);
  assert.match(tip, /RMSE: test \d+\.\d{3}, training \d+\.\d{3}/);
  assert.match(tip, /R²: test -?\d+\.\d{3}, training -?\d+\.\d{3}/);
  await page.selectOption('#chart-metric', 'r2');
  await changed(page, () => document.querySelector('#metric-chart').ariaLabel, /^R² over/, {
    what: 'the metric chart labelled R²',
  });
  await redrawn(page, '#metric-chart', rmse);
  await changed(page, () => window.location.hash, /regMetric=r2(&|$)/, {
    what: 'regMetric in the link',
  });
  await page.reload();
  await page.evaluate(() => window.nnplay.ready);
  assert.equal(await page.inputValue('#chart-metric'), 'r2');
  assert.deepEqual(errors, []);
  await close();
});

test('ms per epoch shows next to the epoch counter while training runs', async () => {
  const { page, errors, close } = await open();
  await page.click('#play-pause-button');
  const t = await textShown(page, '#epoch-time', /\d.*ms/);
  assert.match(t, /ms/);
  await page.click('#play-pause-button');
  assert.ok((await state(page)).epoch > 0);
  assert.deepEqual(errors, []);
  await close();
});

function frames2(page) {
  return page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
}
