// The output column's charts: the loss chart (the reference's) and under it the metric chart
// (accuracy for classification; RMSE or R^2 for regression, a menu picks which), with a bar of
// their settings: the loss on a log scale (logLoss), the whole run or the last N epochs
// (lastEpochs). Hover (or tap) on a chart shows the epoch nearest the pointer and every value
// there, under the charts, with a guide on both. Each chart is drawn only when what it shows
// changed (a constant cost per frame: web/loss-history.js bounds the samples).

import { drawChart, xMapping } from '../render/loss-chart.js';
import { PALETTE } from '../render/palette.js';
import { nearestSample } from '../loss-history.js';
import { metricOf } from '../chart-options.js';
import { formatEpoch, formatLoss } from '../format.js';
import { setText, setAttr, setHidden } from './writes.js';

const SERIES = (train, test) => [
  { name: train, colour: PALETTE.trainLoss },
  { name: test, colour: PALETTE.testLoss },
];

const fixed = (v, digits) => (Number.isFinite(v) ? v.toFixed(digits) : '–');
const percent = (v) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : '–');

/** The hover line's text for sample i of `s` (a samples() reader) and the problem. */
export function hoverText(s, i, problem) {
  const at = (name) => s.at(name, i);
  const lines = [
    `epoch ${formatEpoch(s.epochAt(i))}`,
    `loss: test ${formatLoss(at('test'))}, training ${formatLoss(at('train'))}`,
  ];
  if (problem === 'regression') {
    lines.push(`RMSE: test ${fixed(at('testRmse'), 3)}, training ${fixed(at('trainRmse'), 3)}`);
    lines.push(`R²: test ${fixed(at('testR2'), 3)}, training ${fixed(at('trainR2'), 3)}`);
  } else {
    lines.push(
      `accuracy: test ${percent(at('testAccuracy'))}, training ${percent(at('trainAccuracy'))}`,
    );
  }
  return lines.join(' · ');
}

/** els: {root, loss, metric, log, window, metricName, metricMenu, tip}; actions.changePage,
 *  actions.refresh. Returns {update(view)}. */
export function mountCharts(els, actions) {
  els.log.addEventListener('change', () => actions.changePage({ logLoss: els.log.checked }));
  els.window.addEventListener('change', () =>
    actions.changePage({ lastEpochs: els.window.value || null }),
  );
  els.metricMenu.addEventListener('change', () =>
    actions.changePage({ regMetric: els.metricMenu.value }),
  );
  const size = new Map(); // canvas -> [cssWidth, cssHeight], read when it changes
  const drawn = new Map(); // canvas -> the key of what it shows
  for (const canvas of [els.loss, els.metric]) {
    new ResizeObserver((entries) => {
      const r = entries[0].contentRect;
      size.set(canvas, [Math.round(r.width), Math.round(r.height)]);
      drawn.delete(canvas);
      if (actions.refresh) actions.refresh();
    }).observe(canvas);
  }
  let hover = null; // {canvas, x}: the pointer's CSS x on a chart, or null
  let last = null; // the last view, to draw a hover while paused

  const pointAt = (ev) => {
    const r = ev.currentTarget.getBoundingClientRect();
    hover = { x: ev.clientX - r.left };
    if (last) draw(last);
  };
  for (const canvas of [els.loss, els.metric]) {
    canvas.addEventListener('pointermove', (ev) => {
      if (ev.pointerType === 'mouse' || ev.pointerType === 'pen') pointAt(ev);
    });
    canvas.addEventListener('pointerdown', pointAt); // a tap shows it until a tap elsewhere
    canvas.addEventListener('pointerleave', (ev) => {
      if (ev.pointerType !== 'mouse') return;
      hover = null;
      if (last) draw(last);
    });
  }
  document.addEventListener('pointerdown', (ev) => {
    if (hover && !els.root.contains(ev.target)) {
      hover = null;
      if (last) draw(last);
    }
  });

  function cssSize(canvas, fallbackHeight) {
    if (!size.has(canvas))
      size.set(canvas, [canvas.clientWidth || 300, canvas.clientHeight || fallbackHeight]);
    return size.get(canvas);
  }

  function draw(view) {
    last = view;
    const page = view.page;
    const s = (view.recent || view.history).samples();
    const problem = view.config.problem;
    const metric = metricOf(problem, page.regMetric);
    const [w] = cssSize(els.loss, 60);
    let index = -1;
    if (hover && s.count > 1) index = nearestSample(s, xMapping(s, w).epochAt(hover.x));
    const lastEpoch = s.count ? s.epochAt(s.count - 1) : -1;
    const head = `${s.count}|${s.count && s.epochAt(0)}|${lastEpoch}|${index}|${view.trainLoss}|${view.testLoss}`;
    for (const [canvas, opts] of [
      [els.loss, { series: SERIES('train', 'test'), scale: 'loss', log: page.logLoss }],
      [els.metric, { series: SERIES(...metric.names), scale: metric.scale, log: false }],
    ]) {
      const [cssWidth, cssHeight] = cssSize(canvas, 40);
      const key = `${head}|${opts.scale}|${opts.log}|${opts.series[0].name}|${cssWidth}x${cssHeight}`;
      if (drawn.get(canvas) === key) continue;
      drawn.set(canvas, key);
      drawChart(canvas, s, { ...opts, hover: index, cssWidth, cssHeight });
    }
    setHidden(els.tip, index < 0);
    if (index >= 0) setText(els.tip, hoverText(s, index, problem));
  }

  return {
    update(view) {
      const page = view.page;
      const regression = view.config.problem === 'regression';
      const metric = metricOf(view.config.problem, page.regMetric);
      els.log.checked = page.logLoss;
      els.window.value = page.lastEpochs || '';
      els.metricMenu.value = page.regMetric;
      setHidden(els.metricMenu, !regression);
      setHidden(els.metricName, regression);
      setAttr(
        els.metric,
        'aria-label',
        `${metric.label === 'accuracy' ? 'Accuracy' : metric.label} over the epochs: training grey, test black`,
      );
      setAttr(
        els.loss,
        'aria-label',
        `Loss over the epochs${page.logLoss ? ' (log scale)' : ''}: training loss grey, test loss black`,
      );
      draw(view);
    },
  };
}
