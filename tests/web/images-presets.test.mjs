// Unit tests of web/images/presets.js: the presets check as networks of the engine's kinds,
// pageSpec turns the engine's effective spec (float32 numbers, every key) into the page's
// shape, and presetOf names the preset a spec is, or custom.
import test from 'node:test';
import assert from 'node:assert/strict';
import { PRESETS, SPEC_KEYS, presetSpec, presetOf, pageSpec } from '../../web/images/presets.js';

// The ConvNetJS preset as ImageSession.spec() writes it back: every key, float32 numbers.
const ENGINE = {
  data: 'digits',
  layers: [
    { type: 'conv', size: 5, filters: 8, stride: 1, padding: 'same', activation: 'relu' },
    { type: 'pool', size: 2, stride: 2 },
    { type: 'conv', size: 5, filters: 16, stride: 1, padding: 'same', activation: 'relu' },
    { type: 'pool', size: 3, stride: 3 },
    { type: 'softmax' },
  ],
  optimizer: 'momentum',
  learningRate: Math.fround(0.01),
  momentum: Math.fround(0.9),
  beta1: Math.fround(0.9),
  l2: Math.fround(0.001),
  batchSize: 20,
  epochs: 10,
  seed: 'nnplay',
  augment: 'crop',
  crop: 24,
  shift: 2,
};

test('every preset ends in softmax and the ConvNetJS one is first', () => {
  assert.equal(Object.keys(PRESETS)[0], 'convnetjs');
  for (const [name, p] of Object.entries(PRESETS))
    assert.equal(p.spec.layers.at(-1).type, 'softmax', name);
  assert.equal(PRESETS.larger.spec.layers.filter((l) => l.type === 'conv').length, 3);
});

test("pageSpec keeps the page's keys with the numbers as written", () => {
  const s = pageSpec(ENGINE);
  assert.deepEqual(Object.keys(s).sort(), [...SPEC_KEYS].sort());
  assert.equal(s.learningRate, 0.01);
  assert.equal(s.momentum, 0.9);
  assert.equal(s.l2, 0.001);
  assert.equal(s.layers[1].stride, 2);
});

test('presetOf: a spec with the defaults spelled out is still its preset; a change is custom', () => {
  assert.equal(presetOf(pageSpec(ENGINE)), 'convnetjs');
  for (const name of Object.keys(PRESETS))
    assert.equal(presetOf(presetSpec(name, 'fashion')), name);
  assert.equal(presetOf({ ...presetSpec('convnetjs', 'digits'), batchSize: 50 }), 'custom');
  assert.equal(presetOf({ ...presetSpec('convnetjs', 'digits'), seed: 'other' }), 'custom');
  const layers = [...ENGINE.layers];
  layers[1] = { type: 'pool', size: 2, stride: 1 };
  assert.equal(presetOf(pageSpec({ ...ENGINE, layers })), 'custom');
});
