// The binding's JavaScript API as types: the factory the glue defines (build/wasm/nnplay.js and
// nnplay-simd.js), the Module it starts and Module.Session with every method that
// session_binding.cpp binds. tsconfig.json checks web/'s engine files against it, so that a
// renamed method or a wrong argument fails the test command. docs/BINDING.md says what each does.

/** One config problem: the field's path ('' for the whole config) and the reason. */
export interface ConfigIssue {
  field: string;
  message: string;
}

export interface ConfigureResult {
  ok: boolean;
  errors: ConfigIssue[];
  warnings: ConfigIssue[];
}

/** The engine's hard limits (its constants). */
export interface Limits {
  maxHiddenLayers: number;
  maxNeurons: number;
  maxSeedLength: number;
  maxPoints: number;
  maxGridResolution: number;
  maxBatchSize: number;
}

/** One engine session (an embind handle: call delete() when done). Views point into wasm
 *  memory and are valid until the next call that may reconfigure; copies are the caller's. */
export interface Session {
  /** Never throws: a non-string, an over-long, too deeply nested or invalid text comes back
   *  as {ok: false, errors} (docs/LIMITS.md). */
  configure(json: string): ConfigureResult;
  /** Training keys only (learningRate, optimizer and its parameters, lr schedule keys,
   *  regularization, regularizationRate) as JSON text; weights, data and epoch kept. Another
   *  key is an error naming it; on errors nothing changes. Never throws. */
  updateTraining(json: string): ConfigureResult;
  /** The learning rate of the next update (the schedule at the current epoch). */
  learningRateNow(): number;
  /** Back to the weights of the last configure/reset/loadModel, epoch 0, optimizer state
   *  cleared, the generator where it was then. */
  resetToInitial(): void;
  /** The model file (docs/MODELS.md) as JSON text. */
  exportModel(): string;
  /** Replaces the session with a model file's; on errors nothing changes. Never throws. */
  loadModel(text: string): ConfigureResult;
  /** The effective config as JSON. */
  config(): string;
  /** config() plus params and epoch, as JSON. */
  exportConfig(): string;
  /** Trains n epochs and recomputes the losses; returns the epochs trained. */
  step(n: number): number;
  /** step() without recomputing the losses. */
  trainEpochs(n: number): number;
  stepExamples(n: number): number;
  exampleCursor(): number;
  /** A copy. */
  trainOutputs(): Float64Array;
  epoch(): number;
  trainLoss(): number;
  testLoss(): number;
  trainAccuracy(): number;
  testAccuracy(): number;
  /** Regression: sqrt(mean squared error of output 0); NaN for classification or no points. */
  trainRmse(): number;
  testRmse(): number;
  /** Regression: 1 - SS_res / SS_tot; NaN for classification, no points or SS_tot = 0. */
  trainR2(): number;
  testR2(): number;
  setLearningRate(lr: number): boolean;
  reset(): void;
  /** The new seed. */
  regenerate(): string;
  nextSeed(): string;
  /** A copy: nodes per layer, inputs first. */
  layerSizes(): Int32Array;
  /** Per hidden layer, the units whose output is 0 on every training point (dead ReLU units). */
  deadUnits(): Int32Array;
  /** Comma separated. */
  inputNames(): string;
  /** Copies: [x, y, label, ...]. */
  trainPoints(): Float64Array;
  testPoints(): Float64Array;
  /** A view. */
  paramsView(): Float64Array;
  /** A view. */
  deadView(): Uint8Array;
  setWeight(layer: number, node: number, source: number, v: number): boolean;
  setBias(layer: number, node: number, v: number): boolean;
  predictGrid(resolution: number): boolean;
  predictGridIn(resolution: number, xMin: number, xMax: number, yMin: number, yMax: number): boolean;
  /** A view: R·R values. */
  gridOutput(): Float32Array;
  /** A view: nodeCount·R·R values. */
  gridNodes(): Float32Array;
  gridResolution(): number;
  /** The target the negative class trains towards for the current output activation. */
  negativeTarget(): number;
  /** A copy: 1 per training point the accuracy counts as right, as of the last losses. */
  trainCorrect(): Uint8Array;
  /** Outputs per example (1 today). */
  outputWidth(): number;
  /** Frees the C++ session (embind). */
  delete(): void;
}

/** A started module. */
export interface NNPlayModule {
  Session: new () => Session;
  /** The generator's first count doubles for a seed (empty for a count over 1,000,000). */
  randomDoubles(seed: string, count: number): Float64Array;
  limits(): Limits;
  /** The input features' names in the engine's order. */
  featureNames(): string[];
}

/** The options nnplay passes to the factory (Emscripten's Module overrides). */
export interface ModuleOptions {
  /** The .wasm's bytes: the glue then fetches nothing. */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Where a file the glue needs (the .wasm) is, from its name. */
  locateFile?: (file: string, scriptDirectory: string) => string;
  print?: (text: string) => void;
  printErr?: (text: string) => void;
}

/** The glue's factory (MODULARIZE, EXPORT_NAME=createNNPlayModule). */
export type ModuleFactory = (options?: ModuleOptions) => Promise<NNPlayModule>;
