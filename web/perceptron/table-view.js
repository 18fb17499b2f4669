// The truth table (inputs, target, the engine's output, the error, right or wrong as the
// engine counts it), the accuracy line, the status line, the gate's name and note, and the
// XOR box. update(view) rewrites them, as text only.

import { el } from '../dom.js';
import { formatNumber } from './geometry.js';
import { thousands } from './controller.js';

const GATE_NAMES = { and: 'AND', or: 'OR', nand: 'NAND', nor: 'NOR', xor: 'XOR', not: 'NOT' };
const GATE_NOTES = {
  and: 'AND is true only at (1, 1): one line cuts that corner off the other three.',
  or: 'OR is true unless both inputs are 0: one line cuts (0, 0) off.',
  nand: 'NAND (not AND) is true unless both inputs are 1: the AND line with its sides swapped.',
  nor: 'NOR (not OR) is true only at (0, 0): one line cuts that corner off.',
  not:
    "NOT uses x1 alone (x2 stays 0): one line between x1 = 0 and x1 = 1. The talk's start " +
    'weights already compute it.',
  xor: 'XOR is true where the inputs differ: (0, 1) and (1, 0).',
};
const DIGITS = 3;
const signed = (v) => v.toFixed(DIGITS).replace('-', '−');

/** root: the #perceptron element. */
export function mountTable(root) {
  const $ = (id) => root.querySelector(`#${id}`);
  const els = {
    rows: $('pc-rows'),
    accuracy: $('pc-accuracy'),
    status: $('pc-status'),
    gateName: $('pc-gate-name'),
    gateNote: $('pc-gate-note'),
    xor: $('pc-xor'),
  };
  return {
    update(view) {
      els.rows.replaceChildren(
        ...view.rows.map((r, i) =>
          el(
            'tr',
            {
              className: `${r.right ? 'pc-right' : 'pc-wrong'}${view.lastTrained.includes(i) ? ' pc-trained' : ''}`,
            },
            ...[
              formatNumber(r.x1, 0),
              view.gate === 'not' ? '–' : formatNumber(r.x2, 0),
              formatNumber(r.target, 0),
              signed(r.output),
              (r.error >= 0 ? ' ' : '') + signed(r.error),
            ].map((text) => el('td', { text })),
            el('td', {
              className: 'pc-mark',
              text: r.right ? '✓' : '✗',
              attrs: { 'aria-label': r.right ? 'right' : 'wrong' },
            }),
          ),
        ),
      );

      const n = view.rowCount;
      const it = view.iterations;
      els.accuracy.textContent =
        `Accuracy after ${thousands(it)} iteration${it === 1 ? '' : 's'}: ` +
        `${Math.round(view.accuracy * 100)}% (${Math.round(view.accuracy * n)} of ${n} rows right)`;
      els.accuracy.dataset.right = String(view.right);
      els.accuracy.dataset.rows = String(n);
      els.accuracy.classList.toggle('pc-all-right', view.accuracy === 1);
      els.status.textContent = view.message.text;
      els.status.dataset.kind = view.message.kind;
      els.status.hidden = view.message.text === '';
      els.gateName.textContent = GATE_NAMES[view.gate];
      els.gateNote.textContent = GATE_NOTES[view.gate];
      els.xor.hidden = view.gate !== 'xor';
    },
  };
}
