// The images mode's layer editor: a draft of the network's layers (conv, pool, dense; the
// softmax last and fixed) that the user adds to, removes from, reorders and edits. Every edit
// is checked by the engine (the worker's check op: ImageSession.checkSpec), whose answer puts
// each layer's output shape and parameters beside it and a network that does not fit
// explained at its layer. Nothing is built until Apply: building starts from new weights, and
// applying while typing ("16" passes through "1") would throw the training away at each key.

import { el } from '../dom.js';

const ACTIVATIONS = ['relu', 'leakyrelu', 'elu', 'tanh', 'sigmoid', 'linear'];
const NEW_LAYER = {
  conv: () => ({ type: 'conv', size: 3, filters: 8, padding: 'same', activation: 'relu' }),
  pool: () => ({ type: 'pool', size: 2 }),
  dense: () => ({ type: 'dense', units: 32, activation: 'relu' }),
};
const KIND_NAMES = { conv: 'Convolution', pool: 'Max pooling', dense: 'Dense', softmax: 'Softmax' };
const count = (n) => n.toLocaleString('en-US');
const clone = (layers) => layers.map((l) => ({ ...l }));

/** root: an element to fill. onCheck(layers): asks the engine about a draft (answer through
 *  checked()); onApply(layers): builds it. Returns {show(layers), checked(result)}. */
export function mountLayerEditor(root, { onCheck, onApply }) {
  let applied = []; // the running network's layers
  let draft = [];
  let lastCheck = null;
  const list = el('ol', { attrs: { id: 'im-edit-layers' }, className: 'im-edit-layers' });
  const total = el('p', { attrs: { id: 'im-edit-total', 'aria-live': 'polite' } });
  const problem = el('p', { attrs: { id: 'im-edit-problem' }, className: 'im-error' });
  const addKind = el(
    'select',
    { attrs: { id: 'im-edit-add-kind', 'aria-label': 'Kind of layer to add' } },
    ...Object.keys(NEW_LAYER).map((k) => el('option', { value: k, text: KIND_NAMES[k] })),
  );
  const add = el('button', {
    type: 'button',
    text: 'Add layer',
    attrs: { id: 'im-edit-add', 'aria-label': 'Add a layer before the softmax' },
    on: {
      click: () => {
        draft.splice(draft.length - 1, 0, NEW_LAYER[addKind.value]());
        edited(true);
      },
    },
  });
  const apply = el('button', {
    type: 'button',
    text: 'Apply: new network',
    attrs: { id: 'im-edit-apply', 'aria-label': 'Build this network from new weights' },
    disabled: true,
    on: { click: () => onApply(clone(draft)) },
  });
  const undo = el('button', {
    type: 'button',
    text: 'Discard edits',
    attrs: { id: 'im-edit-revert', 'aria-label': 'Back to the running network' },
    disabled: true,
    on: { click: () => show(applied) },
  });
  root.replaceChildren(
    el('p', {
      className: 'im-note',
      text: 'Edits are checked as you make them; Apply builds the network from new weights (the training so far is dropped).',
    }),
    list,
    problem,
    total,
    el('div', { className: 'im-edit-buttons' }, addKind, add, apply, undo),
  );

  // A number input of a layer's key (a key left out shows the engine's default, `fallback`);
  // an empty or non-number text goes to the engine as is (a string), for its message there.
  function numberField(i, key, label, min, max, fallback = '') {
    const input = el('input', {
      type: 'number',
      value: String(draft[i][key] ?? fallback),
      attrs: { min, max, step: 1, 'aria-label': `Layer ${i + 1} ${label}`, 'data-key': key },
      className: 'im-num',
      on: {
        input: () => {
          const v = input.value.trim() === '' ? input.value : Number(input.value);
          const layer = draft[i];
          // a pool's stride follows its size unless it was another (the engine's spec spells
          // the default out)
          if (layer.type === 'pool' && key === 'size' && layer.stride === layer.size)
            delete layer.stride;
          draft[i][key] = Number.isFinite(v) ? v : input.value;
          edited(false);
        },
      },
    });
    return el('label', { className: 'im-field' }, `${label} `, input);
  }
  function choiceField(i, key, label, options, fallback) {
    const select = el(
      'select',
      {
        attrs: { 'aria-label': `Layer ${i + 1} ${label}`, 'data-key': key },
        on: {
          change: () => {
            draft[i][key] = select.value;
            edited(false);
          },
        },
      },
      ...options.map((o) => el('option', { value: o, text: o })),
    );
    select.value = draft[i][key] ?? fallback;
    return el('label', { className: 'im-field' }, `${label} `, select);
  }
  function moveButton(i, by, text, label) {
    return el('button', {
      type: 'button',
      text,
      className: 'im-small',
      attrs: { 'aria-label': `Layer ${i + 1}: ${label}` },
      disabled: i + by < 0 || i + by >= draft.length - 1,
      on: {
        click: () => {
          [draft[i], draft[i + by]] = [draft[i + by], draft[i]];
          edited(true);
        },
      },
    });
  }

  function row(layer, i) {
    const last = i === draft.length - 1 && layer.type === 'softmax';
    const fields = [];
    if (layer.type === 'conv')
      fields.push(
        numberField(i, 'filters', 'filters', 1, 256),
        numberField(i, 'size', 'size', 1, 15),
        numberField(i, 'stride', 'stride', 1, 8, 1),
        choiceField(i, 'padding', 'padding', ['same', 'valid'], 'same'),
        choiceField(i, 'activation', 'activation', ACTIVATIONS, 'relu'),
      );
    else if (layer.type === 'pool') fields.push(numberField(i, 'size', 'size', 1, 8));
    else if (layer.type === 'dense')
      fields.push(
        numberField(i, 'units', 'units', 1, 4096),
        choiceField(i, 'activation', 'activation', ACTIVATIONS, 'relu'),
      );
    else fields.push(el('span', { className: 'im-note', text: 'one score per class (fixed)' }));
    const buttons = last
      ? []
      : [
          moveButton(i, -1, '↑', 'move up'),
          moveButton(i, 1, '↓', 'move down'),
          el('button', {
            type: 'button',
            text: 'Remove',
            className: 'im-small',
            attrs: { 'aria-label': `Remove layer ${i + 1}` },
            on: {
              click: () => {
                draft.splice(i, 1);
                edited(true);
              },
            },
          }),
        ];
    return el(
      'li',
      { className: 'im-edit-layer', attrs: { 'data-index': i, 'data-type': layer.type } },
      el(
        'div',
        { className: 'im-edit-head' },
        el('b', { text: KIND_NAMES[layer.type] || layer.type }),
        el('span', { className: 'im-edit-shape', text: '…' }),
      ),
      el('div', { className: 'im-edit-fields' }, ...fields, ...buttons),
      el('p', { className: 'im-error im-edit-error', hidden: true }),
    );
  }

  function render() {
    list.replaceChildren(...draft.map(row));
  }
  // After an edit: the list rebuilt when layers came or went (not while typing: the focus
  // stays), then the engine asked.
  function edited(structural) {
    if (structural) render();
    lastCheck = null;
    apply.disabled = true;
    const same = JSON.stringify(draft) === JSON.stringify(applied);
    undo.disabled = same;
    root.dataset.state = 'checking';
    onCheck(clone(draft));
  }
  function show(layers) {
    applied = clone(layers);
    draft = clone(layers);
    render();
    edited(false);
  }

  // The engine's answer {ok, errors, input, layers, params} for the draft last sent.
  function checked(r) {
    lastCheck = r;
    const rows = [...list.children];
    const atLayer = new Map();
    const other = [];
    for (const e of r.errors) {
      const m = /^layers\[(\d+)\]/.exec(e.field);
      if (m && rows[Number(m[1])]) atLayer.set(Number(m[1]), e);
      else other.push(e);
    }
    rows.forEach((li, i) => {
      const shape = li.querySelector('.im-edit-shape');
      const error = li.querySelector('.im-edit-error');
      const l = r.layers[i];
      shape.textContent = l
        ? `→ ${l.shape.h} x ${l.shape.w} x ${l.shape.c}, ${count(l.params)} parameters`
        : '→ –';
      const e = atLayer.get(i);
      error.hidden = !e;
      error.textContent = e ? `${e.field}: ${e.message}` : '';
      li.classList.toggle('im-invalid', Boolean(e));
    });
    problem.hidden = !other.length;
    problem.textContent = other.map((e) => (e.field ? `${e.field}: ` : '') + e.message).join('; ');
    const input = r.input ? `input ${r.input.h} x ${r.input.w} x ${r.input.c}; ` : '';
    total.textContent = r.ok
      ? `${input}${count(r.params)} parameters in all`
      : `${input}not a network yet: ${r.errors.length} problem${r.errors.length > 1 ? 's' : ''}`;
    const same = JSON.stringify(draft) === JSON.stringify(applied);
    apply.disabled = !r.ok || same;
    root.dataset.state = r.ok ? (same ? 'applied' : 'valid') : 'invalid';
    root.dataset.params = String(r.params);
  }

  return { show, checked, draft: () => clone(draft), pending: () => lastCheck === null };
}
