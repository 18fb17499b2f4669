// The module runs in a classic Web Worker (DESIGN.md: -sENVIRONMENT=web,worker; no pthreads):
// tests/browser/fixtures/worker.html starts fixtures/worker.js, which importScripts the glue,
// trains the reference config 100 epochs and posts the training loss back; both builds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, collectErrors } from './harness.mjs';

const env = useBrowser();

for (const variant of ['nnplay', 'nnplay-simd']) {
  test(`${variant}.js loads in a classic Worker and trains to the golden loss`, async () => {
    const page = await env.browser.newPage();
    const errors = collectErrors(page);
    await page.goto(`${env.server.url}tests/browser/fixtures/worker.html?variant=${variant}`);
    const r = await page.evaluate(() => window.workerResult);
    assert.equal(r.error, undefined);
    assert.equal(r.ok, true);
    assert.equal(r.epoch, 100);
    assert.ok(Math.abs(r.trainLoss - 0.00889784142890691) < 1e-9, `trainLoss ${r.trainLoss}`);
    assert.deepEqual(errors, []);
    await page.close();
  });
}
