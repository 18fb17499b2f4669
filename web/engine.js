// @ts-check
// The typed session wrapper: class Engine wraps one Session of a loaded wasm Module in a small
// API whose configs are plain objects and whose results are plain values; loadEngine() is the
// page's way to get one. Finding and starting the Module is web/engine-loader.js's job (the
// same loader runs in a Worker and in node tests). See docs/BINDING.md.

import './engine-loader.js';

/** @typedef {import('../bindings/nnplay').NNPlayModule} NNPlayModule */
/** @typedef {import('../bindings/nnplay').Session} Session */
/** @typedef {import('../bindings/nnplay').Limits} Limits */
/** @typedef {{field: string, message: string}} Issue */

const loader = globalThis.nnplayEngineLoader;

/** A load failure the page shows as is: `message` is a sentence for a reader. */
export const EngineLoadError = loader.EngineLoadError;

/** True when this browser runs WebAssembly SIMD. */
export const simdSupported = loader.simdSupported;

/**
 * Loads the module and opens one session. dir: folder of nnplay.js / nnplay-simd.js
 * (ignored when the factory is already on the page, as in a one-file build).
 * Rejects with an EngineLoadError whose message a reader can act on.
 * @param {{dir?: string, simd?: boolean}} [options]
 */
export async function loadEngine({ dir = 'build/wasm/', simd = simdSupported() } = {}) {
  return new Engine(await loader.loadModule({ dir, simd }), simd);
}

/** @param {ArrayLike<{field: unknown, message: unknown}> | undefined} list @returns {Issue[]} */
function issues(list) {
  return Array.from(list || [], (e) => ({ field: String(e.field), message: String(e.message) }));
}

/** One engine session. Configs are engine JSON-form objects (docs/BINDING.md). */
/**
 * call(text()) as {ok, errors, warnings}; a text() that throws or is not a string is refused.
 * @param {(text: string) => any} call
 * @param {() => unknown} text
 * @returns {{ok: boolean, errors: Issue[], warnings: Issue[]}}
 */
function textCall(call, text) {
  let t;
  try {
    t = text();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [{ field: '', message: `not JSON: ${message}` }], warnings: [] };
  }
  if (typeof t !== 'string') {
    return { ok: false, errors: [{ field: '', message: 'not a JSON text' }], warnings: [] };
  }
  const r = call(t);
  return { ok: Boolean(r.ok), errors: issues(r.errors), warnings: issues(r.warnings) };
}

export class Engine {
  /** @param {NNPlayModule} Module a started module (web/engine-loader.js) @param {boolean} simd */
  constructor(Module, simd) {
    this.Module = Module;
    this.simd = simd;
    this.session = new Module.Session();
    /** @type {Session | null} a second session for previews (dataset thumbnails) */
    this.scratch = null;
  }

  /**
   * Replaces the whole config: {ok, errors, warnings}; on errors nothing changes.
   * @param {object} config
   * @returns {{ok: boolean, errors: Issue[], warnings: Issue[]}}
   */
  configure(config) {
    let text;
    try {
      text = JSON.stringify(config);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return { ok: false, errors: [{ field: '', message: `not JSON: ${message}` }], warnings: [] };
    }
    if (typeof text !== 'string') {
      return { ok: false, errors: [{ field: '', message: 'not a config object' }], warnings: [] };
    }
    const r = this.session.configure(text);
    return { ok: Boolean(r.ok), errors: issues(r.errors), warnings: issues(r.warnings) };
  }

  /**
   * Applies training keys only (learningRate, optimizer and its parameters, the lr schedule
   * keys, regularization, regularizationRate), keeping weights, data and epoch; another key is
   * an error naming it and on errors nothing changes.
   * @param {Record<string, any>} changes
   * @returns {{ok: boolean, errors: Issue[], warnings: Issue[]}}
   */
  updateTraining(changes) {
    return textCall(
      (t) => this.session.updateTraining(t),
      () => JSON.stringify(changes),
    );
  }
  /** The learning rate of the next update (the schedule applied). @returns {number} */
  learningRateNow() {
    return Number(this.session.learningRateNow());
  }
  /** Back to the weights of the last reset/configure/loadModel, epoch 0, optimizer state
   *  cleared, the generator where it was then. */
  resetToInitial() {
    this.session.resetToInitial();
  }
  /** The model file (docs/MODELS.md): config, weights, optimizer and training state.
   *  @returns {string} */
  exportModel() {
    return this.session.exportModel();
  }
  /**
   * Replaces the session with a model file's; on errors nothing changes.
   * @param {string} text
   * @returns {{ok: boolean, errors: Issue[], warnings: Issue[]}}
   */
  loadModel(text) {
    return textCall(
      (t) => this.session.loadModel(t),
      () => text,
    );
  }
  /** The effective config (defaults and seed filled in). @returns {Record<string, any>} */
  config() {
    return JSON.parse(this.session.config());
  }
  /** config() plus params and epoch: configure(exportConfig()) restores the network.
   *  @returns {Record<string, any>} */
  exportConfig() {
    return JSON.parse(this.session.exportConfig());
  }

  /** Trains n epochs; returns how many (fewer when the network diverged). */
  step(n = 1) {
    return Number(this.session.step(n));
  }
  /** Trains n single examples in training order from the session's cursor; returns how many. */
  stepExamples(n = 1) {
    return Number(this.session.stepExamples(n));
  }
  /** The training example stepExamples trains next (0 at an epoch's start). */
  exampleCursor() {
    return Number(this.session.exampleCursor());
  }
  /** The output for every training point (double, a copy), as of the last losses. */
  trainOutputs() {
    return this.session.trainOutputs();
  }
  epoch() {
    return Number(this.session.epoch());
  }
  trainLoss() {
    return this.session.trainLoss();
  }
  testLoss() {
    return this.session.testLoss();
  }
  trainAccuracy() {
    return this.session.trainAccuracy();
  }
  testAccuracy() {
    return this.session.testAccuracy();
  }
  /** Regression metrics (NaN for classification or an empty set): the root mean squared
   *  error, sqrt(2 loss) with one output, and R^2 = 1 - SS_res / SS_tot. */
  trainRmse() {
    return this.session.trainRmse();
  }
  testRmse() {
    return this.session.testRmse();
  }
  trainR2() {
    return this.session.trainR2();
  }
  testR2() {
    return this.session.testR2();
  }
  /** @param {number} lr */
  setLearningRate(lr) {
    return Boolean(this.session.setLearningRate(lr));
  }
  reset() {
    this.session.reset();
  }
  /** New data from a new seed drawn from the stream, weights kept; returns the seed. */
  regenerate() {
    return this.session.regenerate();
  }
  /** Draws a new seed string from the stream. */
  nextSeed() {
    return this.session.nextSeed();
  }

  layerSizes() {
    return Array.from(this.session.layerSizes());
  }
  /** Per hidden layer, the units dead on every training point (docs/BINDING.md). */
  deadUnits() {
    return Array.from(this.session.deadUnits());
  }

  /** @returns {string[]} */
  inputNames() {
    const s = this.session.inputNames();
    return s ? s.split(',') : [];
  }
  /** [x, y, label, ...] copies. */
  trainPoints() {
    return this.session.trainPoints();
  }
  testPoints() {
    return this.session.testPoints();
  }

  /** Predicts an R x R grid; returns the output values (a view: use before the next call).
   *  @param {number} r */
  predictGrid(r) {
    this.session.predictGrid(r);
    return this.session.gridOutput();
  }
  /** The output over an R x R grid of any rectangle (image order: row 0 is y = ymax, column 0
   *  is x = xmin); a view, as predictGrid. Empty when the engine refuses the bounds.
   *  @param {number} r @param {{xmin: number, xmax: number, ymin: number, ymax: number}} bounds */
  predictGridIn(r, { xmin, xmax, ymin, ymax }) {
    if (!this.session.predictGridIn(r, xmin, xmax, ymin, ymax)) return new Float32Array(0);
    return this.session.gridOutput();
  }
  /** Every node's map after predictGrid (a view: nodeCount·R·R values). */
  gridNodes() {
    return this.session.gridNodes();
  }
  /** All parameters (a view) and the L1-dead flags (a view), as docs/BINDING.md lays out. */
  paramsView() {
    return this.session.paramsView();
  }
  deadView() {
    return this.session.deadView();
  }
  /** @param {number} layer @param {number} node @param {number} source @param {number} v */
  setWeight(layer, node, source, v) {
    return Boolean(this.session.setWeight(layer, node, source, v));
  }
  /** @param {number} layer @param {number} node @param {number} v */
  setBias(layer, node, v) {
    return Boolean(this.session.setBias(layer, node, v));
  }

  /** The engine's hard limits (layers, neurons, seed length, points, grid resolution). */
  limits() {
    return this.Module.limits();
  }
  /** The input features in the engine's order. */
  featureNames() {
    return this.Module.featureNames();
  }
  /** The target the negative class is trained towards for the output activation. */
  negativeTarget() {
    return this.session.negativeTarget();
  }
  /** One per training point: 1 where the engine's accuracy counts it right (a copy). */
  trainCorrect() {
    return this.session.trainCorrect();
  }
  outputWidth() {
    return this.session.outputWidth();
  }

  /** Another Engine on the same module with a session of its own (the perceptron lab's). */
  fork() {
    return new Engine(this.Module, this.simd);
  }

  /** The points ([x, y, label, ...], train then test) a config makes, from a second session:
   *  this one is untouched. Empty when the config is rejected. @param {object} config */
  previewPoints(config) {
    if (!this.scratch) this.scratch = new this.Module.Session();
    const r = this.scratch.configure(JSON.stringify(config));
    if (!r.ok) return new Float64Array(0);
    const train = this.scratch.trainPoints();
    const test = this.scratch.testPoints();
    const all = new Float64Array(train.length + test.length);
    all.set(train);
    all.set(test, train.length);
    return all;
  }

  /** Every input feature's R x R map, in the engine's order (featureNames()), R·R values each,
   *  from the preview session: a copy, fixed for the page's life. */
  featureMaps(r = 100) {
    if (!this.scratch) this.scratch = new this.Module.Session();
    // Every input on, from the engine's own table, so that no list of features is copied here.
    const names = this.featureNames();
    const all = Object.fromEntries(names.map((name) => [name, true]));
    const res = this.scratch.configure(
      JSON.stringify({ ...all, networkShape: [], seed: 'features', percTrainData: 100 }),
    );
    if (!res.ok) return new Float32Array(0);
    this.scratch.predictGrid(r);
    return new Float32Array(this.scratch.gridNodes().subarray(0, names.length * r * r));
  }

  dispose() {
    this.session.delete();
    if (this.scratch) this.scratch.delete();
  }
}
