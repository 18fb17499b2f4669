// The per-hidden-layer config keys through the wasm binding: `activations` (and every
// activation as `activation` and `outputActivation`), bad values as errors naming the field
// and the index, never as exceptions.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadModule, configured } from './load-module.mjs';
import { ACTIVATIONS } from '../../web/options.js';

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
