// The image module's JavaScript API as types: the factory its glue defines
// (build/wasm/nnplay-images.js and nnplay-images-simd.js), the Module it starts and
// Module.ImageSession with every method that bindings/images/image_binding.cpp binds
// (tests/types checks that the two agree). docs/BINDING.md, "The image module", says what each
// does.
import type { ConfigIssue, ModuleOptions } from './nnplay';

export interface LoadDataResult {
  ok: boolean;
  /** null when ok; the file's field ('train.header.count', 'test.pixels', 'test'). */
  error: ConfigIssue | null;
}

export interface ImageConfigureResult {
  ok: boolean;
  errors: ConfigIssue[];
}

/** A layer's output shape: channels, rows, columns. */
export interface ImageShape {
  c: number;
  h: number;
  w: number;
}

export interface ImageLayerInfo {
  kind: 'conv' | 'pool' | 'dense' | 'softmax';
  /** 'conv 5x5, 8 filters, same, relu' */
  description: string;
  shape: ImageShape;
  /** Weights and biases. */
  params: number;
}

export interface ImageSettingsResult extends ImageConfigureResult {
  /** true: the weights and position stayed; false: a new network from the seed (another
   *  input size, layers, seed or data) or nothing changed (errors). */
  kept: boolean;
}

/** checkSpec's answer: what configure would build, the session unchanged. */
export interface ImageSpecCheck extends ImageConfigureResult {
  /** null when the spec's text or fields are refused before the shapes. */
  input: ImageShape | null;
  /** Sized up to the first layer that does not fit (its error's field is 'layers[i]'). */
  layers: { description: string; shape: ImageShape; params: number }[];
  params: number;
}

export interface BatchResult {
  examples: number;
  /** Mean cross-entropy of the examples, before their update. */
  loss: number;
  correct: number;
  epoch: number;
  cursor: number;
}

export interface ImageEvaluation {
  accuracy: number;
  loss: number;
  count: number;
  correct: number;
  /** classes x classes counts, [true class][predicted class]. */
  confusion: Uint32Array;
}

export interface ImageInfo {
  configured: boolean;
  train: number;
  test: number;
  rows: number;
  cols: number;
  classes: number;
  classNames: string[];
  epoch: number;
  cursor: number;
  examplesSeen: number;
}

export interface PrepareResult {
  ok: boolean;
  error: ConfigIssue | null;
  /** 28 x 28 floats in [0, 1], row-major (empty when not ok). */
  input: Float32Array;
  empty: boolean;
  box: { x: number; y: number; w: number; h: number };
  scaled: { w: number; h: number };
  offset: { x: number; y: number };
  centre: { x: number; y: number };
  clippedInk: number;
  inverted: boolean;
  background: number;
}

export interface DrawingOptions {
  invert?: boolean;
  emptyBelow?: number;
  boxThreshold?: number;
  normalize?: boolean;
}

export interface PictureOptions {
  invert?: boolean;
  trimThreshold?: number;
}

type Bytes = Uint8Array | Uint8ClampedArray;
type Floats = Float32Array | Float64Array;

/** One image training session (an embind handle: call delete() when done). Methods that
 *  return an array give an empty one (trainBatch, evaluate, inputShape: undefined) on bad
 *  arguments or when unconfigured, and lastError() says why; nothing throws. */
export interface ImageSession {
  loadData(train: Bytes, test: Bytes): LoadDataResult;
  configure(specJson: string): ImageConfigureResult;
  /** A spec's training settings for the configured network, keeping its weights when it is
   *  the same network (unconfigured: as configure). */
  updateSettings(specJson: string): ImageSettingsResult;
  /** Checks a spec against the loaded data without changing the session. */
  checkSpec(specJson: string): ImageSpecCheck;
  /** A model file's text (kind cnn) for the loaded data; the errors name the file's field. */
  loadModel(modelJson: string): ImageConfigureResult;
  /** The effective spec as JSON text; '' when unconfigured. */
  spec(): string;
  /** The network as a model file's text (kind cnn, with its optimizer state), its metrics the
   *  whole test set's; command goes into provenance.command. '' when unconfigured. */
  exportModel(command?: string): string;
  info(): ImageInfo;
  reset(): void;
  trainBatch(): BatchResult | undefined;
  trainBatches(n: number): BatchResult | undefined;
  evaluate(limit?: number): ImageEvaluation | undefined;
  predict(image: Floats | Bytes): Float32Array;
  predictTest(index: number): Float32Array;
  testImage(index: number): Uint8Array;
  /** -1 for a bad index. */
  testLabel(index: number): number;
  layers(): ImageLayerInfo[];
  inputShape(): ImageShape | undefined;
  networkInput(): Float32Array;
  layerOutput(layer: number): Float32Array;
  filters(layer: number): Float32Array;
  prepareDrawing(canvas: Floats | Bytes, w: number, h: number, options?: DrawingOptions): PrepareResult;
  preparePicture(pixels: Bytes, w: number, h: number, options?: PictureOptions): PrepareResult;
  lastError(): ConfigIssue | null;
  /** Frees the C++ session (embind). */
  delete(): void;
}

/** A started image module. */
export interface NNPlayImagesModule {
  ImageSession: new () => ImageSession;
  HEAP8: Int8Array;
}

/** The glue's factory (MODULARIZE, EXPORT_NAME=createNNPlayImagesModule). */
export type ImagesModuleFactory = (options?: ModuleOptions) => Promise<NNPlayImagesModule>;
