// @ts-check
// The image engine's loader (build/wasm/nnplay-images{,-simd}.js, factory
// createNNPlayImagesModule): web/engine-loader.js's loadModule with the image module's names,
// so it runs wherever that one does (a window, a classic Worker, the one-file page, node) and
// picks the SIMD build the same way (WebAssembly.validate). Load engine-loader.js first: ES
// modules import both for their globals, a classic Worker importScripts both. Only the image
// mode loads this, so the playground's first load does not fetch the image module.

// Both loaders are classic scripts sharing one global scope: the types are named by import()
// here rather than by typedefs that would clash with engine-loader.js's.

/**
 * @typedef {object} ImageLoadOptions
 * @property {string} [dir] folder of nnplay-images.js / nnplay-images-simd.js and their .wasm
 * @property {boolean} [simd] the SIMD build (default: when this runtime validates SIMD)
 * @property {import('../bindings/nnplay-images').ImagesModuleFactory} [factory] the glue's factory, already loaded (node tests)
 * @property {ArrayBuffer | Uint8Array} [wasmBinary] the .wasm's bytes, already read
 */

var nnplayImageEngineLoader = (function () {
  const KIND = { factory: 'createNNPlayImagesModule', file: 'nnplay-images' };

  function base() {
    const loader = globalThis.nnplayEngineLoader;
    if (!loader) throw new Error('load web/engine-loader.js before web/image-engine-loader.js');
    return loader;
  }

  /** The build's file name without extension: 'nnplay-images-simd' or 'nnplay-images'. */
  function buildName(/** @type {boolean} */ simd) {
    return base().buildName(simd, KIND);
  }

  /**
   * Starts the image engine's wasm Module; rejects with the engine loader's EngineLoadError.
   * @param {ImageLoadOptions} [options]
   * @returns {Promise<import('../bindings/nnplay-images').NNPlayImagesModule>}
   */
  function loadModule(options = {}) {
    /** @type {Promise<import('../bindings/nnplay-images').NNPlayImagesModule>} */
    const started = base().loadModule({ ...options, kind: KIND });
    return started;
  }

  return { FACTORY: KIND.factory, buildName, loadModule };
})();
globalThis.nnplayImageEngineLoader = nnplayImageEngineLoader;
