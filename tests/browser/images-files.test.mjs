// Browser tests of the images mode's model files: "Download network" saves a kind-cnn model
// file whose metrics are the test set's; loading it back (the file picker) gives the same
// network, its card naming the file; a clothing network's file switches the data set; and bad
// files (not JSON, a playground model, a newer version, classes that do not match) are refused with a message
// naming what is wrong while the network in the page keeps working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useBrowser, REPO_ROOT } from './harness.mjs';
import { openPage, changed } from './page-helpers.mjs';

const env = useBrowser();

const state = () => {
  const d = document.getElementById('images').dataset;
  const card = document.getElementById('im-card');
  return {
    ready: d.ready === 'true',
    pretrained: d.pretrained === 'true',
    card: card && !card.hidden ? card.textContent : '',
    preset: document.getElementById('im-preset')?.value,
    data: document.getElementById('im-data')?.value,
    notice: document.querySelector('#images .notice')?.hidden
      ? ''
      : document.querySelector('#images .notice')?.textContent || '',
    hash: location.hash,
  };
};

/** Gives the page's hidden network-file input a file with this text. */
const choose = (page, name, text) =>
  page.setInputFiles('#im-model-file', {
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });

async function openDigits() {
  const opened = await openPage(env, '#mode=images&data=digits', { acceptDownloads: true });
  await changed(opened.page, state, (s) => s.ready && s.pretrained, {
    what: 'the shipped network',
    timeout: 30000,
  });
  return opened;
}

test('a trained network downloads as a model file and loads back the same', async () => {
  const { page, close, errors } = await openDigits();
  await page.click('#im-step');
  await page.click('#im-step');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#im-download')]);
  assert.equal(download.suggestedFilename(), 'nnplay-images-digits-epoch15.json');
  const text = fs.readFileSync(await download.path(), 'utf8');
  const file = JSON.parse(text);
  assert.equal(file.kind, 'cnn');
  assert.equal(file.data.name, 'digits');
  assert.equal(file.metrics.testCount, 1500);
  assert.ok(file.metrics.testAccuracy > 0.97, `its test accuracy: ${file.metrics.testAccuracy}`);
  assert.match(file.provenance.command, /nnplay page, images mode/);
  const before = await page.evaluate(() => document.getElementById('im-test-accuracy').textContent);

  await choose(page, 'mine.json', text);
  const s = await changed(page, state, (v) => v.ready && v.preset === 'file', {
    what: 'the file loaded',
    timeout: 30000,
  });
  assert.match(s.card, /^From "mine\.json", trained in the nnplay page/);
  assert.match(s.card, /% of the 1,500 test images/);
  assert.equal(
    await page.evaluate(() => document.getElementById('im-test-accuracy').textContent),
    before,
    'the same network scores the same',
  );
  assert.deepEqual(errors, []);
  await close();
});

test('a clothing network file switches the data set and loads', async () => {
  const { page, close, errors } = await openDigits();
  const text = fs.readFileSync(path.join(REPO_ROOT, 'models/fashion.json'), 'utf8');
  await choose(page, 'clothes.json', text);
  const s = await changed(
    page,
    state,
    (v) => v.ready && v.data === 'fashion' && v.preset === 'file',
    {
      what: 'the clothing data and the file',
      timeout: 60000,
    },
  );
  assert.match(s.card, /^From "clothes\.json"/);
  assert.match(s.hash, /data=fashion/);
  assert.deepEqual(errors, []);
  await close();
});

test('bad network files are refused with a message and the network keeps working', async () => {
  const { page, close, errors } = await openDigits();
  const fashion = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'models/fashion.json'), 'utf8'));
  const cases = [
    ['notes.json', 'this is not json', /"notes\.json" was not loaded.*\(file\): not JSON/s],
    [
      'playground.json',
      JSON.stringify({ format: 'nnplay-model', version: 1, kind: 'mlp' }),
      /kind: a "mlp" model: the images mode .*runs cnn models only/s,
    ],
    [
      'newer.json',
      JSON.stringify({ format: 'nnplay-model', version: 7, kind: 'cnn' }),
      /version: version 7 is newer than this page reads/,
    ],
    [
      // clothing's classes under the digits' name: the file is whole, its classes are not these
      'mislabelled.json',
      JSON.stringify({
        ...fashion,
        spec: { ...fashion.spec, data: 'digits' },
        data: { ...fashion.data, name: 'digits' },
        preprocessing: { ...fashion.preprocessing, prepare: 'drawing' },
      }),
      /"mislabelled\.json" was not loaded; the network was not changed.*data\.classes: the model's classes are not the loaded data's/s,
    ],
  ];
  for (const [name, text, expected] of cases) {
    await choose(page, name, text);
    const s = await changed(page, state, (v) => v.notice.includes(name), {
      what: `${name} refused`,
    });
    assert.match(s.notice, expected);
    assert.equal(s.preset, 'pretrained', `${name}: the network was kept`);
    assert.ok(s.ready);
  }
  // A picture dropped outside the drawing box is not a network file.
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['x'], 'cat.png', { type: 'image/png' }));
    document
      .getElementById('im-card')
      .dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true }));
  });
  const s = await changed(page, state, (v) => v.notice.includes('cat.png'), {
    what: 'cat.png refused',
  });
  assert.match(s.notice, /not a network file/);
  assert.deepEqual(errors, []);
  await close();
});
