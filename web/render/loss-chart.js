// Draws the loss chart: training loss grey, test loss black (web/render/palette.js), as the
// reference, from a web/loss-history.js buffer (at most its capacity of samples plus the latest
// one, so the cost per frame does not grow with the epochs). x: epochs from the first sample to
// the latest; y: 0 to the largest finite loss shown. Non-finite values break the line. Before
// any epoch is trained the chart is empty.

import { PALETTE } from './palette.js';
import { fitCanvas, pixelRatio } from '../canvas.js';

/** Sizes the canvas for cssWidth x cssHeight CSS pixels at the pixel ratio (web/canvas.js)
 *  and draws in CSS pixels. history: {length, epochs, train, test, last}. */
export function drawLossChart(canvas, history, { cssWidth, cssHeight, ratio = pixelRatio() }) {
  const { ctx } = fitCanvas(canvas, cssWidth, cssHeight, ratio);
  const w = Math.max(1, cssWidth);
  const hgt = Math.max(1, cssHeight);
  const n = history.length;
  const last = history.last;
  const count = n + (last && (n === 0 || history.epochs[n - 1] !== last.epoch) ? 1 : 0);
  const epochAt = (i) => (i < n ? history.epochs[i] : last.epoch);
  // Nothing trained yet (epoch 0, or every sample at one epoch): an empty chart, no stray tick.
  if (count === 0 || epochAt(count - 1) === epochAt(0)) return;
  const at = (series, i) => (i < n ? history[series][i] : last[series]);
  let maxY = 0;
  for (let i = 0; i < count; i++) {
    for (const s of ['train', 'test']) {
      const v = at(s, i);
      if (Number.isFinite(v) && v > maxY) maxY = v;
    }
  }
  if (maxY <= 0) maxY = 1;
  const x0 = epochAt(0);
  const span = Math.max(1, epochAt(count - 1) - x0);
  const pad = 2;
  const px = (e) => pad + ((e - x0) / span) * (w - 2 * pad);
  const py = (v) => hgt - pad - (v / maxY) * (hgt - 2 * pad);
  ctx.lineWidth = 1.5;
  ctx.lineJoin = 'round';
  for (const [series, colour] of [
    ['train', PALETTE.trainLoss],
    ['test', PALETTE.testLoss],
  ]) {
    ctx.strokeStyle = colour;
    ctx.beginPath();
    let pen = false;
    for (let i = 0; i < count; i++) {
      const v = at(series, i);
      if (!Number.isFinite(v)) {
        pen = false;
        continue;
      }
      const x = px(epochAt(i));
      const y = py(v);
      if (pen) ctx.lineTo(x, y);
      else ctx.moveTo(x, y);
      pen = true;
    }
    ctx.stroke();
  }
}
