// The dataset picker: one radio per dataset (keyboard: arrows move between them), each with
// a thumbnail of its noise-free points. Picking one calls actions.pickDataset(name).

import { CLASSIFICATION_DATASETS, REGRESSION_DATASETS, activeDataset } from '../options.js';
import { fitCanvas } from '../canvas.js';
import { el } from '../dom.js';
import { shadeCss } from '../render/palette.js';

const TITLES = {
  circle: 'Circle',
  xor: 'Exclusive or',
  gauss: 'Gaussian',
  spiral: 'Spiral',
  'reg-plane': 'Plane (regression)',
  'reg-gauss': 'Multi Gaussian (regression)',
};
const THUMB = 40; // CSS px
const THUMB_POINTS = 200;

function drawThumbnail(canvas, points) {
  const { ctx } = fitCanvas(canvas, THUMB); // drawn in CSS px
  const n = Math.min(THUMB_POINTS, points.length / 3);
  for (let i = 0; i < n; i++) {
    const x = points[3 * i],
      y = points[3 * i + 1];
    ctx.fillStyle = shadeCss(points[3 * i + 2]);
    ctx.fillRect(((x + 6) / 12) * THUMB - 1, ((6 - y) / 12) * THUMB - 1, 2, 2);
  }
}

/** fieldset: the picker's <fieldset>; actions.pickDataset(name). Returns
 *  {update(view), drawThumbnails(pointsOf)} where pointsOf(name) gives [x, y, label, ...]. */
export function mountDatasetPicker(fieldset, actions) {
  const radios = new Map();
  const canvases = new Map();
  const list = el('div', { className: 'dataset-list' });
  for (const name of [...CLASSIFICATION_DATASETS, ...REGRESSION_DATASETS]) {
    const input = el('input', {
      type: 'radio',
      name: 'dataset',
      value: name,
      attrs: { 'aria-label': TITLES[name] },
      on: {
        change: () => {
          if (input.checked) actions.pickDataset(name);
        },
      },
    });
    const canvas = el('canvas', {
      className: 'dataset-thumbnail',
      attrs: { 'aria-hidden': 'true' },
    });
    list.append(
      el(
        'label',
        { className: 'dataset', title: TITLES[name] },
        input,
        canvas,
        el('span', { className: 'dataset-name', text: name }),
      ),
    );
    radios.set(name, input);
    canvases.set(name, canvas);
  }
  fieldset.append(list);
  return {
    update(view) {
      const active = activeDataset(view.config);
      for (const [name, input] of radios) {
        input.checked = name === active;
        input.parentElement.classList.toggle('selected', name === active);
      }
    },
    drawThumbnails(pointsOf) {
      for (const [name, canvas] of canvases) drawThumbnail(canvas, pointsOf(name));
    },
  };
}
