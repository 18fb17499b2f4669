// Reset, play/pause and step buttons and the epoch counter (the reference's top-left group).

import { formatEpoch } from '../format.js';

/** els: {reset, playPause, step, epoch}; actions: {reset(), togglePlay(), step()}.
 *  Returns {update(view)} with view.playing and view.epoch. */
export function mountPlayControls(els, actions) {
  els.reset.addEventListener('click', () => actions.reset());
  els.playPause.addEventListener('click', () => actions.togglePlay());
  els.step.addEventListener('click', () => actions.step());
  return {
    update(view) {
      els.playPause.classList.toggle('playing', view.playing);
      els.playPause.setAttribute('aria-label', view.playing ? 'Pause' : 'Play');
      els.playPause.title = view.playing ? 'Pause' : 'Play';
      els.playPause.setAttribute('aria-pressed', String(view.playing));
      els.epoch.textContent = formatEpoch(view.epoch);
    },
  };
}
