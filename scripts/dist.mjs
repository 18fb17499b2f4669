// Writes dist/ from index.html, web/ and the built module (scripts/dist runs this):
//   dist/index.html, app.js (esbuild ES-module bundle), style.css, nnplay{,-simd}.{js,wasm}:
//     a static folder for any web host; the page picks the module as in the repo (web/engine.js).
//   dist/nnplay.html: one self-contained file for file:// (no request of any kind): the CSS
//     inlined, the glue of both module builds inlined as functions with their .wasm as base64,
//     and the page's scripts as one classic IIFE bundle. A small inline script defines
//     window.createNNPlayModule before the bundle runs (web/engine.js then loads nothing): it
//     passes the SIMD build's bytes as wasmBinary when WebAssembly.validate accepts them, else
//     the baseline's. Why not -sSINGLE_FILE: Emscripten 3.1.6's single-file glue still calls
//     fetch() on its data: URL in a browser; with wasmBinary given it fetches nothing, and the
//     two modules are exactly those dist/ and the tests use (no extra link).
//     It also defines window.nnplayInlineEngine, from which web/engine-worker-client.js starts a
//     session Worker from a Blob URL (file:// refuses Worker scripts by URL): the chosen
//     build's glue (its function's own source text), web/engine-loader.js and
//     web/workers/session-worker.js as one script, and a copy of the chosen .wasm's bytes.
//   dist/engine-loader.js, dist/workers/session-worker.js: the session Worker for dist/ (the
//     client finds the worker beside app.js, the worker the loader one folder up).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const WASM = path.join(ROOT, 'build/wasm');
const FACTORY = 'createNNPlayModule';
const VARIANTS = { simd: 'nnplay-simd', baseline: 'nnplay' };

function fail(message) {
  console.error(`dist: ${message}`);
  process.exit(1);
}

// Replaces the one match of re in html (a function replacement: the inserted text has `$`s).
function replaceOnce(html, re, text, what) {
  const hits = html.match(
    new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g'),
  );
  if (!hits || hits.length !== 1)
    fail(`index.html: expected one ${what}, found ${hits ? hits.length : 0}`);
  return html.replace(re, () => text);
}

// Text safe inside <script>...</script>: no "</script" and no "<!--" (HTML's script parsing).
function scriptText(js, what) {
  const safe = js.replace(/<\/(script)/gi, '<\\/$1');
  if (/<!--/.test(safe)) fail(`${what} contains "<!--", which HTML parses inside a script`);
  return safe;
}

const indexHtml = fs.readFileSync(path.join(ROOT, 'index.html'), 'utf8');
const CSS_LINK = /<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"[^>]*>/;
const APP_SCRIPT = /<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"[^>]*><\/script>/;
const MODULE_DIR = /\bdata-module-dir="[^"]*"/;
// index.html's preload links (the source modules and build/wasm/'s SIMD engine).
const PRELOAD = /[ \t]*<!-- preload:[\s\S]*?<!-- \/preload -->\n?/;
const cssHref = (indexHtml.match(CSS_LINK) || fail('index.html: no stylesheet link'))[1];
const appSrc = (indexHtml.match(APP_SCRIPT) || fail('index.html: no module script'))[1];
for (const name of Object.values(VARIANTS)) {
  for (const ext of ['.js', '.wasm']) {
    if (!fs.existsSync(path.join(WASM, name + ext)))
      fail(`build/wasm/${name}${ext} missing: run scripts/build first`);
  }
  // em++ writes the .wasm, then the .js: a newer .wasm is a link in progress (a mismatched pair).
  const mtime = (ext) => fs.statSync(path.join(WASM, name + ext)).mtimeMs;
  if (mtime('.wasm') > mtime('.js'))
    fail(`build/wasm/${name}.wasm is newer than its .js (a link in progress?): rebuild`);
}

const bundle = (format) =>
  esbuild
    .build({
      entryPoints: [path.join(ROOT, appSrc)],
      bundle: true,
      minify: true,
      format,
      target: 'es2020',
      write: false,
      logLevel: 'warning',
      legalComments: 'none',
    })
    .then((r) => r.outputFiles[0].text);
const [appEsm, appIife, css] = await Promise.all([
  bundle('esm'),
  bundle('iife'),
  esbuild
    .build({
      entryPoints: [path.join(ROOT, cssHref)],
      bundle: true,
      minify: true,
      write: false,
      loader: { '.png': 'dataurl', '.svg': 'dataurl', '.woff2': 'dataurl' },
    })
    .then((r) => r.outputFiles[0].text),
]);
if (/<\/style/i.test(css)) fail(`${cssHref} contains "</style"`);

// Checks that the rewritten page refers to nothing local but what dist/ holds.
function checkRefs(html, allowed, what) {
  const markup = html.replace(/(<(script|style)\b[^>]*>)[\s\S]*?(<\/\2>)/gi, '$1$3'); // not code
  for (const m of markup.matchAll(/\b(?:src|href)="([^"]*)"/g)) {
    const ref = m[1];
    if (/^(?:data:|https?:|#|mailto:)/.test(ref) || allowed.includes(ref)) continue;
    fail(`${what}: unhandled reference "${ref}" (teach scripts/dist.mjs about it)`);
  }
}

// ---- dist/ : the static folder --------------------------------------------------------------
fs.rmSync(DIST, { recursive: true, force: true });
fs.mkdirSync(DIST, { recursive: true });
let page = replaceOnce(
  indexHtml,
  CSS_LINK,
  '<link rel="stylesheet" href="style.css">',
  'stylesheet link',
);
page = replaceOnce(
  page,
  APP_SCRIPT,
  '<script type="module" src="app.js"></script>',
  'module script',
);
page = replaceOnce(page, MODULE_DIR, 'data-module-dir="./"', 'data-module-dir');
// One bundle: nothing to preload but the engine, which now sits beside the page.
page = replaceOnce(
  page,
  PRELOAD,
  '  <link rel="preload" href="nnplay-simd.wasm" as="fetch" crossorigin>\n' +
    '  <link rel="preload" href="nnplay-simd.js" as="script">\n',
  'preload block',
);
checkRefs(page, ['style.css', 'app.js', 'nnplay-simd.wasm', 'nnplay-simd.js'], 'dist/index.html');
fs.writeFileSync(path.join(DIST, 'index.html'), page);
fs.writeFileSync(path.join(DIST, 'app.js'), appEsm);
fs.writeFileSync(path.join(DIST, 'style.css'), css);
for (const name of Object.values(VARIANTS)) {
  for (const ext of ['.js', '.wasm'])
    fs.copyFileSync(path.join(WASM, name + ext), path.join(DIST, name + ext));
}
const WORKER_FILES = ['engine-loader.js', 'workers/session-worker.js'];
for (const f of WORKER_FILES) {
  fs.mkdirSync(path.dirname(path.join(DIST, f)), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'web', f), path.join(DIST, f));
}

// ---- dist/nnplay.html : one file ------------------------------------------------------------
const glue = {};
const wasm = {};
for (const [kind, name] of Object.entries(VARIANTS)) {
  const text = fs.readFileSync(path.join(WASM, `${name}.js`), 'utf8');
  if (!text.includes(`var ${FACTORY}`)) fail(`build/wasm/${name}.js does not define ${FACTORY}`);
  glue[kind] = scriptText(text, `build/wasm/${name}.js`);
  wasm[kind] = fs.readFileSync(path.join(WASM, `${name}.wasm`)).toString('base64');
}
// The loader, then the worker script (which then finds the loader defined and imports nothing).
const workerParts = WORKER_FILES.map((f) =>
  fs.readFileSync(path.join(ROOT, 'web', f), 'utf8'),
).join('\n');
const engineScript = `/* nnplay engine: Emscripten glue + .wasm (base64) of the SIMD and baseline builds */
(function () {
  var wasm = { simd: "${wasm.simd}", baseline: "${wasm.baseline}" };
  var glue = {
    simd: function () {\n${glue.simd}\n;return ${FACTORY}; },
    baseline: function () {\n${glue.baseline}\n;return ${FACTORY}; }
  };
  function bytes(b64) {
    var s = atob(b64), a = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) a[i] = s.charCodeAt(i);
    return a;
  }
  var chosen = null;
  function choose() {
    if (!chosen) {
      var simd = bytes(wasm.simd), ok = false;
      try { ok = WebAssembly.validate(simd); } catch (e) {}
      var g = ok ? glue.simd : glue.baseline;
      chosen = { simd: ok, glue: g, factory: g(), binary: ok ? simd : bytes(wasm.baseline) };
      wasm = null;
    }
    return chosen;
  }
  window.${FACTORY} = function (options) {
    var c = choose(), o = {};
    for (var k in options) o[k] = options[k];
    o.wasmBinary = c.binary;
    return c.factory(o);
  };
  var workerParts = ${JSON.stringify(workerParts)};
  window.nnplayInlineEngine = {
    get simd() { return choose().simd; },
    workerScript: function () {
      return 'var ${FACTORY} = (' + choose().glue.toString() + ')();\\n' + workerParts;
    },
    wasmBinary: function () { return choose().binary.slice(); }
  };
})();`;
let one = replaceOnce(indexHtml, CSS_LINK, `<style>\n${css}</style>`, 'stylesheet link');
one = replaceOnce(one, APP_SCRIPT, '', 'module script');
one = replaceOnce(one, MODULE_DIR, 'data-module-dir="./"', 'data-module-dir');
one = replaceOnce(one, PRELOAD, '', 'preload block'); // everything is inline
one = replaceOnce(
  one,
  /<\/body>/i,
  `<script>\n${engineScript}\n</script>\n<script>\n${scriptText(appIife, 'the IIFE bundle')}</script>\n</body>`,
  '</body>',
);
checkRefs(one, [], 'dist/nnplay.html');
fs.writeFileSync(path.join(DIST, 'nnplay.html'), one);

for (const f of fs.readdirSync(DIST, { recursive: true }).sort()) {
  const stat = fs.statSync(path.join(DIST, f));
  if (stat.isFile()) console.log(`dist: ${f} ${stat.size} B`);
}
