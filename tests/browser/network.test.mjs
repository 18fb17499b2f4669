// Browser tests of the network diagram: live 10 x 10 neuron thumbnails,
// hovering (or tapping) a neuron shows its map in the big heatmap, links sized and coloured by
// their weights with dashes that flow while playing and stand still when paused, dead L1 links, bias squares, the hover
// card, and editing a weight or a bias (mouse and keyboard) changes the heatmap at once. The
// links are drawn on one canvas (web/ui/link-canvas.js): the tests read what it drew from its
// `links` property and point at a link's curve.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './harness.mjs';
import {
  openPage,
  changed,
  redrawn,
  state,
  canvasColours,
  canvasData,
  frames,
  GOLDEN,
  linkPoint,
} from './page-helpers.mjs';

const env = useBrowser();
const open = (h = `#seed=${GOLDEN.seed}`, o) => openPage(env, h, o);
/** Waits until the big heatmap shows `expected` (a data URL). */
const heatmapShows = (page, expected, what) =>
  changed(page, () => document.getElementById('heatmap').toDataURL(), expected, { what });
const weightOf = (text) => Number(/is (-?[\d.e+-]+)/.exec(text)[1]);
const linkCount = (page) => page.$eval('canvas.link-canvas', (c) => c.links.count);
const linkStyle = (page, i) => page.$eval('canvas.link-canvas', (c, i) => c.links.style(i), i);
const linkOffset = (page) => page.$eval('canvas.link-canvas', (c) => c.links.offset);
/** Hovers link i's curve (after a move away, so the card shows afresh). */
async function hoverLink(page, i, t = 0.25) {
  await page.mouse.move(2, 2);
  const [x, y] = await linkPoint(page, i, t);
  await page.mouse.move(x, y);
  return [x, y];
}

test('nodes: 7 inputs, 4 + 2 neurons, the output; each neuron a live 10 x 10 thumbnail', async () => {
  const { page, errors, close } = await open();
  assert.equal(await page.locator('.network-body .node').count(), 7 + 4 + 2 + 1);
  const sizes = await page.$$eval('.node canvas', (cs) => cs.map((c) => `${c.width}x${c.height}`));
  assert.ok(
    sizes.every((s) => s === '10x10'),
    sizes.join(' '),
  );
  const before = await canvasData(page, '.node[data-layer="0"][data-node="0"] canvas');
  await page.evaluate(() => window.nnplay.step(50));
  await redrawn(page, '.node[data-layer="0"][data-node="0"] canvas', before); // thumbnails follow training
  assert.ok((await canvasColours(page, '.output-node canvas')).length > 1);
  assert.deepEqual(errors, []);
  await close();
});

test('hovering a neuron shows its map in the big heatmap; leaving shows the output again', async () => {
  const { page, close } = await open();
  const untrained = await canvasData(page, '#heatmap');
  await page.evaluate(() => window.nnplay.step(20));
  const output = await redrawn(page, '#heatmap', untrained);
  await page.hover('.node[data-layer="0"][data-node="1"]');
  const neuron = await redrawn(page, '#heatmap', output);
  await page.hover('[data-feature="x"]');
  const x = await redrawn(page, '#heatmap', neuron, { what: 'an input showing its own map' });
  await page.hover('[data-feature="sinX"]'); // off: its map still shows
  await redrawn(page, '#heatmap', x, { what: 'the map of sinX (off)' });
  await page.mouse.move(5, 5);
  await heatmapShows(page, output, 'the output map again');
  await close();
});

test('a tap on a neuron does what hover does (touch), a second tap undoes it', async () => {
  const { page, close } = await open(`#seed=${GOLDEN.seed}`, {
    hasTouch: true,
    isMobile: true,
    viewport: { width: 375, height: 667 },
  });
  const untrained = await canvasData(page, '#heatmap');
  await page.evaluate(() => window.nnplay.step(20));
  const output = await redrawn(page, '#heatmap', untrained);
  const neuron = page.locator('.node[data-layer="1"][data-node="0"]');
  await neuron.scrollIntoViewIfNeeded();
  await neuron.tap();
  await redrawn(page, '#heatmap', output, { what: "the tapped neuron's map" });
  await neuron.tap();
  await heatmapShows(page, output, 'the output map again');
  // a tap on a link opens its card with the value to edit (after closing the neuron's list)
  await page.locator('.node[data-layer="0"][data-node="0"]').scrollIntoViewIfNeeded();
  const [tx, ty] = await linkPoint(page, 0, 0.25);
  await page.touchscreen.tap(tx, ty);
  assert.ok(await page.locator('.hovercard').isVisible());
  assert.ok(await page.locator('.hovercard-input').isVisible());
  await close();
});

test('links: width clamp(1 + 9|w|/5, 1, 10) and the colour scale', async () => {
  const { page, close } = await open();
  await page.evaluate(() => window.nnplay.step(300));
  await changed(page, () => document.getElementById('epoch-number').textContent, '000,300', {
    what: 'the page drawn at epoch 300',
  });
  assert.equal(await linkCount(page), 2 * 4 + 4 * 2 + 2);
  assert.equal(await page.locator('rect.bias').count(), 4 + 2 + 1);
  for (let i = 0; i < 3; i++) {
    await hoverLink(page, i);
    const text = await page.textContent('.hovercard-text');
    assert.match(text, /^Weight is -?\d/);
    const w = weightOf(text);
    const { width, colour } = await linkStyle(page, i);
    const expected = Math.min(10, 1 + (9 * Math.abs(w)) / 5);
    assert.ok(
      Math.abs(width - expected) < 0.2 + 9 * Math.abs(w) * 0.01,
      `w ${w}: width ${width} vs ${expected}`,
    );
    assert.match(colour, /^#[0-9a-f]{6}$/);
    if (w > 1) assert.equal(colour, '#0877bd');
    if (w < -1) assert.equal(colour, '#f59322');
  }
  await close();
});

test('the links dashes flow while playing and stand still when paused', async () => {
  const { page, errors, close } = await open();
  const offset = () => linkOffset(page);
  const still = async (what) => {
    const a = await offset();
    for (let i = 0; i < 10; i++) await frames(page);
    assert.equal(await offset(), a, what);
  };
  await still('paused: the dashes stand still');
  await page.click('#play-pause-button');
  const start = await offset();
  await changed(
    page,
    () => document.querySelector('canvas.link-canvas').links.offset,
    (o) => o !== start,
    {
      what: 'the dashes moving while playing',
    },
  );
  await page.click('#play-pause-button');
  await frames(page);
  await still('paused again: the dashes stand still');
  assert.deepEqual(errors, []);
  await close();
});

test('with reduced motion asked for, the dashes stand still while playing', async () => {
  const { page, errors, close } = await open(undefined, { reducedMotion: 'reduce' });
  const offset = () => linkOffset(page);
  const a = await offset();
  await page.click('#play-pause-button');
  for (let i = 0; i < 10; i++) await frames(page);
  assert.equal(await offset(), a);
  assert.equal(await page.getAttribute('#play-pause-button', 'aria-pressed'), 'true');
  await page.click('#play-pause-button');
  assert.deepEqual(errors, []);
  await close();
});

test('bias squares have a card "Bias is ..."', async () => {
  const { page, close } = await open();
  await page.hover('rect.bias >> nth=0');
  assert.match(await page.textContent('.hovercard-text'), /^Bias is 0\.10$/);
  await close();
});

test('clicking a link edits its weight: the heatmap and the loss change at once', async () => {
  const { page, errors, close } = await open();
  const untrained = await canvasData(page, '#heatmap');
  await page.evaluate(() => window.nnplay.step(10));
  const heat = await redrawn(page, '#heatmap', untrained);
  const before = await state(page);
  const last = (await linkCount(page)) - 1; // into the output
  const [x, y] = await hoverLink(page, last);
  assert.match(await page.textContent('.hovercard'), /Weight is/);
  await page.mouse.click(x, y);
  const input = page.locator('.hovercard-input');
  assert.ok(await input.isVisible());
  await input.fill('-4');
  await input.press('Enter'); // Enter applies the field's value (web/ui/hover-card.js)
  assert.equal(await input.isVisible(), false, 'Enter closes the editor');
  const after = await state(page);
  assert.notEqual(after.trainLoss, before.trainLoss);
  assert.equal(after.epoch, before.epoch);
  await redrawn(page, '#heatmap', heat, { what: 'the heatmap with the edited weight' });
  await hoverLink(page, last);
  assert.match(await page.textContent('.hovercard-text'), /^Weight is -4\.0$/);
  assert.deepEqual(errors, []);
  await close();
});

test('keyboard: a focused bias opens its editor with Enter and takes a value', async () => {
  const { page, close } = await open();
  const before = await state(page);
  await page.locator('rect.bias').last().focus();
  await page.keyboard.press('Enter');
  const input = page.locator('.hovercard-input');
  assert.ok(await input.isVisible());
  assert.ok(await input.evaluate((el) => el === document.activeElement));
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  const after = await state(page);
  assert.notEqual(after.trainLoss, before.trainLoss);
  await page.locator('rect.bias').last().focus();
  assert.match(await page.textContent('.hovercard-text'), /^Bias is 2\.0$/);
  await close();
});

test('dead L1 links are drawn dead and say so', async () => {
  const { page, close } = await open(
    `#seed=${GOLDEN.seed}&regularization=L1&regularizationRate=0.3&learningRate=0.1&x=true&y=true&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true`,
  );
  await page.evaluate(() => window.nnplay.step(100));
  const i = await changed(
    page,
    () => {
      const c = document.querySelector('canvas.link-canvas').links;
      for (let i = 0; i < c.count; i++) if (c.style(i).dead) return i;
      return -1;
    },
    (n) => n >= 0,
    { what: 'dead links (some links died)' },
  );
  await hoverLink(page, i);
  assert.match(await page.textContent('.hovercard-text'), /Weight is 0\.0 \(a dead link/);
  await close();
});
