// The regression metrics through the binding and web/engine.js: RMSE and R^2 computed here from
// the engine's own outputs and points, NaN for classification.
import test from 'node:test';
import assert from 'node:assert/strict';
import { loadModule } from './load-module.mjs';
import { Engine } from '../../web/engine.js';

const Module = await loadModule();

/** [rmse, r2] of outputs against the labels of points ([x, y, label, ...]). */
function byHand(outputs, points) {
  const labels = points.filter((_, i) => i % 3 === 2);
  const mean = labels.reduce((a, b) => a + b, 0) / labels.length;
  let res = 0;
  let tot = 0;
  labels.forEach((t, i) => {
    res += (outputs[i] - t) ** 2;
    tot += (t - mean) ** 2;
  });
  return [Math.sqrt(res / labels.length), 1 - res / tot];
}

test('trainRmse and trainR2 equal the values computed from the outputs; NaN for classification', () => {
  const engine = new Engine(Module, false);
  const r = engine.configure({ seed: '0.7', problem: 'regression', networkShape: [4] });
  assert.equal(r.ok, true);
  engine.step(30);
  const [rmse, r2] = byHand(engine.trainOutputs(), engine.trainPoints());
  assert.ok(Math.abs(engine.trainRmse() - rmse) < 1e-12, `${engine.trainRmse()} vs ${rmse}`);
  assert.ok(Math.abs(engine.trainR2() - r2) < 1e-9, `${engine.trainR2()} vs ${r2}`);
  assert.ok(Math.abs(engine.testRmse() - Math.sqrt(2 * engine.testLoss())) < 1e-12);
  assert.ok(Number.isFinite(engine.testR2()) && engine.testR2() <= 1);
  assert.equal(engine.configure({ seed: '0.7' }).ok, true);
  for (const f of ['trainRmse', 'testRmse', 'trainR2', 'testR2'])
    assert.ok(Number.isNaN(engine[f]()), `${f} is NaN for classification`);
  engine.dispose();
});
