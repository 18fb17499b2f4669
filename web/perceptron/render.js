// Drawing the perceptron's plot: the shaded output (the playground's heatmap renderer and colour
// scale), the truth table's corners, light axes, and the decision line on a canvas of its own.
// Functions of arrays and canvases only; canvases are sized by web/canvas.js.

import { fitCanvas } from '../canvas.js';
import { shadeCss } from '../render/palette.js';
import { lineSegment, decisionLine } from './geometry.js';

/** Canvas pixel position of a plane point for a square canvas `size` pixels wide. */
export function toPixel(x, y, box, size) {
  return [
    ((x - box.xmin) / (box.xmax - box.xmin)) * size,
    ((box.ymax - y) / (box.ymax - box.ymin)) * size,
  ];
}

/** Axes (x1 = 0, x1 = 1, x2 = 0, x2 = 1, dashed), the corners filled with their target's
 *  colour, a red ring on a row the neuron gets wrong, and a small arrow to the z > 0 side. */
export function drawOverlay(canvas, { size, box, rows, weights }) {
  const { ctx } = fitCanvas(canvas, size);
  const at = (x, y) => toPixel(x, y, box, size);
  ctx.save();
  ctx.strokeStyle = 'rgba(0, 0, 0, 0.22)';
  ctx.lineWidth = 1;
  ctx.setLineDash([3, 4]);
  for (const v of [0, 1]) {
    const [vx] = at(v, 0);
    const [, hy] = at(0, v);
    ctx.beginPath();
    ctx.moveTo(vx, 0);
    ctx.lineTo(vx, size);
    ctx.stroke();
    ctx.beginPath();
    ctx.moveTo(0, hy);
    ctx.lineTo(size, hy);
    ctx.stroke();
  }
  ctx.restore();

  ctx.font = '12px "Helvetica Neue", Helvetica, Roboto, Arial, sans-serif';
  ctx.fillStyle = 'rgba(0, 0, 0, 0.55)';
  ctx.textBaseline = 'bottom';
  for (const v of [0, 1]) {
    const [vx] = at(v, box.ymin);
    ctx.textAlign = 'center';
    ctx.fillText(String(v), vx, size - 4);
    const [, hy] = at(box.xmin, v);
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.fillText(String(v), 5, hy);
    ctx.textBaseline = 'bottom';
  }
  ctx.font = 'italic 13px "Helvetica Neue", Helvetica, Roboto, Arial, sans-serif';
  ctx.textAlign = 'right';
  ctx.fillText('x1 →', size - 6, size - 4);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  ctx.fillText('↑ x2', 6, 6);

  // The z > 0 side: an arrow from the middle of the visible line along (w1, w2).
  const seg = lineSegment(weights.w0, weights.w1, weights.w2, box);
  const norm = Math.hypot(weights.w1, weights.w2);
  if (seg && norm > 0) {
    const [a, b] = seg.map(([x, y]) => at(x, y));
    const mx = (a[0] + b[0]) / 2;
    const my = (a[1] + b[1]) / 2;
    const dx = (weights.w1 / norm) * 30;
    const dy = (-weights.w2 / norm) * 30;
    ctx.strokeStyle = '#183d4e';
    ctx.fillStyle = '#183d4e';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(mx, my);
    ctx.lineTo(mx + dx, my + dy);
    ctx.stroke();
    const ang = Math.atan2(dy, dx);
    ctx.beginPath();
    ctx.moveTo(mx + dx, my + dy);
    ctx.lineTo(mx + dx - 8 * Math.cos(ang - 0.45), my + dy - 8 * Math.sin(ang - 0.45));
    ctx.lineTo(mx + dx - 8 * Math.cos(ang + 0.45), my + dy - 8 * Math.sin(ang + 0.45));
    ctx.closePath();
    ctx.fill();
    ctx.font = 'bold 12px "Helvetica Neue", Helvetica, Roboto, Arial, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText('z > 0', mx + dx * 1.65, my + dy * 1.65);
  }

  for (const row of rows) {
    const [cx, cy] = at(row.x1, row.x2);
    if (!row.right) {
      ctx.beginPath();
      ctx.arc(cx, cy, 15, 0, 2 * Math.PI);
      ctx.strokeStyle = '#c62828';
      ctx.lineWidth = 3;
      ctx.stroke();
    }
    ctx.beginPath();
    ctx.arc(cx, cy, 10, 0, 2 * Math.PI);
    ctx.fillStyle = shadeCss(row.target > 0 ? 1 : -1);
    ctx.fill();
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 2;
    ctx.stroke();
    ctx.fillStyle = '#ffffff';
    ctx.font = 'bold 11px "Helvetica Neue", Helvetica, Roboto, Arial, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(row.target > 0 ? '1' : String(row.target), cx, cy + 0.5);
  }
}

/** The decision line w0 + w1·x1 + w2·x2 = 0, clipped to the plot (nothing when w1 = w2 = 0). */
export function drawLine(canvas, { size, box, weights }) {
  const { ctx } = fitCanvas(canvas, size);
  const seg = lineSegment(weights.w0, weights.w1, weights.w2, box);
  if (!seg) return decisionLine(weights.w0, weights.w1, weights.w2).kind;
  const [a, b] = seg.map(([x, y]) => toPixel(x, y, box, size));
  ctx.lineCap = 'round';
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.75)';
  ctx.lineWidth = 6;
  ctx.beginPath();
  ctx.moveTo(a[0], a[1]);
  ctx.lineTo(b[0], b[1]);
  ctx.stroke();
  ctx.strokeStyle = '#1b1b1b';
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  ctx.moveTo(a[0], a[1]);
  ctx.lineTo(b[0], b[1]);
  ctx.stroke();
  return 'drawn';
}
