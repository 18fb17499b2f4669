// The per-hidden-layer config keys through the wasm binding: `activations` (and every
// activation as `activation` and `outputActivation`) and `dropout` (its masks' own stream,
// whose seed npm's seedrandom reads the same), bad values as errors naming the field and the
// index, never as exceptions.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { loadModule, configured } from './load-module.mjs';
import { ACTIVATIONS } from '../../web/options.js';

const seedrandom = createRequire(import.meta.url)('seedrandom');

const Module = await loadModule();
const Simd = await loadModule('nnplay-simd');

test('activations: one per hidden layer, folded into activation when they agree', () => {
  const s = configured(Module, { seed: 'a', networkShape: [3, 2], activations: ['gelu', 'sine'] });
  assert.deepEqual(JSON.parse(s.config()).activations, ['gelu', 'sine']);
  assert.deepEqual(JSON.parse(s.exportConfig()).activations, ['gelu', 'sine']);
  assert.equal(s.configure(JSON.stringify({ activations: ['elu', 'elu'] })).ok, true);
  const folded = JSON.parse(s.config());
  assert.equal(folded.activation, 'elu');
  assert.equal('activations' in folded, false);
  s.delete();
});

test('every activation trains through both builds, hidden and at the output', () => {
  // The page's list is the engine's: each name is accepted in both places.
  for (const name of ACTIVATIONS) {
    const results = [Module, Simd].map((M) => {
      const s = configured(M, { seed: 'e', activation: name, outputActivation: name });
      s.step(20);
      const out = [s.trainLoss(), s.testLoss()];
      assert.ok(s.predictGrid(20), name);
      s.delete();
      return out;
    });
    assert.ok(results[0].every(Number.isFinite), `${name}: ${results[0]}`);
    // The two builds agree to the golden run's tolerance (libm's last bits may differ).
    for (let k = 0; k < 2; k++)
      assert.ok(Math.abs(results[0][k] - results[1][k]) < 1e-9, `${name}: ${results}`);
  }
});

test('bad activations come back as errors naming the field and the index', () => {
  const s = new Module.Session();
  const errors = (config) => {
    const r = s.configure(JSON.stringify(config));
    assert.equal(r.ok, false, JSON.stringify(config));
    return Array.from(r.errors, (e) => e.field);
  };
  assert.deepEqual(errors({ activations: ['relu'] }), ['activations']);
  assert.deepEqual(errors({ activations: ['relu', 'bogus'] }), ['activations[1]']);
  assert.deepEqual(errors({ activations: 'relu' }), ['activations']);
  assert.deepEqual(errors({ activations: [null, {}] }), ['activations[0]', 'activations[1]']);
  assert.deepEqual(errors({ outputActivation: 'softmax' }), ['outputActivation']);
  s.delete();
});

test('dropout: per layer or one number; bad rates are errors naming the field', () => {
  const s = configured(Module, { seed: 'd', networkShape: [4, 2], dropout: 0.2 });
  assert.deepEqual(JSON.parse(s.config()).dropout, [0.2, 0.2]);
  const errors = (config) => {
    const r = s.configure(JSON.stringify(config));
    assert.equal(r.ok, false, JSON.stringify(config));
    return Array.from(r.errors, (e) => e.field);
  };
  assert.deepEqual(errors({ dropout: 5 }), ['dropout']);
  assert.deepEqual(errors({ dropout: [0.1] }), ['dropout']);
  assert.deepEqual(errors({ dropout: [0.1, -1] }), ['dropout[1]']);
  assert.deepEqual(errors({ dropout: [0.1, 'x'] }), ['dropout[1]']);
  assert.deepEqual(errors({ dropout: { a: 1 } }), ['dropout']);
  assert.equal(s.configure(JSON.stringify({ seed: 'd', dropout: [0, 0] })).ok, true);
  assert.equal('dropout' in JSON.parse(s.config()), false, 'all zero: no key');
  s.delete();
});

test('dropout trains the same in both builds; a reset count changes the masks', () => {
  const run = (M, resets) => {
    const s = configured(M, { seed: 'r', dropout: [0.5, 0.2] });
    const first = configured(M, { seed: 'r' });
    // The first weights are those without dropout: dropout has a stream of its own.
    assert.deepEqual(Array.from(s.paramsView()), Array.from(first.paramsView()));
    first.delete();
    for (let i = 0; i < resets; i++) s.reset();
    s.step(10);
    const out = [s.trainLoss(), s.testLoss()];
    s.delete();
    return out;
  };
  const plain = run(Module, 0);
  const simd = run(Simd, 0);
  for (let k = 0; k < 2; k++) assert.ok(Math.abs(plain[k] - simd[k]) < 1e-9, `${plain} ${simd}`);
  assert.deepEqual(run(Module, 0), plain, 'reproducible');
  assert.deepEqual(run(Module, 1), run(Module, 1));
});

test("the masks' seed is a JS string seedrandom reads the same: seed, NUL, dropout, NUL, count", () => {
  const seed = '0.12345\u0000dropout\u00002';
  const js = seedrandom(seed);
  const ours = Module.randomDoubles(seed, 5);
  assert.deepEqual(Array.from(ours), [js(), js(), js(), js(), js()]);
});
