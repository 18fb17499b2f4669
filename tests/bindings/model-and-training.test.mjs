// The binding's training settings and model file: updateTraining, learningRateNow,
// resetToInitial, exportModel and loadModel through the real wasm module, hostile input
// included (errors come back as values, never as exceptions).
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadModule, configured } from './load-module.mjs';

const Module = await loadModule();
const params = (s) => Array.from(s.paramsView());

test('updateTraining changes the optimizer and keeps the weights and epoch', () => {
  const s = configured(Module, { seed: 'b', batchSize: 7 });
  s.step(2);
  const before = params(s);
  const r = s.updateTraining(JSON.stringify({ optimizer: 'adam', learningRate: 0.01 }));
  assert.equal(r.ok, true, JSON.stringify(r.errors));
  assert.deepEqual(params(s), before);
  assert.equal(s.epoch(), 2);
  assert.equal(JSON.parse(s.config()).optimizer, 'adam');
  assert.equal(s.learningRateNow(), 0.01);
  const bad = s.updateTraining(JSON.stringify({ seed: 'x', beta1: 0.5 }));
  assert.equal(bad.ok, false);
  assert.equal(bad.errors[0].field, 'seed');
  assert.equal(JSON.parse(s.config()).beta1, undefined); // nothing changed
  s.delete();
});

test('learningRateNow follows the schedule, resetToInitial returns to the start', () => {
  const s = configured(Module, {
    seed: 'c',
    lrSchedule: 'exponential',
    lrGamma: 0.5,
    lrStepEpochs: 2,
    lrWarmupEpochs: 0,
  });
  const initial = params(s);
  s.step(4);
  assert.ok(Math.abs(s.learningRateNow() - 0.03 * 0.25) < 1e-15);
  const loss = s.trainLoss();
  s.resetToInitial();
  assert.deepEqual(params(s), initial);
  assert.equal(s.epoch(), 0);
  assert.equal(s.learningRateNow(), 0.03);
  s.step(4);
  assert.equal(s.trainLoss(), loss);
  s.delete();
});

test('exportModel / loadModel continue bit for bit', () => {
  const config = { seed: 'd', batchSize: 7, optimizer: 'adamw', networkShape: [5, 3] };
  const straight = configured(Module, config);
  straight.step(6);
  const first = configured(Module, config);
  first.step(3);
  const text = first.exportModel();
  assert.equal(JSON.parse(text).format, 'nnplay-model');
  const loaded = new Module.Session();
  const r = loaded.loadModel(text);
  assert.equal(r.ok, true, JSON.stringify(r.errors));
  loaded.step(3);
  assert.deepEqual(params(loaded), params(straight));
  assert.equal(loaded.trainLoss(), straight.trainLoss());
  for (const s of [straight, first, loaded]) s.delete();
});

test('hostile input to the new functions returns errors, never throws', () => {
  const s = configured(Module, { seed: 'e' });
  const good = JSON.parse((() => (s.step(1), s.exportModel()))());
  const before = params(s);
  const hostile = [
    undefined,
    null,
    42,
    {},
    [],
    'garbage',
    '{',
    '[]',
    '{"format":"nnplay-model"}',
    JSON.stringify({ ...good, version: 1e308 }),
    JSON.stringify({ ...good, kind: 7 }),
    JSON.stringify({ ...good, weights: 'x' }),
    JSON.stringify({ ...good, training: { ...good.training, epoch: 1e300 } }),
    JSON.stringify({ ...good, training: { ...good.training, rng: 'zz' } }),
    JSON.stringify({ ...good, training: { ...good.training, gradient: [1e308, 'x'] } }),
    '['.repeat(100000),
  ];
  for (const h of hostile) {
    const r = s.loadModel(h);
    assert.equal(r.ok, false, String(h).slice(0, 40));
    assert.ok(r.errors.length > 0 && typeof r.errors[0].message === 'string');
  }
  for (const h of [
    undefined,
    3,
    '{"learningRate":"fast"}',
    '{"momentum":1e999}',
    '"x"',
    '{"x":1}',
  ]) {
    const r = s.updateTraining(h);
    assert.equal(r.ok, false, String(h));
  }
  assert.deepEqual(params(s), before);
  s.delete();
});
