// "Inside the network" for the last image scored: the network's input, every layer's maps
// (one small grey image per channel, each scaled to its own range), each conv layer's filters
// as small images (blue negative, orange positive), and the final probabilities as bars.

import { el } from '../dom.js';
import { spokenName } from './scores.js';
import { PALETTE, hexRgb } from '../render/palette.js';

const NEGATIVE = hexRgb(PALETTE.orange); // the playground's colours: orange below 0, blue above
const POSITIVE = hexRgb(PALETTE.blue);

// One channel (h x w floats) as a canvas, grey from its minimum (black) to its maximum (white).
function mapCanvas(data, offset, h, w, size, label) {
  const c = el('canvas', { attrs: { width: w, height: h, 'aria-label': label, title: label } });
  c.style.width = `${size}px`;
  c.style.height = `${Math.round((size * h) / w)}px`;
  let lo = Infinity,
    hi = -Infinity;
  for (let i = 0; i < h * w; i++) {
    lo = Math.min(lo, data[offset + i]);
    hi = Math.max(hi, data[offset + i]);
  }
  const ctx = c.getContext('2d');
  const img = ctx.createImageData(w, h);
  const span = hi > lo ? hi - lo : 1;
  for (let i = 0; i < h * w; i++) {
    const v = Math.round((255 * (data[offset + i] - lo)) / span);
    img.data.set([v, v, v, 255], 4 * i);
  }
  ctx.putImageData(img, 0, 0);
  return c;
}

// One k x k filter (summed over its input channels) in the playground's colours, white at 0.
function filterCanvas(data, offset, channels, k, label) {
  const c = el('canvas', { attrs: { width: k, height: k, 'aria-label': label, title: label } });
  c.style.width = c.style.height = '30px';
  const sum = new Float32Array(k * k);
  for (let ch = 0; ch < channels; ch++)
    for (let i = 0; i < k * k; i++) sum[i] += data[offset + ch * k * k + i];
  const top = Math.max(...sum.map(Math.abs)) || 1;
  const ctx = c.getContext('2d');
  const img = ctx.createImageData(k, k);
  for (let i = 0; i < k * k; i++) {
    const t = sum[i] / top;
    const [r, g, b] = t < 0 ? NEGATIVE : POSITIVE;
    const a = Math.abs(t);
    img.data.set([255 + (r - 255) * a, 255 + (g - 255) * a, 255 + (b - 255) * a, 255], 4 * i);
  }
  ctx.putImageData(img, 0, 0);
  return c;
}

/** container: the panel's element. Returns {update({input, inputShape, layers, maps,
 *  filters, probs, classNames, caption (which image)})}; maps[l] and filters[l] are Float32Arrays (filters only for
 *  conv layers, [filter][channel][ky][kx]). */
export function mountInside(container) {
  const body = el('div', { className: 'im-inside-body' });
  const title = el('h3', { text: 'Inside the network (the last image scored)' });
  container.replaceChildren(title, body);
  return {
    update({ input, inputShape, layers, maps, filters, probs, classNames, caption }) {
      title.textContent = `Inside the network: ${caption || 'the last image scored'}`;
      const rows = [];
      rows.push(
        el(
          'div',
          { className: 'im-layer-row' },
          el('span', {
            className: 'im-layer-name',
            text: `input ${inputShape.h} x ${inputShape.w}`,
          }),
          mapCanvas(input, 0, inputShape.h, inputShape.w, 56, 'the network input'),
        ),
      );
      let channels = inputShape.c;
      layers.forEach((layer, l) => {
        const { c, h, w } = layer.shape;
        const row = el('div', { className: 'im-layer-row', attrs: { 'data-layer': l } });
        row.append(el('span', { className: 'im-layer-name', text: layer.description }));
        if (layer.kind === 'softmax') {
          const bars = el('div', { className: 'im-bars' });
          probs.forEach((p, k) => {
            const bar = el('div', { className: 'im-bar' });
            bar.style.width = `${Math.max(1, Math.round(100 * p))}%`;
            bars.append(
              el(
                'div',
                { className: 'im-bar-row' },
                el('span', { text: spokenName(classNames[k] ?? String(k)) }),
                el('div', { className: 'im-bar-track' }, bar),
                el('span', { text: p.toFixed(5) }),
              ),
            );
          });
          row.append(bars);
        } else if (h === 1 && w === 1) {
          row.append(
            mapCanvas(maps[l], 0, 1, c, Math.min(300, 4 * c), `${layer.description}: ${c} units`),
          );
        } else {
          const grid = el('div', { className: 'im-maps' });
          const size = Math.max(24, Math.min(56, 2 * w));
          for (let k = 0; k < c; k++)
            grid.append(
              mapCanvas(maps[l], k * h * w, h, w, size, `${layer.description}: map ${k + 1}`),
            );
          row.append(grid);
        }
        rows.push(row);
        if (layer.kind === 'conv' && filters[l]) {
          const f = filters[l];
          const k = Math.round(Math.sqrt(f.length / (c * channels)));
          const grid = el('div', { className: 'im-maps im-filters' });
          for (let i = 0; i < c; i++)
            grid.append(filterCanvas(f, i * channels * k * k, channels, k, `filter ${i + 1}`));
          rows.push(
            el(
              'div',
              { className: 'im-layer-row' },
              el('span', { className: 'im-layer-name', text: `its ${c} filters (${k} x ${k})` }),
              grid,
            ),
          );
        }
        if (layer.kind !== 'softmax') channels = c;
      });
      body.replaceChildren(...rows);
      container.dataset.layersShown = String(layers.length);
    },
  };
}
