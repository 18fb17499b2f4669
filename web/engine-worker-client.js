// @ts-check
// The page's side of web/workers/session-worker.js: starts a Worker holding one engine session
// and talks to it by postMessage (promises answered in order; the wasm bytes and parameter
// arrays travel as transferred ArrayBuffers). The hyper-parameter search's pool is a set of
// these. Served over http the Worker starts from its file; in the one-file page, which has no
// files to start from (file:// refuses Worker scripts by URL), from a Blob URL holding the
// glue, the loader and the worker script that scripts/dist.mjs inlined (nnplayInlineEngine).

import './engine-loader.js';

/** @typedef {import('../bindings/nnplay').ConfigureResult} ConfigureResult */
/**
 * @typedef {object} Losses what a worker session reports after a step
 * @property {number} epochs epochs the last step trained (fewer than asked when it diverged)
 * @property {number} epoch @property {number} trainLoss @property {number} testLoss
 * @property {number} trainAccuracy @property {number} testAccuracy
 */
/**
 * What the one-file page defines (scripts/dist.mjs) so that a Worker can start from a Blob.
 * @typedef {object} InlineEngine
 * @property {boolean} simd whether the inlined module chosen for this browser is the SIMD build
 * @property {() => string} workerScript the chosen glue, the loader and the worker, one script
 * @property {() => Uint8Array} wasmBinary a copy of the chosen .wasm's bytes
 */

const loader = globalThis.nnplayEngineLoader;

/** One Worker with one engine session. Make it with startEngineWorker(). */
export class EngineWorker {
  /** @param {Worker} worker */
  constructor(worker) {
    this.worker = worker;
    this.nextId = 1;
    /** @type {Map<number, {resolve: (v: any) => void, reject: (e: Error) => void}>} */
    this.pending = new Map();
    /** Whether the worker runs the SIMD build (set once started). */
    this.simd = false;
    worker.onmessage = (event) => {
      const { id, result, error } = event.data;
      const p = this.pending.get(id);
      if (!p) return;
      this.pending.delete(id);
      if (error === undefined) p.resolve(result);
      else p.reject(new loader.EngineLoadError(String(error)));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.failAll(new loader.EngineLoadError(`The engine worker failed (${event.message}).`));
    };
  }

  /** @param {Error} error */
  failAll(error) {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  /** @param {string} op @param {Record<string, unknown>} [args] @param {Transferable[]} [transfer] */
  call(op, args = {}, transfer = []) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, op, ...args }, transfer);
    });
  }

  /** Replaces the session's config, as Engine.configure. @param {object} config
   *  @returns {Promise<ConfigureResult>} */
  configure(config) {
    return this.call('configure', { config });
  }
  /** Trains n epochs. @param {number} n @returns {Promise<Losses>} */
  step(n = 1) {
    return this.call('step', { n });
  }
  /** The losses as of the last step. @returns {Promise<Losses>} */
  losses() {
    return this.call('losses');
  }
  /** config plus params and epoch (Engine.exportConfig). @returns {Promise<Record<string, any>>} */
  exportConfig() {
    return this.call('exportConfig');
  }
  /** A copy of every parameter, laid out as Engine.paramsView. @returns {Promise<Float64Array>} */
  params() {
    return this.call('params');
  }

  /** Stops the worker; calls still waiting reject. */
  terminate() {
    this.worker.terminate();
    this.failAll(new loader.EngineLoadError('The engine worker was stopped.'));
  }
}

/**
 * Starts a session Worker and its module. dir: the folder of the module's files, relative to
 * the page (as loadEngine's); simd: which build (default: what this browser validates). In the
 * one-file page both come from what the page inlined.
 * @param {{dir?: string, simd?: boolean, workerUrl?: string | URL}} [options]
 * @returns {Promise<EngineWorker>}
 */
export async function startEngineWorker({
  dir = 'build/wasm/',
  simd = loader.simdSupported(),
  workerUrl,
} = {}) {
  const inline = /** @type {{nnplayInlineEngine?: InlineEngine}} */ (
    /** @type {unknown} */ (globalThis)
  ).nnplayInlineEngine;
  let worker;
  let blobUrl = '';
  /** @type {Record<string, unknown>} */
  let init;
  /** @type {Transferable[]} */
  let transfer = [];
  if (inline) {
    blobUrl = URL.createObjectURL(new Blob([inline.workerScript()], { type: 'text/javascript' }));
    worker = new Worker(blobUrl);
    const wasmBinary = inline.wasmBinary();
    init = { simd: inline.simd, wasmBinary };
    transfer = [wasmBinary.buffer];
  } else {
    worker = new Worker(workerUrl || new URL('./workers/session-worker.js', import.meta.url));
    // The worker resolves paths against its own script: give it the folder as a full URL.
    init = { dir: new URL(dir, document.baseURI).href, simd };
  }
  const client = new EngineWorker(worker);
  try {
    const { simd: started } = await client.call('init', init, transfer);
    client.simd = started;
  } catch (e) {
    worker.terminate();
    throw e;
  } finally {
    if (blobUrl) URL.revokeObjectURL(blobUrl); // the worker has run its script by its reply
  }
  return client;
}
