// Unit tests of web/render/network.js: link width and colour as the reference's scales, the
// diagram's nodes, links and biases with the engine's indices, and the 10 x 10 block average.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  linkWidth,
  linkColour,
  layoutNetwork,
  blockAverage,
  linkPath,
  NODE_STEP,
} from '../../web/render/network.js';
import { continuousCss } from '../../web/render/palette.js';

test('link width: clamp(1 + 9|w|/5, 1, 10)', () => {
  assert.equal(linkWidth(0), 1);
  assert.equal(linkWidth(2.5), 5.5);
  assert.equal(linkWidth(-2.5), 5.5);
  assert.equal(linkWidth(5), 10);
  assert.equal(linkWidth(50), 10);
  assert.equal(linkWidth(NaN), 1);
});

test('link colour: the scale clamped to [-1, 1], continuous; non-finite grey', () => {
  assert.equal(linkColour(-1), '#f59322');
  assert.equal(linkColour(-7), '#f59322');
  assert.equal(linkColour(0), '#e8eaeb');
  assert.equal(linkColour(1), '#0877bd');
  assert.equal(linkColour(3), '#0877bd');
  assert.equal(linkColour(Infinity), '#e8eaeb');
  assert.notEqual(continuousCss(0.5), continuousCss(0.52));
});

test('layout: columns, links and biases with engine indices', () => {
  const inputs = ['x', 'y', 'xSquared'].map((key, i) => ({ key, active: i !== 1 }));
  const L = layoutNetwork({ inputs, hidden: [4, 2], width: 500, left: 60 });
  assert.equal(L.columns.length, 4);
  assert.deepEqual(
    L.columns.map((c) => c.nodes.length),
    [3, 4, 2, 1],
  );
  assert.deepEqual(
    L.columns[0].nodes.map((n) => n.grid),
    [0, -1, 1],
  );
  assert.deepEqual(
    L.columns[1].nodes.map((n) => n.grid),
    [2, 3, 4, 5],
  );
  assert.equal(L.columns[3].nodes[0].grid, 8);
  assert.equal(L.links.length, 2 * 4 + 4 * 2 + 2 * 1);
  assert.deepEqual(
    L.links.filter((l) => l.layer === 0 && l.node === 0).map((l) => l.source),
    [0, 1],
  );
  assert.equal(L.biases.length, 4 + 2 + 1);
  assert.equal(L.columns[1].nodes[3].y, 3 * NODE_STEP);
  assert.equal(L.columns[0].x, 60);
  assert.equal(L.columns[3].x, 500 - 30);
  for (const l of L.links) assert.match(l.d, /^M[-\d.]+,[-\d.]+C/);
});

test('layout widens (to scroll) when the columns would be too close; no hidden layer works', () => {
  const inputs = [{ key: 'x', active: true }];
  const wide = layoutNetwork({
    inputs,
    hidden: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    width: 300,
    left: 60,
  });
  assert.ok(wide.width > 300);
  const none = layoutNetwork({ inputs, hidden: [], width: 300, left: 60 });
  assert.equal(none.links.length, 1);
  assert.equal(none.columns.length, 2);
  assert.equal(linkPath(0, 0, 10, 10), 'M0,0C5,0 5,10 10,10');
});

test('block average: 100 x 100 into 10 x 10, node offset, non-finite stays non-finite', () => {
  const R = 100;
  const values = new Float32Array(2 * R * R);
  for (let i = 0; i < R; i++)
    for (let j = 0; j < R; j++) values[R * R + i * R + j] = j < 50 ? -1 : 1;
  values[R * R + 99 * R + 99] = NaN;
  const out = new Float32Array(100);
  blockAverage(values, 1, R, 10, out);
  assert.equal(out[0], -1);
  assert.equal(out[9], 1);
  assert.ok(Number.isNaN(out[99]));
  blockAverage(values, 0, R, 10, out);
  assert.ok(out.every((v) => v === 0));
});
