// Engine figures of the built wasm module under node: training epochs/s, one grid of every
// neuron, and one UI frame's engine work. Prints one JSON object. Args: [--quick] [variant]
import { performance } from 'node:perf_hooks';
import { loadModule } from '../bindings/load-module.mjs';
import { benchConfig, defaultConfig, median } from './bench-config.mjs';

const quick = process.argv.includes('--quick');
const variant = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'nnplay-simd';
const Module = await loadModule(variant);

function session(config) {
  const s = new Module.Session();
  const r = s.configure(JSON.stringify(config));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return s;
}

// Median over timed blocks of the per-call time of fn, after a warm-up of at least `warmup`
// calls and `warmupMs` milliseconds (V8 runs new wasm code in its baseline tier first and
// swaps in optimised code compiled in the background: the blocks time the latter).
function timePerCall(fn, { blocks, callsPerBlock, warmup, warmupMs }) {
  const start = performance.now();
  for (let i = 0; i < warmup || performance.now() - start < warmupMs; i++) fn();
  const per = [];
  for (let b = 0; b < blocks; b++) {
    const t0 = performance.now();
    for (let i = 0; i < callsPerBlock; i++) fn();
    per.push((performance.now() - t0) / callsPerBlock);
  }
  return median(per);
}

// timePerCall for several functions, their blocks taken in turn; the medians, in order.
function timePerCallAlternating(fns, { blocks, callsPerBlock, warmup, warmupMs }) {
  for (const fn of fns) {
    const start = performance.now();
    for (let i = 0; i < warmup || performance.now() - start < warmupMs; i++) fn();
  }
  const per = fns.map(() => []);
  for (let b = 0; b < blocks; b++)
    fns.forEach((fn, k) => {
      const t0 = performance.now();
      for (let i = 0; i < callsPerBlock; i++) fn();
      per[k].push((performance.now() - t0) / callsPerBlock);
    });
  return per.map(median);
}

const scale = {
  warmupMs: 1000,
  ...(quick ? { blocks: 3, warmup: 20 } : { blocks: 9, warmup: 300 }),
};
const train = session(benchConfig());
// The same network and data under Adam: its update is a few more flat-array loops. SGD's and
// Adam's blocks alternate, so that a noisy stretch of the machine falls on both (their ratio
// is the figure: Adam at most 20% slower).
const adam = session({ ...benchConfig(), optimizer: 'adam' });
const [epochMs, adamEpochMs] = timePerCallAlternating(
  [() => train.trainEpochs(1), () => adam.trainEpochs(1)],
  { ...scale, callsPerBlock: quick ? 20 : 400 },
);
const gridMs = timePerCall(() => train.predictGrid(100), {
  ...scale,
  callsPerBlock: quick ? 5 : 50,
});
const frame = session(defaultConfig);
const frameMs = timePerCall(
  () => {
    frame.step(1);
    frame.predictGrid(100);
  },
  { ...scale, callsPerBlock: quick ? 10 : 200 },
);

console.log(
  JSON.stringify({
    variant,
    train_epochs_per_s_wasm: Math.round(1000 / epochMs),
    train_epochs_per_s_wasm_adam: Math.round(1000 / adamEpochMs),
    grid_all_neurons_ms_wasm: +gridMs.toFixed(3),
    frame_ms_wasm: +frameMs.toFixed(3),
  }),
);
