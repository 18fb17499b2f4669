// The playground's honest status (web/playground.js): deadLayer reads the engine's deadUnits()
// (a hidden layer whose every unit outputs 0 on every training point); training stops with the
// dead-ReLU notice, looked for every DEAD_CHECK_EVERY-th training call only; the carried
// network's notice goes once training continues.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deadLayer, DEAD_CHECK_EVERY } from '../../web/playground.js';
import { setup } from './fake-playground.mjs';

test('deadLayer: the first hidden layer whose every unit is dead, or -1', () => {
  const sizes = [2, 3, 2, 1];
  assert.equal(deadLayer([0, 0], sizes), -1);
  assert.equal(deadLayer([2, 1], sizes), -1, 'some dead units are no stall');
  assert.equal(deadLayer([3, 0], sizes), 1);
  assert.equal(deadLayer([1, 2], sizes), 2);
  assert.equal(deadLayer([], [2, 1]), -1, 'no hidden layer');
});

function deadSetup(counts) {
  const { pg, engine, runFrame, frames } = setup();
  const statuses = [];
  pg.status = { show: (t, items) => statuses.push({ t, items }), clear: () => statuses.push(null) };
  let asked = 0;
  engine.deadUnits = () => {
    asked += 1;
    return counts();
  };
  pg.loadHash('#seed=abc&activation=relu&networkShape=2');
  pg.trainCount = 2;
  return { pg, engine, runFrame, frames, statuses, asked: () => asked };
}

test('dead ReLU units pause training with their notice; reset clears it', () => {
  const { pg, runFrame, frames, statuses, asked } = deadSetup(() => [2]);
  pg.play();
  let guard = 0;
  while (frames.length && guard++ < 1000) runFrame();
  assert.equal(pg.playing, false);
  assert.equal(pg.deadLayer, 1);
  assert.equal(pg.state().deadLayer, 1);
  assert.match(statuses.at(-1).t, /every ReLU unit is dead: lower the learning rate or reset/);
  assert.ok(statuses.at(-1).items.some((i) => /learning rate \(it is/.test(i)));
  assert.equal(pg.trainCalls, DEAD_CHECK_EVERY, 'looked every few training calls only');
  assert.equal(asked(), 1);
  pg.reset();
  assert.equal(pg.deadLayer, -1);
  assert.equal(statuses.at(-1), null);
});

test('a live ReLU network trains on; a tanh one is not asked', () => {
  const live = deadSetup(() => [1]);
  for (let i = 0; i < 3 * DEAD_CHECK_EVERY; i++) live.pg.step(1);
  assert.equal(live.asked(), 3);
  assert.equal(live.pg.deadLayer, -1);
  const { pg, engine } = setup();
  engine.deadUnits = () => {
    throw new Error('asked for a tanh network');
  };
  pg.loadHash('#seed=abc&activation=tanh');
  pg.trainCount = 2;
  for (let i = 0; i < 3 * DEAD_CHECK_EVERY; i++) pg.step(1);
  assert.equal(pg.deadLayer, -1);
});

test('the carried network notice is cleared by the next training, not by other notices', () => {
  const { pg, statuses } = deadSetup(() => [0]);
  pg.showStatus('carried', 'This link carries a trained network (epoch 000,010).', []);
  pg.step(1);
  assert.equal(statuses.at(-1), null);
  pg.showStatus('dead', 'other', []);
  pg.step(1);
  assert.equal(statuses.at(-1).t, 'other');
});
