// A session trained in a Worker gives the page's numbers: on index.html, the page-side client
// (web/engine-worker-client.js) starts web/workers/session-worker.js, which loads the module
// with the page's loader (web/engine-loader.js, importScripts), for the SIMD build and, with
// SIMD refused as an old browser would, the baseline build. Its losses at epochs 0, 100 and 200
// are the golden run's (to 1e-12) and bit for bit what window.nnplay gives for the same config; its
// parameters come back as a transferred Float64Array. A missing module file rejects with a
// sentence. From file://, the one-file dist/nnplay.html starts the same Worker from a Blob URL
// with no request.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { REPO_ROOT, useBrowser, collectErrors } from './harness.mjs';

const env = useBrowser();
const golden = JSON.parse(
  fs.readFileSync(path.join(REPO_ROOT, 'tests/fixtures/golden.json'), 'utf8'),
);

// In the page: a browser without wasm SIMD (the page's validate refuses the SIMD prefix 0xfd).
function refuseSimd() {
  const validate = WebAssembly.validate.bind(WebAssembly);
  WebAssembly.validate = (bytes) =>
    !new Uint8Array(bytes.buffer || bytes).includes(0xfd) && validate(bytes);
}

// In the page: the golden config trained 0, 100, 200 epochs on the page (window.nnplay) and in a
// session Worker started by the client (imported from clientUrl, or the bundled global), and
// the Worker's params.
async function trainBoth({ clientUrl, config }) {
  const client = clientUrl ? await import(clientUrl) : window.nnplayWorkerClient;
  const pick = (s) => ({ epoch: s.epoch, trainLoss: s.trainLoss, testLoss: s.testLoss });
  const onPage = [];
  window.nnplay.configure(config);
  onPage.push(pick(window.nnplay.state()));
  for (let i = 0; i < 2; i++) onPage.push(pick(window.nnplay.step(100)));
  const worker = await client.startEngineWorker();
  const configured = await worker.configure(config);
  const inWorker = [pick(await worker.losses())];
  for (let i = 0; i < 2; i++) inWorker.push(pick(await worker.step(100)));
  const params = await worker.params();
  const exported = await worker.exportConfig();
  worker.terminate();
  return {
    simd: worker.simd,
    configured,
    onPage,
    inWorker,
    params: { isFloat64: params instanceof Float64Array, values: Array.from(params) },
    exported: exported.params,
  };
}

function checkRun(r, simd) {
  assert.equal(r.simd, simd, 'the worker runs the build the page runs');
  assert.equal(r.configured.ok, true, JSON.stringify(r.configured));
  assert.deepEqual(r.inWorker, r.onPage, "the worker gives the page's numbers");
  // The golden numbers are the native engine's; wasm's last bits may differ (below 1e-15).
  assert.equal(r.inWorker.length, golden.losses.length);
  golden.losses.forEach((g, i) => {
    const w = r.inWorker[i];
    assert.equal(w.epoch, g.epoch);
    for (const key of ['trainLoss', 'testLoss']) {
      assert.ok(
        Math.abs(w[key] - g[key]) < 1e-12,
        `epoch ${g.epoch} ${key}: ${w[key]}, golden ${g[key]}`,
      );
    }
  });
  assert.ok(
    r.params.isFloat64 && r.params.values.length === 25,
    `params: ${r.params.values.length}`,
  );
  // exportConfig's params per layer and node ({w, bias}); params() lays each layer out as its
  // weights row by row, then its biases (docs/BINDING.md).
  const flat = r.exported.flatMap((layer) => [
    ...layer.flatMap((n) => n.w),
    ...layer.map((n) => n.bias),
  ]);
  assert.deepEqual(r.params.values, flat, "params() holds exportConfig()'s params");
}

for (const simd of [true, false]) {
  const build = simd ? 'nnplay-simd' : 'nnplay';
  test(`a session trained in a Worker gives the page's numbers (${build})`, async () => {
    const page = await env.browser.newPage();
    const errors = collectErrors(page);
    const fetched = [];
    page.context().on('request', (r) => fetched.push(new URL(r.url()).pathname));
    if (!simd) await page.addInitScript(refuseSimd);
    await page.goto(`${env.server.url}index.html#seed=${golden.seed}`);
    await page.evaluate(() => window.nnplay.ready);
    assert.equal(
      await page.evaluate(() => document.body.dataset.engine),
      simd ? 'simd' : 'baseline',
    );
    const r = await page.evaluate(trainBoth, {
      clientUrl: '/web/engine-worker-client.js',
      config: golden.config,
    });
    checkRun(r, simd);
    for (const p of [
      '/web/workers/session-worker.js',
      '/web/engine-loader.js',
      `/build/wasm/${build}.wasm`,
    ]) {
      assert.ok(fetched.includes(p), `${p} fetched: ${fetched}`);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('a Worker whose module file is missing rejects with a sentence', async () => {
  const page = await env.browser.newPage();
  await page.goto(`${env.server.url}index.html#seed=${golden.seed}`);
  await page.evaluate(() => window.nnplay.ready);
  const outcome = await page.evaluate(async () => {
    const { startEngineWorker } = await import('/web/engine-worker-client.js');
    return startEngineWorker({ dir: 'no/such/dir/' }).then(
      () => 'started',
      (e) => `${e.name}: ${e.message}`,
    );
  });
  // The client gives the worker the folder as a full URL (the worker's own URL is elsewhere).
  assert.equal(
    outcome,
    `Error: The engine file ${env.server.url}no/such/dir/nnplay-simd.js could not be loaded.`,
  );
  await page.close();
});

// The one-file page has no files to start a Worker from: the client makes it from the Blob the
// page inlined. The client is not in the page's own bundle until a feature imports it, so the
// test bundles it and adds it as an inline script (no request either).
for (const simd of [true, false]) {
  const build = simd ? 'nnplay-simd' : 'nnplay';
  test(`dist/nnplay.html from file:// trains in a Blob Worker with no request (${build})`, async () => {
    execFileSync(path.join(REPO_ROOT, 'scripts/dist'), { stdio: ['ignore', 'ignore', 'inherit'] });
    const client = await esbuild
      .build({
        entryPoints: [path.join(REPO_ROOT, 'web/engine-worker-client.js')],
        bundle: true,
        format: 'iife',
        globalName: 'nnplayWorkerClient',
        write: false,
        logLevel: 'silent',
      })
      .then((b) => b.outputFiles[0].text);
    const page = await env.browser.newPage();
    const errors = collectErrors(page);
    const requests = [];
    page.context().on('request', (r) => requests.push(r.url()));
    if (!simd) await page.addInitScript(refuseSimd);
    await page.goto(
      `${pathToFileURL(path.join(REPO_ROOT, 'dist/nnplay.html')).href}#seed=${golden.seed}`,
    );
    await page.evaluate(() => window.nnplay.ready);
    await page.addScriptTag({ content: client });
    const r = await page.evaluate(trainBoth, { clientUrl: '', config: golden.config });
    checkRun(r, simd);
    const outside = requests.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:'));
    assert.equal(outside.length, 1, `only the page itself: ${outside}`);
    assert.ok(
      requests.some((u) => u.startsWith('blob:')),
      `the Worker starts from a Blob: ${requests}`,
    );
    assert.deepEqual(errors, []);
    await page.close();
  });
}
