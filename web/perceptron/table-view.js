// The truth table (inputs, target, the engine's output, the error, right or wrong as the
// engine counts it, each row's error over time as a sparkline with its trend in words), the
// accuracy line, the status line, the stall hint with its "reset the weights" button, the
// gate's name and note, and the XOR box. update(view) writes them, as text only, and only what changed: it runs every frame
// while training, so the rows are built once per row count and their cells rewritten in place.

import { el } from '../dom.js';
import { setText, setAttr } from '../ui/writes.js';
import { formatNumber } from './geometry.js';
import { thousands } from './controller.js';
import { pixelRatio } from '../canvas.js';
import { PALETTE } from '../render/palette.js';

const SPARK_W = 60;
const SPARK_H = 16;
const TREND_WORDS = { falling: 'falling', rising: 'rising', flat: 'not changing' };

/** Draws one row's |error| history (values, oldest first) on 0..scale, newest at the right. */
function drawSpark(canvas, values, scale, right) {
  const ctx = canvas.getContext('2d');
  const k = canvas.width / SPARK_W;
  ctx.setTransform(k, 0, 0, k, 0, 0);
  ctx.clearRect(0, 0, SPARK_W, SPARK_H);
  if (values.length < 2) return;
  ctx.strokeStyle = right ? PALETTE.blue : PALETTE.orange; // the classes' colours
  ctx.lineWidth = 1.25;
  ctx.beginPath();
  const dx = (SPARK_W - 2) / (values.length - 1);
  values.forEach((v, i) => {
    const y = SPARK_H - 1 - (Math.min(scale, v) / scale) * (SPARK_H - 2);
    if (i === 0) ctx.moveTo(1, y);
    else ctx.lineTo(1 + i * dx, y);
  });
  ctx.stroke();
}

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

/** root: the #perceptron element; actions.resetWeights() for the stall hint's button. */
export function mountTable(root, actions = {}) {
  const $ = (id) => root.querySelector(`#${id}`);
  const els = {
    rows: $('pc-rows'),
    accuracy: $('pc-accuracy'),
    status: $('pc-status'),
    gateName: $('pc-gate-name'),
    gateNote: $('pc-gate-note'),
    xor: $('pc-xor'),
  };
  // The stall hint, after the status line: built once, shown while training is stalled.
  const stallReset = el('button', {
    type: 'button',
    id: 'pc-stall-reset',
    className: 'pc-step',
    text: 'Reset the weights',
    on: { click: () => actions.resetWeights && actions.resetWeights() },
  });
  const stall = el(
    'p',
    { id: 'pc-stall', className: 'pc-stall', hidden: true, attrs: { role: 'status' } },
    el('span', {
      text:
        'Training has stalled: every wrong row’s output sits where the activation is flat ' +
        '(saturated), so each step moves the weights by almost nothing. A weight is too large ' +
        'for this learning rate. ',
    }),
    stallReset,
  );
  els.status.after(stall);
  let rows = []; // [{tr, cells: five <td>, mark: <td>, spark: <canvas>}]
  let drawn = []; // per row, the history length and last value drawn
  const setHidden = (node, hidden) => {
    if (node.hidden !== hidden) node.hidden = hidden;
  };
  return {
    update(view) {
      if (rows.length !== view.rows.length) {
        rows = view.rows.map(() => {
          const cells = Array.from({ length: 5 }, () => el('td'));
          const mark = el('td', { className: 'pc-mark' });
          const ratio = pixelRatio();
          const spark = el('canvas', {
            className: 'pc-spark',
            width: Math.round(SPARK_W * ratio),
            height: Math.round(SPARK_H * ratio),
            attrs: { role: 'img', 'aria-label': 'error: no training yet' },
          });
          const sparkCell = el('td', { className: 'pc-spark-cell' }, spark);
          return { tr: el('tr', {}, ...cells, mark, sparkCell), cells, mark, spark };
        });
        els.rows.replaceChildren(...rows.map((r) => r.tr));
        drawn = [];
      }
      const targets = view.rows.map((r) => r.target);
      const scale = Math.max(...targets) - Math.min(...targets) || 1;
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
        const p = view.progress[i];
        const values = p ? p.values : [];
        const key = `${values.length}|${values.at(-1)}|${r.right}`;
        if (drawn[i] !== key) {
          drawn[i] = key;
          drawSpark(row.spark, values, scale, r.right);
          setAttr(
            row.spark,
            'aria-label',
            values.length < 2
              ? 'error: no training yet'
              : `error over the last ${values.length} training frames: ${TREND_WORDS[p.trend]}`,
          );
        }
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
      setHidden(stall, !view.stalled);
      setText(els.gateName, GATE_NAMES[view.gate]);
      setText(els.gateNote, GATE_NOTES[view.gate]);
      setHidden(els.xor, view.gate !== 'xor');
    },
  };
}
