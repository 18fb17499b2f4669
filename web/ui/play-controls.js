// Reset, play/pause and step buttons, the "same weights" choice beside them (reset returns to
// the same initial weights: the page key resetSame), the epoch counter and, under it, the
// learning rate in force when a schedule or a warm-up makes it differ from the one set and the time per epoch
// (web/epoch-timer.js: the last second of training) (the reference's top-left group, and
// nnplay's additions).

import { formatEpoch, plainNumber } from '../format.js';
import { formatMsPerEpoch } from '../epoch-timer.js';
import { setText, setAttr } from './writes.js';

/** The rate in force as shown: 3 significant digits. */
export function formatRate(lr) {
  return Number.isFinite(lr) ? plainNumber(Number(lr.toPrecision(3))) : String(lr);
}

/** True when the rate in force is worth showing: a schedule is chosen, or it differs from the
 *  rate set (a warm-up). */
export function showsRate(view) {
  const now = view.learningRateNow;
  if (typeof now !== 'number') return false;
  const schedule = view.config.lrSchedule ?? 'constant';
  return schedule !== 'constant' || now !== view.config.learningRate;
}

/** els: {reset, playPause, step, epoch, epochTime?, resetSame, rate}; actions: {reset(), togglePlay(),
 *  step(), changePage(patch)}. Returns {update(view)} with view.playing, view.epoch,
 *  view.page.resetSame, view.learningRateNow, view.config and view.msPerEpoch. */
export function mountPlayControls(els, actions) {
  els.reset.addEventListener('click', () => actions.reset());
  els.playPause.addEventListener('click', () => actions.togglePlay());
  els.step.addEventListener('click', () => actions.step());
  if (els.resetSame)
    els.resetSame.addEventListener('change', () =>
      actions.changePage({ resetSame: els.resetSame.checked }),
    );
  return {
    update(view) {
      // Each write only when its value changes (./writes.js): this runs every frame.
      els.playPause.classList.toggle('playing', view.playing);
      setAttr(els.playPause, 'aria-label', view.playing ? 'Pause' : 'Play');
      setAttr(els.playPause, 'title', view.playing ? 'Pause' : 'Play');
      setAttr(els.playPause, 'aria-pressed', String(view.playing));
      setText(els.epoch, formatEpoch(view.epoch));
      if (els.epochTime) setText(els.epochTime, formatMsPerEpoch(view.msPerEpoch));
      if (els.resetSame) {
        const same = Boolean(view.page.resetSame);
        if (els.resetSame.checked !== same) els.resetSame.checked = same;
        const label = same ? 'Reset to the same weights' : 'Reset the network';
        setAttr(els.reset, 'aria-label', label);
        setAttr(els.reset, 'title', label);
      }
      if (els.rate) {
        const shown = showsRate(view);
        if (els.rate.hidden === shown) els.rate.hidden = !shown;
        if (shown) setText(els.rate, `rate ${formatRate(view.learningRateNow)}`);
      }
    },
  };
}
