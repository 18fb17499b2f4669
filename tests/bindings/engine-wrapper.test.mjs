// web/engine.js's Engine over the module that the page's loader starts in node: its one-liners
// for the engine's limits, feature names, negative target, per-point accuracy and output width
// hand back what the binding gives; the loader turns a module that does not start into a
// sentence and a missing factory into a clear refusal.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadModule } from './load-module.mjs';
import { Engine, EngineLoadError } from '../../web/engine.js';

const Module = await loadModule();
const loader = globalThis.nnplayEngineLoader;

test("the Engine wrapper gives the binding's limits, features, targets and widths", () => {
  const engine = new Engine(Module, false);
  assert.deepEqual({ ...engine.limits() }, { ...Module.limits() });
  assert.deepEqual(engine.featureNames(), Module.featureNames());
  assert.equal(engine.configure({ seed: '0.12345', outputActivation: 'sigmoid' }).ok, true);
  assert.equal(engine.negativeTarget(), 0);
  assert.equal(engine.outputWidth(), 1);
  engine.step(5);
  const right = engine.trainCorrect();
  assert.ok(right instanceof Uint8Array);
  assert.equal(right.length, engine.trainPoints().length / 3);
  assert.equal(right.reduce((a, b) => a + b, 0) / right.length, engine.trainAccuracy());
  engine.dispose();
});

test('the loader reports a module that does not start as a sentence', async () => {
  const factory = () => Promise.reject(new Error('out of memory'));
  await assert.rejects(
    loader.loadModule({ factory }),
    (e) =>
      e instanceof EngineLoadError && e.message === 'The engine could not start (out of memory).',
  );
});

test('the loader in node, with no factory and no document or importScripts, says so', async () => {
  await assert.rejects(
    loader.loadModule({ dir: 'build/wasm/' }),
    (e) =>
      e instanceof EngineLoadError &&
      /No way to load build\/wasm\/nnplay(-simd)?\.js here: pass the factory/.test(e.message),
  );
});
