// The network diagram's geometry and styles, as pure functions of sizes and numbers (no DOM):
// where every node, link and bias square goes, a link's width and colour for its weight, and
// a node's 100 x 100 map averaged into 10 x 10 blocks for its thumbnail. web/ui/network-view.js
// turns this into SVG and canvases.

import { continuousCss } from './palette.js';

export const NODE_SIZE = 30; // px, a neuron's square (the reference's RECT_SIZE)
export const NODE_STEP = 55; // px from one node's top to the next (RECT_SIZE + 25)
export const BIAS_SIZE = 5; // px, the bias square
export const MIN_COLUMN_GAP = 58; // px between columns before the diagram widens (and scrolls)

/** Link width in px for a weight: clamp(1 + 9|w|/5, 1, 10); non-finite: 1. */
export function linkWidth(w) {
  if (!Number.isFinite(w)) return 1;
  const v = 1 + (9 * Math.abs(w)) / 5;
  return v > 10 ? 10 : v;
}

// Link colours in 201 steps over [-1, 1] (finer than the eye can tell): a lookup, so a frame
// neither builds strings nor rewrites a link whose colour did not visibly change.
const LINK_STEPS = 100;
const LINK_COLOURS = Array.from({ length: 2 * LINK_STEPS + 1 }, (_, i) =>
  continuousCss(i / LINK_STEPS - 1),
);

/** Link colour for a weight: the colour scale at w clamped to [-1, 1]; non-finite: grey. */
export function linkColour(w) {
  if (!Number.isFinite(w)) return LINK_COLOURS[LINK_STEPS];
  const t = w < -1 ? -1 : w > 1 ? 1 : w;
  return LINK_COLOURS[Math.round((t + 1) * LINK_STEPS)];
}

/** The reference's curved link (d3 diagonal): from a source's right edge to a destination's
 *  left edge, bending horizontally. */
export function linkPath(sx, sy, tx, ty) {
  const mx = (sx + tx) / 2;
  const r = (v) => Math.round(v * 10) / 10;
  return `M${r(sx)},${r(sy)}C${r(mx)},${r(sy)} ${r(mx)},${r(ty)} ${r(tx)},${r(ty)}`;
}

/**
 * Lays the network out.
 * inputs: [{key, active}] the input nodes shown, in order (active ones feed the network, in
 *   this order); hidden: neurons per hidden layer; width: px available; left: px kept at the
 *   left of the input column for its labels.
 * Returns {width, height, columns: [{x, nodes: [{x, y, grid}]}], links: [{layer, node, source,
 * d, sx, sy, tx, ty}], biases: [{layer, node, x, y}]} where grid is the node's index in the
 * engine's gridNodes order (inputs that feed the network, hidden layers, output) or -1 for an
 * input that is off, and layer/node/source are the engine's indices (layer 0 = first layer
 * after the inputs; source = index among that layer's inputs).
 */
export function layoutNetwork({ inputs, hidden, width, left = 60 }) {
  const columnCount = hidden.length + 2;
  const minWidth = left + (columnCount - 1) * MIN_COLUMN_GAP + NODE_SIZE;
  const w = Math.max(width, minWidth);
  const right = w - NODE_SIZE;
  const xOf = (c) => left + ((right - left) * c) / (columnCount - 1);
  const columns = [];
  let grid = 0;
  columns.push({
    x: xOf(0),
    nodes: inputs.map((inp, i) => ({
      x: xOf(0),
      y: i * NODE_STEP,
      grid: inp.active ? grid++ : -1,
      key: inp.key,
    })),
  });
  hidden.forEach((n, l) => {
    const x = xOf(l + 1);
    columns.push({
      x,
      nodes: Array.from({ length: n }, (_, i) => ({ x, y: i * NODE_STEP, grid: grid++ })),
    });
  });
  columns.push({
    x: xOf(columnCount - 1),
    nodes: [{ x: xOf(columnCount - 1), y: 0, grid: grid++ }],
  });

  const links = [];
  const biases = [];
  for (let c = 1; c < columnCount; c++) {
    const layer = c - 1;
    const sources = c === 1 ? columns[0].nodes.filter((n) => n.grid >= 0) : columns[c - 1].nodes;
    columns[c].nodes.forEach((dest, node) => {
      const len = sources.length;
      sources.forEach((src, source) => {
        const sx = src.x + NODE_SIZE + 2;
        const sy = src.y + NODE_SIZE / 2;
        const tx = dest.x;
        const ty = dest.y + NODE_SIZE / 2 + ((source - (len - 1) / 2) / len) * 12;
        links.push({ layer, node, source, sx, sy, tx, ty, d: linkPath(sx, sy, tx, ty) });
      });
      biases.push({
        layer,
        node,
        x: dest.x - BIAS_SIZE - 2,
        y: dest.y + NODE_SIZE - BIAS_SIZE + 3,
      });
    });
  }
  const tallest = Math.max(...columns.map((col) => col.nodes.length));
  return { width: w, height: (tallest - 1) * NODE_STEP + NODE_SIZE + 6, columns, links, biases };
}

/**
 * Averages node `node`'s R x R map (at node·R·R in `values`) into B x B blocks, written to
 * `out` (length B·B, reused by the caller): the reference's 10 x 10 thumbnails. R must be a
 * multiple of B. Non-finite values make their block non-finite (drawn grey).
 */
export function blockAverage(values, node, R, B, out) {
  const k = R / B;
  const base = node * R * R;
  const scale = 1 / (k * k);
  for (let bi = 0; bi < B; bi++) {
    for (let bj = 0; bj < B; bj++) {
      let sum = 0;
      for (let i = 0; i < k; i++) {
        const row = base + (bi * k + i) * R + bj * k;
        for (let j = 0; j < k; j++) sum += values[row + j];
      }
      out[bi * B + bj] = sum * scale;
    }
  }
  return out;
}

export const LINK_SAMPLES = 12; // segments a link's curve is cut into for hit tests

/** Points along the curve linkPath draws (a cubic Bezier with both control points at the
 *  middle x), `n` segments: [x0, y0, x1, y1, ...] written into `out` (length 2(n+1)). */
export function linkPoints(sx, sy, tx, ty, out, n = LINK_SAMPLES) {
  const mx = (sx + tx) / 2;
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const u = 1 - t;
    const a = u * u * u;
    const b = 3 * u * u * t;
    const c = 3 * u * t * t;
    const d = t * t * t;
    out[2 * i] = a * sx + (b + c) * mx + d * tx;
    out[2 * i + 1] = (a + b) * sy + (c + d) * ty;
  }
  return out;
}

/** The distance from (x, y) to the polyline of `count` points at `offset` in `pts`. */
export function polylineDistance(pts, offset, count, x, y) {
  let best = Infinity;
  for (let i = 0; i < count - 1; i++) {
    const p = offset + 2 * i;
    const ax = pts[p];
    const ay = pts[p + 1];
    const dx = pts[p + 2] - ax;
    const dy = pts[p + 3] - ay;
    const len = dx * dx + dy * dy;
    let t = len > 0 ? ((x - ax) * dx + (y - ay) * dy) / len : 0;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    const ex = ax + t * dx - x;
    const ey = ay + t * dy - y;
    const d = ex * ex + ey * ey;
    if (d < best) best = d;
  }
  return Math.sqrt(best);
}
