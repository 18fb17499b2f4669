// Browser tests of the release output (issue 3 point 8): dist/nnplay.html opened from disk
// (file://) with no request leaving the file, and dist/index.html from a static server rooted
// at dist/. The one-file page with and without wasm SIMD (the baseline build inlined too).
// Each: window.nnplay.ready resolves, the heatmap has more than one colour, step(10)
// raises the epoch. before() runs scripts/dist (incremental; it needs the wasm build).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, launchBrowser, startServer, collectErrors, artifactPath } from './harness.mjs';

const DIST = path.join(REPO_ROOT, 'dist');
let browser;
let server;

before(async () => {
  execFileSync(path.join(REPO_ROOT, 'scripts/dist'), { stdio: ['ignore', 'ignore', 'inherit'] });
  browser = await launchBrowser();
  server = await startServer({ root: DIST });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// Pages open on the golden seed: a random seed's first network is, about once in 700 loads,
// so flat that its whole heatmap falls in one of the 31 shades, and the colour check would wait
// for nothing (CI hit it once).
const SEEDED = '#seed=0.12345';

// Distinct colours on the heatmap canvas, then the epoch before and after step(10).
async function checkPage(page) {
  await page.evaluate(() => window.nnplay.ready);
  await page.waitForFunction(() => {
    const c = document.getElementById('heatmap');
    const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const colours = new Set();
    for (let i = 0; i < px.length; i += 4) colours.add((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
    return colours.size > 1;
  }, null, { timeout: 10000 });
  const before = await page.evaluate(() => window.nnplay.state().epoch);
  const after = await page.evaluate(() => window.nnplay.step(10).epoch);
  assert.equal(after, before + 10);
}

// Records the size of the module the page instantiates; without SIMD, refuses any module that
// has the SIMD prefix byte (0xfd), as a browser without wasm SIMD would.
function watchInstantiate(noSimd) {
  const validate = WebAssembly.validate.bind(WebAssembly);
  if (noSimd) WebAssembly.validate = (b) => !new Uint8Array(b.buffer || b).includes(0xfd) && validate(b);
  const instantiate = WebAssembly.instantiate.bind(WebAssembly);
  WebAssembly.instantiate = (b, imports) => {
    if (b && b.byteLength) window.__nnplayWasmBytes = b.byteLength;
    return instantiate(b, imports);
  };
}

for (const noSimd of [false, true]) {
  const build = noSimd ? 'nnplay' : 'nnplay-simd';
  test(`dist/nnplay.html works from file:// with no network (${build})`, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = collectErrors(page);
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.addInitScript(watchInstantiate, noSimd);
    await page.goto(pathToFileURL(path.join(DIST, 'nnplay.html')).href + SEEDED);
    await checkPage(page);
    assert.equal(await page.evaluate(() => window.__nnplayWasmBytes),
      fs.statSync(path.join(DIST, `${build}.wasm`)).size, `the page runs ${build}.wasm`);
    // The one-file page trains to the reference's golden loss, like the served page.
    await page.evaluate(() => window.nnplay.configure({ seed: '0.12345' }));
    const s = await page.evaluate(() => window.nnplay.step(100));
    assert.ok(Math.abs(s.trainLoss - 0.00889784142890691) < 1e-9, `trainLoss ${s.trainLoss}`);
    if (!noSimd) await page.screenshot({ path: artifactPath('dist-nnplay-file.png') });
    const outside = requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'));
    assert.deepEqual(outside, [], 'requests leaving file://');
    assert.equal(requests.filter((u) => u.startsWith('file:')).length, 1, `only the page itself: ${requests}`);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('dist/index.html works from a static server rooted at dist/', async () => {
  const page = await browser.newPage();
  const errors = collectErrors(page);
  const paths = [];
  page.on('request', (r) => { if (r.url().startsWith(server.url)) paths.push(new URL(r.url()).pathname); });
  await page.goto(`${server.url}index.html${SEEDED}`);
  await checkPage(page);
  assert.equal(await page.evaluate(() => document.body.dataset.engine), 'simd');
  assert.ok(paths.includes('/app.js') && paths.includes('/nnplay-simd.wasm'), `requests: ${paths}`);
  assert.deepEqual(errors, []);
  await page.close();
});

// The embed view from disk, as a deck next to nnplay.html would show it (docs/EMBEDDING.md):
// the host (tests/browser/fixtures/host.html) and the frame both file://, so the host's
// origin is "null" and nnplay answers to '*'. One postMessage round trip, and the view fits.
test('dist/nnplay.html in the embed view from file://: a postMessage round trip', async () => {
  const page = await browser.newPage({ viewport: { width: 480, height: 400 } });
  const errors = collectErrors(page);
  const frameUrl = `${pathToFileURL(path.join(DIST, 'nnplay.html')).href}#embed=true&seed=0.12345`;
  const host = pathToFileURL(path.join(REPO_ROOT, 'tests/browser/fixtures/host.html'));
  host.search = new URLSearchParams({ w: '400', h: '300', src: frameUrl }).toString();
  await page.goto(host.href);
  const early = await page.evaluate(() => window.early);
  assert.equal(early.nnplay, 'state', JSON.stringify(early));
  assert.equal(early.state.epoch, 0);
  const reply = await page.evaluate(() => window.ask({ nnplay: 'step', n: 100 }));
  assert.equal(reply.state.epoch, 100);
  assert.ok(Math.abs(reply.state.trainLoss - 0.00889784142890691) < 1e-9, `trainLoss ${reply.state.trainLoss}`);
  const frame = page.mainFrame().childFrames()[0];
  const view = await frame.evaluate(() => {
    const s = document.scrollingElement;
    const heat = document.querySelector('.heatmap-frame').getBoundingClientRect();
    return { embed: document.documentElement.classList.contains('embed'), fits: s.scrollWidth <= s.clientWidth && s.scrollHeight <= s.clientHeight, heat: heat.width };
  });
  assert.deepEqual(view, { embed: true, fits: true, heat: view.heat });
  assert.ok(view.heat > 150);
  assert.equal(await page.evaluate(() => window.log[0].origin), 'null', 'the frame, from file://, has the origin "null"');
  assert.deepEqual(errors, []);
  await page.close();
});
