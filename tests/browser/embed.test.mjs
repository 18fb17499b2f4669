// Browser tests of the embed view and the postMessage API
// (docs/EMBEDDING.md): a host page (fixtures/host.html) with an <iframe> of
// index.html#embed=true&seed=0.12345 at 400 x 300, 1280 x 720 and 1920 x 1080: no scrollbars in
// the frame, the heatmap and the network visible and inside it, the rest of the page not shown;
// screenshots build/test-artifacts/embed-<w>x<h>.png. The shortcuts (space, right arrow, r) in
// the frame and in the full page. The host's messages: state, step (the golden loss), play,
// pause, reset, configure (valid and not), bad and foreign messages, a message sent before the
// engine is ready. dist/nnplay.html from file:// is in dist.test.mjs (it builds dist/ first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { useBrowser, artifactPath } from './harness.mjs';
import { openPage, changed, textShown, frames, state, GOLDEN } from './page-helpers.mjs';

const env = useBrowser();

/** A host page with the frame at w x h; resolves once the frame has answered its first
 *  message. Returns {page, frame, early, errors, close}. */
async function openHost(w, h, { query = '', prepare } = {}) {
  const { page, errors, close } = await openPage(
    env,
    `tests/browser/fixtures/host.html?w=${w}&h=${h}${query}`,
    { viewport: { width: w + 40, height: h + 40 }, ready: false, prepare },
  );
  const early = await page.evaluate(() => window.early);
  const frame = page.mainFrame().childFrames()[0];
  assert.ok(frame, 'the frame is there');
  await frames(frame);
  return { page, frame, early, errors, close };
}

const ask = (page, message) => page.evaluate((m) => window.ask(m), message);
const frameState = (frame) => frame.evaluate(() => window.nnplay.state());

/** The box of the first element matching a selector, in the frame's own viewport; null when
 *  it is not rendered (display: none, or no size). */
function boxIn(frame, selector) {
  return frame.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (r.width === 0 || r.height === 0 || style.visibility === 'hidden') return null;
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }, selector);
}

function assertInside(box, w, h, what) {
  assert.ok(box, `${what} is visible`);
  assert.ok(
    box.x >= 0 && box.y >= 0 && box.x + box.width <= w + 0.5 && box.y + box.height <= h + 0.5,
    `${what} ${JSON.stringify(box)} inside ${w} x ${h}`,
  );
}

for (const [w, h] of [
  [400, 300],
  [1280, 720],
  [1920, 1080],
]) {
  test(`the embed view at ${w} x ${h}: heatmap, network and play controls only, no scrollbars`, async () => {
    const { page, frame, early, errors, close } = await openHost(w, h);
    assert.equal(early.nnplay, 'state');
    await ask(page, { nnplay: 'step', n: 100 }); // a trained picture for the screenshot
    await textShown(frame, '#epoch-number', '000,100');

    const scroll = await frame.evaluate(() => {
      const s = document.scrollingElement;
      return {
        sw: s.scrollWidth,
        cw: s.clientWidth,
        sh: s.scrollHeight,
        ch: s.clientHeight,
        vw: innerWidth,
        vh: innerHeight,
      };
    });
    assert.equal(scroll.vw, w);
    assert.equal(scroll.vh, h);
    assert.ok(scroll.sw <= scroll.cw, `no horizontal scroll: ${JSON.stringify(scroll)}`);
    assert.ok(scroll.sh <= scroll.ch, `no vertical scroll: ${JSON.stringify(scroll)}`);

    const heat = await boxIn(frame, '.heatmap-frame');
    assertInside(heat, w, h, 'the heatmap');
    assert.ok(Math.abs(heat.width - heat.height) < 1, 'the heatmap is square');
    // as large as fits: more than half the frame's smaller side at every size
    assert.ok(heat.width >= 0.5 * Math.min(w, h), `heatmap ${heat.width} px in ${w} x ${h}`);
    const nodes = await frame.evaluate(() =>
      [...document.querySelectorAll('.network-body .node')].map((n) => {
        const r = n.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }),
    );
    assert.equal(nodes.length, 2 + 4 + 2 + 1, 'the features in use, 4 and 2 neurons, the output');
    for (const [i, box] of nodes.entries()) assertInside(box, w, h, `node ${i}`);
    assert.ok(
      nodes.every((b) => b.width >= 14),
      `nodes large enough to see: ${nodes[0].width} px`,
    );
    const network = await boxIn(frame, '.network-body');
    assert.ok(
      network.x + network.width <= heat.x + 1,
      'the network beside the heatmap, not over it',
    );
    for (const sel of [
      '#play-pause-button',
      '#reset-button',
      '#step-button',
      '#epoch-number',
      '#train-loss',
    ]) {
      assertInside(await boxIn(frame, sel), w, h, sel);
    }
    for (const sel of [
      '.banner',
      '#control-learningRate',
      '.top-controls',
      '.share',
      '.data-column',
      '#dataset-picker',
      '#loss-chart',
      '.legend',
      '#show-test-data',
      '#article-text',
      '.network-head',
      '.neuron-controls-row',
    ]) {
      assert.equal(await boxIn(frame, sel), null, `${sel} is not shown`);
    }
    const file = artifactPath(`embed-${w}x${h}.png`);
    await page.locator('#net').screenshot({ path: file });
    assert.ok(fs.statSync(file).size > 5000);
    assert.deepEqual(errors, []);
    await close();
  });
}

test('the embed view keeps embed=true in its hash, and a resize keeps it fitting', async () => {
  const { page, frame, close } = await openHost(1280, 720);
  await ask(page, { nnplay: 'reset' });
  assert.match(await frame.evaluate(() => location.hash), /(^#|&)embed=true(&|$)/);
  await page.evaluate(() => {
    const f = document.getElementById('net');
    f.width = '500';
    f.height = '400';
  });
  await changed(frame, () => [innerWidth, innerHeight], [500, 400], {
    what: 'the frame at 500 x 400',
  });
  await changed(
    frame,
    () => {
      const s = document.scrollingElement;
      return s.scrollWidth <= s.clientWidth && s.scrollHeight <= s.clientHeight;
    },
    true,
    { what: 'the view fitting the frame without scrollbars' },
  );
  assertInside(await boxIn(frame, '.heatmap-frame'), 500, 400, 'the heatmap after a resize');
  assertInside(
    await boxIn(frame, '.network-body .output-node'),
    500,
    400,
    'the output node after a resize',
  );
  // the points are redrawn for the new size (their canvas matches its box)
  await changed(
    frame,
    () => {
      const c = document.getElementById('points');
      return [c.width, Math.round(c.clientWidth * devicePixelRatio)];
    },
    ([width, box]) => width === box,
    { what: 'the points canvas sized to its box' },
  );
  await close();
});

test('keyboard in the frame: space plays and pauses, right arrow steps, r resets', async () => {
  const { page, frame, close } = await openHost(1280, 720);
  await frame.locator('#points').click(); // focus the frame
  await page.keyboard.press('Space');
  assert.equal((await frameState(frame)).playing, true);
  await page.waitForTimeout(100);
  await page.keyboard.press('Space');
  const paused = await frameState(frame);
  assert.equal(paused.playing, false);
  assert.ok(paused.epoch > 0);
  await page.keyboard.press('ArrowRight');
  let s = await frameState(frame);
  assert.equal(s.epoch, paused.epoch + 1);
  assert.equal(s.playing, false);
  await page.keyboard.press('r');
  s = await frameState(frame);
  assert.equal(s.epoch, 0);
  // After a click on the play button (focus on a button) the arrow pauses and steps.
  await frame.locator('#play-pause-button').click();
  assert.equal((await frameState(frame)).playing, true);
  await page.keyboard.press('ArrowRight');
  s = await frameState(frame);
  assert.equal(s.playing, false);
  await page.keyboard.press('ArrowRight');
  assert.equal((await frameState(frame)).epoch, s.epoch + 1);
  await close();
});

test('keyboard in the full page too, but not in a form control', async () => {
  const { page, errors, close } = await openPage(env, `#seed=${GOLDEN.seed}`);
  await page.locator('#points').click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal((await state(page)).epoch, 2);
  await page.keyboard.press('r');
  assert.equal((await state(page)).epoch, 0);
  await page.focus('#control-learningRate');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('r');
  await page.keyboard.press('Space');
  const s = await state(page);
  assert.equal(s.epoch, 0);
  assert.equal(s.playing, false);
  assert.deepEqual(errors, []);
  await close();
});

test('postMessage: state, step (the golden loss), play, pause, reset', async () => {
  const { page, early, errors, close } = await openHost(400, 300);
  assert.equal(early.nnplay, 'state');
  assert.equal(early.state.epoch, 0);
  assert.equal(early.state.config.seed, GOLDEN.seed);
  assert.ok(Math.abs(early.state.trainLoss - GOLDEN.epoch0) < 1e-9);

  let reply = await ask(page, { nnplay: 'step', n: 100 });
  assert.equal(reply.nnplay, 'state');
  assert.equal(reply.state.epoch, 100);
  assert.ok(
    Math.abs(reply.state.trainLoss - GOLDEN.epoch100) < 1e-9,
    `trainLoss ${reply.state.trainLoss}`,
  );
  reply = await ask(page, { nnplay: 'step', n: 5 });
  assert.equal(reply.state.epoch, 105);
  reply = await ask(page, { nnplay: 'step' });
  assert.equal(reply.state.epoch, 106, 'n defaults to 1');

  reply = await ask(page, { nnplay: 'play' });
  assert.equal(reply.state.playing, true);
  await page.waitForTimeout(150);
  reply = await ask(page, { nnplay: 'pause' });
  assert.equal(reply.state.playing, false);
  assert.ok(reply.state.epoch > 106, `trained while playing: ${reply.state.epoch}`);
  const pausedAt = reply.state.epoch;
  await page.waitForTimeout(100);
  assert.equal((await ask(page, { nnplay: 'state' })).state.epoch, pausedAt, 'paused stays paused');

  reply = await ask(page, { nnplay: 'reset' });
  assert.equal(reply.state.epoch, 0);
  assert.equal(reply.state.playing, false);
  assert.equal(reply.state.resets, 1);
  // every reply went to the host, from the frame's origin
  const log = await page.evaluate(() => window.log);
  assert.ok(
    log.every((m) => m.origin === env.server.url.replace(/\/$/, '')),
    JSON.stringify(log.map((m) => m.origin)),
  );
  assert.deepEqual(errors, []);
  await close();
});

test('postMessage: configure, valid and not; bad and foreign messages', async () => {
  const { page, frame, errors, close } = await openHost(400, 300);
  let reply = await ask(page, {
    nnplay: 'configure',
    config: { dataset: 'xor', networkShape: [3], seed: 'abc' },
  });
  assert.equal(reply.nnplay, 'state', JSON.stringify(reply));
  assert.equal(reply.state.config.dataset, 'xor');
  assert.deepEqual(reply.state.config.networkShape, [3]);
  assert.equal(reply.state.epoch, 0);
  await changed(frame, () => document.querySelectorAll('.node[data-layer="0"]').length, 3, {
    what: 'the frame showing the new network',
  });
  assert.match(
    await frame.evaluate(() => location.hash),
    /dataset=xor.*networkShape=3.*embed=true/,
  );

  await ask(page, { nnplay: 'step', n: 7 });
  await frames(frame); // the steps' map drawn before it is kept (a busy machine drew it late)
  const before = await frameState(frame);
  const picture = await frame.evaluate(() => document.getElementById('heatmap').toDataURL());
  reply = await ask(page, { nnplay: 'configure', config: { dataset: 'xor', noise: 99 } });
  assert.equal(reply.nnplay, 'error');
  assert.ok(
    reply.errors.some((e) => /^noise: /.test(e)),
    JSON.stringify(reply.errors),
  );
  reply = await ask(page, { nnplay: 'configure', config: { networkShape: [2, 1000] } });
  assert.equal(reply.nnplay, 'error');
  assert.ok(
    reply.errors.some((e) => /networkShape/.test(e)),
    JSON.stringify(reply.errors),
  );
  await frames(frame);
  assert.deepEqual(await frameState(frame), before, 'a refused config changes nothing');
  assert.equal(await frame.evaluate(() => document.getElementById('heatmap').toDataURL()), picture);

  const bad = [
    [{ nnplay: 'fly' }, /unknown command "fly"/],
    [{ nnplay: 42 }, /unknown command number/],
    [{ nnplay: 'step', n: -1 }, /"n" must be a whole number/],
    [{ nnplay: 'step', n: 2.5 }, /"n" must be a whole number/],
    [{ nnplay: 'step', n: '5' }, /"n" must be a whole number/],
    [{ nnplay: 'step', n: 1e9 }, /"n" must be a whole number/],
    [{ nnplay: 'configure' }, /"config" must be an object/],
    [{ nnplay: 'configure', config: [1] }, /"config" must be an object/],
  ];
  for (const [message, pattern] of bad) {
    reply = await ask(page, message);
    assert.equal(reply.nnplay, 'error', JSON.stringify(message));
    assert.match(reply.errors[0], pattern);
  }
  assert.deepEqual(await frameState(frame), before, 'bad messages change nothing');

  // Messages without an nnplay key (a deck's own) get no reply: the next reply is the state's.
  const count = await page.evaluate(() => window.log.length);
  await page.evaluate(() => {
    const w = document.getElementById('net').contentWindow;
    for (const m of ['play', 42, null, { method: 'slide' }, { namespace: 'reveal', type: 'ready' }])
      w.postMessage(m, '*');
  });
  reply = await ask(page, { nnplay: 'state' });
  assert.equal(reply.nnplay, 'state');
  assert.equal(reply.state.playing, false, 'the string "play" is not a command');
  assert.equal(await page.evaluate(() => window.log.length), count + 1);
  assert.deepEqual(errors, []);
  await close();
});

test('a message sent before the engine is ready is answered once it is', async () => {
  // Hold the engine's start back by 500 ms (its instantiation waits) so that the host's first
  // message, posted at the frame's load event, surely comes first. (Delaying the .wasm's
  // download would delay that load event too: index.html preloads the .wasm.)
  const prepare = (page) =>
    page.addInitScript(() => {
      for (const name of ['instantiate', 'instantiateStreaming']) {
        const original = WebAssembly[name];
        if (original) {
          WebAssembly[name] = (...args) =>
            new Promise((resolve) => setTimeout(resolve, 500)).then(() =>
              original.apply(WebAssembly, args),
            );
        }
      }
    });
  const { page, early, frame, close } = await openHost(400, 300, { prepare });
  assert.ok(
    (await page.evaluate(() => window.earlyWait)) > 300,
    'the message waited for the engine',
  );
  assert.equal(early.nnplay, 'state', JSON.stringify(early));
  assert.equal(early.state.epoch, 0);
  assert.equal(await frame.evaluate(() => window.nnplay.state().epoch), 0);
  await close();
});
