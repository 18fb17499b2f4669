// Loads the built image module (build/wasm/nnplay-images{,-simd}.js) in node through the
// page's own loaders (web/engine-loader.js, web/image-engine-loader.js) and reads the data
// sets scripts/image-data.mjs wrote under build/data/.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import '../../web/engine-loader.js';
import '../../web/image-engine-loader.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const loader = globalThis.nnplayImageEngineLoader;

// variant: 'nnplay-images' or 'nnplay-images-simd'. NNPLAY_WASM_DIR: another build folder.
export async function loadImageModule(variant = 'nnplay-images') {
  const dir = process.env.NNPLAY_WASM_DIR || path.join(root, 'build/wasm');
  return loader.loadModule({
    factory: require(path.join(dir, `${variant}.js`)),
    wasmBinary: fs.readFileSync(path.join(dir, `${variant}.wasm`)),
  });
}

// An NNPI file of build/data/ ('digits-train', 'fashion-page-test', ...) as a Uint8Array.
export function imageData(name) {
  return new Uint8Array(fs.readFileSync(path.join(root, 'build/data', `${name}.nnpi`)));
}

// The ConvNetJS MNIST network (engine/image/train_spec.hpp, convnetjs_spec) as a spec.
export const convnetjsSpec = {
  data: 'digits',
  layers: [
    { type: 'conv', size: 5, filters: 8, activation: 'relu' },
    { type: 'pool', size: 2 },
    { type: 'conv', size: 5, filters: 16, activation: 'relu' },
    { type: 'pool', size: 3 },
    { type: 'softmax' },
  ],
  optimizer: 'momentum',
  learningRate: 0.01,
  momentum: 0.9,
  l2: 0.001,
  batchSize: 20,
  augment: 'crop',
  crop: 24,
  seed: 'nnplay',
};

// An ImageSession with `train` / `test` loaded and `spec` configured; throws if refused.
export function imageSession(
  Module,
  { train = 'digits-train', test = 'digits-test', spec = convnetjsSpec } = {},
) {
  const s = new Module.ImageSession();
  const loaded = s.loadData(imageData(train), imageData(test));
  if (!loaded.ok) throw new Error(`loadData refused: ${JSON.stringify(loaded.error)}`);
  const r = s.configure(JSON.stringify(spec));
  if (!r.ok) throw new Error(`configure refused: ${JSON.stringify(r.errors)}`);
  return s;
}
