// The "stop conditions" disclosure beside the epoch counter: at an epoch (stopEpoch), at a
// test loss (stopTestLoss), early stopping with a patience (earlyStop) and "restore the best
// weights" (restoreBest); page keys (web/stop-conditions.js), in the link when on. A value is
// taken when the field is left or Enter pressed; a bad one is named in the panel and the page
// keeps the one it had. The summary says how many are on.

import { readStopValue } from '../stop-conditions.js';
import { setText, setHidden } from './writes.js';

const FIELDS = [
  ['stopEpoch', 'epoch'],
  ['stopTestLoss', 'testLoss'],
  ['earlyStop', 'patience'],
];

/** els: {root (details), summary, epoch, testLoss, patience, restoreBest, error, note};
 *  actions.changePage. Returns {update(view)}. */
export function mountStopPanel(els, actions) {
  const showError = (text) => {
    setHidden(els.error, !text);
    setText(els.error, text || '');
  };
  for (const [key, name] of FIELDS) {
    const input = els[name];
    input.addEventListener('change', () => {
      const r = readStopValue(key, input.value);
      input.setAttribute('aria-invalid', String(!r.ok));
      if (!r.ok) {
        showError(r.reason);
        return;
      }
      showError('');
      actions.changePage({ [key]: r.value });
    });
  }
  els.restoreBest.addEventListener('change', () =>
    actions.changePage({ restoreBest: els.restoreBest.checked }),
  );
  const shown = (v) => (v === null || v === 0 ? '' : String(v));
  return {
    update(view) {
      const page = view.page;
      for (const [key, name] of FIELDS) {
        const input = els[name];
        // not while the user types in it, nor over a bad value still named in the panel
        if (document.activeElement === input || input.getAttribute('aria-invalid') === 'true')
          continue;
        if (input.value !== shown(page[key])) input.value = shown(page[key]);
      }
      els.restoreBest.checked = page.restoreBest;
      const on =
        ['stopEpoch', 'stopTestLoss'].filter((k) => page[k] !== null).length +
        (page.earlyStop > 0 ? 1 : 0);
      setText(els.summary, on ? `Stop conditions (${on} on)` : 'Stop conditions');
      const noTest =
        Number.isNaN(view.testLoss) && (page.stopTestLoss !== null || page.earlyStop > 0);
      setHidden(els.note, !noTest);
    },
  };
}
