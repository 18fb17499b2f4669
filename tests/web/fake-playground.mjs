// A fake engine, fake canvases and a fake router port around a real web/playground.js
// Playground, for the node tests of the controller (tests/web/playground.test.mjs,
// tests/web/hardening.test.mjs): setup() returns the playground and what it wrote.
import fs from 'node:fs';
import { Playground } from '../../web/playground.js';
import { limitsTable } from '../../web/limits.js';

export const LIMITS = limitsTable(
  JSON.parse(fs.readFileSync(new URL('../fixtures/engine-limits.json', import.meta.url), 'utf8'))
    .limits,
);

export class FakeEngine {
  constructor() {
    this.cfg = null;
    this.epochs = 0;
    this.seeds = 0;
    this.calls = [];
  }
  configure(config) {
    this.calls.push(config);
    if (config.params) {
      // a snapshot or a carried network: the given weights and epoch
      const { params, epoch = 0, ...rest } = config;
      this.cfg = { ...this.cfg, ...rest };
      this.epochs = epoch;
      return { ok: true, errors: [], warnings: [] };
    }
    const errors = [];
    if (config.batchSize > 500) errors.push({ field: 'batchSize', message: 'too large' });
    if (config.networkShape && config.networkShape.length > 3)
      errors.push({ field: 'networkShape[3]', message: 'too deep' });
    if (config.activation === 'bad') errors.push({ field: 'activation', message: 'unknown' });
    if (errors.length) return { ok: false, errors, warnings: [] };
    this.cfg = {
      problem: 'classification',
      dataset: 'circle',
      activation: 'tanh',
      networkShape: [4, 2],
      ...config,
    };
    if (!this.cfg.seed) this.cfg.seed = this.nextSeed();
    this.epochs = 0;
    return { ok: true, errors: [], warnings: [] };
  }
  config() {
    return structuredClone(this.cfg);
  }
  exportConfig() {
    return {
      ...structuredClone(this.cfg),
      epoch: this.epochs,
      params: [[{ bias: this.epochs, w: [] }]],
    };
  }
  nextSeed() {
    this.seeds += 1;
    return `0.0000${this.seeds}`;
  }
  step(n) {
    this.epochs += n;
    this.stepped = (this.stepped || 0) + n;
    return n;
  }
  epoch() {
    return this.epochs;
  }
  trainLoss() {
    return 0.5 / (1 + this.epochs);
  }
  testLoss() {
    return 0.6 / (1 + this.epochs);
  }
  reset() {
    this.epochs = 0;
    this.resets = (this.resets || 0) + 1;
  }
  trainAccuracy() {
    return 0.9;
  }
  trainRmse() {
    return NaN;
  }
  testRmse() {
    return NaN;
  }
  trainR2() {
    return NaN;
  }
  testR2() {
    return NaN;
  }
  testAccuracy() {
    return 0.8;
  }
  layerSizes() {
    return [2, ...this.cfg.networkShape, 1];
  }
  paramsView() {
    return new Float64Array(0);
  }
  deadView() {
    return new Uint8Array(0);
  }
  gridNodes() {
    return new Float32Array(0);
  }
  learningRateNow() {
    const lr = this.cfg.learningRate ?? 0.03;
    return this.cfg.lrSchedule === 'step' ? lr * 0.5 ** Math.floor(this.epochs / 100) : lr;
  }
  // The engine's rule: only training keys, weights and epoch kept.
  updateTraining(patch) {
    const live = ['learningRate', 'optimizer', 'beta1', 'lrSchedule', 'regularization'];
    const errors = Object.keys(patch)
      .filter((k) => !live.includes(k) || patch[k] === 'bad')
      .map((field) => ({
        field,
        message: live.includes(field) ? 'unknown' : 'not a training key',
      }));
    if (errors.length) return { ok: false, errors, warnings: [] };
    Object.assign(this.cfg, patch);
    this.updates = (this.updates || 0) + 1;
    return { ok: true, errors: [], warnings: [] };
  }
  resetToInitial() {
    this.epochs = 0;
    this.sameResets = (this.sameResets || 0) + 1;
  }
  setLearningRate(lr) {
    if (!(lr >= 0)) return false;
    this.cfg.learningRate = lr;
    return true;
  }
  regenerate() {
    this.cfg.seed = this.nextSeed();
    return this.cfg.seed;
  }
  predictGrid(r) {
    return new Float32Array(r * r).map((_, i) => (i % 3) - 1);
  }
  trainPoints() {
    return new Float64Array([0, 0, 1, 1, 1, -1]);
  }
  testPoints() {
    return new Float64Array([2, 2, 1]);
  }
}

function fakeCanvas() {
  const ctx = {
    createImageData: (w, h) => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) }),
    putImageData() {},
    clearRect() {},
    setTransform() {},
    beginPath() {},
    arc() {},
    fill() {},
    stroke() {},
  };
  return { width: 0, height: 0, clientWidth: 300, getContext: () => ctx };
}

export function setup(options = {}) {
  const frames = [];
  const slices = []; // the next slices of heavy work, run by the test
  const notices = [];
  const hashes = [];
  const writes = []; // 'push' or 'replace', in order
  const left = []; // the snapshots handed to push()
  const engine = options.engine || new FakeEngine();
  const pg = new Playground({
    engine,
    canvases: { heatmap: fakeCanvas(), points: fakeCanvas() },
    notice: {
      show: (title, items, opts) => notices.push({ title, items, opts }),
      clear: () => notices.push(null),
    },
    limits: LIMITS,
    link: {
      replace: () => {
        writes.push('replace');
        hashes.push(pg.serialize());
      },
      push: (snapshot) => {
        writes.push('push');
        left.push(snapshot);
        hashes.push(pg.serialize());
      },
    },
    raf: (f) => frames.push(f),
    schedule: (f) => slices.push(f),
    ...options,
  });
  const runFrame = () => frames.shift()();
  return { pg, engine, frames, slices, notices, hashes, writes, left, runFrame };
}
