// The output column's text and toggles: test and training loss (3 decimals, as the reference)
// and the "show test data" and "discretize output" checkboxes.

import { formatLoss } from '../format.js';

/** els: {trainLoss, testLoss, showTestData, discretize}; actions.changePage(patch).
 *  Returns {update(view)}. */
export function mountOutput(els, actions) {
  els.showTestData.addEventListener('change', () => actions.changePage({ showTestData: els.showTestData.checked }));
  els.discretize.addEventListener('change', () => actions.changePage({ discretize: els.discretize.checked }));
  return {
    update(view) {
      els.trainLoss.textContent = formatLoss(view.trainLoss);
      els.testLoss.textContent = formatLoss(view.testLoss);
      els.showTestData.checked = view.page.showTestData;
      els.discretize.checked = view.page.discretize;
    },
  };
}
