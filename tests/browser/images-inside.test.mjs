// Browser tests of the images mode's "inside the network" for a chosen image: a "1" drawn
// with the mouse reads as one under the shipped digits network, and its feature maps are drawn
// (pixels that differ within a map, not just canvases); from the test-set grid ("All test
// images", mistakes marked, least confident first on request), a click on an image shows that
// image inside the network and its scores.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './harness.mjs';
import { openPage, changed } from './page-helpers.mjs';

const env = useBrowser();

const state = () => {
  const d = document.getElementById('images').dataset;
  return {
    ready: d.ready === 'true',
    pretrained: d.pretrained === 'true',
    inside: d.inside || '',
    scores: [...document.querySelectorAll('#im-scores li')].map((li) => li.textContent),
    title: document.querySelector('#im-inside h3')?.textContent || '',
  };
};

/** Per map of the first conv layer (row data-layer=0): how many distinct grey levels it has. */
function firstLayerLevels() {
  const row = document.querySelector('#im-inside .im-layer-row[data-layer="0"]');
  return [...row.querySelectorAll('canvas')].map((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const levels = new Set();
    for (let i = 0; i < d.length; i += 4) levels.add(d[i]);
    return levels.size;
  });
}

async function stroke(page, points) {
  const box = await page.locator('#im-pad').boundingBox();
  const at = ([x, y]) => [box.x + x * box.width, box.y + y * box.height];
  await page.mouse.move(...at(points[0]));
  await page.mouse.down();
  for (const p of points.slice(1)) await page.mouse.move(...at(p), { steps: 6 });
  await page.mouse.up();
}

test('a "1" drawn with the mouse reads as one, and its feature maps are drawn', async () => {
  const { page, close, errors } = await openPage(env, '#mode=images&data=digits');
  await changed(page, state, (s) => s.ready && s.pretrained, {
    what: 'the shipped network',
    timeout: 30000,
  });
  await stroke(page, [
    [0.5, 0.15],
    [0.5, 0.85],
  ]);
  const s = await changed(page, state, (v) => v.scores.length === 5, { what: 'five scores' });
  assert.match(s.scores[0], /^one \(score = 0\.\d{5}\)$/, s.scores.join('; '));
  assert.equal(s.inside, 'drawing');
  assert.match(s.title, /your drawing/);
  const levels = await page.evaluate(firstLayerLevels);
  assert.equal(levels.length, 8, 'the first conv layer has 8 maps');
  assert.ok(
    levels.filter((n) => n > 2).length >= 4,
    `most maps show a picture, not a flat square: ${levels}`,
  );
  // The input row: the network's 24 x 24 crop of the stroke, bright where the ink is.
  const input = await page.evaluate(() => {
    const c = document.querySelector('#im-inside .im-layer-row canvas');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let bright = 0;
    for (let i = 0; i < d.length; i += 4) bright += d[i] > 200;
    return { w: c.width, bright };
  });
  assert.equal(input.w, 24);
  assert.ok(input.bright > 10, `the stroke is in the input: ${input.bright} bright pixels`);
  assert.deepEqual(errors, []);
  await close();
});

test('the test-set grid: all images with their answers, and a chosen one seen inside', async () => {
  const { page, close, errors } = await openPage(env, '#mode=images&data=digits');
  await changed(page, state, (s) => s.ready && s.pretrained, {
    what: 'the shipped network',
    timeout: 30000,
  });
  await page.click('#im-confusion-run');
  await changed(
    page,
    () => Number(document.getElementById('im-confusion-panel').dataset.count || 0),
    (n) => n === 1500,
    { what: 'the test set scored' },
  );
  // The mistakes come first, least confident first, each marked.
  const mistakes = await page.locator('#im-cell-images .im-test-image').count();
  assert.ok(mistakes > 0 && mistakes <= 60, `mistakes shown: ${mistakes}`);
  assert.equal(await page.locator('#im-cell-images .im-mistake').count(), mistakes);
  assert.equal(await page.isChecked('#im-least-first'), true);
  const confidence = async () =>
    page.$$eval('#im-cell-images .im-test-image', (bs) =>
      bs.map((b) => Number(b.title.match(/\(([\d.]+)\)$/)[1])),
    );
  const c = await confidence();
  assert.deepEqual(
    c,
    [...c].sort((a, b) => a - b),
    'least confident first',
  );

  // All test images, in order: 60 shown, the mistakes among them marked.
  await page.click('#im-all-images');
  await page.uncheck('#im-least-first');
  const indices = await page.$$eval('#im-cell-images .im-test-image', (bs) =>
    bs.map((b) => Number(b.dataset.index)),
  );
  assert.deepEqual(
    indices,
    Array.from({ length: 60 }, (_, i) => i),
  );
  assert.match(await page.locator('#im-cell-caption').innerText(), /^All test images: 1500 images/);
  const answer = await page.locator('#im-cell-images .im-test-image >> nth=3 >> span').innerText();

  // A click looks inside the network with that image.
  await page.click('#im-cell-images .im-test-image >> nth=3');
  const s = await changed(page, state, (v) => v.inside === 'test 3', {
    what: 'test image 4 inside',
  });
  assert.match(s.title, /test image 4/);
  assert.equal(s.scores.length, 5);
  assert.ok(s.scores[0].startsWith(`${answer} (score = `), `${s.scores[0]} against ${answer}`);
  const levels = await page.evaluate(firstLayerLevels);
  assert.ok(levels.filter((n) => n > 2).length >= 4, `its maps are drawn: ${levels}`);
  assert.deepEqual(errors, []);
  await close();
});
