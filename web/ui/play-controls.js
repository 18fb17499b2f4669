// Reset, play/pause and step buttons and the epoch counter (the reference's top-left group),
// with the time per epoch under it (web/epoch-timer.js: the last second of training).

import { formatEpoch } from '../format.js';
import { formatMsPerEpoch } from '../epoch-timer.js';
import { setText, setAttr } from './writes.js';

/** els: {reset, playPause, step, epoch, epochTime?}; actions: {reset(), togglePlay(), step()}.
 *  Returns {update(view)} with view.playing, view.epoch and view.msPerEpoch. */
export function mountPlayControls(els, actions) {
  els.reset.addEventListener('click', () => actions.reset());
  els.playPause.addEventListener('click', () => actions.togglePlay());
  els.step.addEventListener('click', () => actions.step());
  return {
    update(view) {
      // Each write only when its value changes (./writes.js): this runs every frame.
      els.playPause.classList.toggle('playing', view.playing);
      setAttr(els.playPause, 'aria-label', view.playing ? 'Pause' : 'Play');
      setAttr(els.playPause, 'title', view.playing ? 'Pause' : 'Play');
      setAttr(els.playPause, 'aria-pressed', String(view.playing));
      setText(els.epoch, formatEpoch(view.epoch));
      if (els.epochTime) setText(els.epochTime, formatMsPerEpoch(view.msPerEpoch));
    },
  };
}
