// The speed control: fixed epochs per frame, and "max", which adapts the
// epochs per frame to hold 60 frames a second. Times are recorded (diagnostics), never
// asserted: what is asserted is that max trains faster than one epoch a frame, that the page
// keeps taking input while it does, and that the setting lives in the link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './harness.mjs';
import { openPage, frames, state, hash, GOLDEN } from './page-helpers.mjs';

const env = useBrowser();

/** Plays for `ms`, recording frame intervals; returns {frames, epochs, longestMs, medianMs}. */
function playAndMeasure(page, ms) {
  return page.evaluate(
    (duration) =>
      new Promise((resolve) => {
        const start = window.nnplay.state().epoch;
        const gaps = [];
        let last = performance.now();
        const end = last + duration;
        window.nnplay.play();
        const tick = (now) => {
          gaps.push(now - last);
          last = now;
          if (now < end) {
            requestAnimationFrame(tick);
            return;
          }
          const s = window.nnplay.pause();
          gaps.sort((a, b) => a - b);
          resolve({
            frames: gaps.length,
            epochs: s.epoch - start,
            longestMs: gaps.at(-1),
            medianMs: gaps[gaps.length >> 1],
          });
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
}

test('speed menu: 1 (the reference) to max; 1 is the default and stays out of the link', async () => {
  const { page, errors, close } = await openPage(env, `#seed=${GOLDEN.seed}`);
  const options = await page.$$eval('#control-speed option', (o) => o.map((x) => x.value));
  assert.deepEqual(options, ['1', '2', '5', '10', '25', '100', 'max']);
  assert.equal(await page.inputValue('#control-speed'), '1');
  assert.doesNotMatch(await hash(page), /speed=/);
  assert.equal(await page.getAttribute('#control-speed', 'id'), 'control-speed');
  assert.ok(await page.locator('label[for="control-speed"]').count(), 'the menu has a label');
  assert.deepEqual(errors, []);
  await close();
});

test('a fixed speed trains that many epochs per frame', async () => {
  const { page, close } = await openPage(env, `#seed=${GOLDEN.seed}`);
  await page.selectOption('#control-speed', '10');
  assert.match(await hash(page), /&speed=10(&|$)/);
  const run = await playAndMeasure(page, 500);
  assert.equal(run.epochs % 10, 0, `epochs ${run.epochs} come in tens`);
  assert.ok(run.epochs >= 10);
  await close();
});

test('max: many epochs per frame on the default config, the page still answers input', async (t) => {
  const { page, errors, close } = await openPage(env, `#seed=${GOLDEN.seed}&speed=max`);
  assert.equal(await page.inputValue('#control-speed'), 'max', 'the link sets the speed');
  const warm = await playAndMeasure(page, 500); // the governor ramps up
  const run = await playAndMeasure(page, 2000);
  t.diagnostic(
    `max: ${run.epochs} epochs in ${run.frames} frames (${(run.epochs / run.frames).toFixed(1)} per frame); ` +
      `median frame ${run.medianMs.toFixed(1)} ms, longest ${run.longestMs.toFixed(1)} ms (warm-up longest ${warm.longestMs.toFixed(1)} ms)`,
  );
  assert.ok(
    run.epochs > 2 * run.frames,
    `max trains more than the reference's one epoch a frame (${run.epochs} in ${run.frames})`,
  );
  // Input while playing at max: the pause button takes effect.
  await page.evaluate(() => window.nnplay.play());
  await frames(page);
  await page.click('#play-pause-button');
  const paused = await state(page);
  assert.equal(paused.playing, false);
  await frames(page);
  assert.equal((await state(page)).epoch, paused.epoch, 'no training after pause');
  assert.ok(paused.trainLoss < 0.01, `the circle is learned (${paused.trainLoss})`);
  assert.deepEqual(errors, []);
  await close();
});
