// The few lines of JavaScript beside the plot (web/perceptron/code.js), with the live weights,
// activation and learning rate highlighted. update(view) writes them, as text only. While
// training the weights change every frame but the tokens' kinds do not: the nodes are built
// once per sequence of kinds and their text changed in place.

import { el } from '../dom.js';
import { perceptronCode, tokenize } from './code.js';

/** root: the #perceptron element. */
export function mountCode(root) {
  const code = root.querySelector('#pc-code');
  let shown = '';
  let kinds = ''; // the kinds of the shown tokens, in order
  let texts = []; // the text node of each token, in order
  return {
    update(view) {
      const lines = perceptronCode(view.settings);
      const key = lines.join('\n');
      if (key === shown) return;
      shown = key;
      const tokens = [];
      lines.forEach((line, i) => {
        tokens.push(...tokenize(line));
        if (i < lines.length - 1) tokens.push(['plain', '\n']);
      });
      const now = tokens.map(([kind]) => kind).join(' ');
      if (now === kinds) {
        tokens.forEach(([, text], i) => {
          if (texts[i].data !== text) texts[i].data = text;
        });
        return;
      }
      kinds = now;
      texts = tokens.map(([, text]) => document.createTextNode(text));
      const frag = document.createDocumentFragment();
      tokens.forEach(([kind], i) =>
        frag.append(
          kind === 'plain' ? texts[i] : el('span', { className: `pc-code-${kind}` }, texts[i]),
        ),
      );
      code.replaceChildren(frag);
    },
  };
}
