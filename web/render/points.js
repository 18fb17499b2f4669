// Draws data points over the heatmap: circles of radius 3 (CSS px) filled with the label's
// shade, training points outlined in white, test points in black, as the reference does.
// Points are [x, y, label, x, y, label, ...] over the domain [-6, 6]^2 (y up).

import { shadeCss } from './colors.js';

export const DOMAIN = 6;
export const POINT_RADIUS = 3;

/** Canvas pixel coordinates of a data point for a canvas `size` pixels square. */
export function toCanvas(x, y, size) {
  return [((x + DOMAIN) / (2 * DOMAIN)) * size, ((DOMAIN - y) / (2 * DOMAIN)) * size];
}

/** Sizes the canvas backing store to its CSS size times the device pixel ratio and clears it.
 *  Returns the scale (backing pixels per CSS pixel). */
export function clearPoints(canvas, cssSize) {
  const scale = (globalThis.devicePixelRatio || 1);
  const px = Math.round(cssSize * scale);
  if (canvas.width !== px || canvas.height !== px) {
    canvas.width = px;
    canvas.height = px;
  } else {
    canvas.getContext('2d').clearRect(0, 0, px, px);
  }
  return scale;
}

/** Draws points (see top) onto a canvas already cleared with clearPoints. kind: 'train'|'test'. */
export function drawPoints(canvas, points, { kind = 'train', scale = 1 } = {}) {
  const ctx = canvas.getContext('2d');
  ctx.lineWidth = 1 * scale;
  ctx.strokeStyle = kind === 'test' ? '#000000' : '#ffffff';
  for (let i = 0; i + 2 < points.length; i += 3) {
    const [cx, cy] = toCanvas(points[i], points[i + 1], canvas.width);
    ctx.beginPath();
    ctx.arc(cx, cy, POINT_RADIUS * scale, 0, 2 * Math.PI);
    ctx.fillStyle = shadeCss(points[i + 2]);
    ctx.fill();
    ctx.stroke();
  }
}
