// Browser tests of the images mode's network editor and training settings (web/images/
// layer-editor.js, settings-form.js): the pre-trained network's spec fills both; a preset
// changes the layers listed; an added layer brings its shape and parameters (checked by the
// engine) and Apply builds it; a pooling that leaves no pixels is explained at its layer while
// the running network keeps training and scoring; a new learning rate and batch size reach the
// worker with the weights kept; an absurd or non-number value is refused at its field; on a
// phone the editor wraps and every control has a name. Saves build/test-artifacts/
// images-editor.png and images-editor-phone.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, artifactPath } from './harness.mjs';
import { openPage, changed } from './page-helpers.mjs';

const env = useBrowser();

/** The editor's, the settings' and the mode's state (runs in the page). */
function readEditor() {
  {
    const root = document.getElementById('images');
    if (!document.getElementById('im-edit-total')) return { ready: false }; // not mounted yet
    const d = root.dataset;
    const editor = document.querySelector('#im-editor > div');
    const settings = document.querySelector('#im-settings > div');
    const rows = [...document.querySelectorAll('#im-edit-layers > li')];
    return {
      ready: d.ready === 'true',
      pretrained: d.pretrained === 'true',
      preset: document.getElementById('im-preset').value,
      examples: Number(d.examples || 0),
      engine: d.engineSpec ? JSON.parse(d.engineSpec) : null,
      layers: [...document.querySelectorAll('#im-layers li')].map((li) => li.textContent),
      editor: editor.dataset.state,
      params: Number(editor.dataset.params),
      total: document.getElementById('im-edit-total').textContent,
      rows: rows.map((li) => ({
        type: li.dataset.type,
        shape: li.querySelector('.im-edit-shape').textContent,
        error: li.querySelector('.im-edit-error').hidden
          ? null
          : li.querySelector('.im-edit-error').textContent,
      })),
      apply: !document.getElementById('im-edit-apply').disabled,
      settings: settings.dataset.state,
      status: document.getElementById('im-set-status').textContent,
      fieldErrors: Object.fromEntries(
        [...document.querySelectorAll('#im-settings .im-set-field')].map((f) => [
          f.dataset.key,
          f.querySelector('.im-error').hidden ? null : f.querySelector('.im-error').textContent,
        ]),
      ),
      learningRate: document.getElementById('im-set-learningRate').value,
      scores: [...document.querySelectorAll('#im-scores li')].map((li) => li.textContent),
    };
  }
}

async function openMode(viewport) {
  const opened = await openPage(env, '#mode=images', viewport ? { viewport } : {});
  await changed(opened.page, readEditor, (s) => s.ready && s.pretrained && s.editor === 'applied', {
    what: 'the shipped network in the editor',
    timeout: 30000,
  });
  await opened.page.click('#im-editor summary');
  await opened.page.click('#im-settings summary');
  return opened;
}

async function choosePreset(page, name) {
  await page.selectOption('#im-preset', name);
  return changed(
    page,
    readEditor,
    (s) => s.ready && !s.pretrained && s.examples === 0 && s.editor === 'applied',
    { what: `the ${name} network`, timeout: 30000 },
  );
}

async function setField(page, selector, value) {
  await page.fill(selector, value);
  await page.dispatchEvent(selector, 'change');
}

test('the shipped network fills the editor and the settings; a preset changes the layers', async () => {
  const { page, close, errors } = await openMode();
  let s = await page.evaluate(readEditor);
  assert.equal(s.preset, 'pretrained');
  assert.deepEqual(
    s.rows.map((r) => r.type),
    s.engine.layers.map((l) => l.type),
    "the editor lists the shipped network's layers",
  );
  assert.equal(Number(s.learningRate), Number(s.engine.learningRate.toPrecision(6)));
  assert.match(s.total, /parameters in all$/);
  // A pool's window made wider: its stride follows (the engine's spec spells it out).
  assert.equal(s.engine.layers[1].stride, 2);
  await page.fill('#im-edit-layers li[data-index="1"] input[data-key="size"]', '3');
  s = await changed(page, readEditor, (v) => v.editor === 'valid', { what: 'pool 3 checked' });
  assert.equal(s.rows[1].shape, '→ 8 x 8 x 8, 0 parameters');
  await page.click('#im-edit-revert');
  s = await changed(page, readEditor, (v) => v.editor === 'applied', { what: 'edits discarded' });
  assert.equal(s.rows[1].shape, '→ 12 x 12 x 8, 0 parameters');

  s = await choosePreset(page, 'larger');
  assert.deepEqual(
    s.rows.map((r) => r.type),
    ['conv', 'pool', 'conv', 'pool', 'conv', 'pool', 'softmax'],
  );
  assert.equal(s.layers.length, 8, 'input and 7 layers');
  assert.match(s.rows[4].shape, /^→ 6 x 6 x 32, 9,248 parameters$/);
  assert.match(s.rows[6].shape, /^→ 1 x 1 x 10, 2,890 parameters$/);
  assert.equal(s.params, 416 + 4640 + 9248 + 2890);
  assert.equal(s.preset, 'larger');
  // It trains in the page at a usable speed.
  await page.click('#im-play');
  const t0 = Date.now();
  s = await changed(page, readEditor, (v) => v.examples >= 400, {
    what: 'the larger network training',
    timeout: 30000,
  });
  const rate = (s.examples * 1000) / (Date.now() - t0);
  console.log(`larger preset: about ${Math.round(rate)} examples/s in this browser`);
  await page.click('#im-play');

  s = await choosePreset(page, 'convnetjs');
  assert.equal(s.rows.length, 5);
  assert.equal(s.preset, 'convnetjs');
  await page.click('#im-play'); // the same measure for the default, to compare
  const t1 = Date.now();
  s = await changed(page, readEditor, (v) => v.examples >= 400, { what: 'ConvNetJS training' });
  console.log(`convnetjs preset: about ${Math.round((s.examples * 1000) / (Date.now() - t1))}/s`);
  await page.click('#im-play');
  assert.deepEqual(errors, []);
  await close();
});

test('an added layer shows its shape and parameters; Apply builds it from new weights', async () => {
  const { page, close, errors } = await openMode();
  let s = await choosePreset(page, 'convnetjs');
  const before = s.params;
  assert.equal(before, 208 + 3216 + 2570);
  assert.equal(s.apply, false, 'nothing to apply yet');
  await page.selectOption('#im-edit-add-kind', 'dense');
  await page.click('#im-edit-add');
  s = await changed(page, readEditor, (v) => v.editor === 'valid' && v.rows.length === 6, {
    what: 'the dense layer checked',
  });
  assert.equal(s.rows[4].type, 'dense');
  assert.equal(s.rows[4].shape, '→ 1 x 1 x 32, 8,224 parameters');
  assert.equal(s.rows[5].shape, '→ 1 x 1 x 10, 330 parameters');
  assert.equal(s.params, 208 + 3216 + 8224 + 330);
  assert.ok(s.apply);
  // Wider: 64 units.
  await page.fill('#im-edit-layers li[data-index="4"] input[data-key="units"]', '64');
  s = await changed(
    page,
    readEditor,
    (v) => v.editor === 'valid' && v.params !== 208 + 3216 + 8224 + 330,
    {
      what: '64 units checked',
    },
  );
  assert.equal(s.rows[4].shape, '→ 1 x 1 x 64, 16,448 parameters');
  assert.equal(s.preset, 'convnetjs', 'the running network is unchanged until Apply');
  await page.click('#im-edit-apply');
  s = await changed(
    page,
    readEditor,
    (v) => v.ready && v.editor === 'applied' && v.rows.length === 6,
    {
      what: 'the edited network built',
      timeout: 30000,
    },
  );
  assert.match(s.layers[5], /^dense 64, relu → 1 x 1 x 64 \(16,448 parameters\)$/);
  assert.equal(s.preset, 'custom');
  assert.equal(s.engine.layers[4].units, 64);
  assert.equal(s.examples, 0, 'new weights');
  // Remove it again: back to the preset's layers.
  await page.click('#im-edit-layers li[data-index="4"] button[aria-label="Remove layer 5"]');
  s = await changed(page, readEditor, (v) => v.editor === 'valid' && v.rows.length === 5, {
    what: 'the layer removed',
  });
  assert.equal(s.params, before);
  await page.screenshot({ path: artifactPath('images-editor.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await close();
});

test('a pooling that leaves no pixels is explained at its layer; the old network trains on', async () => {
  const { page, close, errors } = await openMode();
  await choosePreset(page, 'convnetjs');
  await page.click('#im-play');
  await page.selectOption('#im-edit-add-kind', 'pool');
  await page.click('#im-edit-add');
  await changed(page, readEditor, (v) => v.editor === 'valid' && v.rows.length === 6, {
    what: 'a pool added',
  });
  await page.fill('#im-edit-layers li[data-index="4"] input[data-key="size"]', '5');
  let s = await changed(page, readEditor, (v) => v.editor === 'invalid', {
    what: 'the bad pooling refused',
  });
  assert.match(
    s.rows[4].error,
    /^layers\[4\]: layers\[4\], pool 5: its input is 4x4x16, smaller than the window: it leaves no pixels$/,
  );
  assert.deepEqual(
    s.rows.map((r) => r.error === null),
    [true, true, true, true, false, true],
    'the message is at that layer only',
  );
  assert.equal(s.rows[3].shape, '→ 4 x 4 x 16, 0 parameters', 'the layers before are sized');
  assert.equal(s.rows[4].shape, '→ –');
  assert.equal(s.apply, false);
  assert.match(s.total, /not a network yet: 1 problem/);
  // The running network: still the ConvNetJS one, training.
  const seen = s.examples;
  s = await changed(page, readEditor, (v) => v.examples > seen + 200, {
    what: 'training goes on',
    timeout: 30000,
  });
  assert.equal(s.layers.length, 6);
  assert.equal(s.preset, 'convnetjs');
  await page.click('#im-play');
  const box = await page.locator('#im-pad').boundingBox();
  await page.mouse.move(box.x + 0.3 * box.width, box.y + 0.25 * box.height);
  await page.mouse.down();
  await page.mouse.move(box.x + 0.7 * box.width, box.y + 0.25 * box.height, { steps: 4 });
  await page.mouse.move(box.x + 0.45 * box.width, box.y + 0.8 * box.height, { steps: 4 });
  await page.mouse.up();
  await changed(page, readEditor, (v) => v.scores.length === 5, { what: 'the drawing scored' });
  assert.deepEqual(errors, []);
  await close();
});

test('a new learning rate and batch size reach the worker and keep the weights', async () => {
  const { page, close, errors } = await openMode();
  await choosePreset(page, 'convnetjs');
  await page.click('#im-step');
  await changed(page, readEditor, (v) => v.examples === 20, { what: 'one batch of 20' });
  await setField(page, '#im-set-learningRate', '0.05');
  let s = await changed(page, readEditor, (v) => v.settings === 'kept', { what: 'applied' });
  assert.ok(Math.abs(s.engine.learningRate - 0.05) < 1e-7, `the worker's ${s.engine.learningRate}`);
  assert.match(s.status, /weights kept/);
  await setField(page, '#im-set-batchSize', '50');
  s = await changed(page, readEditor, (v) => v.engine.batchSize === 50, { what: 'batch 50' });
  assert.equal(s.examples, 20, 'the training so far is kept');
  assert.equal(s.preset, 'custom');
  await page.click('#im-step');
  await changed(page, readEditor, (v) => v.examples === 70, { what: 'a batch of 50' });

  // The optimizer: Adam hides the momentum.
  await page.selectOption('#im-set-optimizer', 'adam');
  s = await changed(page, readEditor, (v) => v.engine.optimizer === 'adam', { what: 'adam' });
  assert.equal(await page.locator('#im-set-momentum').isVisible(), false);
  assert.equal(s.examples, 70);
  assert.deepEqual(errors, []);
  await close();
});

test('an absurd learning rate or a non-number is refused at its field and changes nothing', async () => {
  const { page, close, errors } = await openMode();
  await choosePreset(page, 'convnetjs');
  const engineBefore = (await page.evaluate(readEditor)).engine;
  await setField(page, '#im-set-learningRate', '1000');
  let s = await changed(page, readEditor, (v) => v.settings === 'refused', { what: 'refused' });
  assert.match(
    s.fieldErrors.learningRate,
    /^learningRate: must be above 0 and at most 10, got 1000; nothing changed$/,
  );
  assert.deepEqual(s.engine, engineBefore);
  await setField(page, '#im-set-learningRate', '-0.1');
  s = await changed(page, readEditor, (v) => /got -0.1/.test(v.fieldErrors.learningRate || ''), {
    what: 'negative refused',
  });
  await setField(page, '#im-set-learningRate', 'fast');
  s = await changed(
    page,
    readEditor,
    (v) => /must be a number/.test(v.fieldErrors.learningRate || ''),
    {
      what: 'a non-number refused',
    },
  );
  assert.equal(
    s.fieldErrors.learningRate,
    'learningRate: must be a number, got "fast"; nothing changed',
  );
  await setField(page, '#im-set-learningRate', '0.01');
  await setField(page, '#im-set-batchSize', '0');
  s = await changed(page, readEditor, (v) => /batchSize/.test(v.fieldErrors.batchSize || ''), {
    what: 'batch 0 refused',
  });
  assert.equal(s.fieldErrors.learningRate, null);
  assert.deepEqual(s.engine, engineBefore);
  assert.deepEqual(errors, []);
  await close();
});

test('on a phone the editor and the settings wrap; every control has a name', async () => {
  const { page, close, errors } = await openMode({ width: 375, height: 667 });
  await choosePreset(page, 'larger');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `no sideways scrolling: ${width}`);
  const unnamed = await page.evaluate(() =>
    [...document.querySelectorAll('#images button, #images input, #images select')]
      .filter(
        (c) =>
          !(c.getAttribute('aria-label') || '').trim() &&
          !(c.labels && [...c.labels].some((l) => l.textContent.trim())) &&
          !(c.tagName === 'BUTTON' && c.textContent.trim()),
      )
      .map((c) => c.outerHTML.slice(0, 80)),
  );
  assert.deepEqual(unnamed, []);
  await page.locator('#im-editor').scrollIntoViewIfNeeded();
  await page.screenshot({ path: artifactPath('images-editor-phone.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await close();
});
