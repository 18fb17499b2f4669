// The test set's confusion matrix (rows: the true class, columns: the network's answer), a
// click on a cell shows its images; by default the mistakes, the least confident first; "All
// test images" shows them all in order with their answers, mistakes marked. A click on an
// image looks inside the network with it.

import { el } from '../dom.js';
import { spokenName } from './scores.js';
import { PALETTE, withAlpha } from '../render/palette.js';

const MAX_SHOWN = 60;

// One test image as a button: its pixels, the network's answer under it, a mistake marked.
function imageButton(pixels, index, { label, answer, mistake }, onPick) {
  const c = el('canvas', { attrs: { width: 28, height: 28 } });
  const ctx = c.getContext('2d');
  const img = ctx.createImageData(28, 28);
  for (let i = 0; i < 784; i++) {
    const v = pixels[index * 784 + i];
    img.data.set([v, v, v, 255], 4 * i);
  }
  ctx.putImageData(img, 0, 0);
  return el(
    'button',
    {
      type: 'button',
      className: mistake ? 'im-test-image im-mistake' : 'im-test-image',
      attrs: { 'data-index': index, title: label, 'aria-label': `${label}: look inside` },
      on: { click: () => onPick(index) },
    },
    c,
    el('span', { text: answer }),
  );
}

/** container: the panel; onRequest(): asks for the figures; onPick(index): a test image was
 *  chosen (to look inside the network with it). Returns {update(result)}, result:
 *  {classNames, labels, predicted (Uint8Array), confidence (Float32Array), pixels}. */
export function mountConfusion(container, onRequest, onPick) {
  const button = el('button', {
    type: 'button',
    text: 'Score the whole test set',
    attrs: { id: 'im-confusion-run', 'aria-label': 'Score the whole test set' },
    on: { click: () => onRequest() },
  });
  const summary = el('p', { attrs: { id: 'im-confusion-summary' } });
  const table = el('table', { className: 'im-confusion', attrs: { id: 'im-confusion' } });
  const caption = el('p', { attrs: { id: 'im-cell-caption' } });
  const all = el('button', {
    type: 'button',
    text: 'All test images',
    attrs: { id: 'im-all-images', 'aria-label': 'Show all test images with their answers' },
    on: { click: () => last && show(() => true, 'All test images') },
  });
  const leastFirst = el('input', {
    type: 'checkbox',
    attrs: { id: 'im-least-first', 'aria-label': 'Least confident first' },
    on: { change: () => last && current && show(...current) },
  });
  const sorter = el('label', { className: 'im-sorter' }, leastFirst, ' least confident first');
  const grid = el('div', { className: 'im-cell-images', attrs: { id: 'im-cell-images' } });
  container.replaceChildren(
    el('h3', { text: 'Where it goes wrong' }),
    button,
    summary,
    table,
    el('div', { className: 'im-grid-controls' }, all, sorter),
    caption,
    grid,
  );
  let last = null;
  let current = null; // the grid's [filter, text]

  function show(filter, text) {
    current = [filter, text];
    const { labels, predicted, confidence, pixels, classNames } = last;
    const picked = [];
    for (let i = 0; i < labels.length; i++) if (filter(labels[i], predicted[i])) picked.push(i);
    if (leastFirst.checked) picked.sort((a, b) => confidence[a] - confidence[b] || a - b);
    const order = leastFirst.checked ? 'least confident' : 'first';
    caption.textContent = `${text}: ${picked.length} image${picked.length === 1 ? '' : 's'}${
      picked.length > MAX_SHOWN ? `, the ${MAX_SHOWN} ${order} shown` : ''
    }. Click one to look inside the network with it.`;
    grid.replaceChildren(
      ...picked.slice(0, MAX_SHOWN).map((i) => {
        const truth = spokenName(classNames[labels[i]]);
        const answer = spokenName(classNames[predicted[i]]);
        const sure = confidence[i].toFixed(3);
        const mistake = labels[i] !== predicted[i];
        const label = mistake ? `${truth} read as ${answer} (${sure})` : `${truth} (${sure})`;
        return imageButton(pixels, i, { label, answer, mistake }, onPick);
      }),
    );
    container.dataset.cellCount = String(picked.length);
  }

  return {
    update(result) {
      last = result;
      const { labels, predicted, classNames } = result;
      const k = classNames.length;
      const counts = new Uint32Array(k * k);
      let right = 0;
      for (let i = 0; i < labels.length; i++) {
        counts[labels[i] * k + predicted[i]]++;
        right += labels[i] === predicted[i];
      }
      summary.textContent = `${right} of ${labels.length} right (${((100 * right) / labels.length).toFixed(1)}%)`;
      container.dataset.right = String(right);
      container.dataset.count = String(labels.length);
      const top = Math.max(...counts);
      const head = el(
        'tr',
        {},
        el('th', { text: 'true \\ read as' }),
        ...classNames.map((n) => el('th', { text: spokenName(n) })),
      );
      const rows = classNames.map((n, t) =>
        el(
          'tr',
          {},
          el('th', { text: spokenName(n) }),
          ...classNames.map((m, p) => {
            const v = counts[t * k + p];
            const cell = el('td', {
              text: String(v),
              attrs: {
                'data-true': t,
                'data-read': p,
                tabindex: 0,
                role: 'button',
                'aria-label': `${v} ${spokenName(n)} read as ${spokenName(m)}`,
              },
              on: {
                click: () =>
                  show((a, b) => a === t && b === p, `${spokenName(n)} read as ${spokenName(m)}`),
              },
            });
            const a = v / (top || 1);
            cell.style.background =
              t === p
                ? withAlpha(PALETTE.blue, 0.15 + 0.6 * a)
                : v
                  ? withAlpha(PALETTE.orange, 0.2 + 0.8 * Math.sqrt(a))
                  : '';
            return cell;
          }),
        ),
      );
      table.replaceChildren(head, ...rows);
      leastFirst.checked = true; // the mistakes the network was least sure of: the talk's point
      show((a, b) => a !== b, 'The mistakes');
    },
  };
}
