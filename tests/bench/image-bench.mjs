// The image engine's figures under node (the SIMD build unless told): the ConvNetJS network
// (tests/bindings/load-image-module.mjs, convnetjsSpec: the engine's convnetjs_spec) training
// on the digits, examples a second after a warm-up; and one image through predict plus every
// layer's output read out (what the page does per drawing), in ms. Prints one JSON object.
// Args: [--quick] [variant]
import { performance } from 'node:perf_hooks';
import { loadImageModule, imageSession } from '../bindings/load-image-module.mjs';
import { median } from './bench-config.mjs';

const quick = process.argv.includes('--quick');
const variant = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'nnplay-images-simd';
const Module = await loadImageModule(variant);
const s = imageSession(Module);

// V8 runs new wasm code in its baseline tier first and swaps in optimised code compiled in the
// background: the warm-up runs until that has happened (a time, not a count).
function warm(fn, ms) {
  const start = performance.now();
  while (performance.now() - start < ms) fn();
}

const batchesPerBlock = quick ? 10 : 100;
const blocks = quick ? 3 : 9;
warm(() => s.trainBatches(1), quick ? 700 : 1500);
const rates = [];
for (let b = 0; b < blocks; b++) {
  const t0 = performance.now();
  const r = s.trainBatches(batchesPerBlock);
  const ms = performance.now() - t0;
  if (!r || !Number.isFinite(r.loss)) throw new Error('training failed or diverged');
  rates.push((r.examples * 1000) / ms);
}

const image = s.testImage(0);
const layerCount = s.layers().length;
const predictOnce = () => {
  const p = s.predict(image);
  let values = p.length;
  for (let l = 0; l < layerCount; l++) values += s.layerOutput(l).length;
  return values;
};
warm(predictOnce, quick ? 200 : 500);
const per = [];
const calls = quick ? 20 : 200;
for (let b = 0; b < blocks; b++) {
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) predictOnce();
  per.push((performance.now() - t0) / calls);
}
s.delete();

console.log(
  JSON.stringify({
    variant,
    cnn_examples_per_s_wasm: Math.round(median(rates)),
    cnn_predict_ms_wasm: +median(per).toFixed(3),
  }),
);
