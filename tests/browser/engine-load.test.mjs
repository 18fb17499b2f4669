// Browser tests of loading the engine: the SIMD build where the browser validates SIMD, the
// baseline build where it does not; a missing module file (the request 404s), a missing .wasm
// and a browser without WebAssembly each give a clear message on the page (ready rejects).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser } from './harness.mjs';

const env = useBrowser();

async function readyOutcome(page) {
  return page.evaluate(() =>
    window.nnplay.ready.then(
      () => 'resolved',
      (e) => `rejected: ${e.message}`,
    ),
  );
}

test('Chromium gets the SIMD build; a browser without SIMD gets the baseline build', async () => {
  for (const simd of [true, false]) {
    const page = await env.browser.newPage();
    const requested = [];
    page.on('request', (r) => {
      if (r.url().includes('/build/wasm/')) requested.push(new URL(r.url()).pathname);
    });
    if (!simd) {
      await page.addInitScript(() => {
        const validate = WebAssembly.validate.bind(WebAssembly);
        // Refuse any module using the SIMD prefix (0xfd) in its code section, as an old browser.
        WebAssembly.validate = (bytes) => !new Uint8Array(bytes).includes(0xfd) && validate(bytes);
      });
    }
    await page.goto(`${env.server.url}index.html#seed=0.12345`);
    assert.equal(await readyOutcome(page), 'resolved');
    assert.equal(
      await page.evaluate(() => document.body.dataset.engine),
      simd ? 'simd' : 'baseline',
    );
    const name = simd ? 'nnplay-simd' : 'nnplay';
    // index.html preloads the SIMD pair; a browser without SIMD fetches it too, unused.
    const expected = ['/build/wasm/nnplay-simd.js', '/build/wasm/nnplay-simd.wasm'];
    if (!simd) expected.push('/build/wasm/nnplay.js', '/build/wasm/nnplay.wasm');
    assert.deepEqual(requested.sort(), expected.sort());
    const s = await page.evaluate(() => window.nnplay.step(100));
    assert.ok(Math.abs(s.trainLoss - 0.00889784142890691) < 1e-9, `${name}: ${s.trainLoss}`);
    await page.close();
  }
});

// index.html's preload block lists exactly the modules the page imports, so that all of them
// are fetched at once; and the preloaded engine files are used, not fetched a second time.
test('the preload links are the modules the page loads, each fetched once', async () => {
  const page = await env.browser.newPage();
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(`${env.server.url}index.html#seed=0.12345`);
  assert.equal(await readyOutcome(page), 'resolved');
  const links = await page.evaluate(() =>
    Array.from(
      document.querySelectorAll('link[rel="modulepreload"], link[rel="preload"]'),
      (l) => new URL(l.href).pathname,
    ),
  );
  const modules = fetched.filter(
    (p) => p.startsWith('/web/') && p.endsWith('.js') && p !== '/web/app.js',
  );
  assert.deepEqual(
    [...new Set(modules)].sort(),
    links.filter((p) => p.startsWith('/web/')).sort(),
    'modulepreload links = imported modules',
  );
  for (const p of ['/build/wasm/nnplay-simd.js', '/build/wasm/nnplay-simd.wasm']) {
    assert.ok(links.includes(p), `${p} is preloaded`);
    assert.equal(fetched.filter((q) => q === p).length, 1, `${p} fetched once: ${fetched}`);
  }
  assert.equal(new Set(fetched).size, fetched.length, `no file fetched twice: ${fetched}`);
  await page.close();
});

test('a missing module file shows the load-failure message', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.route('**/build/wasm/*.js', (route) =>
    route.fulfill({ status: 404, body: 'not found' }),
  );
  await page.goto(`${env.server.url}index.html`);
  assert.match(
    await readyOutcome(page),
    /^rejected: The engine file build\/wasm\/nnplay(-simd)?\.js could not be loaded/,
  );
  const box = page.locator('#load-error');
  assert.ok(await box.isVisible());
  const text = await box.textContent();
  assert.match(text, /nnplay could not start/);
  assert.match(text, /could not be loaded/);
  await page.close();
});

test('a missing .wasm file shows the load-failure message', async () => {
  const page = await env.browser.newPage();
  await page.route('**/build/wasm/*.wasm', (route) =>
    route.fulfill({ status: 404, body: 'not found' }),
  );
  await page.goto(`${env.server.url}index.html`);
  assert.match(await readyOutcome(page), /^rejected: The engine could not start/);
  assert.ok(await page.locator('#load-error').isVisible());
  await page.close();
});

test('a browser without WebAssembly is told so', async () => {
  const page = await env.browser.newPage();
  await page.addInitScript(() => {
    delete globalThis.WebAssembly;
  });
  await page.goto(`${env.server.url}index.html`);
  assert.match(await readyOutcome(page), /cannot run WebAssembly/);
  assert.match(await page.locator('#load-error').textContent(), /cannot run WebAssembly/);
  await page.close();
});
