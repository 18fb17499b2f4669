// Browser tests of the release output: dist/nnplay.html opened from disk
// (file://) with no request leaving the file, and dist/index.html from a static server rooted
// at dist/. The one-file page with and without wasm SIMD (the baseline build inlined too).
// Each: window.nnplay.ready resolves, the heatmap has more than one colour, step(10)
// raises the epoch. The images mode in both: from file:// on the inlined digits and network
// (no clothing), a drawn stroke scored and training run; dist/index.html fetching its files
// from dist/. The one file is at most 8 MB. before() runs scripts/dist (incremental; it needs
// the wasm build and build/data).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, useBrowser, artifactPath } from './harness.mjs';
import { openPage, changed, countColours, GOLDEN } from './page-helpers.mjs';

const DIST = path.join(REPO_ROOT, 'dist');
before(() =>
  execFileSync(path.join(REPO_ROOT, 'scripts/dist'), { stdio: ['ignore', 'ignore', 'inherit'] }),
);
const env = useBrowser({ root: DIST }); // its server serves dist/; its hooks run after the build

// Pages open on the golden seed: a random seed's first network is, about once in 700 loads,
// so flat that its whole heatmap falls in one of the 31 shades, and the colour check would wait
// for nothing (CI hit it once).
const SEEDED = `#seed=${GOLDEN.seed}`;

// Distinct colours on the heatmap canvas, then the epoch before and after step(10).
async function checkPage(page) {
  await changed(page, countColours, (c) => c.length > 1, {
    arg: '#heatmap',
    what: 'the heatmap in more than one colour',
  });
  const before = await page.evaluate(() => window.nnplay.state().epoch);
  const after = await page.evaluate(() => window.nnplay.step(10).epoch);
  assert.equal(after, before + 10);
}

// Records the size of the module the page instantiates; without SIMD, refuses any module that
// has the SIMD prefix byte (0xfd), as a browser without wasm SIMD would.
function watchInstantiate(noSimd) {
  const validate = WebAssembly.validate.bind(WebAssembly);
  if (noSimd)
    WebAssembly.validate = (b) => !new Uint8Array(b.buffer || b).includes(0xfd) && validate(b);
  const instantiate = WebAssembly.instantiate.bind(WebAssembly);
  WebAssembly.instantiate = (b, imports) => {
    if (b && b.byteLength) window.__nnplayWasmBytes = b.byteLength;
    return instantiate(b, imports);
  };
}

for (const noSimd of [false, true]) {
  const build = noSimd ? 'nnplay' : 'nnplay-simd';
  test(`dist/nnplay.html works from file:// with no network (${build})`, async () => {
    const requests = [];
    const { page, errors, close } = await openPage(
      env,
      pathToFileURL(path.join(DIST, 'nnplay.html')).href + SEEDED,
      {
        prepare: async (p) => {
          p.on('request', (r) => requests.push(r.url()));
          await p.addInitScript(watchInstantiate, noSimd);
        },
      },
    );
    await checkPage(page);
    assert.equal(
      await page.evaluate(() => window.__nnplayWasmBytes),
      fs.statSync(path.join(DIST, `${build}.wasm`)).size,
      `the page runs ${build}.wasm`,
    );
    // The image module is chosen the same way (its Worker gets the chosen bytes).
    assert.equal(await page.evaluate(() => window.nnplayInlineImages.simd), !noSimd);
    // The one-file page trains to the reference's golden loss, like the served page.
    await page.evaluate((seed) => window.nnplay.configure({ seed }), GOLDEN.seed);
    const s = await page.evaluate(() => window.nnplay.step(100));
    assert.ok(Math.abs(s.trainLoss - GOLDEN.epoch100) < 1e-9, `trainLoss ${s.trainLoss}`);
    if (!noSimd) await page.screenshot({ path: artifactPath('dist-nnplay-file.png') });
    const outside = requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'));
    assert.deepEqual(outside, [], 'requests leaving file://');
    assert.equal(
      requests.filter((u) => u.startsWith('file:')).length,
      1,
      `only the page itself: ${requests}`,
    );
    assert.deepEqual(errors, []);
    await close();
  });
}

/** The images mode's state as its data attributes and what it shows (runs in the page). */
function readImages() {
  const d = document.getElementById('images').dataset;
  const card = document.getElementById('im-card');
  return {
    ready: d.ready === 'true',
    pretrained: d.pretrained === 'true',
    card: card && !card.hidden ? card.textContent : null,
    scores: d.scores || '',
    top: document.querySelector('#im-scores li')?.textContent ?? '',
    examples: Number(d.examples || 0),
    training: d.training === 'true',
  };
}

/** Opens the images tab, waits for the shipped network, draws a vertical stroke on the pad
 *  with the mouse and waits for its scores (a one). Returns what the mode shows. */
async function drawOne(page) {
  await page.click('#mode-tab-images');
  await changed(page, readImages, (s) => s.ready && s.pretrained && Boolean(s.card), {
    what: 'the shipped network',
    timeout: 30000,
  });
  const box = await page.locator('#im-pad').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.8, { steps: 8 });
  await page.mouse.up();
  const s = await changed(page, readImages, (v) => v.scores !== '', { what: 'scores' });
  assert.match(s.top, /^one \(score = 0\.\d{5}\)$/, `the top score: ${s.scores}`);
  assert.match(s.card, /^Trained by nnplay's own scripts\/pretrain/);
  return s;
}

test('dist/nnplay.html is at most 8 MB', () => {
  const size = fs.statSync(path.join(DIST, 'nnplay.html')).size;
  assert.ok(size <= 8e6, `nnplay.html: ${size} B`);
});

// The images mode from disk: the image module, the digits (NNPI) and the shipped network come
// from the file, the Worker from a Blob URL; the clothing option says it is not there.
test('dist/nnplay.html: the images mode from file:// with no request', async () => {
  const requests = [];
  const { page, errors, close } = await openPage(
    env,
    pathToFileURL(path.join(DIST, 'nnplay.html')).href + SEEDED,
    { prepare: (p) => p.on('request', (r) => requests.push(r.url())) },
  );
  await drawOne(page);
  const clothing = await page.evaluate(() => {
    const o = document.querySelector('#im-data option[value="fashion"]');
    return { disabled: o.disabled, text: o.textContent };
  });
  assert.deepEqual(clothing, { disabled: true, text: 'Clothing (not in the one-file page)' });
  assert.match(
    await page.locator('#im-inline-note').innerText(),
    /2,500 training and 500 test images of the digits\. For the clothing, open the served/,
  );
  // Train from the shipped network's weights, then pause.
  const before = (await page.evaluate(readImages)).examples;
  await page.click('#im-play');
  await changed(page, readImages, (v) => v.training && v.examples > before + 500, {
    what: 'training',
    timeout: 20000,
  });
  await page.click('#im-play');
  await changed(page, readImages, (v) => !v.training, { what: 'paused' });
  await page.screenshot({ path: artifactPath('dist-nnplay-images.png') });
  // The Worker's script is a blob: of this page (never fetched from anywhere).
  const outside = requests.filter((u) => !/^(?:file|data|blob):/.test(u));
  assert.deepEqual(outside, [], 'requests leaving file://');
  assert.equal(requests.filter((u) => u.startsWith('file:')).length, 1, `${requests}`);
  assert.deepEqual(errors, []);
  await close();
});

test('dist/index.html: the images mode fetches its files from dist/', async () => {
  const { page, errors, close } = await openPage(env, SEEDED);
  await drawOne(page);
  const clothing = await page.evaluate(
    () => document.querySelector('#im-data option[value="fashion"]').disabled,
  );
  assert.equal(clothing, false, 'dist/ carries the clothing data too');
  assert.deepEqual(errors, []);
  await close();
});

test('dist/index.html works from a static server rooted at dist/', async () => {
  const paths = [];
  const { page, errors, close } = await openPage(env, SEEDED, {
    prepare: (p) =>
      p.on('request', (r) => {
        if (r.url().startsWith(env.server.url)) paths.push(new URL(r.url()).pathname);
      }),
  });
  await checkPage(page);
  assert.equal(await page.evaluate(() => document.body.dataset.engine), 'simd');
  assert.ok(paths.includes('/app.js') && paths.includes('/nnplay-simd.wasm'), `requests: ${paths}`);
  assert.deepEqual(errors, []);
  await close();
});

// The embed view from disk, as a deck next to nnplay.html would show it (docs/EMBEDDING.md):
// the host (tests/browser/fixtures/host.html) and the frame both file://, so the host's
// origin is "null" and nnplay answers to '*'. One postMessage round trip, and the view fits.
test('dist/nnplay.html in the embed view from file://: a postMessage round trip', async () => {
  const frameUrl = `${pathToFileURL(path.join(DIST, 'nnplay.html')).href}#embed=true&seed=${GOLDEN.seed}`;
  const host = pathToFileURL(path.join(REPO_ROOT, 'tests/browser/fixtures/host.html'));
  host.search = new URLSearchParams({ w: '400', h: '300', src: frameUrl }).toString();
  const { page, errors, close } = await openPage(env, host.href, {
    viewport: { width: 480, height: 400 },
    ready: false,
  });
  const early = await page.evaluate(() => window.early);
  assert.equal(early.nnplay, 'state', JSON.stringify(early));
  assert.equal(early.state.epoch, 0);
  const reply = await page.evaluate(() => window.ask({ nnplay: 'step', n: 100 }));
  assert.equal(reply.state.epoch, 100);
  assert.ok(
    Math.abs(reply.state.trainLoss - GOLDEN.epoch100) < 1e-9,
    `trainLoss ${reply.state.trainLoss}`,
  );
  const frame = page.mainFrame().childFrames()[0];
  const view = await frame.evaluate(() => {
    const s = document.scrollingElement;
    const heat = document.querySelector('.heatmap-frame').getBoundingClientRect();
    return {
      embed: document.documentElement.classList.contains('embed'),
      fits: s.scrollWidth <= s.clientWidth && s.scrollHeight <= s.clientHeight,
      heat: heat.width,
    };
  });
  assert.deepEqual(view, { embed: true, fits: true, heat: view.heat });
  assert.ok(view.heat > 150);
  assert.equal(
    await page.evaluate(() => window.log[0].origin),
    'null',
    'the frame, from file://, has the origin "null"',
  );
  assert.deepEqual(errors, []);
  await close();
});

// dist/index.html opened from disk: the browser refuses its module script (file:// has no
// origin to allow it), so the page's inline fallback shows the load-error box with what to do.
test('dist/index.html from file:// shows what to do, not a grey page', async () => {
  const { page, close } = await openPage(
    env,
    pathToFileURL(path.join(DIST, 'index.html')).href + SEEDED,
    { ready: false },
  );
  const box = page.locator('#load-error');
  await box.waitFor({ state: 'visible', timeout: 30000 });
  assert.match(await box.textContent(), /nnplay could not start\./);
  assert.match(await box.textContent(), /opened from disk \(file:\/\/\)/);
  assert.match(await box.textContent(), /open nnplay\.html, or serve this folder/);
  assert.equal(await page.evaluate(() => document.body.className), 'failed');
  await page.screenshot({ path: artifactPath('dist-index-file.png') });
  await close();
});
