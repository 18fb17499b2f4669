// The image module in Chromium: the playground's page does not fetch it; web/image-engine-loader.js
// loads it in a window (the SIMD build, or the baseline one when asked) from its glue file, and
// an ImageSession trains on the digits fetched from build/data/ as the image page will.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './harness.mjs';

const env = useBrowser();

test('the image module loads through its loader in a window and trains there', async () => {
  // One page per build: the glue defines one global factory, and a loaded one is reused.
  for (const simd of [true, false]) {
    const page = await env.browser.newPage();
    const requested = [];
    page.on('request', (r) => {
      if (r.url().includes('/build/wasm/')) requested.push(new URL(r.url()).pathname);
    });
    await page.goto(`${env.server.url}index.html#seed=0.12345`);
    await page.evaluate(() => window.nnplay.ready);
    assert.ok(
      requested.every((p) => !p.includes('images')),
      `the playground fetched ${requested}`,
    );
    await page.addScriptTag({ url: 'web/image-engine-loader.js' });
    const r = await page.evaluate(async (simd) => {
      const M = await globalThis.nnplayImageEngineLoader.loadModule({ dir: 'build/wasm/', simd });
      const bytes = async (name) =>
        new Uint8Array(await (await fetch(`build/data/${name}.nnpi`)).arrayBuffer());
      const s = new M.ImageSession();
      const loaded = s.loadData(await bytes('digits-train'), await bytes('digits-test'));
      const configured = s.configure('{"batchSize": 20}');
      const b = s.trainBatches(3);
      const p = s.predictTest(0);
      const out = {
        loaded,
        configured: configured.ok,
        b,
        classes: p.length,
        maps: s.layers().length,
      };
      s.delete();
      return out;
    }, simd);
    assert.deepEqual(r.loaded, { ok: true, error: null });
    assert.equal(r.configured, true);
    assert.equal(r.b.examples, 60);
    assert.ok(Number.isFinite(r.b.loss));
    assert.equal(r.classes, 10);
    assert.equal(r.maps, 5);
    const name = simd ? 'nnplay-images-simd' : 'nnplay-images';
    assert.deepEqual([...new Set(requested.filter((p) => p.includes('images')))].sort(), [
      `/build/wasm/${name}.js`,
      `/build/wasm/${name}.wasm`,
    ]);
    await page.close();
  }
});
