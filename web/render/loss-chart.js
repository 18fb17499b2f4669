// Draws a chart of training series over the epochs: the training line grey, the test line black
// (web/render/palette.js), as the reference's loss chart, from a web/loss-history.js samples()
// reader (at most its capacity of samples plus the latest one, so the cost per frame does not
// grow with the epochs). x: epochs from the first sample to the latest. y by `scale`:
//   'loss'  0 to the largest finite value shown; with log, log10 from the smallest positive
//           value to the largest (values <= 0 break the line);
//   'unit'  an accuracy: from the smallest value shown (down to a tenth) to 1;
//   'r2'    R^2: from min(0, the smallest value) to 1, at most down to -1 (below sits on the
//           bottom edge: the hover gives the value);
// the range's ends are written small at the left. Non-finite values break the line. Before
// any epoch is trained the chart is empty. `hover` (a sample index) draws a guide there.

import { PALETTE } from './palette.js';
import { fitCanvas, pixelRatio } from '../canvas.js';

export const PAD = 2;

/** The y range [lo, hi] of a chart (in log10 units with log), or null when nothing is finite. */
export function yRange(samples, names, { scale = 'loss', log = false } = {}) {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < samples.count; i++) {
    for (const name of names) {
      const v = samples.at(name, i);
      if (!Number.isFinite(v) || (log && v <= 0)) continue;
      const y = log ? Math.log10(v) : v;
      if (y < lo) lo = y;
      if (y > hi) hi = y;
    }
  }
  if (lo > hi) return null;
  if (log) return hi - lo < 1e-9 ? [lo - 0.5, hi + 0.5] : [lo, hi];
  if (scale === 'unit') return [Math.min(Math.floor(lo * 10) / 10, 0.9), 1];
  if (scale === 'r2') return [Math.max(-1, Math.min(0, Math.floor(lo * 10) / 10)), 1];
  return [0, hi > 0 ? hi : 1];
}

/** The chart's x mapping for a width: {x0, span, px(epoch), epochAt(cssX)}. */
export function xMapping(samples, width) {
  const x0 = samples.count ? samples.epochAt(0) : 0;
  const span = samples.count ? Math.max(1, samples.epochAt(samples.count - 1) - x0) : 1;
  const inner = Math.max(1, width - 2 * PAD);
  return {
    x0,
    span,
    px: (e) => PAD + ((e - x0) / span) * inner,
    epochAt: (x) => x0 + ((x - PAD) / inner) * span,
  };
}

/** A range end as the chart writes it: 3 significant digits, 10^k on a log scale. */
export function rangeLabel(v, { log = false, scale = 'loss' } = {}) {
  if (log) return `1e${Number.isInteger(v) ? v : v.toFixed(1)}`;
  if (scale === 'unit') return `${Math.round(v * 100)}%`;
  return Number(v.toPrecision(3)).toString();
}

/** Sizes the canvas for cssWidth x cssHeight CSS pixels at the pixel ratio (web/canvas.js)
 *  and draws samples' `series` ([{name, colour}]) in CSS pixels. */
export function drawChart(
  canvas,
  samples,
  {
    series = [
      { name: 'train', colour: PALETTE.trainLoss },
      { name: 'test', colour: PALETTE.testLoss },
    ],
    scale = 'loss',
    log = false,
    hover = -1,
    cssWidth,
    cssHeight,
    ratio = pixelRatio(),
  },
) {
  const { ctx } = fitCanvas(canvas, cssWidth, cssHeight, ratio);
  const w = Math.max(1, cssWidth);
  const hgt = Math.max(1, cssHeight);
  const count = samples.count;
  // Nothing trained yet (epoch 0, or every sample at one epoch): an empty chart, no stray tick.
  if (count === 0 || samples.epochAt(count - 1) === samples.epochAt(0)) return;
  const names = series.map((s) => s.name);
  const range = yRange(samples, names, { scale, log });
  if (!range) return;
  const [lo, hi] = range;
  const { px } = xMapping(samples, w);
  const inner = hgt - 2 * PAD;
  const py = (y) => hgt - PAD - ((Math.max(lo, Math.min(hi, y)) - lo) / (hi - lo)) * inner;
  if (hover >= 0 && hover < count) {
    ctx.fillStyle = PALETTE.line;
    ctx.fillRect(Math.round(px(samples.epochAt(hover))) - 0.5, 0, 1, hgt);
  }
  ctx.lineWidth = 1.5;
  ctx.lineJoin = 'round';
  for (const { name, colour } of series) {
    ctx.strokeStyle = colour;
    ctx.beginPath();
    let pen = false;
    for (let i = 0; i < count; i++) {
      const v = samples.at(name, i);
      if (!Number.isFinite(v) || (log && v <= 0)) {
        pen = false;
        continue;
      }
      const x = px(samples.epochAt(i));
      const y = py(log ? Math.log10(v) : v);
      if (pen) ctx.lineTo(x, y);
      else ctx.moveTo(x, y);
      pen = true;
    }
    ctx.stroke();
  }
  // The range's ends, small, at the left edge, over a pale backdrop.
  ctx.font = '10px sans-serif';
  ctx.textAlign = 'left';
  for (const [v, top] of [
    [hi, true],
    [lo, false],
  ]) {
    const text = rangeLabel(v, { log, scale });
    const tw = ctx.measureText(text).width + 4;
    ctx.fillStyle = PALETTE.chartBackdrop;
    ctx.globalAlpha = 0.8;
    ctx.fillRect(0, top ? 0 : hgt - 11, tw, 11);
    ctx.globalAlpha = 1;
    ctx.fillStyle = PALETTE.muted;
    ctx.textBaseline = top ? 'top' : 'bottom';
    ctx.fillText(text, 2, top ? 0 : hgt);
  }
}
