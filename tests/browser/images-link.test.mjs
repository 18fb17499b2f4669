// Browser tests of the images mode's links (web/images/link.js, spec-link.js): the mode opens
// on the shipped network with model=<data> in the link; a setting changed on it is a history
// entry whose link carries that setting only, and opening that link gives the shipped network
// under it; a preset from scratch writes its layers, settings and seed, and its link opens the
// same network; a hand-written link builds its layers; values the engine refuses are named in
// a notice and the page opens the shipped network instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './harness.mjs';
import { openPage, changed } from './page-helpers.mjs';

const env = useBrowser();

const state = () => {
  const d = document.getElementById('images').dataset;
  const notice = document.querySelector('#images .notice');
  return {
    ready: d.ready === 'true',
    pretrained: d.pretrained === 'true',
    examples: Number(d.examples || 0),
    engine: d.engineSpec ? JSON.parse(d.engineSpec) : null,
    preset: document.getElementById('im-preset')?.value,
    layers: [...document.querySelectorAll('#im-layers li')].map((li) => li.textContent),
    notice: notice && !notice.hidden ? notice.textContent : '',
    hash: decodeURIComponent(location.hash),
    history: history.length,
  };
};

const open = async (hash, test) => {
  const opened = await openPage(env, hash);
  const s = await changed(opened.page, state, (v) => v.ready && test(v), {
    what: `${hash} opened`,
    timeout: 30000,
  });
  return { ...opened, s };
};

test('the shipped network in the link, and a setting changed on it', async () => {
  const { page, close, errors, s } = await open('#mode=images', (v) => v.pretrained);
  assert.match(s.hash, /^#mode=images&data=digits&model=digits$/);
  await page.click('#im-settings summary');
  await page.fill('#im-set-learningRate', '0.005');
  await page.locator('#im-set-learningRate').dispatchEvent('change');
  const t = await changed(page, state, (v) => /learningRate=0\.005/.test(v.hash), {
    what: 'the setting in the link',
  });
  assert.equal(t.hash, '#mode=images&data=digits&model=digits&learningRate=0.005');
  assert.equal(t.history, s.history + 1, 'a history entry');
  await close();

  const again = await open(
    `#${t.hash.slice(1)}`,
    (v) => v.pretrained && v.engine && Math.abs(v.engine.learningRate - 0.005) < 1e-7,
  );
  assert.ok(again.s.examples > 0, "the shipped network's weights, not new ones");
  assert.equal(again.s.preset, 'custom');
  assert.equal(again.s.hash, t.hash, 'the link it opened is the link it shows');
  assert.deepEqual([...errors, ...again.errors], []);
  await again.close();
});

test('a preset from scratch writes its whole spec, and its link opens the same network', async () => {
  const { page, close, errors } = await open('#mode=images', (v) => v.pretrained);
  await page.selectOption('#im-preset', 'convnetjs');
  const s = await changed(page, state, (v) => v.ready && !v.pretrained && /layers=/.test(v.hash), {
    what: 'the preset in the link',
    timeout: 30000,
  });
  assert.equal(
    s.hash,
    '#mode=images&data=digits&layers=conv5x8,pool2,conv5x16,pool3,softmax&learningRate=0.01' +
      '&momentum=0.9&l2=0.001&batchSize=20&crop=24&optimizer=momentum&augment=crop&seed=nnplay',
  );
  await close();
  const again = await open(s.hash, (v) => !v.pretrained);
  assert.equal(again.s.preset, 'convnetjs');
  assert.deepEqual(again.s.layers, s.layers);
  assert.equal(again.s.examples, 0);
  assert.equal(again.s.hash, s.hash);
  assert.deepEqual([...errors, ...again.errors], []);
  await again.close();
});

test('a hand-written link builds its layers and settings on the clothing', async () => {
  const { close, errors, s } = await open(
    '#mode=images&data=fashion&layers=conv3x4-s2,pool2,dense16-tanh,softmax&learningRate=0.05&batchSize=8&augment=none&seed=abc',
    (v) => !v.pretrained,
  );
  assert.equal(s.engine.data, 'fashion');
  assert.equal(s.engine.batchSize, 8);
  assert.equal(s.engine.seed, 'abc');
  assert.equal(s.engine.augment, 'none');
  assert.match(s.layers[1], /^conv 3x3, 4 filters, stride 2/);
  assert.match(s.layers[3], /^dense 16, tanh/);
  assert.equal(s.notice, '');
  assert.deepEqual(errors, []);
  await close();
});

test("the engine's refusal of a link's network or settings is named, and the page opens", async () => {
  const bad = await open(
    '#mode=images&layers=conv5x8,pool30,softmax',
    (v) => v.pretrained && v.notice,
  );
  assert.match(bad.s.notice, /The link's network was not used:.*layers\[1\]/s);
  assert.match(bad.s.hash, /model=digits/, 'the shipped network instead');
  await bad.close();
  const lr = await open(
    '#mode=images&model=digits&learningRate=1000',
    (v) => v.pretrained && v.notice,
  );
  assert.match(
    lr.s.notice,
    /The link's settings were not used:.*learningRate: must be above 0 and at most 10, got 1000/s,
  );
  assert.equal(lr.s.hash, '#mode=images&data=digits&model=digits');
  const form = await lr.page.locator('#images .notice').innerText();
  assert.ok(form.length > 0);
  assert.deepEqual([...bad.errors, ...lr.errors], []);
  await lr.close();
});
