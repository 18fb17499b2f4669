// Browser tests of the model file in the page (docs/MODELS.md, "In the page"): the summary
// line, "Download model" (the file parses and says what is on screen), "Load model" by the file
// picker and by a dropped file (the page then shows the file's config, layers and epoch, and
// training on gives the numbers of training straight through), and each bad file refused with
// its message while the page keeps what it showed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { useBrowser, REPO_ROOT } from './harness.mjs';
import { openPage, changed, textShown, state, hash, GOLDEN } from './page-helpers.mjs';

const env = useBrowser();
const open = (h = `#seed=${GOLDEN.seed}`, o) => openPage(env, h, o);

async function download(page) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#download-model')]);
  const file = await dl.path();
  return { name: dl.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}

const file = (name, text) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

/** Drops a file with `text` on the page body through a synthetic drop event. */
function drop(page, name, text) {
  return page.evaluate(
    ([name, text]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'application/json' }));
      const target = document.body;
      target.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true }));
      const lit = target.classList.contains('drop-highlight');
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true }));
      return lit;
    },
    [name, text],
  );
}

test('the summary line, download, and load by the picker and by a drop', async () => {
  const { page, errors, close } = await open(
    `#seed=${GOLDEN.seed}&dataset=xor&networkShape=4,2&optimizer=adam&batchSize=7`,
  );
  await textShown(page, '#model-summary', '2 → 4 → 2 → 1, 25 parameters');
  await page.evaluate(() => window.nnplay.step(13));
  const trained = await state(page);
  const { name, text } = await download(page);
  assert.equal(name, 'nnplay-xor-epoch13.json');
  const model = JSON.parse(text);
  assert.equal(model.format, 'nnplay-model');
  assert.equal(model.kind, 'mlp');
  assert.equal(model.training.epoch, 13);
  // Straight through: 13 + 5 epochs.
  const straight = await page.evaluate(() => window.nnplay.step(5));

  // Another page, another network: the file picker loads the file's.
  const other = await open(`#seed=other&dataset=circle&networkShape=3`);
  await textShown(other.page, '#model-summary', '2 → 3 → 1, 13 parameters');
  await other.page.setInputFiles('#load-model-file', file(name, text));
  const loaded = await changed(
    other.page,
    () => window.nnplay.state(),
    (s) => s.epoch === 13,
    {
      what: 'the file loaded',
    },
  );
  assert.equal(loaded.config.dataset, 'xor');
  assert.deepEqual(loaded.config.networkShape, [4, 2]);
  assert.equal(loaded.config.optimizer, 'adam');
  assert.equal(loaded.trainLoss, trained.trainLoss);
  assert.equal(loaded.testLoss, trained.testLoss);
  await textShown(other.page, '#model-summary', '2 → 4 → 2 → 1, 25 parameters');
  await textShown(other.page, '#status', /Loaded "nnplay-xor-epoch13.json".*epoch 000,013/);
  const h = await hash(other.page);
  assert.match(h, /dataset=xor/);
  assert.match(h, /networkShape=4,2/);
  assert.doesNotMatch(h, /params=/, 'the live hash never carries weights');
  const on = await other.page.evaluate(() => window.nnplay.step(5));
  assert.equal(on.epoch, 18);
  assert.equal(on.trainLoss, straight.trainLoss, 'training on equals straight through');
  assert.equal(on.testLoss, straight.testLoss);

  // A third page: a dropped file.
  const third = await open(`#seed=third&networkShape=1`);
  assert.equal(await drop(third.page, name, text), true, 'the drop highlight while over');
  const dropped = await changed(
    third.page,
    () => window.nnplay.state(),
    (s) => s.epoch === 13,
    {
      what: 'the dropped file loaded',
    },
  );
  assert.equal(dropped.trainLoss, trained.trainLoss);
  assert.equal(
    await third.page.evaluate(() => document.body.classList.contains('drop-highlight')),
    false,
  );
  await textShown(third.page, '#model-summary', '2 → 4 → 2 → 1, 25 parameters');
  for (const p of [other, third]) {
    assert.deepEqual(p.errors, []);
    await p.close();
  }
  assert.deepEqual(errors, []);
  await close();
});

test('bad files are refused with their message, and the page keeps its state', async () => {
  const { page, errors, close } = await open(`#seed=${GOLDEN.seed}&networkShape=3`);
  await page.evaluate(() => window.nnplay.step(4));
  const { text } = await download(page);
  const model = JSON.parse(text);
  const before = await state(page);
  const wrongShape = structuredClone(model);
  wrongShape.weights[0][0].w.push(0.5);
  const cases = [
    ['not-json.json', 'this is not JSON', /not JSON/],
    ['other.json', JSON.stringify({ hello: 1 }), /not a model file.*nnplay-model/],
    ['newer.json', JSON.stringify({ ...model, version: 99 }), /version 99 is newer/],
    ['image.json', JSON.stringify({ ...model, kind: 'image-cnn' }), /"image-cnn" model/],
    ['shape.json', JSON.stringify(wrongShape), /weights\[0\]/],
  ];
  for (const [name, body, message] of cases) {
    await page.setInputFiles('#load-model-file', file(name, body));
    const shown = await textShown(page, '#notice', message);
    assert.match(shown, new RegExp(`"${name}" was not loaded`));
    const after = await state(page);
    assert.equal(after.epoch, before.epoch, `${name}: the epoch kept`);
    assert.deepEqual(after.config.networkShape, [3], `${name}: the layers kept`);
    assert.equal(after.trainLoss, before.trainLoss, `${name}: the weights kept`);
  }
  // Too large: refused by its size before it is read.
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(16 * 1024 * 1024 + 1)], 'big.json'));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true }));
  });
  await textShown(page, '#notice', /at most 16777216 bytes \(16 MiB\)/);
  assert.equal((await state(page)).epoch, before.epoch);
  assert.deepEqual(errors, []);
  await close();
});

/** "Copy link" with the trained network: the link shown in the field and the status. */
async function shareLink(page) {
  await page.check('#share-network');
  await page.click('#copy-link');
  await changed(
    page,
    () => document.querySelector('.share-status').textContent,
    /Link copied|Copy the link/,
  );
  return page.evaluate(() => ({
    url: document.querySelector('#share-url').value,
    status: document.querySelector('.share-status').textContent,
  }));
}

test('a link with params and opt trains on exactly as straight through; a bad opt is named', async () => {
  const { page, errors, close } = await open(
    `#seed=${GOLDEN.seed}&dataset=spiral&networkShape=4,3&optimizer=adam&batchSize=7&percTrainData=70`,
  );
  await page.evaluate(() => window.nnplay.step(9));
  const { url, status } = await shareLink(page);
  assert.match(url, /params=[^&]+&opt=/);
  assert.doesNotMatch(status, /will differ/);
  const straight = await page.evaluate(() => window.nnplay.step(6));

  const fresh = await openPage(env, url);
  assert.equal((await state(fresh.page)).epoch, 9);
  const on = await fresh.page.evaluate(() => window.nnplay.step(6));
  assert.equal(on.epoch, 15);
  assert.equal(on.trainLoss, straight.trainLoss, 'the training loss of N + M straight through');
  assert.equal(on.testLoss, straight.testLoss);
  assert.deepEqual(fresh.errors, []);
  await fresh.close();

  // A malformed opt: the notice names it, the rest of the link (the weights) applies.
  const bad = await openPage(env, url.replace(/opt=[^&]+/, 'opt=AgAAAAA'));
  await textShown(bad.page, '#notice', /opt=AgAAAAA.*version 2/);
  assert.equal((await state(bad.page)).epoch, 9, 'the carried network still loaded');
  await bad.close();
  assert.deepEqual(errors, []);
  await close();
});

test('past 8,000 characters the link carries the weights alone, then offers the model file', async () => {
  const { page, errors, close } = await open(
    `#seed=${GOLDEN.seed}&networkShape=8,8,8,8,8,8&optimizer=adam`,
  );
  await page.evaluate(() => window.nnplay.step(2));
  const mid = await shareLink(page);
  assert.ok(mid.url.length > 4000, `a long link (${mid.url.length})`);
  assert.match(mid.url, /params=/);
  assert.doesNotMatch(mid.url, /opt=/);
  assert.match(mid.status, /training on from it will differ/);
  await page.evaluate(() =>
    window.nnplay.configure({ ...window.nnplay.state().config, networkShape: [16, 16, 16, 16] }),
  );
  await page.evaluate(() => window.nnplay.step(1));
  const big = await shareLink(page);
  assert.doesNotMatch(big.url, /params=/);
  assert.match(big.status, /download the model file/);
  assert.equal(await page.isVisible('#share-model-file'), true);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#share-model-file')]);
  assert.match(dl.suggestedFilename(), /^nnplay-.*-epoch1\.json$/);
  assert.deepEqual(errors, []);
  await close();
});

test('what the CLI trains (nnplay train --model-out) opens in the page at its epoch and losses', async () => {
  const cli = `${REPO_ROOT}/build/native/nnplay`;
  // scripts/test builds the CLI first: without it this is a failure, not a skip
  assert.ok(fs.existsSync(cli), `${cli} missing: run scripts/build`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nnplay-model-'));
  const config = path.join(dir, 'config.json');
  const out = path.join(dir, 'model.json');
  fs.writeFileSync(
    config,
    JSON.stringify({
      seed: 'cli',
      dataset: 'xor',
      networkShape: [3],
      optimizer: 'momentum',
      batchSize: 5,
    }),
  );
  const lines = execFileSync(cli, ['train', config, '--epochs', '7', '--model-out', out], {
    encoding: 'utf8',
  })
    .trim()
    .split('\n');
  const last = JSON.parse(lines.at(-1));
  const { page, errors, close } = await open();
  await page.setInputFiles('#load-model-file', file('model.json', fs.readFileSync(out, 'utf8')));
  const s = await changed(
    page,
    () => window.nnplay.state(),
    (x) => x.epoch === 7,
    {
      what: 'the CLI model loaded',
    },
  );
  assert.equal(s.config.optimizer, 'momentum');
  assert.deepEqual(s.config.networkShape, [3]);
  assert.equal(s.trainLoss, last.trainLoss);
  assert.equal(s.testLoss, last.testLoss);
  await textShown(page, '#epoch-number', '000,007');
  fs.rmSync(dir, { recursive: true, force: true });
  assert.deepEqual(errors, []);
  await close();
});
