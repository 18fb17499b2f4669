// What the page writes to the document frame by frame: a MutationObserver over the whole
// document (attributes, style included, child lists, text) counts every mutation of each
// animation frame. A write that leaves what is seen as it was (the same text, the same
// attribute value) still costs style work and garbage in the renderer, so none is allowed:
// paused with nothing changing, a frame writes nothing; playing, a frame writes only what
// changed, within a bound counted from what can change, and never the diagram's style.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './harness.mjs';
import { openPage, frames, GOLDEN } from './page-helpers.mjs';

const env = useBrowser();
const FRAMES = 40;

// Runs in the page: observes the document for `count` animation frames, calling
// `each()` (a page action) at the start of every frame; resolves with every frame's
// mutations, each one described, and with the no-op ones (a value written over itself).
function watchFrames({ count, action }) {
  return new Promise((resolve) => {
    const perFrame = [];
    let frame = -1;
    const name = (n) =>
      n.nodeType === Node.ELEMENT_NODE
        ? `${n.localName}${n.id ? `#${n.id}` : ''}${n.classList.length ? `.${[...n.classList].join('.')}` : ''}`
        : n.nodeName;
    const text = (nodes) => [...nodes].map((n) => n.textContent).join('');
    const describe = (r) => {
      const target = r.type === 'characterData' ? r.target.parentNode : r.target;
      if (r.type === 'attributes') {
        const now = r.target.getAttribute(r.attributeName);
        return { target: name(target), what: `@${r.attributeName}`, noop: now === r.oldValue };
      }
      if (r.type === 'characterData')
        return { target: name(target), what: '#text', noop: r.target.data === r.oldValue };
      const same =
        r.addedNodes.length > 0 &&
        [...r.addedNodes, ...r.removedNodes].every((n) => n.nodeType === Node.TEXT_NODE) &&
        text(r.addedNodes) === text(r.removedNodes);
      return { target: name(target), what: 'children', noop: same };
    };
    const observer = new MutationObserver((records) => {
      if (frame >= 0) perFrame[frame].push(...records.map(describe));
    });
    observer.observe(document, {
      subtree: true,
      attributes: true,
      attributeOldValue: true,
      childList: true,
      characterData: true,
      characterDataOldValue: true,
    });
    const actions = {
      pause: () => window.nnplay.pause(),
      none: () => {},
    };
    const tick = () => {
      if (frame >= 0) perFrame[frame].push(...observer.takeRecords().map(describe));
      frame++;
      if (frame === count) {
        observer.disconnect();
        resolve(perFrame);
        return;
      }
      perFrame.push([]);
      actions[action]();
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

const noops = (perFrame) =>
  perFrame
    .flat()
    .filter((m) => m.noop)
    .map((m) => `${m.target} ${m.what}`);

test('paused, with nothing changing, a frame writes nothing to the document', async () => {
  const { page, errors, close } = await openPage(env, `#seed=${GOLDEN.seed}`);
  await page.evaluate(() => window.nnplay.step(20));
  await frames(page);
  // pause() while paused asks for a frame: the page draws FRAMES frames with nothing new.
  const perFrame = await page.evaluate(watchFrames, { count: FRAMES, action: 'pause' });
  const all = perFrame.flat().map((m) => `${m.target} ${m.what}`);
  assert.deepEqual(all, [], 'mutations while paused');
  assert.deepEqual(errors, []);
  await close();
});

test('playing at a fixed speed, a frame writes only what changed, never the diagram style', async () => {
  const { page, errors, close } = await openPage(env, `#seed=${GOLDEN.seed}`);
  await page.selectOption('#control-speed', '5');
  const sizes = await page.evaluate(() => ({
    biases: document.querySelectorAll('rect.bias').length,
  }));
  await page.click('#play-pause-button');
  await frames(page);
  const perFrame = await page.evaluate(watchFrames, { count: FRAMES, action: 'none' });
  await page.evaluate(() => window.nnplay.pause());
  const all = perFrame.flat();
  assert.ok(
    all.some((m) => m.target.startsWith('output#epoch-number')),
    'the epoch counter is written while playing (the observer sees the page)',
  );
  assert.deepEqual(
    all.filter((m) => m.target.startsWith('svg') && m.what === '@style'),
    [],
    'style writes on the diagram',
  );
  assert.deepEqual(noops(perFrame), [], 'writes that changed nothing');
  // What can change in a frame: each bias's colour and the readouts: the epoch, the two
  // losses, the two accuracies and the time per epoch (6 texts). The links and the charts are
  // drawn on canvases: no writes.
  const bound = sizes.biases + 6;
  const most = Math.max(...perFrame.map((f) => f.length));
  assert.ok(most <= bound, `${most} mutations in one frame, bound ${bound}`);
  assert.deepEqual(errors, []);
  await close();
});

test('the embed view: nothing written while paused, only what changed while playing', async () => {
  const { page, errors, close } = await openPage(env, `#embed=true&seed=${GOLDEN.seed}`, {
    viewport: { width: 640, height: 400 },
  });
  const paused = await page.evaluate(watchFrames, { count: FRAMES, action: 'pause' });
  assert.deepEqual(
    paused.flat().map((m) => `${m.target} ${m.what}`),
    [],
    'mutations while paused',
  );
  await page.evaluate(() => window.nnplay.play());
  await frames(page);
  const playing = await page.evaluate(watchFrames, { count: FRAMES, action: 'none' });
  await page.evaluate(() => window.nnplay.pause());
  assert.ok(playing.flat().length > 0, 'the observer sees the embed view train');
  assert.deepEqual(noops(playing), [], 'writes that changed nothing');
  assert.deepEqual(
    playing.flat().filter((m) => m.what === '@style'),
    [],
    'style writes while playing',
  );
  assert.deepEqual(errors, []);
  await close();
});

test('the perceptron lab, training on, writes only what changed and builds no elements', async () => {
  const { page, errors, close } = await openPage(
    env,
    '#mode=perceptron&gate=xor&w0=3&w1=-4&w2=2&activation=sigmoid&learningRate=1',
  );
  await page.click('#pc-play'); // XOR is never all right: the lab trains until paused
  await frames(page);
  await page.evaluate(() => {
    // Element nodes added or removed, frame by frame (a rebuilt table or equation).
    window.__elements = 0;
    const o = new MutationObserver((rs) => {
      for (const r of rs)
        for (const n of [...r.addedNodes, ...r.removedNodes])
          if (n.nodeType === Node.ELEMENT_NODE) window.__elements++;
    });
    o.observe(document, { subtree: true, childList: true });
    window.__elementsObserver = o;
  });
  const playing = await page.evaluate(watchFrames, { count: FRAMES, action: 'none' });
  const elements = await page.evaluate(() => {
    window.__elementsObserver.disconnect();
    return window.__elements;
  });
  assert.equal(await page.getAttribute('#pc-play', 'aria-pressed'), 'true', 'still training');
  assert.ok(
    playing.flat().some((m) => m.target.startsWith('output#pc-iterations')),
    'the iteration counter is written while training (the observer sees the lab)',
  );
  assert.deepEqual(noops(playing), [], 'writes that changed nothing');
  assert.equal(elements, 0, 'elements built or removed while training');
  assert.deepEqual(errors, []);
  await close();
});
