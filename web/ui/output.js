// The output column's text and toggles: test and training loss (3 decimals, as the
// reference) with the accuracy beside them (classification), and the "show test data" and
// "discretize output" boxes. The charts are web/ui/charts.js's.

import { formatLoss, formatAccuracy } from '../format.js';
import { setText } from './writes.js';

/** els: {trainLoss, testLoss, trainAccuracy, testAccuracy, showTestData, discretize};
 *  actions.changePage(patch). Returns {update(view)}. */
export function mountOutput(els, actions) {
  els.showTestData.addEventListener('change', () =>
    actions.changePage({ showTestData: els.showTestData.checked }),
  );
  els.discretize.addEventListener('change', () =>
    actions.changePage({ discretize: els.discretize.checked }),
  );
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
    },
  };
}
