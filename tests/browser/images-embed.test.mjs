// Browser tests of the images mode's embed view (#mode=images&embed=true, for a slide deck's
// iframe): at 800 x 450 and 1280 x 720 the play row, the drawing pad and the network's maps
// show, the training figures, chart, confusion matrix and file buttons do not, nothing scrolls
// the frame, the pad is scaled to the frame; a stroke draws the maps and the scores; space and
// the right arrow train as in the playground's embed view. Saves
// build/test-artifacts/images-embed-<w>x<h>.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, artifactPath } from './harness.mjs';
import { openPage, changed } from './page-helpers.mjs';

const env = useBrowser();

const state = () => {
  const d = document.getElementById('images').dataset;
  return {
    ready: d.ready === 'true',
    pretrained: d.pretrained === 'true',
    examples: Number(d.examples || 0),
    playing: d.playing === 'true',
    scores: [...document.querySelectorAll('#im-scores li')].map((li) => li.textContent),
    maps: document.querySelectorAll('#im-inside canvas').length,
  };
};

for (const [w, h] of [
  [800, 450],
  [1280, 720],
]) {
  test(`the images embed view at ${w} x ${h}: pad, maps and play only, no scrollbars`, async () => {
    const { page, close, errors } = await openPage(env, '#mode=images&embed=true', {
      viewport: { width: w, height: h },
    });
    await changed(page, state, (s) => s.ready && s.pretrained, {
      what: 'the shipped network',
      timeout: 30000,
    });
    const box = await page.locator('#im-pad').boundingBox();
    const y = [0.5, 0.2, 0.8];
    await page.mouse.move(box.x + 0.5 * box.width, box.y + y[1] * box.height);
    await page.mouse.down();
    await page.mouse.move(box.x + 0.5 * box.width, box.y + y[2] * box.height, { steps: 8 });
    await page.mouse.up();
    const s = await changed(page, state, (v) => v.scores.length === 5 && v.maps > 20, {
      what: 'scores and maps',
    });
    assert.match(s.scores[0], /^one \(score = /);
    const layout = await page.evaluate(() => {
      const visible = (sel) => {
        const e = document.querySelector(sel);
        return Boolean(e && e.getClientRects().length);
      };
      const de = document.documentElement;
      return {
        scroll: [de.scrollWidth, de.scrollHeight, innerWidth, innerHeight],
        shown: ['#im-pad', '#im-play', '#im-inside', '#im-scores'].filter(visible),
        hidden: [
          '#im-chart',
          '#im-confusion-panel',
          '#im-download',
          '#im-preset',
          '.banner',
          '#im-layers',
        ].filter((sel) => !visible(sel)),
        pad: document.getElementById('im-pad').getBoundingClientRect().width,
      };
    });
    assert.ok(
      layout.scroll[0] <= layout.scroll[2] && layout.scroll[1] <= layout.scroll[3],
      `no scrollbars: ${layout.scroll}`,
    );
    assert.deepEqual(layout.shown, ['#im-pad', '#im-play', '#im-inside', '#im-scores']);
    assert.equal(layout.hidden.length, 6, `hidden: ${layout.hidden}`);
    assert.ok(
      layout.pad >= 0.25 * w && layout.pad <= 0.5 * w,
      `the pad fits the frame: ${layout.pad}`,
    );
    await page.screenshot({ path: artifactPath(`images-embed-${w}x${h}.png`) });

    // The playground embed view's keys: the right arrow steps one batch, space plays.
    await page.locator('#im-inside h3').click();
    await page.keyboard.press('ArrowRight');
    await changed(page, state, (v) => v.examples === s.examples + 20, { what: 'one batch' });
    await page.keyboard.press(' ');
    await changed(page, state, (v) => v.playing && v.examples > s.examples + 200, {
      what: 'training',
    });
    await page.keyboard.press(' ');
    await changed(page, state, (v) => !v.playing, { what: 'paused' });
    assert.deepEqual(errors, []);
    await close();
  });
}
