// The few lines of JavaScript beside the plot (web/perceptron/code.js), with the live weights,
// activation and learning rate highlighted. update(view) rewrites them, as text only.

import { el } from '../dom.js';
import { perceptronCode, tokenize } from './code.js';

/** root: the #perceptron element. */
export function mountCode(root) {
  const code = root.querySelector('#pc-code');
  let shown = '';
  return {
    update(view) {
      const lines = perceptronCode(view.settings);
      const key = lines.join('\n');
      if (key === shown) return;
      shown = key;
      const frag = document.createDocumentFragment();
      lines.forEach((line, i) => {
        for (const [kind, text] of tokenize(line)) {
          frag.append(kind === 'plain' ? text : el('span', { className: `pc-code-${kind}`, text }));
        }
        if (i < lines.length - 1) frag.append('\n');
      });
      code.replaceChildren(frag);
    },
  };
}
