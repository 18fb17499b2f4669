// The epochs-per-frame governor behind the speed control.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createGovernor, SPEEDS, MAX_EPOCHS_PER_FRAME } from '../../web/speed.js';

test('fixed speeds train that many epochs whatever the timing', () => {
  for (const s of SPEEDS.filter((x) => x !== 'max')) {
    const g = createGovernor(s);
    g.report(Number(s), 1000);
    assert.equal(g.epochs(), Number(s));
  }
  assert.equal(createGovernor('nonsense').epochs(), 1);
});

test('max grows towards the budget, at most doubling per frame', () => {
  const g = createGovernor('max', 8);
  const seen = [];
  for (let i = 0; i < 20; i++) {
    const k = g.epochs();
    seen.push(k);
    g.report(k, k * 0.2); // 0.2 ms an epoch: the budget holds 40
  }
  assert.deepEqual(seen.slice(0, 6), [1, 2, 4, 8, 16, 32]);
  assert.equal(seen.at(-1), 40);
});

test('max shrinks at once when epochs get slower, never below 1 or above the cap', () => {
  const g = createGovernor('max', 8);
  for (let i = 0; i < 30; i++) g.report(g.epochs(), g.epochs() * 0.0001);
  assert.equal(g.epochs(), MAX_EPOCHS_PER_FRAME);
  for (let i = 0; i < 10; i++) g.report(g.epochs(), g.epochs() * 50); // a huge network
  assert.equal(g.epochs(), 1);
  g.report(NaN, 3);
  g.report(1, -1);
  assert.equal(g.epochs(), 1);
});
