// The sentences beside the plot: the line's equation in general, with the live weights, solved
// for x2 (or why it cannot be), and which side is which. update(view) writes them as text.

import { el } from '../dom.js';
import { equationText } from './geometry.js';

/** root: the #perceptron element. */
export function mountEquation(root) {
  const $ = (id) => root.querySelector(`#${id}`);
  const els = {
    general: $('pc-eq-general'),
    live: $('pc-eq-live'),
    solved: $('pc-eq-solved'),
    note: $('pc-eq-note'),
  };
  return {
    update(view) {
      const { w0, w1, w2 } = view.weights;
      const eq = equationText(w0, w1, w2, 2, view.activation);
      els.general.textContent = eq.general;
      // Two spans, so that a narrow column breaks the line at ", so".
      const so = eq.live.indexOf(', so ');
      const parts = so < 0 ? [eq.live] : [eq.live.slice(0, so + 1), eq.live.slice(so + 1)];
      els.live.replaceChildren(...parts.map((text) => el('span', { text })));
      els.solved.textContent = eq.solved;
      els.note.textContent = eq.note;
      els.note.hidden = eq.note === '';
    },
  };
}
