// Browser tests of the fluid layout (issue 10), read from the computed layout: on a projector
// or laptop (1024 x 768, 1280 x 720, 1366 x 768) the top bar in at most two rows with copy
// link in it, and the map, the network and the losses above the fold; on a phone upright
// (375 x 667, touch) the play bar on screen after scrolling to the bottom, the pinned copy of
// the map on screen with the diagram (and showing a tapped neuron's map), touch targets of at
// least 44 x 44 px, "tap" and not "hover"; on a phone on its side (667 x 375) the map beside
// the network. Screenshots playground-1024x768.png, -375x667.png and -667x375.png in
// build/test-artifacts/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { useBrowser, artifactPath } from './harness.mjs';
import { openPage, textShown, changed, frames, countColours, GOLDEN } from './page-helpers.mjs';

const env = useBrowser();

const touch = (width, height) => ({
  viewport: { width, height },
  hasTouch: true,
  isMobile: true,
  deviceScaleFactor: 2,
});
const PHONE = touch(375, 667);
const PHONE_LANDSCAPE = touch(667, 375);
const TIMEOUT = 30000; // a loaded 2-core machine

async function trained(options, hash = `#seed=${GOLDEN.seed}`) {
  const opened = await openPage(env, hash, options);
  for (let i = 0; i < 30; i++) await opened.page.evaluate(() => window.nnplay.step(10)); // a curve in the chart
  await textShown(opened.page, '#epoch-number', '000,300', { timeout: TIMEOUT });
  return opened;
}

/** Viewport boxes {x, y, width, height} of the first element of each selector (null: none). */
function boxes(page, selectors) {
  return page.evaluate((sels) => {
    const out = {};
    for (const sel of sels) {
      const el = document.querySelector(sel);
      const r = el && el.getBoundingClientRect();
      out[sel] = r && r.width > 0 ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
    }
    return out;
  }, selectors);
}

const inViewport = (b, vp) =>
  b && b.x >= 0 && b.y >= 0 && b.x + b.width <= vp.width + 0.5 && b.y + b.height <= vp.height + 0.5;

for (const [width, height] of [
  [1024, 768],
  [1280, 720],
  [1366, 768],
]) {
  test(`${width} x ${height}: the top bar in two rows with copy link; map, network and losses above the fold`, async () => {
    const { page, errors, close } = await trained({ viewport: { width, height } });
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width);
    // The rows of the top bar: the menus and copy link grouped into rows (a box that starts
    // below every box of the row so far starts a new one); the play bar (reset, play, step,
    // epoch) stands beside them, not in a row of its own.
    const bar = await page.evaluate(() => {
      const rs = [...document.querySelectorAll('.bar-settings .control, #share')]
        .map((el) => el.getBoundingClientRect())
        .filter((r) => r.width > 0)
        .sort((a, b) => a.top - b.top);
      const rows = [];
      for (const r of rs) {
        const row = rows.at(-1);
        if (row && r.top < row.bottom - 2) row.bottom = Math.max(row.bottom, r.bottom);
        else rows.push({ top: r.top, bottom: r.bottom });
      }
      const low = rows[0].top;
      const high = rows.at(-1).bottom;
      const play = document.querySelector('.play-bar').getBoundingClientRect();
      const bar = document.querySelector('.top-bar').getBoundingClientRect();
      const link = document.querySelector('#copy-link');
      const l = link.getBoundingClientRect();
      return {
        rows: rows.length,
        playBeside: play.top < high && low < play.bottom,
        barHeight: bar.height,
        linkInBar:
          Boolean(link.closest('.bar-settings')) && l.top >= bar.top && l.bottom <= bar.bottom,
      };
    });
    assert.ok(bar.playBeside, 'the play controls beside the menus');
    assert.ok(bar.rows <= 2, `the top bar's controls in ${bar.rows} rows`);
    assert.ok(bar.barHeight <= 140, `the top bar is ${bar.barHeight} px high`);
    assert.ok(bar.linkInBar, 'copy link sits in the top bar, with the menus');
    const b = await boxes(page, ['#heatmap', '.heatmap-frame', '.network-body', '#loss-chart']);
    for (const [sel, box] of Object.entries(b))
      assert.ok(
        inViewport(box, { width, height }),
        `${sel} above the fold: ${JSON.stringify(box)}`,
      );
    if (width === 1024) {
      const file = artifactPath('playground-1024x768.png');
      await page.screenshot({ path: file });
      assert.ok(fs.statSync(file).size > 20000);
    }
    assert.deepEqual(errors, []);
    await close();
  });
}

test('a phone upright (375 x 667): the play bar stays on screen to the bottom of the page; screenshot', async () => {
  const { page, errors, close } = await trained(PHONE);
  const vp = PHONE.viewport;
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 375);
  await page.screenshot({ path: artifactPath('playground-375x667.png') });
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await changed(page, () => window.scrollY > 1000, true, { what: 'the page scrolled down' });
  await frames(page);
  const b = await boxes(page, [
    '#play-pause-button',
    '#step-button',
    '#reset-button',
    '#epoch-number',
  ]);
  for (const [sel, box] of Object.entries(b))
    assert.ok(inViewport(box, vp), `${sel} on screen at the bottom: ${JSON.stringify(box)}`);
  // and it still plays from there
  await page.tap('#play-pause-button');
  await changed(page, () => window.nnplay.state().playing, true, { what: 'playing' });
  await page.tap('#play-pause-button');
  assert.deepEqual(errors, []);
  await close();
});

test('a phone upright: the pinned map is on screen with the diagram and shows a tapped neuron', async () => {
  const { page, errors, close } = await trained(PHONE);
  const vp = PHONE.viewport;
  const shown = () => {
    const m = document.querySelector('#mini-map');
    const r = m.getBoundingClientRect();
    return getComputedStyle(m).visibility === 'visible' && r.width >= 44 && r.bottom > 0;
  };
  assert.equal(await page.evaluate(shown), false, 'no copy while the map itself is on screen');
  await page.evaluate(() =>
    document.querySelector('.network-body').scrollIntoView({ block: 'end' }),
  );
  await changed(page, shown, true, { what: 'the pinned copy of the map', timeout: TIMEOUT });
  const b = await boxes(page, ['#mini-map', '.network-body']);
  assert.ok(inViewport(b['#mini-map'], vp), `the copy on screen: ${JSON.stringify(b)}`);
  const net = b['.network-body'];
  assert.ok(net.y + net.height <= vp.height + 0.5 && net.y + net.height > 200, 'the diagram too');
  await changed(page, countColours, (c) => c.length > 10, {
    arg: '#mini-map-canvas',
    what: 'the copy drawn',
  });
  // A tapped neuron's map: in the big heatmap (pinned) and so in the copy on screen.
  const before = await page.evaluate(() => document.querySelector('#mini-map-canvas').toDataURL());
  const node = '.node[data-layer="0"][data-node="0"]';
  assert.ok(inViewport((await boxes(page, [node]))[node], vp), 'the neuron on screen');
  await page.tap(node);
  await changed(page, (s) => document.querySelector(s).classList.contains('pinned'), true, {
    arg: node,
    what: 'the neuron pinned',
  });
  await changed(page, (d) => document.querySelector('#mini-map-canvas').toDataURL() !== d, true, {
    arg: before,
    what: "the copy showing the neuron's map",
    timeout: TIMEOUT,
  });
  assert.ok(inViewport((await boxes(page, ['#mini-map']))['#mini-map'], vp));
  // A tap on the copy brings the map itself into view.
  await page.tap('#mini-map');
  await changed(
    page,
    () => {
      const r = document.querySelector('.heatmap-frame').getBoundingClientRect();
      return r.top >= 60 && r.bottom <= window.innerHeight;
    },
    true,
    { what: 'the map scrolled into view', timeout: TIMEOUT },
  );
  assert.deepEqual(errors, []);
  await close();
});

/** The page-side list of touch targets under 44 x 44 px among the visible buttons, menus,
 *  fields, tabs and toggles (a checkbox or radio counts with its label). The diagram's SVG
 *  bias squares and link strokes are left out (their own hit areas, the network view's). */
function smallTargets() {
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility === 'visible';
  };
  const small = [];
  const seen = new Set(); // the targets checked
  const sel = 'button, select, input, a.mode-tab, .pc-cta, [role="button"], [role="tab"]';
  for (const el of document.querySelectorAll(sel)) {
    if (el.closest('svg') || !visible(el)) continue;
    const label = el.matches('input[type="checkbox"], input[type="radio"]') && el.closest('label');
    const target = label || el;
    if (seen.has(target)) continue;
    seen.add(target);
    const r = target.getBoundingClientRect();
    if (r.width < 43.5 || r.height < 43.5) {
      const name = el.id || el.getAttribute('aria-label') || el.textContent.trim().slice(0, 30);
      small.push(
        `${el.tagName.toLowerCase()} "${name}" ${Math.round(r.width)}x${Math.round(r.height)}`,
      );
    }
  }
  return { small, checked: seen.size };
}

async function assertTargets(page, where) {
  const { small, checked } = await page.evaluate(smallTargets);
  assert.ok(checked > 15, `${checked} targets found ${where}`);
  assert.deepEqual(small, [], `touch targets under 44 x 44 px ${where}`);
}

test('a phone: every button, menu, field, tab and toggle is at least 44 x 44 px', async () => {
  const { page, errors, close } = await trained(PHONE);
  await page.tap('#copy-link'); // shows the link's field too
  await changed(page, () => !document.querySelector('#share-url').hidden, true, {
    what: 'the link field',
  });
  await assertTargets(page, 'in the playground');
  // The perceptron lab's controls too.
  await page.evaluate(() => (window.location.hash = '#mode=perceptron'));
  await changed(page, () => document.body.dataset.mode, 'perceptron', { what: 'the lab' });
  await frames(page);
  await assertTargets(page, 'in the perceptron lab');
  assert.deepEqual(errors, []);
  await close();
});

test('the words follow the pointer: "tap" on a touch screen, "hover" with a mouse', async () => {
  const phone = await openPage(env, `#seed=${GOLDEN.seed}`, PHONE);
  const text = await phone.page.evaluate(() => document.body.innerText);
  assert.doesNotMatch(text, /hover/i, 'no "hover" on a touch screen');
  assert.match(text, /tap it to see it large/);
  await phone.close();
  const desk = await openPage(env, `#seed=${GOLDEN.seed}`);
  assert.match(await desk.page.evaluate(() => document.body.innerText), /hover over it to see/);
  await desk.close();
});

test('a phone on its side (667 x 375): the map beside the network; screenshot', async () => {
  const { page, errors, close } = await trained(PHONE_LANDSCAPE);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 667);
  await page.evaluate(() =>
    document.querySelector('.heatmap-frame').scrollIntoView({ block: 'center' }),
  );
  await frames(page);
  const b = await boxes(page, ['.heatmap-frame', '.network-body']);
  const map = b['.heatmap-frame'];
  const net = b['.network-body'];
  assert.ok(
    map.y < net.y + net.height && net.y < map.y + map.height,
    `overlapping rows: map ${JSON.stringify(map)}, network ${JSON.stringify(net)}`,
  );
  assert.ok(map.x >= net.x + net.width || net.x >= map.x + map.width, 'side by side');
  await page.screenshot({ path: artifactPath('playground-667x375.png') });
  assert.deepEqual(errors, []);
  await close();
});
