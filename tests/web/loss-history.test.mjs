// Unit tests of web/loss-history.js: the whole run in a fixed-size buffer whose size never
// grows (when full it keeps every other sample and doubles its stride), the last N epochs in a
// ring, both read through samples() with the latest values always last.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createLossHistory,
  createWindowHistory,
  seedWindow,
  nearestSample,
  SERIES,
} from '../../web/loss-history.js';

const losses = (e) => ({ train: 1 / (e + 1), test: 2 / (e + 1), trainAccuracy: e / 1000 });
const epochsOf = (s) => Array.from({ length: s.count }, (_, i) => s.epochAt(i));

test('stores one sample per epoch until full, then halves and doubles the stride', () => {
  const h = createLossHistory(8);
  for (let e = 0; e < 8; e++) h.add(e, losses(e));
  assert.equal(h.length, 8);
  assert.equal(h.stride, 1);
  h.add(8, losses(8));
  assert.equal(h.length, 5);
  assert.equal(h.stride, 2);
  assert.deepEqual(Array.from(h.epochs.subarray(0, 5)), [0, 2, 4, 6, 8]);
  assert.equal(h.test[1], 2 / 3, 'the series move with their epochs');
  assert.equal(h.trainAccuracy[4], 0.008);
  h.add(9, losses(9)); // within the stride: not stored, but kept as the latest
  assert.equal(h.length, 5);
  assert.equal(h.last.epoch, 9);
  const s = h.samples();
  assert.deepEqual(epochsOf(s), [0, 2, 4, 6, 8, 9], 'the latest read last');
  assert.equal(s.at('train', 5), 0.1);
  assert.ok(Number.isNaN(s.at('testR2', 5)), 'a series not given is NaN');
  h.add(10, losses(10));
  assert.equal(h.length, 6);
  assert.equal(SERIES.length, 8);
});

test('memory stays fixed however long training runs', () => {
  const h = createLossHistory(16);
  const buffer = h.epochs;
  for (let e = 0; e <= 1000000; e += 7) h.add(e, losses(e));
  assert.ok(h.length <= 16 && h.length >= 8, `length ${h.length}`);
  assert.equal(h.epochs, buffer, 'the same arrays');
  assert.equal(h.last.epoch, 999999);
  for (let i = 1; i < h.length; i++) assert.ok(h.epochs[i] > h.epochs[i - 1]);
});

test('the same epoch again updates the values (an edited weight); clear starts over', () => {
  const h = createLossHistory(8);
  h.add(0, { train: 0.5, test: 0.6 });
  h.add(0, { train: 0.4, test: 0.3 });
  assert.equal(h.length, 1);
  assert.equal(h.train[0], 0.4);
  assert.equal(h.test[0], 0.3);
  h.clear();
  assert.equal(h.length, 0);
  assert.equal(h.last, null);
  assert.equal(h.stride, 1);
  assert.equal(h.samples().count, 0);
  assert.throws(() => createLossHistory(5));
});

test('the window keeps the last span epochs in a ring, whatever the run length', () => {
  const w = createWindowHistory(100, 16);
  const buffer = w.epochs;
  assert.equal(w.stride, 7); // ceil(100 / 15): 16 samples cover the span
  for (let e = 0; e <= 2000000; e += 2) w.add(e, losses(e));
  assert.equal(w.epochs, buffer);
  const s = w.samples();
  const epochs = epochsOf(s);
  assert.equal(epochs.at(-1), 2000000, 'ends at the latest epoch');
  assert.ok(epochs[0] >= 2000000 - 100, `starts within the span: ${epochs[0]}`);
  assert.ok(epochs[0] <= 2000000 - 100 + 2 * w.stride, 'and covers it');
  for (let i = 1; i < epochs.length; i++) assert.ok(epochs[i] > epochs[i - 1]);
  assert.ok(s.count <= 17);
  assert.equal(s.at('train', s.count - 1), 1 / 2000001);
});

test('seedWindow fills a window from the whole run; nearestSample finds an epoch', () => {
  const h = createLossHistory(64);
  for (let e = 0; e <= 500; e += 5) h.add(e, losses(e));
  const w = seedWindow(createWindowHistory(100, 16), h);
  const epochs = epochsOf(w.samples());
  assert.ok(epochs[0] >= 400 && epochs.at(-1) === 500, JSON.stringify(epochs));
  const s = h.samples();
  const i = nearestSample(s, 251);
  // the nearest of all the samples (checked against a linear scan)
  let best = 0;
  for (let j = 1; j < s.count; j++)
    if (Math.abs(s.epochAt(j) - 251) < Math.abs(s.epochAt(best) - 251)) best = j;
  assert.equal(Math.abs(s.epochAt(i) - 251), Math.abs(s.epochAt(best) - 251), `${s.epochAt(i)}`);
  assert.equal(nearestSample(s, -5), 0);
  assert.equal(nearestSample(s, 1e9), s.count - 1);
  assert.equal(nearestSample(createLossHistory(8).samples(), 3), -1);
});
