// The perceptron lab's speed and progress (web/perceptron/progress.js and the controller):
// each row's error history and trend, the stall test (every wrong row saturated), the speed's
// examples per frame, and the `speed` link key (written only when not the default).
import { test } from 'node:test';
import { FakeLabEngine } from './fake-lab-engine.mjs';
import assert from 'node:assert/strict';
import {
  createRowHistory,
  trend,
  slopeAt,
  saturated,
  STALL_FRAMES,
} from '../../web/perceptron/progress.js';
import { PerceptronController } from '../../web/perceptron/controller.js';
import { parsePerceptronHash, serializePerceptron, DEFAULTS } from '../../web/perceptron/link.js';

test('a row history keeps the last samples, oldest first', () => {
  const h = createRowHistory(3);
  for (const v of [1, 2, 3, 4]) h.add(v);
  assert.deepEqual(h.values, [2, 3, 4]);
  h.clear();
  assert.deepEqual(h.values, []);
});

test('trend: falling, rising or flat, past a small margin', () => {
  assert.equal(trend([]), 'flat');
  assert.equal(trend([0.5]), 'flat');
  assert.equal(trend([0.5, 0.4, 0.3]), 'falling');
  assert.equal(trend([0.3, 0.5]), 'rising');
  assert.equal(trend([0.5, 0.6, 0.5002]), 'flat');
});

test('saturated: every wrong row where the activation is flat', () => {
  assert.ok(slopeAt('sigmoid', 1e-9) < 0.01 && slopeAt('sigmoid', 0.5) === 0.25);
  assert.equal(slopeAt('linear', 1e6), 1);
  assert.equal(slopeAt('relu', 0), 0);
  const row = (output, right) => ({ output, right });
  assert.equal(saturated([row(1e-12, true), row(1e-12, false)], 'sigmoid'), true);
  assert.equal(saturated([row(1e-12, false), row(0.4, false)], 'sigmoid'), false);
  assert.equal(saturated([row(0.9, true)], 'sigmoid'), false, 'nothing wrong: no stall');
  assert.equal(saturated([row(-0.9999, false)], 'tanh'), true);
  assert.equal(saturated([row(50, false)], 'linear'), false);
});

test('the speed key: parsed, checked, written only when not the default', () => {
  assert.equal(parsePerceptronHash('#mode=perceptron&speed=1000').settings.speed, '1000');
  const bad = parsePerceptronHash('#mode=perceptron&speed=5');
  assert.equal(bad.settings.speed, undefined, 'dropped: the default (4) applies');
  assert.deepEqual(
    bad.problems.map((p) => p.key),
    ['speed'],
  );
  assert.ok(!serializePerceptron(DEFAULTS).includes('speed'));
  assert.match(serializePerceptron({ ...DEFAULTS, speed: '100' }), /&speed=100$/);
});

/** A neuron on the OR table whose outputs the test sets; every row wrong unless told. */
function orEngine() {
  return new FakeLabEngine({
    params: [0, 0, 0],
    points: [0, 0, -1, 0, 1, 1, 1, 0, 1, 1, 1, 1],
    outputs: [0, 0, 0, 0],
    correct: [1, 0, 0, 0],
    loss: 0.4,
    gridValue: 0,
  });
}

function lab(hash = '#mode=perceptron&gate=or') {
  const frames = [];
  const engine = orEngine();
  const writes = [];
  const c = new PerceptronController({
    engine,
    notice: { show() {}, clear() {} },
    link: { replace: () => writes.push('replace'), push() {}, open() {} },
    raf: (f) => frames.push(f),
    timers: { setTimeout: (f) => (f(), 1), clearTimeout() {} },
  });
  c.load(parsePerceptronHash(hash));
  const run = (n) => {
    for (let i = 0; i < n && frames.length; i++) frames.shift()();
  };
  return { c, engine, run, writes };
}

test('the speed: examples per frame while running, from the link or the control', () => {
  const { c, engine, run, writes } = lab('#mode=perceptron&gate=or&speed=100');
  assert.equal(c.view().speed, '100');
  assert.match(c.serialize(), /&speed=100$/);
  engine.outputs.set([0.1, 0.5, 0.5, 0.5]); // wrong but not saturated
  c.play();
  run(1);
  assert.equal(engine.steps, 100);
  assert.equal(c.setSpeed('1000'), true);
  assert.ok(writes.includes('replace'), 'a new speed replaces the entry');
  run(1);
  assert.equal(engine.steps, 1100);
  assert.equal(c.setSpeed('3'), false);
  c.setKeepGoing(true);
  run(1);
  assert.equal(engine.steps, 2100, 'keep going: in chunks of a table, the same count');
});

test('each row keeps its error history; a stall shows after some frames; reset clears it', () => {
  const { c, engine, run } = lab();
  engine.outputs.set([1e-12, 1e-12, 1e-12, 1e-12]); // the wrong rows saturated at 0
  c.play();
  run(STALL_FRAMES - 1);
  let v = c.view();
  assert.equal(v.progress.length, 4);
  assert.equal(v.progress[1].values.length, STALL_FRAMES - 1);
  assert.equal(v.progress[1].trend, 'flat');
  assert.equal(v.stalled, false, 'not yet: a passing saturation is no stall');
  run(1);
  assert.equal(c.view().stalled, true);
  c.resetWeights();
  v = c.view();
  assert.equal(v.stalled, false);
  assert.deepEqual(v.progress, []);
  assert.deepEqual(c.lab.weights(), { w0: 3, w1: -4, w2: 2 });
});
