// The truth table (inputs, target, the engine's output, the error, right or wrong as the
// engine counts it), the accuracy line, the status line, the gate's name and note, and the
// XOR box. update(view) writes them, as text only, and only what changed: it runs every frame
// while training, so the rows are built once per row count and their cells rewritten in place.

import { el } from '../dom.js';
import { setText, setAttr } from '../ui/writes.js';
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
  let rows = []; // [{tr, cells: five <td>, mark: <td>}]
  const setHidden = (node, hidden) => {
    if (node.hidden !== hidden) node.hidden = hidden;
  };
  return {
    update(view) {
      if (rows.length !== view.rows.length) {
        rows = view.rows.map(() => {
          const cells = Array.from({ length: 5 }, () => el('td'));
          const mark = el('td', { className: 'pc-mark' });
          return { tr: el('tr', {}, ...cells, mark), cells, mark };
        });
        els.rows.replaceChildren(...rows.map((r) => r.tr));
      }
      view.rows.forEach((r, i) => {
        const row = rows[i];
        const className = `${r.right ? 'pc-right' : 'pc-wrong'}${view.lastTrained.includes(i) ? ' pc-trained' : ''}`;
        setAttr(row.tr, 'class', className);
        [
          formatNumber(r.x1, 0),
          view.gate === 'not' ? '–' : formatNumber(r.x2, 0),
          formatNumber(r.target, 0),
          signed(r.output),
          (r.error >= 0 ? ' ' : '') + signed(r.error),
        ].forEach((text, c) => setText(row.cells[c], text));
        setText(row.mark, r.right ? '✓' : '✗');
        setAttr(row.mark, 'aria-label', r.right ? 'right' : 'wrong');
      });

      const n = view.rowCount;
      const it = view.iterations;
      setText(
        els.accuracy,
        `Accuracy after ${thousands(it)} iteration${it === 1 ? '' : 's'}: ` +
          `${Math.round(view.accuracy * 100)}% (${Math.round(view.accuracy * n)} of ${n} rows right)`,
      );
      setAttr(els.accuracy, 'data-right', String(view.right));
      setAttr(els.accuracy, 'data-rows', String(n));
      els.accuracy.classList.toggle('pc-all-right', view.accuracy === 1);
      setText(els.status, view.message.text);
      setAttr(els.status, 'data-kind', view.message.kind);
      setHidden(els.status, view.message.text === '');
      setText(els.gateName, GATE_NAMES[view.gate]);
      setText(els.gateNote, GATE_NOTES[view.gate]);
      setHidden(els.xor, view.gate !== 'xor');
    },
  };
}
