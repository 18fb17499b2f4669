// Browser tests of the router's history rule (docs/LINKS.md, "History"): Back and Forward across
// the modes (playground -> perceptron lab -> back -> forward), a new entry for each discrete
// change and none for sliders, rates, play, reset and training (counted with history.length),
// a fresh load written once, a given link left as it is, Back restoring an entry's config and
// its trained weights (the same losses), and a link over a limit clipped with a notice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './harness.mjs';
import { openPage, frames, state, hash, GOLDEN } from './page-helpers.mjs';

const env = useBrowser();
// The page's own history entries: history.length counts the tab's entries before the page too.
const before = new WeakMap();
async function open(h) {
  const opened = await openPage(env, h);
  before.set(opened.page, (await opened.page.evaluate(() => window.history.length)) - 1);
  return opened;
}
const entries = async (page) =>
  (await page.evaluate(() => window.history.length)) - before.get(page);
const mode = (page) => page.evaluate(() => document.body.dataset.mode);
const setRange = (page, id, v) =>
  page.$eval(
    id,
    (el, val) => {
      el.value = String(val);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    v,
  );
const lab = (page) => page.evaluate(() => ({ ...document.getElementById('perceptron').dataset }));

test('Back and Forward across the modes: each mode comes back as it was left', async () => {
  const { page, errors, close } = await open(`#seed=${GOLDEN.seed}`);
  await page.evaluate(() => window.nnplay.step(30));
  const trained = await state(page);
  await page.click('#mode-tab-perceptron');
  await page.waitForFunction(() => document.body.dataset.mode === 'perceptron');
  assert.equal(await entries(page), 2, 'a change of mode is a new entry');
  await setRange(page, '#pc-w0-range', 1.5);
  await page.waitForFunction(() => window.location.hash.includes('w0=1.5'));
  assert.equal(await entries(page), 2, 'a weight slider replaces the entry');

  await page.goBack();
  await page.waitForFunction(() => document.body.dataset.mode === 'playground');
  assert.equal(await hash(page), `#seed=${GOLDEN.seed}`, "the entry's link, as it was given");
  assert.deepEqual(await state(page), trained, 'the playground kept its training');
  assert.ok(await page.locator('.top-bar').isVisible());

  await page.goForward();
  await page.waitForFunction(() => document.body.dataset.mode === 'perceptron');
  assert.equal((await lab(page)).w0, '1.5');
  assert.match(await hash(page), /^#mode=perceptron&gate=and&w0=1\.5&/);
  const tab = await page.getAttribute('#mode-tab-playground', 'href');
  assert.equal(
    tab,
    `#${await page.evaluate(() => window.nnplay.link())}`,
    'the tab: the playground as it was left',
  );
  await page.click('#mode-tab-playground');
  await page.waitForFunction(() => document.body.dataset.mode === 'playground');
  assert.equal((await state(page)).epoch, 30, 'the tab comes back to the training too');
  assert.deepEqual(errors, []);
  await close();
});

test('push for a discrete change, replace for sliders, rates, play, reset and training', async () => {
  const { page, errors, close } = await open('');
  assert.equal(await entries(page), 1, 'a fresh load writes its hash once, replacing the entry');
  assert.match(await hash(page), /^#activation=tanh&.*seed=/);
  // Replace: sliders while they move, rates, play, training, reset, page toggles.
  await setRange(page, '#control-noise', 10);
  await setRange(page, '#control-noise', 20);
  await setRange(page, '#control-batchSize', 20);
  await page.selectOption('#control-learningRate', '0.1');
  await page.selectOption('#control-regularizationRate', '0.01');
  await page.click('#play-pause-button');
  await page.waitForFunction(() => window.nnplay.state().epoch > 5);
  await page.click('#play-pause-button');
  await page.click('#step-button');
  await page.click('#reset-button');
  await page.getByLabel('Show test data').check();
  await frames(page);
  assert.equal(await entries(page), 1, 'none of these made an entry');
  assert.match(await hash(page), /learningRate=0\.1&.*noise=20&.*&resets=1/);
  // Push: dataset, network shape, activation, features, problem, regularisation type.
  await page.selectOption('#control-activation', 'relu');
  assert.equal(await entries(page), 2);
  await page.getByRole('radio', { name: 'Spiral' }).check();
  assert.equal(await entries(page), 3);
  await page.getByRole('button', { name: 'Add a hidden layer' }).click();
  assert.equal(await entries(page), 4);
  await page.click('[data-feature="xSquared"]');
  assert.equal(await entries(page), 5);
  await page.selectOption('#control-regularization', 'L2');
  assert.equal(await entries(page), 6);
  await page.selectOption('#control-problem', 'regression');
  assert.equal(await entries(page), 7);
  // Back walks the discrete changes one by one.
  await page.goBack();
  await page.waitForFunction(() => window.nnplay.state().config.problem === 'classification');
  assert.equal((await state(page)).config.regularization, 'L2');
  await page.goBack();
  await page.waitForFunction(() => window.nnplay.state().config.regularization === 'none');
  assert.equal((await state(page)).config.xSquared, true);
  // The lab: a gate or an activation is a new entry, a weight or a step is not.
  await page.click('#mode-tab-perceptron');
  await page.waitForFunction(() => document.body.dataset.mode === 'perceptron');
  const n = await entries(page);
  await page.check('input[name="pc-gate"][value="or"]');
  assert.equal(await entries(page), n + 1);
  await page.selectOption('#pc-activation', 'tanh');
  assert.equal(await entries(page), n + 2);
  await setRange(page, '#pc-w1-range', 2);
  await page.click('#pc-step-example');
  await page.click('#pc-step-epoch');
  await page.selectOption('#pc-learning-rate', '0.3');
  await page.waitForFunction(() => window.location.hash.includes('learningRate=0.3'));
  assert.equal(await entries(page), n + 2);
  await page.goBack();
  await page.waitForFunction(
    () =>
      document.getElementById('perceptron').dataset.gate === 'or' &&
      document.getElementById('pc-activation').value === 'sigmoid',
  );
  assert.deepEqual(errors, []);
  await close();
});

test('a given link is left as it is on load, until the user changes something', async () => {
  const given = '#dataset=xor&seed=abc&networkShape=3';
  const { page, errors, close } = await open(given);
  assert.equal(await hash(page), given);
  assert.equal(await entries(page), 1);
  assert.equal((await state(page)).config.dataset, 'xor');
  await page.evaluate(() => window.nnplay.step(20));
  await page.click('#play-pause-button');
  await page.click('#play-pause-button');
  assert.equal(await hash(page), given, 'training and play leave it');
  await page.selectOption('#control-learningRate', '0.1');
  assert.match(
    await hash(page),
    /^#activation=tanh&batchSize=10&dataset=xor&.*learningRate=0\.1&.*networkShape=3&seed=abc&/,
  );
  assert.equal(await entries(page), 1);
  const lab = await open('#mode=perceptron&gate=or&w1=2');
  assert.equal(await hash(lab.page), '#mode=perceptron&gate=or&w1=2');
  assert.deepEqual(errors, []);
  await Promise.all([close(), lab.close()]);
});

test("Back restores an entry's config and its trained weights: the same losses", async () => {
  const { page, errors, close } = await open(`#seed=${GOLDEN.seed}`);
  const a = await page.evaluate(() => window.nnplay.step(50));
  await page.getByRole('radio', { name: 'Exclusive or' }).check();
  const b = await page.evaluate(() => window.nnplay.step(20));
  assert.equal(b.config.dataset, 'xor');
  assert.equal(await entries(page), 2);

  await page.goBack();
  await page.waitForFunction(() => window.nnplay.state().config.dataset === 'circle');
  const back = await state(page);
  assert.equal(back.epoch, 50);
  assert.equal(back.trainLoss, a.trainLoss, 'the trained weights came back');
  assert.equal(back.testLoss, a.testLoss);
  assert.deepEqual(back.config, a.config);
  assert.equal(await page.textContent('#epoch-number'), '000,050');
  // Training on from the restored weights gives the numbers of a page that never left them.
  const fresh = await open(`#seed=${GOLDEN.seed}`);
  await fresh.page.evaluate(() => window.nnplay.step(80));
  const on = await page.evaluate(() => window.nnplay.step(30));
  assert.equal(on.trainLoss, (await state(fresh.page)).trainLoss);

  await page.goForward();
  await page.waitForFunction(() => window.nnplay.state().config.dataset === 'xor');
  const forward = await state(page);
  assert.equal(forward.epoch, 20);
  assert.equal(forward.trainLoss, b.trainLoss);
  // A reset after a restore starts the count again: the link it writes gives those weights.
  await page.click('#reset-button');
  const link = await hash(page);
  assert.ok(!link.includes('resets='), link);
  const again = await open(link);
  assert.equal((await state(again.page)).trainLoss, (await state(page)).trainLoss);
  assert.deepEqual(errors, []);
  await Promise.all([close(), fresh.close(), again.close()]);
});

test('a link over a limit is clipped to it, and the notice says so', async () => {
  const { page, errors, close } = await open(
    `#seed=${GOLDEN.seed}&networkShape=4,99&noise=200&resets=x`,
  );
  const s = await state(page);
  assert.deepEqual(s.config.networkShape, [4, 64], "the engine's limit of neurons");
  assert.equal(s.config.noise, 80);
  const notice = await page.textContent('#notice');
  assert.match(notice, /networkShape=4,99.*clipped/s);
  assert.match(notice, /noise=200.*clipped to 80/s);
  assert.match(notice, /resets=x.*not a number/s);
  const longSeed = 'a'.repeat(5000);
  const seeded = await open(`#seed=${longSeed}`);
  assert.equal(
    (await state(seeded.page)).config.seed,
    'a'.repeat(4096),
    "the engine's 4,096, not 200",
  );
  assert.match(await seeded.page.textContent('#notice'), /seed=a+….*first 4096 kept/s);
  const weights = await open('#mode=perceptron&w0=5000&w2=-7');
  assert.equal((await lab(weights.page)).w0, '1000');
  assert.match(await weights.page.textContent('#pc-notice'), /w0=5000.*clipped to 1000/s);
  assert.deepEqual(errors, []);
  await Promise.all([close(), seeded.close(), weights.close()]);
});

test("embed=true is a flag every mode honours, kept in each mode's hash", async () => {
  const { page, errors, close } = await open('#mode=perceptron&embed=true');
  assert.equal(
    await hash(page),
    '#mode=perceptron&gate=and&w0=3&w1=-4&w2=2&activation=sigmoid&learningRate=1&embed=true',
  );
  assert.equal(
    await page.evaluate(() => document.documentElement.classList.contains('embed')),
    true,
  );
  assert.ok(await page.locator('#pc-play').isVisible(), 'the lab shows in the embed view');
  assert.equal(await page.locator('.banner').isVisible(), false);
  assert.equal(await page.locator('.pc-intro').isVisible(), false);
  await setRange(page, '#pc-w0-range', 2);
  await page.waitForFunction(() => window.location.hash.includes('w0=2&'));
  assert.match(await hash(page), /&embed=true$/);
  await page.check('input[name="pc-gate"][value="xor"]');
  await page.click('#pc-xor-link');
  await page.waitForFunction(() => document.body.dataset.mode === 'playground');
  assert.match(
    await hash(page),
    /^#activation=tanh&.*dataset=xor&.*&embed=true$/,
    'the flag carries across modes',
  );
  assert.equal(
    await page.evaluate(() => document.documentElement.classList.contains('embed')),
    true,
  );
  await page.goBack();
  await page.waitForFunction(() => document.body.dataset.mode === 'perceptron');
  assert.equal(
    await page.evaluate(() => document.documentElement.classList.contains('embed')),
    true,
  );
  assert.deepEqual(errors, []);
  await close();
});

// Undo for the playground (issue 10): each of the four discrete changes, one Back away, shows
// the state before it on the page itself (the controls and the diagram), inside the app.
test('Back undoes a change of dataset, network shape, activation or features', async () => {
  const { page, errors, close } = await open(`#seed=${GOLDEN.seed}`);
  await page.evaluate(() => window.nnplay.step(20));
  const trained = await state(page);
  const shown = () =>
    page.evaluate(() => ({
      dataset: document.querySelector('#dataset-picker input:checked')?.value,
      activation: document.getElementById('control-activation').value,
      layers: document.querySelector('.layers-label').textContent,
      neurons: document.querySelectorAll('.network-body .node').length,
      xSquared: document.querySelector('[data-feature="xSquared"]').getAttribute('aria-pressed'),
      path: window.location.pathname,
    }));
  const start = await shown();
  const startHash = await hash(page);
  const changes = [
    ['dataset', () => page.getByRole('radio', { name: 'Spiral' }).check()],
    ['network shape', () => page.getByRole('button', { name: 'Add a hidden layer' }).click()],
    ['activation', () => page.selectOption('#control-activation', 'relu')],
    ['features', () => page.click('[data-feature="xSquared"]')],
  ];
  for (const [what, change] of changes) {
    await change();
    await frames(page);
    assert.notEqual(await hash(page), startHash, `${what}: a new link`);
    assert.notDeepEqual(await shown(), start, `${what}: the page shows the change`);
    await page.goBack();
    await page.waitForFunction(
      (t) =>
        window.nnplay.state().epoch === t.epoch && window.nnplay.state().trainLoss === t.trainLoss,
      trained,
      { timeout: 20000 },
    );
    await frames(page);
    assert.deepEqual(await shown(), start, `${what}: Back shows the state before it`);
    assert.equal(await hash(page), startHash, `${what}: Back is the entry before it`);
    assert.equal((await state(page)).trainLoss, trained.trainLoss, `${what}: the trained weights`);
  }
  assert.deepEqual(errors, []);
  await close();
});
