// Browser tests of the first playground: the heatmap draws, playing
// trains, the dataset picker changes the points, a bad hash is listed and the page still
// trains, window.nnplay gives the golden losses, controls have names and work from the
// keyboard. Saves build/test-artifacts/playground.png (1280 x 800).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useBrowser, artifactPath, REPO_ROOT } from './harness.mjs';
import {
  openPage,
  changed,
  textShown,
  redrawn,
  canvasColours,
  countColours,
  GOLDEN,
} from './page-helpers.mjs';

const env = useBrowser();
const open = (h = '', o) => openPage(env, h, o);

test('loads paused at epoch 0 with the heatmap drawn in more than one colour', async () => {
  const { page, errors, close } = await open(`#seed=${GOLDEN.seed}`);
  const state = await page.evaluate(() => window.nnplay.state());
  assert.equal(state.epoch, 0);
  assert.equal(await page.textContent('#epoch-number'), '000,000');
  assert.equal(await page.getAttribute('#play-pause-button', 'aria-label'), 'Play');
  const colours = await canvasColours(page, '#heatmap');
  assert.ok(colours.length > 1, `heatmap colours: ${colours.length}`);
  for (const c of colours) assert.equal(c & 0xff, 160, 'heatmap alpha is 160');
  assert.ok((await canvasColours(page, '#points')).length > 2, 'points are drawn');
  assert.deepEqual(errors, []);
  await close();
});

test('the seed is in the hash from the first moment, the keys in the reference order', async () => {
  const { page, close } = await open();
  const hash = await page.evaluate(() => window.location.hash);
  const seed = (await page.evaluate(() => window.nnplay.state())).config.seed;
  assert.match(seed, /^0\.\d+$/);
  assert.ok(hash.includes(`seed=${seed}`), hash);
  assert.match(
    hash,
    /^#activation=tanh&batchSize=10&dataset=circle&regDataset=reg-plane&learningRate=0\.03&regularizationRate=0&noise=0&networkShape=4,2&seed=/,
  );
  await close();
});

test(
  'play raises the epoch; on circle the training loss falls below 0.05 within 300 epochs',
  { timeout: 60000 },
  async () => {
    const { page, errors, close } = await open(`#seed=${GOLDEN.seed}`);
    await page.click('#play-pause-button');
    // The views update in the next animation frame: wait for it rather than race it.
    await page.waitForFunction(
      () => document.querySelector('#play-pause-button').getAttribute('aria-label') === 'Pause',
    );
    const reached = await page.waitForFunction(
      () => {
        const s = window.nnplay.state();
        return (s.trainLoss < 0.05 || s.epoch > 300) && s;
      },
      null,
      { polling: 'raf', timeout: 45000 },
    );
    const s = await reached.jsonValue();
    assert.ok(s.epoch > 0 && s.epoch <= 300, `epoch ${s.epoch}, loss ${s.trainLoss}`);
    assert.ok(s.trainLoss < 0.05);
    await page.click('#play-pause-button');
    const paused = await page.evaluate(() => window.nnplay.state().epoch);
    await page.waitForTimeout(200);
    assert.equal(
      await page.evaluate(() => window.nnplay.state().epoch),
      paused,
      'pause stops training',
    );
    await textShown(page, '#epoch-number', (t) => Number(t.replace(/,/g, '')) === paused);
    await textShown(
      page,
      '#train-loss',
      (await page.evaluate(() => window.nnplay.state().trainLoss)).toFixed(3),
    );
    assert.deepEqual(errors, []);
    await close();
  },
);

test('choosing xor in the picker changes the points, draws a new seed and updates the hash', async () => {
  const { page, close } = await open(`#seed=${GOLDEN.seed}`);
  const before = await page.evaluate(() => document.querySelector('#points').toDataURL());
  await page.getByRole('radio', { name: 'Exclusive or' }).check();
  const s = await page.evaluate(() => window.nnplay.state());
  assert.equal(s.config.dataset, 'xor');
  assert.notEqual(s.config.seed, GOLDEN.seed);
  assert.equal(s.epoch, 0);
  await redrawn(page, '#points', before);
  const hash = await page.evaluate(() => window.location.hash);
  assert.ok(hash.includes('dataset=xor') && hash.includes(`seed=${s.config.seed}`), hash);
  // A regression dataset switches the problem.
  await page.getByRole('radio', { name: 'Plane (regression)' }).check();
  const r = await page.evaluate(() => window.nnplay.state().config);
  assert.equal(r.problem, 'regression');
  assert.equal(r.regDataset, 'reg-plane');
  await close();
});

test('a bad hash shows a notice naming the bad keys, inserts nothing as HTML, and the page still trains', async () => {
  const evil = encodeURIComponent('<img src=x onerror="window.__pwned=1">');
  const { page, errors, close } = await open(
    `#activation=banana&noise=NaN&networkShape=4,999&batchSize=1e999&dataset=xor&seed=${GOLDEN.seed}&foo=${evil}`,
  );
  const notice = page.locator('#notice');
  assert.ok(await notice.isVisible());
  const text = await notice.textContent();
  for (const key of ['activation', 'noise', 'networkShape', 'batchSize', 'foo'])
    assert.ok(text.includes(key), `${key} in: ${text}`);
  assert.ok(text.includes('<img'), 'the value is shown as text');
  assert.equal(await page.locator('#notice img').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  const s = await page.evaluate(() => window.nnplay.state());
  assert.equal(s.config.dataset, 'xor', 'the valid rest is kept');
  assert.equal(s.config.activation, 'tanh');
  assert.deepEqual(
    s.config.networkShape,
    [4, 64],
    "a layer beyond the engine's limit is clipped to it",
  );
  assert.match(text, /networkShape=4,999.*clipped/s);
  const after = await page.evaluate(() => window.nnplay.step(20));
  assert.equal(after.epoch, 20);
  assert.ok(Number.isFinite(after.trainLoss) && after.trainLoss < s.trainLoss);
  await page.selectOption('#control-learningRate', '0.1'); // the first change writes the link
  const hash = await page.evaluate(() => window.location.hash);
  assert.ok(
    !hash.includes('banana') && !hash.includes('foo') && hash.includes('networkShape=4,64&'),
    hash,
  );
  assert.deepEqual(errors, []);
  await close();
});

test('a huge hash is listed briefly and ignored', async () => {
  const { page, close } = await open(`#seed=${'9'.repeat(5000)}&dataset=${'x'.repeat(200000)}`);
  const text = await page.locator('#notice').textContent();
  assert.ok(text.includes('seed') && text.includes('dataset'));
  assert.ok(text.length < 1000, `notice length ${text.length}`);
  assert.equal((await page.evaluate(() => window.nnplay.step(1))).epoch, 1);
  await close();
});

test('window.nnplay: the golden losses at epochs 0, 100 and 200', async () => {
  const { page, errors, close } = await open(`#seed=${GOLDEN.seed}`);
  const s0 = await page.evaluate(() => window.nnplay.state());
  assert.ok(Math.abs(s0.trainLoss - GOLDEN.epoch0) < 1e-9, `epoch 0: ${s0.trainLoss}`);
  assert.equal(s0.config.seed, GOLDEN.seed);
  assert.deepEqual(s0.config.networkShape, [4, 2]);
  const s100 = await page.evaluate(() => window.nnplay.step(100));
  assert.equal(s100.epoch, 100);
  assert.ok(Math.abs(s100.trainLoss - GOLDEN.epoch100) < 1e-9, `epoch 100: ${s100.trainLoss}`);
  await textShown(page, '#epoch-number', '000,100');
  const s200 = await page.evaluate(() => window.nnplay.step(100));
  assert.ok(Math.abs(s200.trainLoss - GOLDEN.epoch200) < 1e-9, `epoch 200: ${s200.trainLoss}`);
  // reset: epoch 0, new weights (a different loss), paused.
  const r = await page.evaluate(() => window.nnplay.reset());
  assert.equal(r.epoch, 0);
  assert.notEqual(r.trainLoss, s0.trainLoss);
  assert.deepEqual(errors, []);
  await close();
});

test('window.nnplay.configure replaces the config, updates the hash, and rejects a bad one whole', async () => {
  const { page, close } = await open(`#seed=${GOLDEN.seed}`);
  const ok = await page.evaluate(() =>
    window.nnplay.configure({
      dataset: 'spiral',
      seed: 'abc',
      networkShape: [8, 8],
      showTestData: true,
    }),
  );
  assert.equal(ok.ok, true, JSON.stringify(ok));
  const s = await page.evaluate(() => window.nnplay.state());
  assert.equal(s.config.dataset, 'spiral');
  assert.deepEqual(s.config.networkShape, [8, 8]);
  const hash = await page.evaluate(() => window.location.hash);
  assert.ok(
    hash.includes('dataset=spiral') &&
      hash.includes('networkShape=8,8') &&
      hash.includes('seed=abc') &&
      hash.includes('showTestData=true'),
    hash,
  );
  assert.equal(await page.isChecked('#show-test-data'), true);
  const bad = await page.evaluate(() => window.nnplay.configure({ dataset: 'banana', noise: 5 }));
  assert.equal(bad.ok, false);
  assert.ok(
    bad.errors.some((e) => e.field === 'dataset'),
    JSON.stringify(bad.errors),
  );
  assert.deepEqual(await page.evaluate(() => window.nnplay.state()), s, 'nothing changed');
  assert.ok((await page.locator('#notice').textContent()).includes('dataset'));
  await close();
});

test('editing the hash by hand applies it (a hashchange), key by key', async () => {
  const { page, close } = await open(`#seed=${GOLDEN.seed}`);
  const entries = await page.evaluate(() => window.history.length);
  await page.evaluate(() => {
    window.location.hash = '#dataset=gauss&seed=hand&noise=10&activation=nope';
  });
  await page.waitForFunction(() => window.nnplay.state().config.dataset === 'gauss');
  const s = await page.evaluate(() => window.nnplay.state());
  assert.equal(s.config.seed, 'hand');
  assert.equal(s.config.noise, 10);
  assert.match(await page.locator('#notice').textContent(), /activation=nope/);
  const hash = await page.evaluate(() => window.location.hash);
  assert.equal(
    hash,
    '#dataset=gauss&seed=hand&noise=10&activation=nope',
    'left as it is until the user changes something',
  );
  assert.equal(
    await page.evaluate(() => window.history.length),
    entries + 1,
    'a link opened over the page is a new entry',
  );
  await close();
});

test('every control has an accessible name and works from the keyboard', async () => {
  const { page, close } = await open(`#seed=${GOLDEN.seed}`);
  const unnamed = await page.evaluate(() =>
    [...document.querySelectorAll('button, input, select')]
      .filter(
        (el) =>
          !el.getAttribute('aria-label') &&
          !el.closest('label') &&
          !(el.id && document.querySelector(`label[for="${el.id}"]`)),
      )
      .map((el) => el.outerHTML.slice(0, 80)),
  );
  assert.deepEqual(unnamed, []);
  await page.focus('#step-button');
  await page.keyboard.press('Enter');
  assert.equal((await page.evaluate(() => window.nnplay.state())).epoch, 1);
  await page.focus('#play-pause-button');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => window.nnplay.state().epoch > 3);
  await page.keyboard.press('Space');
  await page.getByRole('radio', { name: 'Exclusive or' }).focus();
  await page.keyboard.press('ArrowRight');
  assert.equal((await page.evaluate(() => window.nnplay.state())).config.dataset, 'gauss');
  await close();
});

test('show test data and discretize change what is drawn', async () => {
  const { page, close } = await open(`#seed=${GOLDEN.seed}`);
  await page.evaluate(() => window.nnplay.step(50));
  const points = await page.evaluate(() => document.querySelector('#points').toDataURL());
  await page.getByLabel('Show test data').check();
  await redrawn(page, '#points', points);
  await page.getByLabel('Discretize output').check();
  await page.waitForFunction(() => window.location.hash.includes('discretize=true'));
  await changed(page, countColours, (c) => c.length === 2, {
    arg: '#heatmap',
    what: 'two colours on the heatmap',
  });
  await close();
});

test('screenshot of the playground at 1280 x 800', async () => {
  const { page, close } = await open(`#seed=${GOLDEN.seed}&showTestData=false`);
  await page.evaluate(() => window.nnplay.step(200));
  await textShown(page, '#epoch-number', '000,200'); // drawn before the screenshot
  const file = artifactPath('playground.png');
  await page.screenshot({ path: file });
  assert.ok(fs.statSync(file).size > 10000);
  assert.ok(fs.existsSync(path.join(REPO_ROOT, 'build', 'test-artifacts')));
  await close();
});
