// Browser tests of the perceptron lab: the mode and its hash (bad values listed as
// text), the tabs both ways, the talk's neuron and its table from the engine, the decision line
// moving with a weight (pixels where the geometry says) for every sign of w2, vertical and
// absent; the code beside the plot is what the engine does for one example; AND trains to 4/4
// and stops; XOR never gets 4/4, says why, and its link opens a playground that learns it;
// the speed control, the stall hint and its "reset the weights", the rows' error sparklines.
// Saves build/test-artifacts/perceptron*.png (1280 x 800 and 375 x 667).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { useBrowser, artifactPath } from './harness.mjs';
import { openPage, GOLDEN } from './page-helpers.mjs';

const TALK = '#mode=perceptron&gate=and&w0=3&w1=-4&w2=2&activation=sigmoid&learningRate=1';
const BOX = { xmin: -0.5, xmax: 1.5, ymin: -0.5, ymax: 1.5 };
const env = useBrowser();

const open = (hash = TALK, options) => openPage(env, hash, options);

/** The lab's exact state (data attributes on #perceptron) and what the page shows. */
function lab(page) {
  return page.evaluate(() => {
    const d = document.getElementById('perceptron').dataset;
    const acc = document.getElementById('pc-accuracy');
    return {
      gate: d.gate,
      w0: Number(d.w0),
      w1: Number(d.w1),
      w2: Number(d.w2),
      iterations: Number(d.iterations),
      playing: d.playing === 'true',
      right: Number(acc.dataset.right),
      rows: Number(acc.dataset.rows),
      accuracy: acc.textContent,
      hash: window.location.hash,
    };
  });
}

/** Alpha of the line canvas at plane point (x1, x2), 0..255 (max over a 3 x 3 patch). */
function linePixel(page, x1, x2) {
  return page.evaluate(
    ([x, y, box]) => {
      const c = document.getElementById('pc-line');
      const px = Math.round(((x - box.xmin) / (box.xmax - box.xmin)) * c.width);
      const py = Math.round(((box.ymax - y) / (box.ymax - box.ymin)) * c.height);
      const d = c
        .getContext('2d')
        .getImageData(Math.max(0, px - 1), Math.max(0, py - 1), 3, 3).data;
      let a = 0;
      for (let i = 3; i < d.length; i += 4) a = Math.max(a, d[i]);
      return a;
    },
    [x1, x2, BOX],
  );
}

/** Painted pixels on the line canvas. */
function linePixelCount(page) {
  return page.evaluate(() => {
    const c = document.getElementById('pc-line');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) n += d[i] > 0;
    return n;
  });
}

/** RGB of the heatmap at plane point (x1, x2). */
function heatmapRgb(page, x1, x2) {
  return page.evaluate(
    ([x, y, box]) => {
      const c = document.getElementById('pc-heatmap');
      const px = Math.min(
        c.width - 1,
        Math.round(((x - box.xmin) / (box.xmax - box.xmin)) * (c.width - 1)),
      );
      const py = Math.min(
        c.height - 1,
        Math.round(((box.ymax - y) / (box.ymax - box.ymin)) * (c.height - 1)),
      );
      return Array.from(c.getContext('2d').getImageData(px, py, 1, 1).data.slice(0, 3));
    },
    [x1, x2, BOX],
  );
}
const isBlue = ([r, , b]) => b > r + 40;
const isOrange = ([r, , b]) => r > b + 40;

/** Sets a weight the way a user's slider drag does (an input event on the range). */
async function slide(page, key, value) {
  await page.evaluate(
    ([k, v]) => {
      const el = document.getElementById(`pc-${k}-range`);
      el.value = String(v);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    [key, value],
  );
}

test("#mode=perceptron opens the lab on the talk's neuron; the table and the code come from it", async () => {
  const { page, errors, close } = await open('#mode=perceptron');
  const s = await lab(page);
  assert.equal(s.hash, TALK, 'the hash is filled in with every key');
  assert.deepEqual([s.gate, s.w0, s.w1, s.w2, s.iterations], ['and', 3, -4, 2, 0]);
  assert.ok(await page.locator('#perceptron').isVisible());
  assert.equal(await page.locator('.top-bar').isVisible(), false, 'the playground is hidden');
  assert.equal(await page.getAttribute('#mode-tab-perceptron', 'aria-current'), 'page');
  // The engine's outputs: sigmoid(3), sigmoid(5), sigmoid(-1), sigmoid(1); AND gets 2 of 4.
  const rows = await page.$$eval('#pc-rows tr', (trs) =>
    trs.map((tr) => [...tr.children].map((td) => td.textContent.trim())),
  );
  assert.deepEqual(rows, [
    ['0', '0', '0', '0.953', '−0.953', '✗', ''], // the last cell: the error's sparkline
    ['0', '1', '0', '0.993', '−0.993', '✗', ''],
    ['1', '0', '0', '0.269', '−0.269', '✓', ''],
    ['1', '1', '1', '0.731', '0.269', '✓', ''],
  ]);
  assert.equal(s.accuracy, 'Accuracy after 0 iterations: 50% (2 of 4 rows right)');
  const code = await page.textContent('#pc-code');
  assert.ok(code.includes('let w0 = 3, w1 = -4, w2 = 2;'), code);
  assert.ok(code.includes('return 1 / (1 + Math.exp(-z));'), code);
  assert.equal(
    await page.textContent('#pc-eq-general'),
    '0 = w0 + w1·x1 + w2·x2, so x2 = m·x1 + b',
  );
  assert.equal(await page.textContent('#pc-eq-live'), '0 = 3 − 4·x1 + 2·x2, so x2 = 2·x1 − 1.5');
  assert.equal(await page.textContent('#pc-eq-solved'), 'm = −w1/w2 = 2,  b = −w0/w2 = −1.5');
  assert.deepEqual(errors, []);
  await close();
});

test('moving a weight moves the line and the shading, for every sign of w2, vertical and none', async () => {
  const { page, errors, close } = await open();
  // w = (3, -4, 2): x2 = 2·x1 - 1.5 passes (0.75, 0) and (1, 0.5), not (1, 1).
  assert.ok((await linePixel(page, 0.75, 0)) > 100);
  assert.ok((await linePixel(page, 1, 0.5)) > 100);
  assert.equal(await linePixel(page, 1, 1), 0);
  assert.ok(isBlue(await heatmapRgb(page, 0, 1)), 'z > 0 at (0, 1): blue');
  assert.ok(isOrange(await heatmapRgb(page, 1.4, -0.4)), 'z < 0 at (1.4, -0.4): orange');

  // w0 3 -> 2 with the slider: x2 = 2·x1 - 1 passes (0.5, 0) and (1, 1), no longer (1, 0.5).
  await slide(page, 'w0', 2);
  assert.equal((await lab(page)).w0, 2);
  assert.ok((await linePixel(page, 0.5, 0)) > 100);
  assert.ok((await linePixel(page, 1, 1)) > 100);
  assert.equal(await linePixel(page, 1, 0.5), 0);
  assert.equal(await linePixel(page, 0.75, 0), 0);
  assert.equal(await page.textContent('#pc-eq-live'), '0 = 2 − 4·x1 + 2·x2, so x2 = 2·x1 − 1');
  assert.ok((await page.textContent('#pc-code')).includes('let w0 = 2, w1 = -4, w2 = 2;'));

  // The typed field works as well: all three negated, w2 < 0. Same line, sides swapped.
  for (const [k, v] of [
    ['w0', '-2'],
    ['w1', '4'],
    ['w2', '-2'],
  ])
    await page.fill(`#pc-${k}-number`, v);
  assert.deepEqual([(await lab(page)).w0, (await lab(page)).w1, (await lab(page)).w2], [-2, 4, -2]);
  assert.ok((await linePixel(page, 0.5, 0)) > 100);
  assert.ok((await linePixel(page, 1, 1)) > 100);
  assert.ok(isOrange(await heatmapRgb(page, 0, 1)), 'the sides swap: orange at (0, 1)');
  assert.equal(await page.textContent('#pc-eq-live'), '0 = −2 + 4·x1 − 2·x2, so x2 = 2·x1 − 1');

  // A steep line (w2 small): x2 = 40·x1 - 20 crosses x2 = 0 at x1 = 0.5, and stays in the plot.
  await slide(page, 'w0', 2);
  await slide(page, 'w1', -4);
  await slide(page, 'w2', 0.1);
  assert.ok((await linePixel(page, 0.5, 0)) > 100);
  assert.ok((await linePixel(page, 0.5 + 0.5 / 40, 0.5)) > 100);

  // w2 = 0: vertical at x1 = -w0/w1 = 0.5, said in words.
  await slide(page, 'w2', 0);
  assert.ok((await linePixel(page, 0.5, -0.3)) > 100);
  assert.ok((await linePixel(page, 0.5, 1.3)) > 100);
  assert.equal(await linePixel(page, 1, 1), 0);
  assert.match(await page.textContent('#pc-eq-solved'), /vertical at x1 = −w0\/w1 = 0\.5/);
  assert.equal(await page.getAttribute('.pc-plot', 'data-line'), 'vertical');

  // w1 = w2 = 0: no line at all.
  await slide(page, 'w1', 0);
  assert.equal(await linePixelCount(page), 0);
  assert.match(
    await page.textContent('#pc-eq-solved'),
    /no line; the whole plane is on the positive side/,
  );
  assert.equal(await page.getAttribute('.pc-plot', 'data-line'), 'none');

  // The hash follows (shareable): reload it and the same weights are back.
  await page.waitForFunction(() => window.location.hash.includes('w1=0&w2=0'));
  const hash = await page.evaluate(() => window.location.hash);
  assert.equal(hash, '#mode=perceptron&gate=and&w0=2&w1=0&w2=0&activation=sigmoid&learningRate=1');
  await page.reload();
  await page.evaluate(() => window.nnplay.ready);
  assert.deepEqual([(await lab(page)).w0, (await lab(page)).w1, (await lab(page)).w2], [2, 0, 0]);
  assert.deepEqual(errors, []);
  await close();
});

test('a bad perceptron hash is listed as text, the valid rest is kept; mode is not a bad key for the playground', async () => {
  const evil = encodeURIComponent('<img src=x onerror="window.__pwned=1">');
  const given = `#mode=perceptron&gate=or&w0=1.5&w1=abc&w2=-2&activation=banana&learningRate=3&w0x=1&foo=${evil}`;
  const { page, errors, close } = await open(given);
  const notice = page.locator('#pc-notice');
  assert.ok(await notice.isVisible());
  const text = await notice.textContent();
  for (const key of ['w1=abc', 'activation=banana', 'w0x', 'foo'])
    assert.ok(text.includes(key), `${key} in: ${text}`);
  assert.ok(text.includes('<img'), 'the value is shown as text');
  assert.equal(await page.locator('#perceptron img').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  const s = await lab(page);
  assert.deepEqual([s.gate, s.w0, s.w1, s.w2], ['or', 1.5, -4, -2]);
  assert.equal(s.hash, given, 'a given link is left as it is until the user changes something');
  assert.equal(await page.inputValue('#pc-learning-rate'), '3');
  assert.equal(
    await page.locator('#notice').isVisible(),
    false,
    "the playground's notice stays hidden",
  );
  // The playground takes mode=playground without a word, and names a bad mode.
  await page.evaluate(() => {
    window.location.hash = '#mode=playground&dataset=xor&seed=m';
  });
  await page.waitForFunction(() => document.body.dataset.mode === 'playground');
  const st = await page.evaluate(() => window.nnplay.state());
  assert.equal(st.config.dataset, 'xor');
  assert.equal(await page.locator('#notice').isVisible(), false);
  await page.evaluate(() => {
    window.location.hash = '#mode=banana&seed=m';
  });
  await page.waitForFunction(() =>
    (document.getElementById('notice').textContent || '').includes('mode=banana'),
  );
  assert.deepEqual(errors, []);
  await close();
});

test('the tabs go both ways and each mode comes back as it was left', async () => {
  const { page, errors, close } = await open(`#seed=${GOLDEN.seed}`);
  await page.evaluate(() => window.nnplay.step(30));
  await page.click('#mode-tab-perceptron');
  await page.waitForFunction(() => document.body.dataset.mode === 'perceptron');
  assert.match(await page.evaluate(() => window.location.hash), /^#mode=perceptron&gate=and/);
  await slide(page, 'w0', 1.25);
  await page.waitForFunction(() => window.location.hash.includes('w0=1.25'));
  await page.click('#mode-tab-playground');
  await page.waitForFunction(() => document.body.dataset.mode === 'playground');
  const st = await page.evaluate(() => window.nnplay.state());
  assert.equal(st.config.seed, GOLDEN.seed);
  assert.equal(st.epoch, 30, 'the playground kept its training');
  assert.ok(await page.locator('.top-bar').isVisible());
  assert.equal(await page.locator('#perceptron').isVisible(), false);
  await page.goBack();
  await page.waitForFunction(() => document.body.dataset.mode === 'perceptron');
  assert.equal((await lab(page)).w0, 1.25);
  assert.deepEqual(errors, []);
  await close();
});

test('one example and one epoch: the code beside the plot is what the engine does', async () => {
  const { page, errors, close } = await open();
  const code = await page.textContent('#pc-code');
  // The shown lines, run as a reader would run them, on the first row (0, 0) -> 0.
  const expected = new Function(`${code}\nlearn(0, 0, 0);\nreturn [w0, w1, w2];`)();
  await page.click('#pc-step-example');
  let s = await lab(page);
  assert.equal(s.iterations, 1);
  for (const [k, i] of [
    ['w0', 0],
    ['w1', 1],
    ['w2', 2],
  ]) {
    assert.ok(Math.abs(s[k] - expected[i]) < 1e-12, `${k}: engine ${s[k]}, code ${expected[i]}`);
  }
  assert.equal(await page.locator('#pc-rows tr.pc-trained').count(), 1);
  await page.click('#pc-step-example');
  await page.click('#pc-step-epoch');
  s = await lab(page);
  assert.equal(s.iterations, 6);
  assert.equal(await page.textContent('#pc-epochs'), '1 epoch + 2');
  assert.match(s.accuracy, /^Accuracy after 6 iterations: /);
  assert.deepEqual(errors, []);
  await close();
});

test('AND trains to 4 of 4 and stops; "keep going" trains on', { timeout: 60000 }, async () => {
  const { page, errors, close } = await open();
  await page.click('#pc-play');
  await page.waitForFunction(
    () =>
      document.getElementById('perceptron').dataset.playing === 'false' &&
      Number(document.getElementById('pc-accuracy').dataset.right) === 4,
    null,
    { timeout: 30000 },
  );
  const s = await lab(page);
  assert.equal(s.right, 4);
  assert.ok(s.iterations > 300 && s.iterations <= 384, `iterations ${s.iterations}`); // epoch 96 at the latest
  assert.match(
    s.accuracy,
    new RegExp(`^Accuracy after ${s.iterations} iterations: 100% \\(4 of 4 rows right\\)$`),
  );
  assert.match(await page.textContent('#pc-status'), /Every row is right after \d+ iterations/);
  const rows = await page.$$eval('#pc-rows tr', (trs) => trs.map((tr) => tr.className));
  assert.ok(
    rows.every((c) => c.includes('pc-right')),
    rows.join(),
  );
  assert.equal(await page.getAttribute('#pc-play', 'aria-pressed'), 'false');
  await page.waitForFunction((w0) => window.location.hash.includes(`w0=${w0}`), String(s.w0));
  await page.screenshot({ path: artifactPath('perceptron.png') });
  // Play again: nothing to learn, it says so; with keep going it trains on.
  await page.click('#pc-play');
  assert.equal((await lab(page)).iterations, s.iterations);
  assert.match(await page.textContent('#pc-status'), /already right/);
  await page.check('#pc-keep-going');
  await page.click('#pc-play');
  await page.waitForFunction(
    (n) => Number(document.getElementById('perceptron').dataset.iterations) > n + 40,
    s.iterations,
  );
  await page.click('#pc-play');
  assert.equal((await lab(page)).playing, false);
  assert.equal((await lab(page)).right, 4);
  assert.deepEqual(errors, []);
  await close();
});

test(
  'XOR never gets 4 of 4, the page says why, and its link opens a playground that learns it',
  { timeout: 90000 },
  async () => {
    const { page, errors, close } = await open();
    await page.check('input[name="pc-gate"][value="xor"]');
    assert.equal((await lab(page)).gate, 'xor');
    const why = page.locator('#pc-xor');
    assert.ok(await why.isVisible());
    assert.match(await why.textContent(), /not linearly separable/);
    assert.match(await why.textContent(), /at most 3 of the 4/);
    await page.click('#pc-play');
    await page.waitForFunction(
      () => Number(document.getElementById('perceptron').dataset.iterations) >= 2000,
      null,
      { timeout: 30000 },
    );
    const s = await lab(page);
    assert.equal(s.playing, true, 'running does not stop by itself');
    assert.ok(s.right <= 3, `right ${s.right}`);
    assert.match(await page.textContent('#pc-status'), /never more than 3 of 4/);
    await page.evaluate(() =>
      window.scrollTo(0, document.querySelector('.pc-columns').offsetTop - 8),
    );
    await page.screenshot({ path: artifactPath('perceptron-xor.png') });
    await page.evaluate(() => window.scrollTo(0, 0));

    await page.click('#pc-xor-link');
    await page.waitForFunction(() => document.body.dataset.mode === 'playground');
    const hash = await page.evaluate(() => window.location.hash);
    assert.ok(hash.includes('dataset=xor') && hash.includes('networkShape=4&'), hash);
    assert.equal((await lab(page)).playing, false, 'the lab paused');
    const start = await page.evaluate(() => window.nnplay.state());
    assert.deepEqual(start.config.networkShape, [4]);
    assert.equal(start.config.xTimesY, false, 'a hidden layer does it, not a feature');
    assert.equal(start.config.seed, 'xor', 'every student who follows the link sees the same run');
    const reached = await page.waitForFunction(
      (loss0) => {
        const st = window.nnplay.state();
        return st.epoch >= 150 && st;
      },
      start.trainLoss,
      { polling: 'raf', timeout: 60000 },
    );
    const end = await reached.jsonValue();
    assert.ok(
      end.trainLoss < 0.2 && end.trainLoss < start.trainLoss / 2,
      `loss ${start.trainLoss} -> ${end.trainLoss} at epoch ${end.epoch}`,
    );
    await page.evaluate(() => window.nnplay.pause());
    // Back returns to the lab on XOR.
    await page.goBack();
    await page.waitForFunction(() => document.body.dataset.mode === 'perceptron');
    assert.equal((await lab(page)).gate, 'xor');
    assert.deepEqual(errors, []);
    await close();
  },
);

test(
  'too high a learning rate: training stops and says so, the weights stay finite',
  { timeout: 60000 },
  async () => {
    const { page, errors, close } = await open(
      '#mode=perceptron&gate=or&activation=linear&learningRate=10',
    );
    await page.click('#pc-play');
    await page.waitForFunction(
      () => document.getElementById('perceptron').dataset.playing === 'false',
      null,
      { timeout: 30000 },
    );
    assert.match(await page.textContent('#pc-status'), /ran off to infinity/);
    assert.equal(await page.getAttribute('#pc-status', 'data-kind'), 'warn');
    const s = await lab(page);
    assert.ok([s.w0, s.w1, s.w2].every(Number.isFinite), JSON.stringify(s));
    assert.deepEqual(errors, []);
    await close();
  },
);

test('every lab control has a name; screenshots at 375 x 667', async () => {
  const { page, errors, close } = await open(TALK, { viewport: { width: 375, height: 667 } });
  const unnamed = await page.evaluate(() =>
    [
      ...document.querySelectorAll(
        '#perceptron button, #perceptron input, #perceptron select, .mode-tabs a',
      ),
    ]
      .filter(
        (el) =>
          !el.getAttribute('aria-label') &&
          !el.closest('label') &&
          !(el.id && document.querySelector(`label[for="${el.id}"]`)) &&
          !el.textContent.trim(),
      )
      .map((el) => el.outerHTML.slice(0, 80)),
  );
  assert.deepEqual(unnamed, []);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  assert.ok(overflow <= 0, `horizontal overflow ${overflow}px`);
  await page.click('#pc-step-epoch');
  await page.screenshot({ path: artifactPath('perceptron-mobile.png') });
  await page.screenshot({ path: artifactPath('perceptron-mobile-full.png'), fullPage: true });
  assert.ok(fs.statSync(artifactPath('perceptron-mobile.png')).size > 10000);
  assert.deepEqual(errors, []);
  await close();
});

// The speed control: examples per frame while running, in the link when not the default.
test('the speed control trains up to 1000 examples a frame and goes in the link', async () => {
  const { page, errors, close } = await open(
    '#mode=perceptron&gate=xor&w0=3&w1=-4&w2=2&activation=sigmoid&learningRate=1',
  );
  assert.equal(await page.inputValue('#pc-speed'), '4', 'one epoch a frame by default');
  assert.deepEqual(await page.$$eval('#pc-speed option', (os) => os.map((o) => o.value)), [
    '1',
    '4',
    '10',
    '100',
    '1000',
  ]);
  await page.selectOption('#pc-speed', '1000');
  await page.waitForFunction(() => window.location.hash.endsWith('&speed=1000'));
  await page.click('#pc-play');
  // two frames at 1000 examples a frame: past 2000 iterations within a few frames
  await page.waitForFunction(
    () => Number(document.getElementById('perceptron').dataset.iterations) >= 20000,
    null,
    { timeout: 60000 },
  );
  await page.click('#pc-play');
  const reopened = await open(
    '#mode=perceptron&gate=xor&w0=3&w1=-4&w2=2&activation=sigmoid&learningRate=1&speed=1000',
  );
  assert.equal(await reopened.page.inputValue('#pc-speed'), '1000', 'the link gives the speed');
  await reopened.close();
  assert.deepEqual(errors, []);
  await close();
});

// A neuron whose bias is far too negative: every output is sigmoid(-58) or below, so the wrong
// rows' gradient is ~1e-25 and training makes no progress; the hint says so, and its button
// resets the weights, after which OR is learned.
test(
  'a stalled neuron gets a hint with "reset the weights", which fixes it',
  { timeout: 90000 },
  async () => {
    const { page, errors, close } = await open(
      '#mode=perceptron&gate=or&w0=-60&w1=1&w2=1&activation=sigmoid&learningRate=1',
    );
    assert.equal(await page.locator('#pc-stall').isVisible(), false);
    await page.click('#pc-play');
    await page.locator('#pc-stall').waitFor({ state: 'visible', timeout: 60000 });
    assert.match(await page.textContent('#pc-stall'), /Training has stalled: .*saturated/);
    assert.match(await page.textContent('#pc-stall'), /too large for this learning rate/);
    const stuck = await lab(page);
    assert.equal(stuck.right, 1, 'only (0, 0) right');
    await page.click('#pc-stall-reset');
    const s = await lab(page);
    assert.deepEqual([s.w0, s.w1, s.w2, s.playing], [3, -4, 2, false]);
    assert.equal(await page.locator('#pc-stall').isVisible(), false);
    await page.click('#pc-play');
    await page.waitForFunction(
      () => document.getElementById('pc-accuracy').dataset.right === '4',
      null,
      { timeout: 60000 },
    );
    assert.equal(await page.locator('#pc-stall').isVisible(), false);
    assert.deepEqual(errors, []);
    await close();
  },
);

// Each row's error over time: a sparkline per row with its trend in words, so that a learner
// sees XOR's rows keep moving without all getting right (impossible) and AND's fall (slow).
test('each row shows its error over time and its trend', { timeout: 60000 }, async () => {
  const { page, errors, close } = await open();
  assert.equal(await page.locator('#pc-rows canvas.pc-spark').count(), 4);
  assert.match(
    await page.getAttribute('#pc-rows tr:nth-child(1) canvas.pc-spark', 'aria-label'),
    /no training yet/,
  );
  await page.click('#pc-play');
  await page.waitForFunction(
    () => document.getElementById('pc-accuracy').dataset.right === '4',
    null,
    {
      timeout: 45000,
    },
  );
  const labels = await page.$$eval('#pc-rows canvas.pc-spark', (cs) =>
    cs.map((c) => c.getAttribute('aria-label')),
  );
  for (const l of labels)
    assert.match(l, /^error over the last \d+ training frames: (falling|rising|not changing)$/);
  assert.ok(
    labels.some((l) => l.endsWith('falling')),
    `a row's error fell on the way to 4 of 4: ${labels}`,
  );
  const inked = await page.$$eval('#pc-rows canvas.pc-spark', (cs) =>
    cs.map((c) => {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) return true;
      return false;
    }),
  );
  assert.deepEqual(inked, [true, true, true, true], 'every sparkline drawn');
  assert.equal(await page.locator('th.pc-spark-head').textContent(), 'error over time');
  assert.deepEqual(errors, []);
  await close();
});
