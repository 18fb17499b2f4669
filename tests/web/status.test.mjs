// The playground's honest status (web/playground.js): deadLayer finds a hidden layer whose
// every map is 0; training stops with the dead-ReLU notice, looked for every
// DEAD_CHECK_EVERY-th training call only; the carried network's notice goes once training
// continues.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deadLayer, DEAD_CHECK_EVERY, GRID_RESOLUTION } from '../../web/playground.js';
import { setup } from './fake-playground.mjs';

test('deadLayer: the first hidden layer whose every map is exactly 0, or -1', () => {
  const cells = 4;
  const sizes = [2, 3, 2, 1];
  const maps = (...layers) => Float32Array.from(layers.flat(2));
  const live = [0, 0, 0.5, 0];
  const zero = [0, 0, 0, 0];
  const inputs = [live, live];
  assert.equal(deadLayer(maps(inputs, [live, zero, zero], [live, live], [live]), sizes, cells), -1);
  assert.equal(deadLayer(maps(inputs, [zero, zero, zero], [live, live], [live]), sizes, cells), 1);
  assert.equal(deadLayer(maps(inputs, [zero, live, zero], [zero, zero], [live]), sizes, cells), 2);
  assert.equal(
    deadLayer(maps([zero, zero], [live, live, live], [live, live], [zero]), sizes, cells),
    -1,
    'inputs and output are not hidden units',
  );
  assert.equal(deadLayer(new Float32Array(0), sizes, cells), -1, 'no grid yet');
  assert.equal(deadLayer(maps(inputs, [live], [zero]), [2, 1], cells), -1, 'no hidden layer');
});

function deadSetup(grid) {
  const { pg, engine, runFrame, frames } = setup();
  const statuses = [];
  pg.status = { show: (t, items) => statuses.push({ t, items }), clear: () => statuses.push(null) };
  pg.loadHash('#seed=abc&activation=relu&networkShape=2');
  pg.trainCount = 2;
  engine.gridNodes = () => grid();
  return { pg, engine, runFrame, frames, statuses };
}

test('dead ReLU units pause training with their notice; reset clears it', () => {
  const cells = GRID_RESOLUTION * GRID_RESOLUTION;
  let reads = 0;
  const dead = new Float32Array(2 * cells + 2 * cells + cells); // inputs live below
  dead.fill(1, 0, 2 * cells);
  const { pg, runFrame, frames, statuses } = deadSetup(() => {
    reads += 1;
    return dead;
  });
  pg.play();
  let guard = 0;
  while (frames.length && guard++ < 1000) runFrame();
  assert.equal(pg.playing, false);
  assert.equal(pg.deadLayer, 1);
  assert.equal(pg.state().deadLayer, 1);
  assert.match(statuses.at(-1).t, /every ReLU unit is dead: lower the learning rate or reset/);
  assert.ok(statuses.at(-1).items.some((i) => /learning rate \(it is/.test(i)));
  assert.equal(pg.trainCalls, DEAD_CHECK_EVERY, 'looked at the grid every few calls only');
  pg.reset();
  assert.equal(pg.deadLayer, -1);
  assert.equal(statuses.at(-1), null);
  assert.ok(reads >= 1);
});

test('a tanh network is not looked at for dead units (its zeros are not death)', () => {
  const { pg, engine, runFrame, frames } = setup();
  const cells = GRID_RESOLUTION * GRID_RESOLUTION;
  engine.gridNodes = () => new Float32Array(2 * cells + 4 * cells + 2 * cells + cells);
  pg.loadHash('#seed=abc&activation=tanh');
  pg.trainCount = 2;
  for (let i = 0; i < 3 * DEAD_CHECK_EVERY; i++) pg.step(1);
  while (frames.length) runFrame();
  assert.equal(pg.deadLayer, -1);
});

test('the carried network notice is cleared by the next training, not by other notices', () => {
  const { pg, statuses } = deadSetup(() => new Float32Array(0));
  pg.showStatus('carried', 'This link carries a trained network (epoch 000,010).', []);
  pg.step(1);
  assert.equal(statuses.at(-1), null);
  pg.showStatus('dead', 'other', []);
  pg.step(1);
  assert.equal(statuses.at(-1).t, 'other');
});
