// Browser tests of the page's layout and access: screenshots at
// 1280 x 800 and 375 x 667 (build/test-artifacts/), no horizontal scroll on a phone even with
// a wide network (the diagram scrolls inside its own box), every control named, the menus and
// nodes usable from the keyboard, and the canvases drawn at the screen's pixel ratio.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { useBrowser, artifactPath } from './harness.mjs';
import { openPage, changed, textShown, redrawn, GOLDEN } from './page-helpers.mjs';

const env = useBrowser();

const PHONE = {
  viewport: { width: 375, height: 667 },
  hasTouch: true,
  isMobile: true,
  deviceScaleFactor: 2,
};

async function trained(options, hash = `#seed=${GOLDEN.seed}`) {
  const opened = await openPage(env, hash, options);
  for (let i = 0; i < 30; i++) await opened.page.evaluate(() => window.nnplay.step(10)); // a curve in the chart
  await textShown(opened.page, '#epoch-number', '000,300'); // drawn before the screenshot
  return opened;
}

test('screenshot at 1280 x 800', async () => {
  const { page, errors, close } = await trained({ viewport: { width: 1280, height: 800 } });
  const file = artifactPath('playground-1280x800.png');
  await page.screenshot({ path: file });
  assert.ok(fs.statSync(file).size > 20000);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 1280);
  for (const id of [
    '#heatmap',
    '#play-pause-button',
    '#control-learningRate',
    '.network-body',
    '#loss-chart',
  ]) {
    const box = await page.locator(id).boundingBox();
    assert.ok(box && box.y + box.height <= 800, `${id} above the fold`);
  }
  assert.deepEqual(errors, []);
  await close();
});

test('a phone (375 x 667): fits without horizontal scroll; screenshot', async () => {
  const { page, errors, close } = await trained(PHONE);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 375);
  const heat = await page.locator('.heatmap-frame').boundingBox();
  assert.ok(heat.x >= 0 && heat.x + heat.width <= 375);
  await page.screenshot({ path: artifactPath('playground-375x667.png') });
  await page.screenshot({ path: artifactPath('playground-375-full.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await close();
});

test('a phone with six layers of eight: the page does not scroll sideways, the diagram does', async () => {
  const { page, close } = await trained(PHONE, '#seed=a&networkShape=8,8,8,8,8,8');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 375);
  const inner = await page.$eval('.network-scroll', (el) => [el.scrollWidth, el.clientWidth]);
  assert.ok(inner[0] > inner[1], `diagram ${inner[0]} in ${inner[1]}`);
  await close();
});

test('every control has an accessible name', async () => {
  const { page, close } = await openPage(env, `#seed=${GOLDEN.seed}`);
  const unnamed = await page.evaluate(() => {
    const named = (el) =>
      (el.getAttribute('aria-label') || '').trim() ||
      (el.id && document.querySelector(`label[for="${el.id}"]`)?.textContent.trim()) ||
      el.closest('label')?.textContent.trim() ||
      (el.tagName === 'BUTTON' && el.textContent.trim());
    return [...document.querySelectorAll('button, input, select, [role="button"], [tabindex="0"]')]
      .filter((el) => !el.closest('[hidden]') && !named(el))
      .map((el) => el.outerHTML.slice(0, 100));
  });
  assert.deepEqual(unnamed, []);
  await close();
});

test('keyboard: tab to the learning rate menu and change it; tab reaches a neuron and previews it', async () => {
  const { page, close } = await openPage(env, `#seed=${GOLDEN.seed}`);
  await page.focus('#step-button');
  let found = false;
  for (let i = 0; i < 10 && !found; i++) {
    await page.keyboard.press('Tab');
    found = await page.evaluate(() => document.activeElement.id === 'control-learningRate');
  }
  assert.ok(found, 'the learning rate menu is in the tab order');
  await page.keyboard.press('ArrowDown');
  await changed(page, () => window.nnplay.state().config.learningRate, 0.1, {
    what: 'the learning rate',
  });
  const before = await page.evaluate(() => document.querySelector('#heatmap').toDataURL());
  await page.focus('.node[data-layer="0"][data-node="0"]');
  await redrawn(page, '#heatmap', before, { what: "the focused neuron's map" });
  await close();
});

test('a screen of pixel ratio 2: the points, the loss chart and the thumbnails are drawn at twice their CSS size', async () => {
  const { page, errors, close } = await openPage(env, `#seed=${GOLDEN.seed}`, {
    deviceScaleFactor: 2,
  });
  await page.evaluate(() => window.nnplay.step(20)); // a line in the chart
  await textShown(page, '#epoch-number', '000,020');
  // Each is drawn for its CSS size: the points for the heatmap's box, the chart for its own
  // box, a thumbnail for its 40 px.
  const sizes = await page.evaluate(() => {
    const size = (sel) => {
      const c = document.querySelector(sel);
      return [c.width, c.height];
    };
    const points = document.querySelector('#points').clientWidth;
    const chart = document.querySelector('#loss-chart');
    return {
      points: [size('#points'), [points, points]],
      chart: [size('#loss-chart'), [chart.clientWidth, chart.clientHeight]],
      thumbnail: [size('.dataset-thumbnail'), [40, 40]],
    };
  });
  for (const [name, [backing, css]] of Object.entries(sizes)) {
    assert.ok(css[0] > 0 && css[1] > 0, `${name} is shown`);
    assert.deepEqual(
      backing,
      [2 * css[0], 2 * css[1]],
      `${name}: backing pixels for ${css.join(' x ')} CSS pixels`,
    );
  }
  assert.deepEqual(errors, []);
  await close();
});
