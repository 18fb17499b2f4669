// The sentences beside the plot: the line's equation in general, with the live weights, solved
// for x2 (or why it cannot be), and which side is which. update(view) writes them as text,
// each only when it changes (it runs every frame while training).

import { el } from '../dom.js';
import { setText } from '../ui/writes.js';
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
  let liveParts = [];
  return {
    update(view) {
      const { w0, w1, w2 } = view.weights;
      const eq = equationText(w0, w1, w2, 2, view.activation);
      setText(els.general, eq.general);
      // Two spans, so that a narrow column breaks the line at ", so".
      const so = eq.live.indexOf(', so ');
      const parts = so < 0 ? [eq.live] : [eq.live.slice(0, so + 1), eq.live.slice(so + 1)];
      if (parts.length !== liveParts.length) {
        liveParts = parts.map(() => el('span'));
        els.live.replaceChildren(...liveParts);
      }
      parts.forEach((text, i) => setText(liveParts[i], text));
      setText(els.solved, eq.solved);
      setText(els.note, eq.note);
      if (els.note.hidden !== (eq.note === '')) els.note.hidden = eq.note === '';
    },
  };
}
