// The lab's plot: the output shaded over the plane (the playground's heatmap renderer), the
// truth table's corners with their targets and a ring on each wrong row, the decision line on
// a canvas of its own, and what kind of line it is (data-line on .pc-plot: slope, vertical,
// none). update(view) redraws from the controller's view.

import { createHeatmap } from '../render/heatmap.js';
import { drawLine, drawOverlay } from './render.js';
import { decisionLine } from './geometry.js';
import { PLOT_BOUNDS } from './lab.js';

export const GRID_RESOLUTION = 120;
export const PLOT_SIZE = 320;

/** root: the #perceptron element. */
export function mountPlot(root) {
  const heatmap = createHeatmap(root.querySelector('#pc-heatmap'));
  const overlay = root.querySelector('#pc-overlay');
  const line = root.querySelector('#pc-line');
  const plot = root.querySelector('.pc-plot');
  return {
    update(view) {
      const w = view.weights;
      heatmap.draw(view.shade(GRID_RESOLUTION));
      drawOverlay(overlay, { size: PLOT_SIZE, box: PLOT_BOUNDS, rows: view.rows, weights: w });
      drawLine(line, { size: PLOT_SIZE, box: PLOT_BOUNDS, weights: w });
      const kind = decisionLine(w.w0, w.w1, w.w2).kind;
      if (plot.dataset.line !== kind) plot.dataset.line = kind; // every frame while training
    },
  };
}
