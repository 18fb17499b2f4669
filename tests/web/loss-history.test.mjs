// Unit tests of web/loss-history.js: a fixed-size buffer whose size never grows; when full it
// keeps every other sample and doubles its stride; the latest losses are always kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLossHistory } from '../../web/loss-history.js';

test('stores one sample per epoch until full, then halves and doubles the stride', () => {
  const h = createLossHistory(8);
  for (let e = 0; e < 8; e++) h.add(e, 1 / (e + 1), 2 / (e + 1));
  assert.equal(h.length, 8);
  assert.equal(h.stride, 1);
  h.add(8, 0.1, 0.2);
  assert.equal(h.length, 5);
  assert.equal(h.stride, 2);
  assert.deepEqual(Array.from(h.epochs.subarray(0, 5)), [0, 2, 4, 6, 8]);
  h.add(9, 0.1, 0.2); // within the stride: not stored, but kept as the latest
  assert.equal(h.length, 5);
  assert.equal(h.last.epoch, 9);
  h.add(10, 0.1, 0.2);
  assert.equal(h.length, 6);
});

test('memory stays fixed however long training runs', () => {
  const h = createLossHistory(16);
  const buffer = h.epochs;
  for (let e = 0; e <= 1000000; e += 7) h.add(e, Math.exp(-e / 1e5), 0);
  assert.ok(h.length <= 16 && h.length >= 8, `length ${h.length}`);
  assert.equal(h.epochs, buffer, 'the same arrays');
  assert.equal(h.last.epoch, 999999);
  for (let i = 1; i < h.length; i++) assert.ok(h.epochs[i] > h.epochs[i - 1]);
});

test('the same epoch again updates the losses (an edited weight); clear starts over', () => {
  const h = createLossHistory(8);
  h.add(0, 0.5, 0.6);
  h.add(0, 0.4, 0.3);
  assert.equal(h.length, 1);
  assert.equal(h.train[0], 0.4);
  assert.equal(h.test[0], 0.3);
  h.clear();
  assert.equal(h.length, 0);
  assert.equal(h.last, null);
  assert.equal(h.stride, 1);
  assert.throws(() => createLossHistory(5));
});
