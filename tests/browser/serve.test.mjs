// The static server behind the README's serve command and every browser test (scripts/serve.mjs),
// tested over raw HTTP: what it serves, what it refuses, and its compressed bodies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import zlib from 'node:zlib';
import { startServer } from './harness.mjs';
let s;
before(async () => {
  s = await startServer();
});
after(() => s.close());
// raw GET (fetch would normalise ../ away and decode gzip)
const get = (p, headers = {}) =>
  new Promise((res, rej) =>
    http
      .get({ host: '127.0.0.1', port: s.port, path: p, headers }, (r) => {
        const chunks = [];
        r.on('data', (c) => chunks.push(c));
        r.on('end', () =>
          res({ status: r.statusCode, headers: r.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', rej),
  );
test('index for /', async () => {
  const r = await get('/');
  assert.equal(r.status, 200);
  assert.match(r.headers['content-type'], /text\/html/);
  assert.equal(r.headers['cache-control'], 'no-cache');
});
test('mime types', async () => {
  assert.equal((await get('/build/wasm/nnplay.wasm')).headers['content-type'], 'application/wasm');
  assert.match((await get('/build/wasm/nnplay.js')).headers['content-type'], /^text\/javascript/);
  assert.match(
    (await get('/tests/browser/harness.mjs')).headers['content-type'],
    /^text\/javascript/,
  );
  assert.match((await get('/package.json')).headers['content-type'], /^application\/json/);
});
test('404s, no listing, no traversal', async () => {
  assert.equal((await get('/nope.js')).status, 404);
  assert.equal((await get('/engine/')).status, 404);
  assert.equal((await get('/engine')).status, 404);
  assert.equal((await get('/../../etc/passwd')).status, 404);
  assert.equal((await get('/%2e%2e/%2e%2e/etc/passwd')).status, 404);
  assert.equal((await get('/..%2f..%2fetc%2fpasswd')).status, 404);
  assert.equal((await get('/%00')).status, 404);
  assert.equal((await get('/%E0%A4%A')).status, 404);
});
test('gzip when accepted', async () => {
  const plain = await get('/build/wasm/nnplay.wasm');
  const gz = await get('/build/wasm/nnplay.wasm', { 'accept-encoding': 'gzip, br' });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.ok(gz.body.length < plain.body.length);
  assert.deepEqual(zlib.gunzipSync(gz.body), plain.body);
  assert.equal(Number(plain.headers['content-length']), plain.body.length);
});
test('a compressed body is cached, and served anew when the file changes', async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nnplay-serve-'));
  const file = path.join(root, 'a.js');
  fs.writeFileSync(file, 'export const a = 1;\n');
  const t = await startServer({ root, port: 0 });
  const fetchGz = () =>
    new Promise((res, rej) =>
      http
        .get(
          {
            host: '127.0.0.1',
            port: t.port,
            path: '/a.js',
            headers: { 'accept-encoding': 'gzip' },
          },
          (r) => {
            const chunks = [];
            r.on('data', (c) => chunks.push(c));
            r.on('end', () => res(zlib.gunzipSync(Buffer.concat(chunks)).toString()));
          },
        )
        .on('error', rej),
    );
  try {
    assert.equal(await fetchGz(), 'export const a = 1;\n');
    assert.equal(await fetchGz(), 'export const a = 1;\n');
    fs.writeFileSync(file, 'export const a = 22;\n');
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    assert.equal(await fetchGz(), 'export const a = 22;\n');
  } finally {
    await t.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});
