// The output column's text, chart and toggles: test and training loss (3 decimals, as the
// reference) with the accuracy beside them (classification), the loss chart (constant cost
// per frame: web/loss-history.js), and the "show test data" and "discretize output" boxes.

import { formatLoss, formatAccuracy } from '../format.js';
import { drawLossChart } from '../render/loss-chart.js';
import { setText } from './writes.js';

/** els: {trainLoss, testLoss, trainAccuracy, testAccuracy, chart, showTestData, discretize};
 *  actions.changePage(patch). Returns {update(view)}. */
export function mountOutput(els, actions) {
  els.showTestData.addEventListener('change', () =>
    actions.changePage({ showTestData: els.showTestData.checked }),
  );
  els.discretize.addEventListener('change', () =>
    actions.changePage({ discretize: els.discretize.checked }),
  );
  let lastChart = '';
  // The chart's CSS size, read when it changes (a layout read per frame would force a layout).
  let cssWidth = 0;
  let cssHeight = 0;
  if (els.chart) {
    new ResizeObserver((entries) => {
      cssWidth = Math.round(entries[0].contentRect.width);
      cssHeight = Math.round(entries[0].contentRect.height);
      lastChart = '';
      if (actions.refresh) actions.refresh();
    }).observe(els.chart);
  }
  return {
    update(view) {
      const loss = (x) => (view.diverged && Number.isNaN(x) ? 'NaN' : formatLoss(x));
      // Every frame while playing: each text written only when it changes (./writes.js).
      setText(els.trainLoss, loss(view.trainLoss));
      setText(els.testLoss, loss(view.testLoss));
      if (els.trainAccuracy) setText(els.trainAccuracy, formatAccuracy(view.trainAccuracy));
      if (els.testAccuracy) setText(els.testAccuracy, formatAccuracy(view.testAccuracy));
      els.showTestData.checked = view.page.showTestData;
      els.discretize.checked = view.page.discretize;
      if (els.chart) {
        const h = view.history;
        if (!cssWidth) {
          cssWidth = els.chart.clientWidth || 300;
          cssHeight = els.chart.clientHeight || 60;
        }
        const key = `${h.length}|${h.stride}|${h.last && h.last.epoch}|${h.last && h.last.train}|${cssWidth}x${cssHeight}`;
        if (key !== lastChart) {
          lastChart = key;
          drawLossChart(els.chart, h, { cssWidth, cssHeight });
        }
      }
    },
  };
}
