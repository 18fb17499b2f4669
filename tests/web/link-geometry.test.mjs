// The diagram's pure pieces behind the canvas links and the limits shown beside the layers
// control: points along a link's curve, the distance to them (the hit test), the limits'
// lines and the large-network warning.
import test from 'node:test';
import assert from 'node:assert/strict';
import { linkPoints, polylineDistance, LINK_SAMPLES } from '../../web/render/network.js';
import { limitsLines, largeNetworkWarning, PAGE_LIMITS } from '../../web/limits.js';

const LIMITS = { ...PAGE_LIMITS, maxHiddenLayers: 16, maxNeurons: 64 };

test("a link's points run from its source to its destination through the middle", () => {
  const pts = linkPoints(10, 20, 110, 80, new Float32Array(2 * (LINK_SAMPLES + 1)));
  assert.deepEqual([pts[0], pts[1]], [10, 20]);
  assert.deepEqual([pts.at(-2), pts.at(-1)], [110, 80]);
  const mid = LINK_SAMPLES; // t = 0.5
  assert.deepEqual([pts[mid], pts[mid + 1]], [60, 50]);
});

test('the distance to a link: 0 on it, the offset beside it', () => {
  const pts = linkPoints(0, 0, 100, 0, new Float32Array(2 * (LINK_SAMPLES + 1)));
  assert.equal(polylineDistance(pts, 0, LINK_SAMPLES + 1, 50, 0), 0);
  assert.ok(Math.abs(polylineDistance(pts, 0, LINK_SAMPLES + 1, 50, 10) - 10) < 1e-9);
  assert.ok(Math.abs(polylineDistance(pts, 0, LINK_SAMPLES + 1, -5, 0) - 5) < 1e-9);
});

test('the limits lines name the buttons and the engine', () => {
  const lines = limitsLines(LIMITS).join('\n');
  assert.match(lines, /up to 6 hidden layers of up to 8 neurons/);
  assert.match(lines, /up to 16 hidden layers of up to 64 neurons/);
});

test('a warning only beyond the buttons', () => {
  assert.equal(largeNetworkWarning([8, 8, 8, 8, 8, 8], LIMITS), null);
  assert.equal(largeNetworkWarning([], LIMITS), null);
  assert.match(largeNetworkWarning([9], LIMITS), /1 hidden layer of up to 9/);
  assert.match(largeNetworkWarning(Array(7).fill(2), LIMITS), /7 hidden layers/);
});
