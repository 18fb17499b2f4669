// The Session through its embind binding: golden losses, bad input as values, grids, params.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { loadModule, configured } from './load-module.mjs';

const Module = await loadModule();
// The golden run (seed, config, losses at epochs 0, 100, 200): one fixture for every layer.
const golden = JSON.parse(fs.readFileSync(new URL('../fixtures/golden.json', import.meta.url)));
const near = (actual, expected, eps, what) =>
  assert.ok(Math.abs(actual - expected) <= eps, `${what}: ${actual} vs ${expected}`);

// The fixture holds the native engine's numbers; wasm's libm differs in the last bits, so the
// binding agrees to 1e-9 (the reference's tolerance), and its two builds agree bit for bit.
function goldenRun(M) {
  const s = configured(M, golden.config);
  assert.equal(JSON.parse(s.config()).seed, golden.seed);
  const losses = [];
  for (const row of golden.losses) {
    const before = s.epoch();
    assert.equal(s.step(row.epoch - before), row.epoch - before);
    assert.equal(s.epoch(), row.epoch);
    near(s.trainLoss(), row.trainLoss, 1e-9, `epoch ${row.epoch} train`);
    near(s.testLoss(), row.testLoss, 1e-9, `epoch ${row.epoch} test`);
    losses.push(s.trainLoss(), s.testLoss());
  }
  s.delete();
  return losses;
}

test(`golden losses of the reference (seed ${golden.seed}) through the binding`, () => {
  goldenRun(Module);
});

test('the SIMD build gives the same golden losses, bit for bit', async () => {
  const Simd = await loadModule('nnplay-simd');
  assert.deepEqual(goldenRun(Simd), goldenRun(Module));
});

// Adam's update has an explicit SIMD path (engine/optimizer.cpp): it must round as the scalar one.
test('the SIMD build trains Adam and AdamW to the same weights, bit for bit', async () => {
  const Simd = await loadModule('nnplay-simd');
  for (const optimizer of ['adam', 'adamw'])
    for (const regularization of ['L1', 'L2']) {
      const config = {
        seed: 'simd-adam',
        optimizer,
        regularization,
        regularizationRate: 0.003,
        networkShape: [5, 3], // odd widths: each range ends on the scalar tail
        batchSize: 7,
      };
      const [a, b] = [Module, Simd].map((M) => {
        const s = configured(M, config);
        s.step(30);
        const model = JSON.parse(s.exportModel());
        s.delete();
        return model;
      });
      assert.deepEqual(b.weights, a.weights, `${optimizer} ${regularization} weights`);
      assert.deepEqual(b.optimizer, a.optimizer, `${optimizer} ${regularization} moments`);
    }
});

test('bad JSON strings come back as errors, never as exceptions', () => {
  const s = configured(Module, { seed: 'keep' });
  const before = s.exportConfig();
  for (const text of [
    '',
    '{',
    'null',
    '[]',
    '"x"',
    '{"noise": NaN}',
    '{"a":'.repeat(10000),
    '\u0000',
    '{"seed": "\ud800"}',
    JSON.stringify({ networkShape: 'x' }),
  ]) {
    const r = s.configure(text);
    assert.equal(r.ok, false, `accepted ${JSON.stringify(text.slice(0, 30))}`);
    assert.ok(r.errors.length > 0);
    for (const e of r.errors) {
      assert.equal(typeof e.field, 'string');
      assert.ok(e.message.length > 0);
    }
  }
  assert.equal(s.exportConfig(), before, 'state kept after refused configs');
  s.delete();
});

test('every invalid field is reported at once, unknown keys as warnings', () => {
  const s = new Module.Session();
  const r = s.configure(
    JSON.stringify({
      activation: 'banana',
      noise: 1e9,
      batchSize: 0,
      networkShape: [4, 100],
      x: 'true',
      bogus: 1,
    }),
  );
  assert.equal(r.ok, false);
  assert.deepEqual(r.errors.map((e) => e.field).sort(), [
    'activation',
    'batchSize',
    'networkShape[1]',
    'noise',
    'x',
  ]);
  assert.deepEqual(
    r.warnings.map((w) => w.field),
    ['bogus'],
  );
  s.delete();
});

test('grid sizes: output and every node, image order', () => {
  const s = configured(Module, { seed: '0.12345' });
  for (const R of [1, 10, 100, 200]) {
    assert.equal(s.predictGrid(R), true);
    assert.equal(s.gridResolution(), R);
    assert.equal(s.gridOutput().length, R * R);
    assert.equal(s.gridNodes().length, (2 + 4 + 2 + 1) * R * R);
  }
  assert.equal(s.predictGrid(0), false);
  assert.equal(s.predictGrid(513), false);
  s.predictGrid(100);
  const nodes = s.gridNodes();
  assert.equal(nodes[0], -6); // node x, row 0 col 0
  assert.equal(nodes[99], 6);
  assert.equal(nodes[10000], 6); // node y, row 0 is y = +6
  const out = s.gridOutput();
  assert.ok(out.every(Number.isFinite));
  assert.deepEqual(Array.from(out), Array.from(nodes.subarray(8 * 10000)));
  s.delete();
});

test('params view, weights and biases set from JS, reset and regenerate', () => {
  const s = configured(Module, { seed: '0.12345' });
  assert.deepEqual(Array.from(s.layerSizes()), [2, 4, 2, 1]);
  assert.equal(s.inputNames(), 'x,y');
  const p = s.paramsView();
  assert.equal(p.length, 8 + 4 + 8 + 2 + 2 + 1);
  near(p[0], 0.15119012045435498, 1e-15, 'first weight');
  assert.equal(p[8], 0.1, 'first bias follows the weights of layer 0');
  assert.equal(s.setWeight(0, 0, 1, 2.5), true);
  assert.equal(s.paramsView()[1], 2.5);
  assert.equal(s.setBias(2, 0, -0.5), true);
  assert.equal(s.paramsView()[p.length - 1], -0.5);
  assert.equal(s.setWeight(9, 0, 0, 1), false);
  assert.equal(s.setWeight(0, 0, 0, NaN), false);
  s.step(5);
  s.reset();
  assert.equal(s.epoch(), 0);
  const seed = s.regenerate();
  assert.match(seed, /^\d\.\d{5}$/);
  assert.equal(JSON.parse(s.config()).seed, seed);
  assert.equal(s.setLearningRate(0.1), true);
  assert.equal(s.setLearningRate(-1), false);
  assert.equal(JSON.parse(s.config()).learningRate, 0.1);
  s.delete();
});

test('export and configure round trip continues with the same losses', () => {
  const a = configured(Module, { seed: '0.12345' });
  a.step(20);
  const b = new Module.Session();
  assert.equal(b.configure(a.exportConfig()).ok, true);
  assert.equal(b.epoch(), 20);
  a.step(30);
  b.step(30);
  assert.equal(b.trainLoss(), a.trainLoss());
  a.delete();
  b.delete();
});

test('step with absurd counts does not hang or throw', () => {
  const s = configured(Module, { seed: '0.12345', points: { train: [], test: [] } });
  assert.equal(s.step(NaN), 0);
  assert.equal(s.step(-5), 0);
  assert.ok(Number.isNaN(s.trainLoss()));
  s.delete();
});

test('limits and feature names come from the engine', () => {
  const fixture = new URL('../fixtures/engine-limits.json', import.meta.url);
  assert.deepEqual({ ...Module.limits() }, JSON.parse(fs.readFileSync(fixture, 'utf8')).limits);
  assert.deepEqual(Module.featureNames(), [
    'x',
    'y',
    'xSquared',
    'ySquared',
    'xTimesY',
    'sinX',
    'sinY',
  ]);
  // The limits are the ones configure enforces.
  const s = new Module.Session();
  const { maxHiddenLayers, maxNeurons, maxSeedLength, maxGridResolution } = Module.limits();
  assert.equal(
    s.configure(JSON.stringify({ networkShape: Array(maxHiddenLayers).fill(1) })).ok,
    true,
  );
  assert.equal(
    s.configure(JSON.stringify({ networkShape: Array(maxHiddenLayers + 1).fill(1) })).ok,
    false,
  );
  assert.equal(s.configure(JSON.stringify({ networkShape: [maxNeurons] })).ok, true);
  assert.equal(s.configure(JSON.stringify({ networkShape: [maxNeurons + 1] })).ok, false);
  assert.equal(s.configure(JSON.stringify({ seed: 'a'.repeat(maxSeedLength) })).ok, true);
  assert.equal(s.configure(JSON.stringify({ seed: 'a'.repeat(maxSeedLength + 1) })).ok, false);
  assert.equal(s.predictGrid(maxGridResolution), true);
  assert.equal(s.predictGrid(maxGridResolution + 1), false);
  // Every feature name is a config key, and the inputs follow the table's order.
  const all = Object.fromEntries(Module.featureNames().map((k) => [k, true]));
  assert.equal(s.configure(JSON.stringify(all)).ok, true);
  assert.equal(s.inputNames(), Module.featureNames().join(','));
  s.delete();
});

test('negative target and output width follow the output activation', () => {
  const cases = [
    [{}, -1],
    [{ outputActivation: 'sigmoid' }, 0],
    [{ outputActivation: 'relu' }, 0],
    [{ outputActivation: 'linear' }, -1],
    [{ problem: 'regression' }, -1],
  ];
  for (const [config, negative] of cases) {
    const s = configured(Module, { seed: 'n', ...config });
    assert.equal(s.negativeTarget(), negative, JSON.stringify(config));
    assert.equal(s.outputWidth(), 1);
    s.delete();
  }
});

test('trainCorrect marks the points the accuracy counts as right', () => {
  for (const config of [
    { seed: '0.12345' },
    { seed: 'g', dataset: 'logic-xor', networkShape: [], outputActivation: 'sigmoid' },
  ]) {
    const s = configured(Module, config);
    s.step(3);
    const right = s.trainCorrect();
    assert.ok(right instanceof Uint8Array);
    const labels = s.trainPoints().filter((_, i) => i % 3 === 2);
    assert.equal(right.length, labels.length);
    // The same rule by hand: output and target on the same side of the threshold.
    const negative = s.negativeTarget(),
      threshold = (1 + negative) / 2;
    const outputs = s.trainOutputs();
    labels.forEach((label, i) => {
      const target = label > 0 ? 1 : negative;
      assert.equal(right[i], Number(outputs[i] >= threshold === target >= threshold));
    });
    assert.equal(right.reduce((a, b) => a + b, 0) / right.length, s.trainAccuracy());
    s.delete();
  }
});

test('deadUnits: per hidden layer, the units that output 0 on every training point', () => {
  const s = configured(Module, {
    seed: '0.12345',
    activation: 'relu',
    learningRate: 3,
    networkShape: [4, 2],
  });
  assert.deepEqual([...s.deadUnits()], [0, 0]);
  assert.ok(s.deadUnits() instanceof Int32Array);
  s.step(100);
  const loss = s.trainLoss();
  assert.equal(s.deadUnits()[1], 2, "layer 2's units all died at rate 3");
  assert.equal(s.trainLoss(), loss, 'the call changes nothing');
  s.delete();
  const flat = configured(Module, { seed: '1', networkShape: [] });
  assert.deepEqual([...flat.deadUnits()], []);
  flat.delete();
});
