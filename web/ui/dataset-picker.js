// The dataset picker: one radio per dataset (keyboard: arrows move between them), each with
// a thumbnail of its noise-free points. Picking one calls actions.pickDataset(name).

import { CLASSIFICATION_DATASETS, REGRESSION_DATASETS, activeDataset } from '../options.js';
import { clearPoints } from '../render/points.js';
import { shadeCss } from '../render/colors.js';

const TITLES = {
  circle: 'Circle', xor: 'Exclusive or', gauss: 'Gaussian', spiral: 'Spiral',
  'reg-plane': 'Plane (regression)', 'reg-gauss': 'Multi Gaussian (regression)',
};
const THUMB = 40; // CSS px
const THUMB_POINTS = 200;

function drawThumbnail(canvas, points) {
  const scale = clearPoints(canvas, THUMB);
  const ctx = canvas.getContext('2d');
  const size = canvas.width;
  const n = Math.min(THUMB_POINTS, points.length / 3);
  for (let i = 0; i < n; i++) {
    const x = points[3 * i], y = points[3 * i + 1];
    ctx.fillStyle = shadeCss(points[3 * i + 2]);
    ctx.fillRect(((x + 6) / 12) * size - scale, ((6 - y) / 12) * size - scale, 2 * scale, 2 * scale);
  }
}

/** fieldset: the picker's <fieldset>; actions.pickDataset(name). Returns
 *  {update(view), drawThumbnails(pointsOf)} where pointsOf(name) gives [x, y, label, ...]. */
export function mountDatasetPicker(fieldset, actions) {
  const radios = new Map();
  const canvases = new Map();
  const list = document.createElement('div');
  list.className = 'dataset-list';
  for (const name of [...CLASSIFICATION_DATASETS, ...REGRESSION_DATASETS]) {
    const label = document.createElement('label');
    label.className = 'dataset';
    label.title = TITLES[name];
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = 'dataset';
    input.value = name;
    input.setAttribute('aria-label', TITLES[name]);
    input.addEventListener('change', () => { if (input.checked) actions.pickDataset(name); });
    const canvas = document.createElement('canvas');
    canvas.className = 'dataset-thumbnail';
    canvas.setAttribute('aria-hidden', 'true');
    const caption = document.createElement('span');
    caption.className = 'dataset-name';
    caption.textContent = name;
    label.append(input, canvas, caption);
    list.append(label);
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
