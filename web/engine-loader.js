// @ts-check
// The engine's loader, the same file wherever nnplay runs: picks the SIMD build when the
// runtime validates a SIMD module, gets the classic-script glue's factory and starts the wasm
// Module. The glue comes from
//   - a window: a <script> element (the page, served);
//   - a classic Worker: importScripts (web/workers/session-worker.js);
//   - the one-file page and a Worker started from it: the factory is already on globalThis
//     and brings its .wasm bytes (wasmBinary);
//   - node tests: the caller requires the glue and reads the .wasm (Emscripten 3.1.6's glue
//     cannot fetch a file path in node) and passes both in (tests/bindings/load-module.mjs).
// Why a classic script and not an ES module: a classic Worker can only importScripts, which
// cannot load a file with `export` in it, and a module Worker cannot importScripts the glue
// (its importScripts throws), so nnplay's Workers are classic ones.
// ES modules import this file for its effect, the one global nnplayEngineLoader (web/engine.js).

/** @typedef {import('../bindings/nnplay').NNPlayModule} NNPlayModule */
/** @typedef {import('../bindings/nnplay').ModuleFactory} ModuleFactory */
/** @typedef {import('../bindings/nnplay').ModuleOptions} ModuleOptions */
/** @typedef {import('../bindings/nnplay-images').ImagesModuleFactory} ImagesModuleFactory */

/**
 * @typedef {object} LoadOptions
 * @property {string} [dir] folder of nnplay.js / nnplay-simd.js and their .wasm, a URL
 *   (relative to the page or worker); unused when the factory is given or on globalThis
 * @property {boolean} [simd] the SIMD build (default: when this runtime validates SIMD)
 * @property {ModuleFactory | ImagesModuleFactory} [factory] the glue's factory, already
 *   loaded (node tests)
 * @property {ArrayBuffer | Uint8Array} [wasmBinary] the .wasm's bytes, already read
 * @property {ModuleKind} [kind] which module: the playground's (default) or another one built
 *   the same way (web/image-engine-loader.js passes the image engine's)
 */

/**
 * @typedef {object} ModuleKind
 * @property {string} factory the global the glue defines ('createNNPlayModule')
 * @property {string} file the build's file name without '-simd' and extension ('nnplay')
 */

var nnplayEngineLoader = (function () {
  const FACTORY = 'createNNPlayModule';
  /** @type {ModuleKind} */
  const PLAYGROUND = { factory: FACTORY, file: 'nnplay' };

  // The smallest module using a SIMD instruction (v128.const; i32x4.extract_lane in a function).
  const SIMD_PROBE = new Uint8Array([
    0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 127, 3, 2, 1, 0, 10, 25, 1, 23, 0, 253, 12, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 253, 27, 0, 11,
  ]);

  /** A load failure the page shows as is: `message` is a sentence for a reader. */
  class EngineLoadError extends Error {}

  /** True when this runtime runs WebAssembly SIMD. */
  function simdSupported() {
    try {
      return typeof WebAssembly === 'object' && WebAssembly.validate(SIMD_PROBE);
    } catch {
      return false;
    }
  }

  /** The build's file name without extension: 'nnplay-simd' or 'nnplay' (for the playground). */
  function buildName(/** @type {boolean} */ simd, kind = PLAYGROUND) {
    return simd ? `${kind.file}-simd` : kind.file;
  }

  /** The glue's factory on globalThis, if a script defined it. */
  function globalFactory(name = FACTORY) {
    const f = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (globalThis))[name];
    return typeof f === 'function' ? /** @type {ModuleFactory} */ (f) : undefined;
  }

  /** The base URL relative paths resolve against: the page's, or the worker script's. */
  function baseUrl() {
    if (typeof document === 'object' && document && document.baseURI) return document.baseURI;
    return String(globalThis.location && globalThis.location.href);
  }

  /** Runs the glue at src as a classic script: a <script> in a window, importScripts in a Worker. */
  function loadScript(/** @type {string} */ src) {
    const scope = /** @type {{importScripts?: (url: string) => void}} */ (
      /** @type {unknown} */ (globalThis)
    );
    if (typeof document !== 'object' && typeof scope.importScripts === 'function') {
      try {
        scope.importScripts(new URL(src, baseUrl()).href);
        return Promise.resolve();
      } catch {
        return Promise.reject(new EngineLoadError(`The engine file ${src} could not be loaded.`));
      }
    }
    if (typeof document !== 'object') {
      return Promise.reject(new EngineLoadError(`No way to load ${src} here: pass the factory.`));
    }
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.async = true;
      script.onload = () => resolve(undefined);
      script.onerror = () =>
        reject(new EngineLoadError(`The engine file ${src} could not be loaded.`));
      document.head.appendChild(script);
    });
  }

  /**
   * Starts the engine's wasm Module. Rejects with an EngineLoadError whose message a reader can
   * act on (no WebAssembly, a glue file that does not load or define the factory, a module that
   * does not start).
   * The Module's type is the playground's unless the caller says (a kind's own types).
   * @template [M=NNPlayModule]
   * @param {LoadOptions} [options]
   * @returns {Promise<M>}
   */
  async function loadModule({
    dir = 'build/wasm/',
    simd = simdSupported(),
    factory,
    wasmBinary,
    kind = PLAYGROUND,
  } = {}) {
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
      throw new EngineLoadError(
        'This browser cannot run WebAssembly, which nnplay needs. ' +
          'Please open the page in a current version of Chrome, Firefox, Safari or Edge.',
      );
    }
    /** @type {ModuleOptions} */
    const options = { print: () => {}, printErr: (m) => console.warn(m) };
    let create = factory || globalFactory(kind.factory);
    if (!create) {
      await loadScript(`${dir}${buildName(simd, kind)}.js`);
      create = globalFactory(kind.factory);
      if (!create)
        throw new EngineLoadError(`The engine file in ${dir} did not define ${kind.factory}.`);
      // The glue looks for its .wasm beside the document's script, but in a Worker beside the
      // worker script: name the folder it came from.
      const folder = new URL(dir, baseUrl()).href;
      options.locateFile = (file) => new URL(file, folder).href;
    }
    if (wasmBinary) options.wasmBinary = wasmBinary;
    try {
      return /** @type {M} */ (/** @type {unknown} */ (await create(options)));
    } catch (e) {
      const why = e && typeof e === 'object' && 'message' in e && e.message ? e.message : e;
      const message = String(why);
      throw new EngineLoadError(`The engine could not start (${message}).`);
    }
  }

  return { FACTORY, EngineLoadError, simdSupported, buildName, loadModule };
})();
globalThis.nnplayEngineLoader = nnplayEngineLoader;
