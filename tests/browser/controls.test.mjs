// Browser tests of every control of the playground: each one changes
// what the page shows: menus, sliders, regenerate, features, layers and neurons, discretize,
// show test data, dataset thumbnails, accuracy, the `_hide` keys and hideText.
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
  countColours,
  canvasData,
  GOLDEN,
} from './page-helpers.mjs';

const env = useBrowser();
const open = (h = `#seed=${GOLDEN.seed}`, o) => openPage(env, h, o);
const hiddenNeurons = (page, layer) =>
  page.locator(`.node[data-layer="${layer}"]:not(.output-node)`).count();
/** Waits until hidden layer `layer` shows n neurons. */
const neuronsShown = (page, layer, n) =>
  changed(
    page,
    (l) => document.querySelectorAll(`.node[data-layer="${l}"]:not(.output-node)`).length,
    n,
    { arg: layer, what: `the neurons of hidden layer ${layer + 1}` },
  );
const linksShown = (page, n) =>
  changed(page, () => document.querySelector('canvas.link-canvas').links.count, n, {
    what: 'the links',
  });

test('learning rate: 11 values; a change keeps the epoch and the weights, and is in the hash', async () => {
  const { page, errors, close } = await open();
  const values = await page.$$eval('#control-learningRate option', (o) =>
    o.map((x) => Number(x.value)),
  );
  assert.deepEqual(values, [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10]);
  assert.equal(await page.inputValue('#control-learningRate'), '0.03');
  const s5 = await page.evaluate(() => window.nnplay.step(5));
  await page.selectOption('#control-learningRate', '0.3');
  const s = await state(page);
  assert.equal(s.epoch, 5, 'no reset');
  assert.equal(s.trainLoss, s5.trainLoss, 'same weights');
  assert.equal(s.config.learningRate, 0.3);
  assert.equal(s.config.seed, GOLDEN.seed);
  assert.match(await hash(page), /learningRate=0\.3&/);
  const s6 = await page.evaluate(() => window.nnplay.step(1));
  assert.equal(s6.epoch, 6);
  assert.deepEqual(errors, []);
  await close();
});

test('activation rebuilds the network (epoch 0), same seed; regularization and its rate train on', async () => {
  const { page, close } = await open();
  await page.evaluate(() => window.nnplay.step(10));
  assert.deepEqual(await page.$$eval('#control-activation option', (o) => o.map((x) => x.value)), [
    'relu',
    'tanh',
    'sigmoid',
    'linear',
    'leakyRelu',
    'elu',
    'gelu',
    'swish',
    'softplus',
    'sine',
  ]);
  await page.selectOption('#control-activation', 'relu');
  let s = await state(page);
  assert.equal(s.config.activation, 'relu');
  assert.equal(s.epoch, 0);
  assert.equal(s.config.seed, GOLDEN.seed);
  await page.evaluate(() => window.nnplay.step(10));
  await page.selectOption('#control-regularization', 'L1');
  await page.selectOption('#control-regularizationRate', '0.01');
  s = await state(page);
  assert.equal(s.epoch, 10, 'a live change: the network trains on');
  assert.equal(s.config.regularization, 'L1');
  assert.equal(s.config.regularizationRate, 0.01);
  assert.deepEqual(
    await page.$$eval('#control-regularizationRate option', (o) => o.map((x) => Number(x.value))),
    [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10],
  );
  assert.match(await hash(page), /^#activation=relu&regularization=L1&.*regularizationRate=0\.01&/);
  await close();
});

test('problem type: regression draws new data (a new seed), and the accuracy goes away', async () => {
  const { page, close } = await open();
  assert.match(await page.textContent('#train-accuracy'), /^\d+\.\d% right$/);
  await page.selectOption('#control-problem', 'regression');
  const s = await state(page);
  assert.equal(s.config.problem, 'regression');
  assert.notEqual(s.config.seed, GOLDEN.seed);
  assert.ok(Number.isNaN(s.trainAccuracy) || s.trainAccuracy === null);
  await textShown(page, '#train-accuracy', '');
  assert.ok(await page.getByRole('radio', { name: 'Plane (regression)' }).isChecked());
  await close();
});

test('sliders: ratio and noise draw new data, batch size rebuilds; labels show the values', async () => {
  const { page, close } = await open();
  const setRange = (id, v) =>
    page.$eval(
      id,
      (el, val) => {
        el.value = String(val);
        el.dispatchEvent(new Event('input', { bubbles: true }));
      },
      v,
    );
  const points = await canvasData(page, '#points');
  await setRange('#control-percTrainData', 70);
  let s = await state(page);
  assert.equal(s.config.percTrainData, 70);
  assert.notEqual(s.config.seed, GOLDEN.seed);
  await redrawn(page, '#points', points);
  await textShown(
    page,
    'label[for="control-percTrainData"]',
    'Ratio of training to test data: 70%',
  );
  const seed = s.config.seed;
  await setRange('#control-noise', 25);
  s = await state(page);
  assert.equal(s.config.noise, 25);
  assert.notEqual(s.config.seed, seed);
  await textShown(page, 'label[for="control-noise"]', 'Noise: 25');
  await page.evaluate(() => window.nnplay.step(3));
  await setRange('#control-batchSize', 20);
  s = await state(page);
  assert.equal(s.config.batchSize, 20);
  assert.equal(s.epoch, 0);
  await textShown(page, 'label[for="control-batchSize"]', 'Batch size: 20');
  assert.match(await hash(page), /batchSize=20&.*noise=25&.*percTrainData=70&/);
  // Keyboard: a focused slider moves with the arrow keys.
  await page.focus('#control-batchSize');
  await page.keyboard.press('ArrowRight');
  assert.equal((await state(page)).config.batchSize, 21);
  await textShown(page, 'label[for="control-batchSize"]', 'Batch size: 21');
  await close();
});

test('regenerate: new points and a new seed in the hash; the network and epoch are kept', async () => {
  const { page, close } = await open();
  const s0 = await page.evaluate(() => window.nnplay.step(7));
  const points = await canvasData(page, '#points');
  await page.click('#regenerate-button');
  const s = await state(page);
  assert.notEqual(s.config.seed, GOLDEN.seed);
  assert.equal(s.epoch, 7);
  assert.notEqual(s.trainLoss, s0.trainLoss, 'new data, new loss');
  assert.ok((await hash(page)).includes(`seed=${s.config.seed}&`));
  await redrawn(page, '#points', points);
  await close();
});

test('dataset thumbnails: six, each drawn with both colours', async () => {
  const { page, close } = await open();
  const n = await page.locator('.dataset-thumbnail').count();
  assert.equal(n, 6);
  for (let i = 1; i <= 6; i++) {
    const colours = await canvasColours(page, `.dataset:nth-child(${i}) .dataset-thumbnail`);
    assert.ok(colours.length > 2, `thumbnail ${i}: ${colours.length} colours`);
  }
  await close();
});

test('features: seven toggles with thumbnails; a click switches one on and rebuilds', async () => {
  const { page, close } = await open();
  const inputs = page.locator('.input-node');
  assert.equal(await inputs.count(), 7);
  assert.equal(await page.getAttribute('[data-feature="xSquared"]', 'aria-pressed'), 'false');
  for (const f of ['x', 'xSquared', 'sinY']) {
    assert.ok((await canvasColours(page, `[data-feature="${f}"] canvas`)).length > 1, f);
  }
  const links = await page.$eval('canvas.link-canvas', (c) => c.links.count);
  await page.click('[data-feature="xSquared"]');
  const s = await state(page);
  assert.equal(s.config.xSquared, true);
  assert.equal(s.epoch, 0);
  await changed(
    page,
    () => document.querySelector('[data-feature="xSquared"]').getAttribute('aria-pressed'),
    'true',
    { what: 'the xSquared toggle pressed' },
  );
  await linksShown(page, links + 4); // one more input: four more links
  assert.match(await hash(page), /xSquared=true/);
  // keyboard: Enter on a focused toggle
  await page.focus('[data-feature="x"]');
  await page.keyboard.press('Enter');
  assert.equal((await state(page)).config.x, false);
  await close();
});

test('hidden layers and neurons: + adds a column of 2, - removes; limits 6 layers and 8 neurons', async () => {
  const { page, errors, close } = await open();
  assert.equal(await hiddenNeurons(page, 0), 4);
  assert.equal(await hiddenNeurons(page, 1), 2);
  await page.getByRole('button', { name: 'Add a hidden layer' }).click();
  assert.deepEqual((await state(page)).config.networkShape, [4, 2, 2]);
  await neuronsShown(page, 2, 2); // a new column of two neurons
  await textShown(page, '.layers-label', '3 hidden layers');
  await page.getByRole('button', { name: 'Add a neuron to hidden layer 1' }).click();
  await neuronsShown(page, 0, 5);
  await page.getByRole('button', { name: 'Remove a neuron from hidden layer 2' }).click();
  assert.deepEqual((await state(page)).config.networkShape, [5, 1, 2]);
  await neuronsShown(page, 1, 1);
  assert.ok(
    await page.getByRole('button', { name: 'Remove a neuron from hidden layer 2' }).isDisabled(),
  );
  await page.getByRole('button', { name: 'Remove the last hidden layer' }).click();
  assert.deepEqual((await state(page)).config.networkShape, [5, 1]);
  await textShown(page, '.layers-label', '2 hidden layers');
  assert.match(await hash(page), /networkShape=5,1&/);
  await page.evaluate(() =>
    window.nnplay.configure({ seed: 'a', networkShape: [8, 8, 8, 8, 8, 8] }),
  );
  await textShown(page, '.layers-label', '6 hidden layers');
  assert.ok(await page.getByRole('button', { name: 'Add a hidden layer' }).isDisabled());
  assert.ok(
    await page.getByRole('button', { name: 'Add a neuron to hidden layer 1' }).isDisabled(),
  );
  for (let i = 0; i < 6; i++)
    await page.getByRole('button', { name: 'Remove the last hidden layer' }).click();
  assert.deepEqual((await state(page)).config.networkShape, []);
  assert.ok(await page.getByRole('button', { name: 'Remove the last hidden layer' }).isDisabled());
  await linksShown(page, 2); // inputs straight to the output
  assert.deepEqual(errors, []);
  await close();
});

test('a hash may ask for more than the buttons offer: 10 layers of 12 are shown', async () => {
  const shape = Array(10).fill(12).join(',');
  const { page, close } = await open(`#seed=a&networkShape=${shape}`);
  assert.equal((await state(page)).config.networkShape.length, 10);
  for (let l = 0; l < 10; l++) assert.equal(await hiddenNeurons(page, l), 12);
  assert.ok(await page.getByRole('button', { name: 'Add a hidden layer' }).isDisabled());
  assert.ok(
    !(await page.getByRole('button', { name: 'Remove the last hidden layer' }).isDisabled()),
  );
  await close();
});

test('discretize leaves two colours; show test data adds the test points', async () => {
  const { page, close } = await open();
  const trained = await canvasData(page, '#heatmap');
  await page.evaluate(() => window.nnplay.step(30));
  await redrawn(page, '#heatmap', trained);
  assert.ok((await canvasColours(page, '#heatmap')).length > 2);
  const points = await canvasData(page, '#points');
  await page.getByLabel('Show test data').check();
  await redrawn(page, '#points', points);
  await page.getByLabel('Discretize output').check();
  await changed(page, countColours, (c) => c.length === 2, {
    arg: '#heatmap',
    what: 'two colours on the heatmap',
  });
  assert.match(await hash(page), /showTestData=true&discretize=true/);
  await close();
});

test('epoch counter, losses and accuracy are shown as the state says', async () => {
  const { page, close } = await open();
  const s = await page.evaluate(() => window.nnplay.step(100));
  await textShown(page, '#epoch-number', '000,100');
  await textShown(page, '#train-loss', s.trainLoss.toFixed(3));
  await textShown(page, '#test-loss', s.testLoss.toFixed(3));
  await textShown(page, '#train-accuracy', `${(s.trainAccuracy * 100).toFixed(1)}% right`);
  await changed(page, countColours, (c) => c.length > 1, {
    arg: '#loss-chart',
    what: 'the loss chart drawn',
  });
  await close();
});

const HIDE = {
  learningRate: '#control-learningRate',
  activation: '#control-activation',
  regularization: '#control-regularization',
  regularizationRate: '#control-regularizationRate',
  problem: '#control-problem',
  dataset: '#dataset-picker',
  percTrainData: '#control-percTrainData',
  noise: '#control-noise',
  batchSize: '#control-batchSize',
  numHiddenLayers: '.layers-control',
  showTestData: '#show-test-data',
  discretize: '#discretize',
  playButton: '#play-pause-button',
  stepButton: '#step-button',
  resetButton: '#reset-button',
};

test('each <control>_hide=true hides its control; the others stay', async () => {
  for (const [name, selector] of Object.entries(HIDE)) {
    const { page, close } = await open(`#seed=a&${name}_hide=true`);
    assert.equal(await page.locator(selector).first().isVisible(), false, `${name} hidden`);
    const other = name === 'activation' ? '#control-learningRate' : '#control-activation';
    assert.equal(await page.locator(other).isVisible(), true, `${name}: others shown`);
    assert.ok((await hash(page)).endsWith(`${name}_hide=true`));
    await close();
  }
});

test('numHiddenLayers_hide hides every +/- of the network; <feature>_hide removes that input', async () => {
  const { page, close } = await open(
    '#seed=a&numHiddenLayers_hide=true&xSquared_hide=true&sinY_hide=true',
  );
  assert.equal(await page.locator('.neuron-controls:visible').count(), 0);
  assert.equal(await page.locator('.input-node').count(), 5);
  assert.equal(await page.locator('[data-feature="xSquared"]').count(), 0);
  await close();
});

test('hideText=true hides the text and the banner', async () => {
  const shown = await open('#seed=a');
  assert.ok(await shown.page.locator('#article-text').isVisible());
  await shown.close();
  const { page, close } = await open('#seed=a&hideText=true');
  assert.equal(await page.locator('#article-text').isVisible(), false);
  assert.equal(await page.locator('.banner').isVisible(), false);
  await close();
});
