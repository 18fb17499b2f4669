// Draws data points over the heatmap: circles of radius 3 (CSS px) filled with the label's
// shade, training points outlined in white, test points in black, as the reference does.
// Points are [x, y, label, x, y, label, ...] over the domain [-6, 6]^2 (y up).

import { PALETTE, shadeCss } from './palette.js';
import { fitCanvas } from '../canvas.js';

export const DOMAIN = 6;
export const POINT_RADIUS = 3;

/** Canvas pixel coordinates of a data point for a canvas `size` pixels square. */
export function toCanvas(x, y, size) {
  return [((x + DOMAIN) / (2 * DOMAIN)) * size, ((DOMAIN - y) / (2 * DOMAIN)) * size];
}

/** Sizes the canvas backing store to its CSS size times the device pixel ratio and clears it
 *  (web/canvas.js). Returns the scale (backing pixels per CSS pixel). */
export function clearPoints(canvas, cssSize) {
  return fitCanvas(canvas, cssSize).scale;
}

/** Draws points (see top) onto a canvas already cleared with clearPoints. kind: 'train'|'test';
 *  scale: backing pixels per CSS pixel of a point's size (clearPoints' ratio, or more for a
 *  larger canvas). Positions come from the canvas's backing size, so it draws untransformed. */
export function drawPoints(canvas, points, { kind = 'train', scale = 1 } = {}) {
  const ctx = canvas.getContext('2d');
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.lineWidth = 1 * scale;
  ctx.strokeStyle = kind === 'test' ? PALETTE.testPointEdge : PALETTE.trainPointEdge;
  for (let i = 0; i + 2 < points.length; i += 3) {
    const [cx, cy] = toCanvas(points[i], points[i + 1], canvas.width);
    ctx.beginPath();
    ctx.arc(cx, cy, POINT_RADIUS * scale, 0, 2 * Math.PI);
    ctx.fillStyle = shadeCss(points[i + 2]);
    ctx.fill();
    ctx.stroke();
  }
}
