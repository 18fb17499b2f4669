// Browser tests of the images mode (#mode=images): its tab and link, the data fetched only
// when the mode opens, the network's layers listed, training in a Worker while frames keep
// coming (examples seen and the test accuracy rise), step and reset, a digit drawn with the
// pointer scored in the talk's form, undo and clear, and a bad link value listed.
// Saves build/test-artifacts/images.png (1280 x 800) and images-phone.png (375 x 667).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, artifactPath } from './harness.mjs';
import { openPage, changed } from './page-helpers.mjs';

const env = useBrowser();

/** The mode's state as its data attributes and what it shows (runs in the page). */
function readImages() {
  {
    const d = document.getElementById('images').dataset;
    const text = (id) => document.getElementById(id)?.textContent ?? null;
    return {
      ready: d.ready === 'true',
      pretrained: d.pretrained === 'true',
      card: document.getElementById('im-card')?.hidden
        ? null
        : document.getElementById('im-card')?.textContent,
      playing: d.playing === 'true',
      training: d.training === 'true',
      examples: Number(d.examples || 0),
      testAccuracy: Number(d.testAccuracy),
      scores: [...document.querySelectorAll('#im-scores li')].map((li) => li.textContent),
      layers: [...document.querySelectorAll('#im-layers li')].map((li) => li.textContent),
      seen: text('im-seen'),
      hash: location.hash,
    };
  }
}
const shown = (page) => page.evaluate(readImages);

/** Draws a stroke on the pad through the points (fractions of its side). */
async function stroke(page, points) {
  const box = await page.locator('#im-pad').boundingBox();
  const at = ([x, y]) => [box.x + x * box.width, box.y + y * box.height];
  await page.mouse.move(...at(points[0]));
  await page.mouse.down();
  for (const p of points.slice(1)) await page.mouse.move(...at(p), { steps: 4 });
  await page.mouse.up();
}

const SEVEN = [
  [0.3, 0.25],
  [0.7, 0.25],
  [0.45, 0.8],
];

test('the playground does not fetch the image module or its data', async () => {
  const fetched = [];
  const { page, close, errors } = await openPage(env, '#seed=0.12345', {
    prepare: (p) => p.on('request', (r) => fetched.push(new URL(r.url()).pathname)),
  });
  await page.waitForTimeout(300);
  assert.deepEqual(
    fetched.filter((p) => /nnplay-images|\.nnpi$|web\/images\/view/.test(p)),
    [],
    'nothing of the images mode on the first load',
  );
  assert.deepEqual(errors, []);
  await close();
});

test('the images tab opens the mode on the shipped network: a drawn seven reads as seven', async () => {
  const { page, close, errors } = await openPage(env, '#seed=0.12345');
  await page.click('#mode-tab-images');
  await changed(page, readImages, (s) => s.ready && s.pretrained, {
    what: 'the shipped network',
    timeout: 30000,
  });
  const s = await shown(page);
  assert.match(s.hash, /mode=images/);
  assert.match(s.hash, /data=digits/);
  assert.match(
    s.card,
    /^Trained by nnplay's own scripts\/pretrain \(nnplay images train models\/digits/,
  );
  assert.match(s.card, /9\d\.\d% of the 1,500 test images/);
  assert.ok(s.testAccuracy > 0.95, `the shipped network on the test sample: ${s.testAccuracy}`);
  await stroke(page, SEVEN);
  await changed(page, readImages, (v) => v.scores.length === 5, { what: 'five scores' });
  assert.match((await shown(page)).scores[0], /^seven \(score = /);

  // Inside the network: the input, every layer's maps, each conv layer's filters, the bars.
  const inside = await page.evaluate(() => {
    const panel = document.getElementById('im-inside');
    return {
      layers: Number(panel.dataset.layersShown),
      rows: panel.querySelectorAll('.im-layer-row').length,
      maps: [...panel.querySelectorAll('.im-layer-row')].map(
        (r) => r.querySelectorAll('canvas').length,
      ),
      bars: panel.querySelectorAll('.im-bar-row').length,
      firstBar: panel.querySelector('.im-bar-row')?.textContent,
    };
  });
  assert.equal(inside.layers, 5);
  // input; conv 8 maps; its 8 filters; pool 8; conv 16; its 16 filters; pool 16; softmax
  assert.deepEqual(inside.maps, [1, 8, 8, 8, 16, 16, 16, 0]);
  assert.equal(inside.bars, 10);
  assert.match(inside.firstBar, /^zero/);

  // The whole test set: the confusion matrix, and a cell's images on a click.
  await page.click('#im-confusion-run');
  const panel = () => {
    const d = document.getElementById('im-confusion-panel').dataset;
    return { count: Number(d.count || 0), right: Number(d.right || 0), cell: Number(d.cellCount) };
  };
  const c = await changed(page, panel, (v) => v.count === 1500, { what: 'the test set scored' });
  assert.ok(c.right / 1500 >= 0.97, `the shipped network: ${c.right} of 1500`);
  assert.equal(c.cell, 1500 - c.right, 'the mistakes are listed first');
  const cell = page.locator('#im-confusion td[data-true="7"][data-read="7"]');
  const sevens = Number(await cell.innerText());
  assert.ok(sevens > 140, `sevens read as seven: ${sevens}`);
  await cell.click();
  await changed(page, panel, (v) => v.cell === sevens, { what: 'the cell shown' });
  assert.equal(
    await page.locator('#im-cell-images canvas').count(),
    Math.min(60, sevens),
    'the cell images (at most 60)',
  );
  assert.match(
    await page.locator('#im-cell-caption').innerText(),
    /^seven read as seven: \d+ images/,
  );
  await page.screenshot({ path: artifactPath('images-inside.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await close();
});

test('a network trained from scratch: layers, training, step, drawing, undo, reset', async () => {
  const { page, close, errors } = await openPage(env, '#mode=images');
  await changed(page, readImages, (v) => v.ready, { what: 'ready', timeout: 30000 });
  await page.selectOption('#im-preset', 'convnetjs');
  await changed(page, readImages, (v) => v.ready && !v.pretrained && v.examples === 0, {
    what: 'a new network',
    timeout: 30000,
  });
  let s = await shown(page);
  assert.equal(s.layers[0], 'input 24 x 24 (crops of the 28 x 28 images)');
  assert.match(s.layers[1], /^conv 5x5, 8 filters, same, relu → 24 x 24 x 8 \(208 parameters\)$/);
  assert.match(s.layers.at(-1), /^softmax → 1 x 1 x 10/);
  assert.equal(s.examples, 0);

  // Training in the Worker: frames keep coming while it trains.
  await page.click('#im-play');
  const frames = await page.evaluate(
    () =>
      new Promise((resolve) => {
        let n = 0;
        const t0 = performance.now();
        const tick = () =>
          performance.now() - t0 < 1500 ? (n++, requestAnimationFrame(tick)) : resolve(n);
        requestAnimationFrame(tick);
      }),
  );
  assert.ok(frames > 30, `frames kept coming while training: ${frames} in 1.5 s`);
  await changed(page, readImages, (v) => v.examples > 2000 && v.testAccuracy > 0.5, {
    what: 'training runs and learns',
    timeout: 30000,
  });
  await page.click('#im-play');
  await changed(page, readImages, (v) => !v.playing && !v.training, { what: 'paused' });
  s = await shown(page);
  const before = s.examples;
  await page.click('#im-step');
  await changed(page, readImages, (v) => v.examples === before + 20, { what: 'one batch of 20' });

  // A seven drawn with the mouse: five scores in the talk's form.
  await stroke(page, SEVEN);
  await changed(page, readImages, (v) => v.scores.length === 5, { what: 'five scores' });
  s = await shown(page);
  for (const line of s.scores) assert.match(line, /^[a-z]+ \(score = [01]\.\d{5}\)$/);
  const total = s.scores.reduce((a, line) => a + Number(line.match(/= ([\d.]+)/)[1]), 0);
  assert.ok(total <= 1.00001, `scores are probabilities: ${total}`);
  const ink = await page.evaluate(() => {
    const d = document.getElementById('im-input').getContext('2d').getImageData(0, 0, 28, 28).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) n += d[i] > 128;
    return n;
  });
  assert.ok(ink > 10, `the processed 28 x 28 input is shown: ${ink} bright pixels`);
  await page.screenshot({ path: artifactPath('images.png') });
  await page.click('text=Undo');
  await changed(page, readImages, (v) => v.scores[0] === 'Draw a digit in the box.', {
    what: 'undo empties',
  });

  // Reset: new weights, nothing seen.
  await page.click('#im-reset');
  await changed(page, readImages, (v) => v.examples === 0, { what: 'reset' });
  assert.deepEqual(errors, []);
  await close();
});

test('a bad images link value is listed and the rest opens', async () => {
  const { page, close, errors } = await openPage(env, '#mode=images&data=cats&colour=red');
  await changed(page, readImages, (s) => s.ready, { what: 'ready', timeout: 30000 });
  const notice = await page.locator('#images .notice').innerText();
  assert.match(notice, /data/);
  assert.match(notice, /must be digits or fashion/);
  assert.match(notice, /colour/);
  assert.match((await shown(page)).hash, /data=digits/);
  assert.deepEqual(errors, []);
  await close();
});

test('on a phone the pad takes a finger and the scores show', async () => {
  const { page, close, errors } = await openPage(env, '#mode=images', {
    viewport: { width: 375, height: 667 },
    hasTouch: true,
    isMobile: true,
  });
  await changed(page, readImages, (s) => s.ready, { what: 'ready', timeout: 30000 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `no sideways scrolling: ${width}`);
  await page.locator('#im-pad').scrollIntoViewIfNeeded();
  await stroke(page, SEVEN);
  await changed(page, readImages, (v) => v.scores.length === 5, { what: 'five scores' });
  await page.screenshot({ path: artifactPath('images-phone.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await close();
});

test('clothing: a picture chosen with the file picker is prepared and scored', async () => {
  const { page, close, errors } = await openPage(env, '#mode=images&data=fashion');
  await changed(page, readImages, (s) => s.ready && s.pretrained, {
    what: 'the shipped clothing network',
    timeout: 30000,
  });
  assert.match((await shown(page)).card, /of the 10,000 test images/);
  assert.match(await page.locator('#images h3 >> nth=1').innerText(), /sneaker/);
  // A dark pair of trousers on white, 300 x 400, given to the picker as a PNG file.
  await page.evaluate(async () => {
    const c = new OffscreenCanvas(300, 400);
    const g = c.getContext('2d');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, 300, 400);
    g.fillStyle = '#222';
    g.fillRect(90, 40, 120, 60);
    g.fillRect(90, 40, 50, 340);
    g.fillRect(160, 40, 50, 340);
    const blob = await c.convertToBlob({ type: 'image/png' });
    const dt = new DataTransfer();
    dt.items.add(new File([blob], 'trousers.png', { type: 'image/png' }));
    const input = document.getElementById('im-picture');
    input.files = dt.files;
    input.dispatchEvent(new Event('change'));
  });
  await changed(page, readImages, (v) => v.scores.length === 5, { what: 'five scores' });
  const s = await shown(page);
  for (const line of s.scores) assert.match(line, /^[A-Za-z/ -]+ \(score = [01]\.\d{5}\)$/);
  assert.deepEqual(errors, []);
  await close();
});
