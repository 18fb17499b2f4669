// Writes dist/ from index.html, web/, models/, build/data/ and the built modules (scripts/dist
// runs this, after scripts/build's wasm build and image data):
//   dist/index.html, app.js (esbuild ES-module bundle), style.css, nnplay{,-simd}.{js,wasm}:
//     a static folder for any web host; the page picks the module as in the repo (web/engine.js).
//   dist/nnplay.html: one self-contained file for file:// (no request of any kind), at most
//     8 MB (its size is printed; over it the dist fails): the CSS inlined, the glue of both
//     module builds inlined as functions with their .wasm as base64,
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
//     The images mode, the same way: window.nnplayInlineImages holds both builds of the image
//     module (nnplay-images{,-simd}, chosen by WebAssembly.validate), its worker script (the
//     chosen glue, the two loaders and web/images/image-worker.js), models/digits.json's text
//     and the first INLINE_DIGITS of build/data's digits files as NNPI files with their own
//     headers (the files interleave the classes, so a prefix is balanced: 300 of each digit to
//     train on, 50 to test). web/images/mode.js sees it and starts the Worker from a Blob URL
//     (web/images/inline-worker.js), which hands the worker these bytes and text instead of
//     URLs. No clothing (Fashion-MNIST, 11 MB): the page says to open the served playground.
//   dist/engine-loader.js, dist/workers/session-worker.js: the session Worker for dist/ (the
//     client finds the worker beside app.js, the worker the loader one folder up).
//   dist/images/image-worker.js, image-engine-loader.js, nnplay-images{,-simd}.{js,wasm},
//     data/*.nnpi (the digits and the page's clothing subset, as build/data/), models/*.json:
//     the images mode of dist/index.html, with both data sets as the served page has them
//     (#images's data-worker and data-data-dir are rewritten to these folders).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { decodeImageSet, encodeImageSet } from './image-data.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const WASM = path.join(ROOT, 'build/wasm');
const FACTORY = 'createNNPlayModule';
const VARIANTS = { simd: 'nnplay-simd', baseline: 'nnplay' };
const DATA = path.join(ROOT, 'build/data');
const IMAGE_FACTORY = 'createNNPlayImagesModule';
const IMAGE_VARIANTS = { simd: 'nnplay-images-simd', baseline: 'nnplay-images' };
// The digits nnplay.html holds (the first of build/data's files): with both builds of both
// modules they keep the file under MAX_ONE_FILE.
const INLINE_DIGITS = { train: 2500, test: 500 }; // 3,000 in all; the file stays well under 8 MB
const MAX_ONE_FILE = 8e6; // bytes: 8 MB
// dist/'s images mode: what the served page fetches from build/data/ and models/.
const STATIC_DATA = ['digits-train', 'digits-test', 'fashion-page-train', 'fashion-page-test'];
const MODELS = ['digits', 'fashion'];
// The session Worker and the image Worker, and the loaders they importScripts (one folder up).
const WORKER_FILES = ['engine-loader.js', 'workers/session-worker.js'];
const IMAGE_WORKER_FILES = ['engine-loader.js', 'image-engine-loader.js', 'images/image-worker.js'];

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
// #images's worker and data folder (the image module sits beside the playground's).
const IMAGES_WORKER = /\bdata-worker="[^"]*"/;
const IMAGES_DATA = /\bdata-data-dir="[^"]*"/;
const imagesPaths = (html) =>
  replaceOnce(
    replaceOnce(html, IMAGES_WORKER, 'data-worker="images/image-worker.js"', 'data-worker'),
    IMAGES_DATA,
    'data-data-dir="data/"',
    'data-data-dir',
  );
// index.html's preload links (the source modules and build/wasm/'s SIMD engine).
const PRELOAD = /[ \t]*<!-- preload:[\s\S]*?<!-- \/preload -->\n?/;
const cssHref = (indexHtml.match(CSS_LINK) || fail('index.html: no stylesheet link'))[1];
const appSrc = (indexHtml.match(APP_SCRIPT) || fail('index.html: no module script'))[1];
for (const name of [...Object.values(VARIANTS), ...Object.values(IMAGE_VARIANTS)]) {
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
page = imagesPaths(page);
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
for (const name of [...Object.values(VARIANTS), ...Object.values(IMAGE_VARIANTS)]) {
  for (const ext of ['.js', '.wasm'])
    fs.copyFileSync(path.join(WASM, name + ext), path.join(DIST, name + ext));
}
const copy = (from, to) => {
  if (!fs.existsSync(from)) fail(`${path.relative(ROOT, from)} missing: run scripts/build first`);
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
};
for (const f of new Set([...WORKER_FILES, ...IMAGE_WORKER_FILES]))
  copy(path.join(ROOT, 'web', f), path.join(DIST, f));
for (const name of STATIC_DATA)
  copy(path.join(DATA, `${name}.nnpi`), path.join(DIST, 'data', `${name}.nnpi`));
for (const name of MODELS)
  copy(path.join(ROOT, 'models', `${name}.json`), path.join(DIST, 'models', `${name}.json`));

// ---- dist/nnplay.html : one file ------------------------------------------------------------
// A module's two builds as JS text: the glue as functions returning the factory (the worker
// script takes one's own source), the .wasm as base64.
function inlineBuilds(variants, factory) {
  const parts = Object.entries(variants).map(([kind, name]) => {
    const text = fs.readFileSync(path.join(WASM, `${name}.js`), 'utf8');
    if (!text.includes(`var ${factory}`)) fail(`build/wasm/${name}.js does not define ${factory}`);
    const wasm = fs.readFileSync(path.join(WASM, `${name}.wasm`)).toString('base64');
    return {
      glue: `${kind}: function () {\n${scriptText(text, `build/wasm/${name}.js`)}\n;return ${factory}; }`,
      wasm: `${kind}: "${wasm}"`,
    };
  });
  return `{ wasm: { ${parts.map((p) => p.wasm).join(', ')} },\n glue: { ${parts.map((p) => p.glue).join(',\n')} } }`;
}
// Classic scripts joined into one: the loaders first, so the worker imports nothing.
const joined = (files) =>
  files.map((f) => fs.readFileSync(path.join(ROOT, 'web', f), 'utf8')).join('\n');
// The first `count` images of an NNPI file, as an NNPI file: build/data's files interleave the
// classes (the i-th image of each in turn), so a prefix is as balanced as the classes allow.
function nnpiPrefix(file, count) {
  let set;
  try {
    set = decodeImageSet(fs.readFileSync(path.join(DATA, file)));
  } catch (e) {
    fail(`build/data/${file}: ${e.message} (run scripts/build)`);
  }
  if (set.labels.length < count) fail(`build/data/${file} has ${set.labels.length} < ${count}`);
  const size = set.rows * set.cols;
  const prefix = {
    ...set,
    labels: set.labels.subarray(0, count),
    pixels: set.pixels.subarray(0, count * size),
  };
  const perClass = set.classNames.map((_, k) => prefix.labels.filter((l) => l === k).length);
  console.log(`dist: nnplay.html holds ${file}'s first ${count} (per class ${perClass.join(' ')})`);
  return encodeImageSet(prefix).toString('base64');
}
const digits = Object.fromEntries(
  Object.entries(INLINE_DIGITS).map(([part, count]) => [
    part,
    nnpiPrefix(`digits-${part}.nnpi`, count),
  ]),
);
const digitsModel = fs.readFileSync(path.join(ROOT, 'models/digits.json'), 'utf8');
const engineScript = `/* nnplay engine: Emscripten glue + .wasm (base64) of the SIMD and baseline builds of the
   playground's module and the image module; the images mode's digits (NNPI) and network */
(function () {
  function bytes(b64) {
    var s = atob(b64), a = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) a[i] = s.charCodeAt(i);
    return a;
  }
  // The build this browser runs: the SIMD one when WebAssembly.validate accepts its bytes.
  function chooser(m) {
    var chosen = null;
    return function () {
      if (!chosen) {
        var simd = bytes(m.wasm.simd), ok = false;
        try { ok = WebAssembly.validate(simd); } catch (e) {}
        chosen = { simd: ok, glue: ok ? m.glue.simd : m.glue.baseline,
                   binary: ok ? simd : bytes(m.wasm.baseline) };
        m = null;
      }
      return chosen;
    };
  }
  var engine = chooser(${inlineBuilds(VARIANTS, FACTORY)});
  var images = chooser(${inlineBuilds(IMAGE_VARIANTS, IMAGE_FACTORY)});
  var factory = null;
  window.${FACTORY} = function (options) {
    var c = engine(), o = {};
    for (var k in options) o[k] = options[k];
    o.wasmBinary = c.binary;
    factory = factory || c.glue();
    return factory(o);
  };
  var engineWorker = ${JSON.stringify(joined(WORKER_FILES))};
  window.nnplayInlineEngine = {
    get simd() { return engine().simd; },
    workerScript: function () {
      return 'var ${FACTORY} = (' + engine().glue.toString() + ')();\\n' + engineWorker;
    },
    wasmBinary: function () { return engine().binary.slice(); }
  };
  var imageWorker = ${JSON.stringify(joined(IMAGE_WORKER_FILES))};
  var digits = { train: "${digits.train}", test: "${digits.test}" };
  var models = { digits: ${scriptText(JSON.stringify(digitsModel), 'models/digits.json')} };
  window.nnplayInlineImages = {
    get simd() { return images().simd; },
    workerScript: function () {
      return 'var ${IMAGE_FACTORY} = (' + images().glue.toString() + ')();\\n' + imageWorker;
    },
    wasmBinary: function () { return images().binary.slice(); },
    data: {
      digits: {
        count: ${JSON.stringify(INLINE_DIGITS)},
        train: function () { return bytes(digits.train); },
        test: function () { return bytes(digits.test); }
      }
    },
    model: function (name) {
      return Object.prototype.hasOwnProperty.call(models, name) ? models[name] : null;
    }
  };
})();`;
let one = replaceOnce(indexHtml, CSS_LINK, `<style>\n${css}</style>`, 'stylesheet link');
one = replaceOnce(one, APP_SCRIPT, '', 'module script');
one = replaceOnce(one, MODULE_DIR, 'data-module-dir="./"', 'data-module-dir');
one = imagesPaths(one); // unused there (nnplayInlineImages), but not the repo's paths
one = replaceOnce(one, PRELOAD, '', 'preload block'); // everything is inline
one = replaceOnce(
  one,
  /<\/body>/i,
  `<script>\n${engineScript}\n</script>\n<script>\n${scriptText(appIife, 'the IIFE bundle')}</script>\n</body>`,
  '</body>',
);
checkRefs(one, [], 'dist/nnplay.html');
const oneBytes = Buffer.byteLength(one);
const mb = (n) => `${(n / 1e6).toFixed(2)} MB`;
console.log(`dist: nnplay.html is ${mb(oneBytes)} (at most ${mb(MAX_ONE_FILE)})`);
if (oneBytes > MAX_ONE_FILE)
  fail(`nnplay.html would be ${oneBytes} B, over ${MAX_ONE_FILE}: inline fewer digits`);
fs.writeFileSync(path.join(DIST, 'nnplay.html'), one);

for (const f of fs.readdirSync(DIST, { recursive: true }).sort()) {
  const stat = fs.statSync(path.join(DIST, f));
  if (stat.isFile()) console.log(`dist: ${f} ${stat.size} B`);
}
