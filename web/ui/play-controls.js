// Reset, play/pause and step buttons and the epoch counter (the reference's top-left group).

import { formatEpoch } from '../format.js';
import { setText, setAttr } from './writes.js';

/** els: {reset, playPause, step, epoch}; actions: {reset(), togglePlay(), step()}.
 *  Returns {update(view)} with view.playing and view.epoch. */
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
    },
  };
}
