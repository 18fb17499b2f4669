// The network diagram: the input features (toggles with their own thumbnails), the hidden
// layers (+/- layers, +/- neurons per layer, the limits beside them; under them each layer's
// activation and dropout menus), the output node, curved
// links whose width and colour follow the weights with a dash that flows while training (one
// canvas: web/ui/link-canvas.js), bias squares (SVG), a hover card that edits a weight or bias.
// Hovering (or focusing, or tapping) a node shows its map in the big heatmap; tapping one on a
// touch screen also lists its incoming weights and bias to edit. Keyboard: the neurons, biases
// and links are one tab stop (after the feature toggles); arrow keys move inside it, Enter
// edits. A network beyond the buttons' limits (from a link) opens with a warning and redraws
// at most THUMBS_PER_FRAME thumbnails a frame (round-robin). Geometry from
// web/render/network.js; thumbnails through reused ImageData.

import { FEATURES, ACTIVATIONS, ACTIVATION_TITLES } from '../options.js';
import {
  layerActivations,
  layerActivationPatch,
  layerDropouts,
  layerDropoutChange,
  DROPOUT_RATES,
} from '../layer-options.js';
import { plainNumber } from '../format.js';
import { UI_MAX_LAYERS, UI_MAX_NEURONS, limitsLines, largeNetworkWarning } from '../limits.js';
import {
  layoutNetwork,
  linkColour,
  blockAverage,
  NODE_SIZE,
  BIAS_SIZE,
} from '../render/network.js';
import { createLinkCanvas } from './link-canvas.js';
import { createHeatmap } from '../render/heatmap.js';
import { layerOffsets, weightIndex, biasIndex } from '../params-layout.js';
import { createHoverCard } from './hover-card.js';
import { el, svgEl } from '../dom.js';
import { setText } from './writes.js';

const R = 100; // the input features' maps (featureMaps)
const B = 10;
export const LABEL_WIDTH = 64; // px left of the input column for the features' labels
export const THUMBS_PER_FRAME = 64; // neuron thumbnails redrawn a frame at most (round-robin)
export const BIAS_TOUCH = 44; // px, a bias square's hit rect on a touch screen

function iconButton(symbol, label, onClick) {
  return el('button', {
    className: 'round-button',
    text: symbol,
    type: 'button',
    title: label,
    attrs: { 'aria-label': label },
    on: { click: onClick },
  });
}

/** root: the network column; featureMaps: 7·R·R values (x, y, ... sinY) for the input
 *  thumbnails; actions: {changeConfig(patch), preview(p), setWeight, setBias, refresh()};
 *  limits: web/limits.js's table (shown by the layers control; null: none shown). */
export function mountNetworkView(root, featureMaps, actions, limits = null) {
  const layersLabel = el('span', { className: 'layers-label' });
  let shape = [];
  const addLayer = iconButton('+', 'Add a hidden layer', () =>
    actions.changeConfig({ networkShape: [...shape, 2] }),
  );
  const removeLayer = iconButton('−', 'Remove the last hidden layer', () =>
    actions.changeConfig({ networkShape: shape.slice(0, -1) }),
  );
  const limitsInfo = limits
    ? el(
        'details',
        { className: 'limits-info' },
        el('summary', { text: 'limits', attrs: { 'aria-label': 'The network limits' } }),
        el('ul', {}, ...limitsLines(limits).map((line) => el('li', { text: line }))),
      )
    : null;
  const head = el(
    'div',
    { className: 'network-head' },
    el('h2', { className: 'features-title', text: 'Features' }),
    el(
      'div',
      { className: 'layers-control ui-numHiddenLayers' },
      addLayer,
      removeLayer,
      layersLabel,
      ...(limitsInfo ? [limitsInfo] : []),
    ),
  );
  const warning = el('p', {
    className: 'network-warning',
    hidden: true,
    attrs: { role: 'status' },
  });
  const hint = el('p', {
    className: 'features-hint',
    text: 'Which properties do you want to feed in? Click one to switch it on or off.',
  });
  const diagram = el('div', { className: 'network-diagram' });
  const scroller = el('div', { className: 'network-scroll' }, diagram);
  root.replaceChildren(head, warning, hint, scroller);
  root.hidden = false;

  const staticThumb = new Float32Array(B * B);
  const scratch = new Float32Array(B * B);
  let built = null; // what the current DOM was built from
  let layout = null;
  let nodes = []; // [{grid, heatmap, el}]
  let hiddenNodes = []; // the nodes whose thumbnails follow training
  let thumbCursor = 0; // the next of hiddenNodes to redraw
  let thumbsDue = 0; // thumbnails still to redraw since the maps last changed
  let links = null; // web/ui/link-canvas.js
  let linkTargets = []; // the hover card's targets, made when first needed
  let linkKeys = new Int32Array(0);
  let biasEls = []; // [{rect, k, lastC}]
  let items = []; // the keyboard group: [{kind: 'node'|'bias', el} | {kind: 'link', i}]
  let current = -1; // the keyboard group's current item
  let focusEl = null; // the group's tab stop (a link's stand-in: links have no element)
  let list = null; // the touch list of a neuron's weights: {el, rows: [{text, target}]}
  let hoverLink = -1;
  let sizes = [];
  let offsets = [];
  let params = null;
  let pinned = null; // the grid index a tap pinned
  let card = null;

  // The width is read here, not in update(): a layout read per frame would force a layout.
  let measured = 0;
  new ResizeObserver((entries) => {
    const w = Math.round(entries[0].contentRect.width);
    if (w !== measured) {
      measured = w;
      actions.refresh();
    }
  }).observe(scroller);

  const previewNode = (grid, inputIndex) => {
    if (grid >= 0) actions.preview({ grid });
    else if (inputIndex >= 0)
      actions.preview({
        values: featureMaps.subarray(inputIndex * R * R, (inputIndex + 1) * R * R),
      });
  };
  function bindPreview(target, grid, inputIndex) {
    let touch = false;
    target.addEventListener('pointerdown', (e) => {
      touch = e.pointerType !== 'mouse';
    });
    target.addEventListener('pointerenter', (e) => {
      if (e.pointerType === 'mouse') previewNode(grid, inputIndex);
    });
    target.addEventListener('pointerleave', (e) => {
      if (e.pointerType === 'mouse' && pinned === null) actions.preview(null);
    });
    target.addEventListener('focus', () => previewNode(grid, inputIndex));
    target.addEventListener('blur', () => {
      if (pinned === null) actions.preview(null);
    });
    return () => touch;
  }

  function sourceName(layer, source) {
    if (layer === 0) {
      const active = FEATURES.filter((f) => built.config[f.key]);
      return active[source] ? active[source].label : `input ${source + 1}`;
    }
    return `neuron ${source + 1} of hidden layer ${layer}`;
  }
  function destName(layer, node) {
    return layer === sizes.length - 2
      ? 'the output'
      : `neuron ${node + 1} of hidden layer ${layer + 1}`;
  }

  function cardPosition(x, y) {
    return [x + 14, y - 10];
  }
  function showCard(target, x, y, edit) {
    const [cx, cy] = cardPosition(x, y);
    card.show(target, params ? params[target.k] : NaN, cx, cy, { edit });
  }

  /** Link i's hover-card target (made once, when first needed: a large network has tens of
   *  thousands of links). */
  function linkTarget(i) {
    if (!linkTargets[i]) {
      const ln = layout.links[i];
      linkTargets[i] = {
        kind: 'weight',
        layer: ln.layer,
        node: ln.node,
        source: ln.source,
        name: `weight from ${sourceName(ln.layer, ln.source)} to ${destName(ln.layer, ln.node)}`,
        k: linkKeys[i],
        dead: built.dead ? built.dead[linkKeys[i]] === 1 : false,
      };
    }
    return linkTargets[i];
  }
  const linkMiddle = (i) => links.point(i, 0.5);

  /** Pointer positions in the diagram's own px (the embed view scales the diagram). */
  function diagramPoint(e, box) {
    const r = box.getBoundingClientRect();
    const k = r.width > 0 ? layout.width / r.width : 1;
    return [(e.clientX - r.left) * k, (e.clientY - r.top) * k];
  }

  function bindLinkCanvas(canvas) {
    let touch = false;
    canvas.addEventListener('pointerdown', (e) => {
      touch = e.pointerType !== 'mouse';
    });
    canvas.addEventListener('pointermove', (e) => {
      if (e.pointerType !== 'mouse') return;
      const [x, y] = diagramPoint(e, canvas);
      const i = links.hit(x, y);
      if (i === hoverLink) return;
      hoverLink = i;
      canvas.classList.toggle('over-link', i >= 0);
      if (i >= 0) showCard(linkTarget(i), x, y, false);
      else card.hide();
    });
    canvas.addEventListener('pointerleave', (e) => {
      if (e.pointerType !== 'mouse') return;
      hoverLink = -1;
      canvas.classList.remove('over-link');
      card.hide();
    });
    canvas.addEventListener('click', (e) => {
      const [x, y] = diagramPoint(e, canvas);
      const i = links.hit(x, y);
      if (i < 0) return;
      showCard(linkTarget(i), ...(touch ? linkMiddle(i) : [x, y]), true);
    });
  }

  // The keyboard group: one tab stop; arrow keys move through each neuron, its bias and its
  // incoming links, layer by layer; Enter (or Space) edits a bias or a link.
  function select(index) {
    current = Math.max(0, Math.min(items.length - 1, index));
    const item = items[current];
    if (!item) return;
    if (item.kind === 'link') {
      const t = linkTarget(item.i);
      links.focus(item.i);
      actions.refresh();
      focusEl.setAttribute('aria-label', `Edit the ${t.name}`);
      if (document.activeElement !== focusEl) focusEl.focus();
      else showCard(t, ...linkMiddle(item.i), false);
    } else {
      links.focus(-1);
      actions.refresh();
      item.el.focus();
    }
  }
  function groupKeys(e) {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    if (step) select(current + step);
    else if (e.key === 'Home') select(0);
    else if (e.key === 'End') select(items.length - 1);
    else return;
    e.preventDefault();
  }
  function buildFocus(body) {
    focusEl = el('div', {
      className: 'weights-focus',
      attrs: {
        tabindex: '0',
        role: 'group', // a keyboard stop, not a touch target: taps go to the nodes and links
        'aria-label':
          'The weights: arrow keys move between the neurons, their biases and links; Enter edits',
      },
    });
    focusEl.addEventListener('focus', () => {
      let i = current;
      if (!(items[i] && items[i].kind === 'link')) i = items.findIndex((x) => x.kind === 'link');
      if (i < 0) return;
      current = i;
      const t = linkTarget(items[i].i);
      links.focus(items[i].i);
      actions.refresh();
      focusEl.setAttribute('aria-label', `Edit the ${t.name}`);
      showCard(t, ...linkMiddle(items[i].i), false);
    });
    focusEl.addEventListener('blur', () => {
      links.focus(-1);
      actions.refresh();
      card.hide();
    });
    focusEl.addEventListener('keydown', (e) => {
      const item = items[current];
      if ((e.key === 'Enter' || e.key === ' ') && item && item.kind === 'link') {
        e.preventDefault();
        showCard(linkTarget(item.i), ...linkMiddle(item.i), true);
      } else groupKeys(e);
    });
    body.append(focusEl);
  }

  // A neuron tapped on a touch screen: a card listing its bias and incoming weights, each
  // opening the weight editor.
  function closeList() {
    if (list) list.el.remove();
    list = null;
  }
  function openList(layer, node, x, y, body) {
    closeList();
    const rows = [];
    const b = biasEls.find((e) => e.target.layer === layer && e.target.node === node);
    if (b) rows.push({ label: 'bias', target: b.target });
    layout.links.forEach((ln, i) => {
      if (ln.layer === layer && ln.node === node)
        rows.push({ label: `from ${sourceName(layer, ln.source)}`, target: linkTarget(i) });
    });
    const left = x + NODE_SIZE + 8;
    const buttons = rows.map((row, r) => {
      row.button = el('button', {
        type: 'button',
        className: 'neuron-link',
        attrs: { 'aria-label': `Edit the ${row.target.name}` },
        on: { click: () => showCard(row.target, left + 60, y + 28 * (r + 1), true) },
      });
      return row.button;
    });
    const box = el(
      'div',
      { className: 'neuron-links', attrs: { role: 'group' } },
      el('p', { className: 'neuron-links-title', text: `Edit ${destName(layer, node)}:` }),
      ...buttons,
    );
    box.style.left = `${left}px`;
    box.style.top = `${y}px`;
    body.append(box);
    list = { el: box, rows };
    refreshList();
  }
  function refreshList() {
    if (!list || !params) return;
    for (const row of list.rows) {
      const v = params[row.target.k];
      setText(row.button, `${row.label}: ${Number.isFinite(v) ? v.toPrecision(2) : String(v)}`);
    }
  }

  function build(view, width) {
    const { config, page } = view;
    sizes = view.sizes;
    offsets = layerOffsets(sizes);
    shape = config.networkShape.slice();
    const hidden = new Set(page.hidden);
    // The embed view (web/embed/view.js) shows the features in use only, as fixed inputs.
    const inputs = FEATURES.map((f, i) => ({
      ...f,
      index: i,
      active: Boolean(config[f.key]),
    })).filter((f) => f.active || (!hidden.has(f.key) && !page.embed));
    layout = layoutNetwork({ inputs, hidden: shape, width, left: LABEL_WIDTH });
    built = { key: null, config, dead: null };
    diagram.replaceChildren();
    diagram.style.width = `${layout.width}px`;
    const warn = limits && !page.embed ? largeNetworkWarning(shape, limits) : null;
    warning.hidden = !warn;
    warning.textContent = warn || '';

    const controls = el('div', { className: 'neuron-controls-row' });
    shape.forEach((n, l) => {
      const plus = iconButton('+', `Add a neuron to hidden layer ${l + 1}`, () => {
        const s = shape.slice();
        s[l] += 1;
        actions.changeConfig({ networkShape: s });
      });
      const minus = iconButton('−', `Remove a neuron from hidden layer ${l + 1}`, () => {
        const s = shape.slice();
        s[l] -= 1;
        actions.changeConfig({ networkShape: s });
      });
      plus.disabled = n >= UI_MAX_NEURONS;
      minus.disabled = n <= 1;
      const box = el(
        'div',
        { className: 'neuron-controls ui-numHiddenLayers' },
        el('div', { className: 'neuron-buttons' }, plus, minus),
        el('div', { className: 'neuron-count', text: `${n} neuron${n === 1 ? '' : 's'}` }),
      );
      box.style.left = `${layout.columns[l + 1].x + NODE_SIZE / 2}px`;
      controls.append(box);
    });
    const outputLabel = el('div', { className: 'output-node-label', text: 'Output' });
    outputLabel.style.left = `${layout.columns.at(-1).x + NODE_SIZE}px`;
    controls.append(outputLabel);
    const layerOptions = buildLayerOptions(config);

    const biasGroup = svgEl('g', { className: 'biases' });
    const svg = svgEl(
      'svg',
      {
        className: 'network-links',
        attrs: { width: layout.width, height: layout.height, 'aria-hidden': 'false' },
      },
      biasGroup,
    );
    linkTargets = [];
    linkKeys = Int32Array.from(layout.links, (ln) =>
      weightIndex(sizes, offsets, ln.layer, ln.node, ln.source),
    );
    links = createLinkCanvas(layout.links, linkKeys, layout.width, layout.height);
    bindLinkCanvas(links.canvas);
    hoverLink = -1;
    const body = el('div', { className: 'network-body' }, links.canvas, svg);
    body.style.height = `${layout.height}px`;
    card = createHoverCard(body, (target, v) => {
      if (target.kind === 'bias') actions.setBias(target.layer, target.node, v);
      else actions.setWeight(target.layer, target.node, target.source, v);
    });
    list = null;

    biasEls = layout.biases.map((b) => {
      const name = `bias of ${destName(b.layer, b.node)}`;
      const target = {
        kind: 'bias',
        layer: b.layer,
        node: b.node,
        name,
        k: biasIndex(sizes, offsets, b.layer, b.node),
      };
      // On a touch screen (CSS: pointer coarse) a larger invisible square takes the taps.
      const touchRect = svgEl('rect', {
        className: 'bias-hit',
        attrs: {
          x: b.x + BIAS_SIZE / 2 - BIAS_TOUCH / 2,
          y: b.y + BIAS_SIZE / 2 - BIAS_TOUCH / 2,
          width: BIAS_TOUCH,
          height: BIAS_TOUCH,
          'aria-hidden': 'true',
        },
      });
      const rect = svgEl('rect', {
        className: 'bias',
        attrs: {
          x: b.x,
          y: b.y,
          width: BIAS_SIZE,
          height: BIAS_SIZE,
          tabindex: '-1',
          role: 'button',
          'aria-label': `Edit the ${name}`,
        },
      });
      bindCard(rect, target, b.x, b.y + BIAS_SIZE);
      bindCard(touchRect, target, b.x, b.y + BIAS_SIZE);
      biasGroup.append(touchRect, rect);
      return { rect, k: target.k, target, lastC: null };
    });

    nodes = [];
    items = [];
    current = -1;
    let nextLink = 0;
    layout.columns.forEach((col, c) => {
      col.nodes.forEach((n, i) => {
        const isInput = c === 0;
        const canvas = el('canvas', {
          className: 'node-thumbnail',
          attrs: { 'aria-hidden': 'true' },
        });
        const node = el(
          isInput ? 'button' : 'div',
          {
            className: `node${isInput ? ' input-node' : ''}${c === layout.columns.length - 1 ? ' output-node' : ''}`,
          },
          canvas,
        );
        node.style.left = `${n.x}px`;
        node.style.top = `${n.y}px`;
        const heatmap = createHeatmap(canvas);
        let inputIndex = -1;
        if (isInput) {
          const f = inputs[i];
          inputIndex = f.index;
          node.type = 'button';
          node.dataset.feature = f.key;
          node.classList.toggle('active', f.active);
          node.setAttribute('aria-pressed', String(f.active));
          node.setAttribute('aria-label', `Input ${f.label}`);
          const locked = hidden.has(f.key) || page.embed;
          if (locked) node.setAttribute('aria-disabled', 'true');
          node.addEventListener('click', () => {
            if (!locked) actions.changeConfig({ [f.key]: !config[f.key] });
          });
          const label = el('span', { className: 'node-label', text: f.label });
          label.style.top = `${n.y}px`;
          label.style.width = `${n.x - 8}px`;
          body.append(label);
          if (!f.active)
            heatmap.draw(blockAverage(featureMaps, f.index, R, B, staticThumb), {
              discretize: view.page.discretize,
            });
          bindPreview(node, n.grid, inputIndex);
        } else {
          node.tabIndex = -1; // in the keyboard group (arrow keys), not a tab stop of its own
          node.setAttribute('role', 'button');
          const isOut = c === layout.columns.length - 1;
          node.setAttribute(
            'aria-label',
            isOut
              ? 'Output neuron: show its map'
              : `Neuron ${i + 1} of hidden layer ${c}: show its map in the big heatmap`,
          );
          node.dataset.layer = String(c - 1);
          node.dataset.node = String(i);
          const isTouch = bindPreview(node, n.grid, -1);
          node.addEventListener('click', () => {
            if (!isTouch()) return;
            if (pinned === n.grid) {
              pinned = null;
              actions.preview(null);
              node.classList.remove('pinned');
              closeList();
            } else {
              for (const x of nodes) x.el.classList.remove('pinned');
              pinned = n.grid;
              node.classList.add('pinned');
              actions.preview({ grid: n.grid });
              openList(c - 1, i, n.x, n.y, body);
            }
          });
          node.addEventListener('keydown', groupKeys);
          // The group's order: the neuron, its bias, its incoming links.
          items.push({ kind: 'node', el: node });
          const b = biasEls.find((x) => x.target.layer === c - 1 && x.target.node === i);
          if (b) {
            items.push({ kind: 'bias', el: b.rect });
            b.rect.addEventListener('keydown', groupKeys);
          }
          while (
            nextLink < layout.links.length &&
            layout.links[nextLink].layer === c - 1 &&
            layout.links[nextLink].node === i
          )
            items.push({ kind: 'link', i: nextLink++ });
        }
        body.append(node);
        nodes.push({ grid: n.grid, heatmap, el: node });
      });
    });
    hiddenNodes = nodes.filter((n) => n.grid >= 0);
    thumbCursor = 0;
    thumbsDue = hiddenNodes.length;
    buildFocus(body);
    diagram.append(controls, layerOptions, body);
    pinned = null;
  }

  // Under each hidden layer's +/- buttons: its activation menu (the top menu sets them all)
  // and its dropout rate (a rate from a link that the menu does not offer is added to it).
  function buildLayerOptions(config) {
    const row = el('div', { className: 'layer-options-row' });
    const names = layerActivations(config);
    const rates = layerDropouts(config);
    if (shape.length > 0) {
      // The rows' names, left of the input column (the features' labels' place).
      const captions = el(
        'div',
        { className: 'layer-options-captions', attrs: { 'aria-hidden': 'true' } },
        el('div', { className: 'ui-activation', text: 'activation' }),
        el('div', { className: 'ui-dropout', text: 'dropout' }),
      );
      captions.style.width = `${layout.columns[0].x + NODE_SIZE}px`;
      row.append(captions);
    }
    shape.forEach((_, l) => {
      const menu = el(
        'select',
        {
          className: 'layer-activation',
          title: `Activation of hidden layer ${l + 1}`,
          attrs: { 'aria-label': `Activation of hidden layer ${l + 1}`, 'data-layer': l },
          on: { change: () => actions.changeConfig(layerActivationPatch(config, l, menu.value)) },
        },
        ...ACTIVATIONS.map((a) => el('option', { value: a, text: ACTIVATION_TITLES[a] })),
      );
      menu.value = names[l];
      const offered = DROPOUT_RATES.includes(rates[l])
        ? DROPOUT_RATES
        : [...DROPOUT_RATES, rates[l]];
      const dropout = el(
        'select',
        {
          className: 'layer-dropout',
          title: `Dropout of hidden layer ${l + 1} while training`,
          attrs: { 'aria-label': `Dropout rate of hidden layer ${l + 1}`, 'data-layer': l },
          on: {
            change: () =>
              actions.changeTraining(layerDropoutChange(config, l, Number(dropout.value))),
          },
        },
        ...offered.map((r) => el('option', { value: String(r), text: `${plainNumber(r * 100)}%` })),
      );
      dropout.value = String(rates[l]);
      const box = el(
        'div',
        { className: 'layer-options' },
        el('div', { className: 'ui-activation' }, menu),
        el('div', { className: 'ui-dropout' }, dropout),
      );
      box.style.left = `${layout.columns[l + 1].x + NODE_SIZE / 2}px`;
      row.append(box);
    });
    return row;
  }

  function bindCard(target, info, x, y) {
    let touch = false;
    target.addEventListener('pointerdown', (e) => {
      touch = e.pointerType !== 'mouse';
    });
    const at = (e) => diagramPoint(e, target.ownerSVGElement);
    target.addEventListener('pointerenter', (e) => {
      if (e.pointerType !== 'mouse') return;
      showCard(info, ...at(e), false);
    });
    target.addEventListener('pointerleave', (e) => {
      if (e.pointerType === 'mouse') card.hide();
    });
    target.addEventListener('focus', () => showCard(info, x, y, false));
    target.addEventListener('blur', () => card.hide());
    target.addEventListener('click', (e) => {
      const [px, py] = touch || e.detail === 0 ? [x, y] : at(e);
      showCard(info, px, py, true);
    });
    target.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        showCard(info, x, y, true);
      }
    });
  }

  function styleLinks(view) {
    params = view.params;
    built.dead = view.dead;
    if (links.update(params, view.dead, view.playing) && !view.playing) actions.refresh();
    for (const b of biasEls) {
      const colour = linkColour(params[b.k]);
      if (colour !== b.lastC) {
        b.rect.setAttribute('fill', colour);
        b.lastC = colour;
      }
    }
    if (card && card.target) {
      if (card.target.kind === 'weight') card.target.dead = view.dead[card.target.k] === 1;
      card.update(params[card.target.k]);
    }
    refreshList();
  }

  /** Redraws the neurons' thumbnails from the maps, at most THUMBS_PER_FRAME a frame. */
  function drawThumbnails(view) {
    const { grid, page } = view;
    if (grid.changed) thumbsDue = hiddenNodes.length;
    if (!grid.nodes || thumbsDue <= 0 || hiddenNodes.length === 0) return;
    const r = grid.resolution;
    let k = Math.min(thumbsDue, THUMBS_PER_FRAME);
    thumbsDue -= k;
    for (; k > 0; k--) {
      const n = hiddenNodes[thumbCursor];
      thumbCursor = (thumbCursor + 1) % hiddenNodes.length;
      if ((n.grid + 1) * r * r > grid.nodes.length) continue;
      n.heatmap.draw(blockAverage(grid.nodes, n.grid, r, B, scratch), {
        discretize: page.discretize,
      });
    }
    if (thumbsDue > 0 && !view.playing) actions.refresh(); // the rest in the next frames
  }

  return {
    update(view) {
      const { config, page } = view;
      if (!measured) measured = scroller.clientWidth;
      const width = Math.max(240, measured || 0);
      const key = JSON.stringify([
        view.sizes,
        config.networkShape,
        layerActivations(config),
        layerDropouts(config),
        FEATURES.map((f) => config[f.key]),
        page.hidden,
        width,
        page.discretize,
        page.embed,
      ]);
      if (!built || built.key !== key) {
        if (card && card.editing) return; // do not pull the editor away mid-edit
        build(view, width);
        built.key = key;
        const n = shape.length;
        layersLabel.textContent = `${n} hidden layer${n === 1 ? '' : 's'}`;
        addLayer.disabled = n >= UI_MAX_LAYERS;
        removeLayer.disabled = n <= 0;
        thumbsDue = hiddenNodes.length;
      }
      drawThumbnails(view);
      styleLinks(view);
    },
  };
}
