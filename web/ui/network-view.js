// The network diagram: the input features (toggles with their own thumbnails), the hidden
// layers (+/- layers, +/- neurons per layer), the output node, curved links whose width and
// colour follow the weights with a dash that flows while training, bias squares, a hover card
// that edits a weight or bias. Hovering (or focusing, or tapping) a node shows its map in the
// big heatmap. Geometry from web/render/network.js; thumbnails through reused ImageData.

import { FEATURES } from '../options.js';
import { UI_MAX_LAYERS, UI_MAX_NEURONS } from '../limits.js';
import {
  layoutNetwork,
  linkWidth,
  linkColour,
  blockAverage,
  NODE_SIZE,
  BIAS_SIZE,
} from '../render/network.js';
import { createHeatmap } from '../render/heatmap.js';
import { layerOffsets, weightIndex, biasIndex } from '../params-layout.js';
import { createHoverCard } from './hover-card.js';
import { el, svgEl } from '../dom.js';
import { PALETTE } from '../render/palette.js';

const R = 100;
const B = 10;
export const LABEL_WIDTH = 64; // px left of the input column for the features' labels

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
 *  thumbnails; actions: {changeConfig(patch), preview(p), setWeight, setBias, refresh()}. */
export function mountNetworkView(root, featureMaps, actions) {
  const layersLabel = el('span', { className: 'layers-label' });
  let shape = [];
  const addLayer = iconButton('+', 'Add a hidden layer', () =>
    actions.changeConfig({ networkShape: [...shape, 2] }),
  );
  const removeLayer = iconButton('−', 'Remove the last hidden layer', () =>
    actions.changeConfig({ networkShape: shape.slice(0, -1) }),
  );
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
    ),
  );
  const hint = el('p', {
    className: 'features-hint',
    text: 'Which properties do you want to feed in? Click one to switch it on or off.',
  });
  const diagram = el('div', { className: 'network-diagram' });
  const scroller = el('div', { className: 'network-scroll' }, diagram);
  root.replaceChildren(head, hint, scroller);
  root.hidden = false;

  const staticThumb = new Float32Array(B * B);
  const scratch = new Float32Array(B * B);
  let built = null; // what the current DOM was built from
  let layout = null;
  let nodes = []; // [{grid, heatmap, el}]
  let linkEls = []; // [{path, hit, k, lastW, lastC, lastDead}]
  let biasEls = []; // [{rect, k, lastC}]
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
    built = { key: null, config, flowing: false };
    diagram.replaceChildren();
    diagram.style.width = `${layout.width}px`;

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

    const linkGroup = svgEl('g', { className: 'links' });
    const hitGroup = svgEl('g', { className: 'link-hits' });
    const biasGroup = svgEl('g', { className: 'biases' });
    const svg = svgEl(
      'svg',
      {
        className: 'network-links',
        attrs: { width: layout.width, height: layout.height, 'aria-hidden': 'false' },
      },
      linkGroup,
      hitGroup,
      biasGroup,
    );
    const body = el('div', { className: 'network-body' }, svg);
    body.style.height = `${layout.height}px`;
    card = createHoverCard(body, (target, v) => {
      if (target.kind === 'bias') actions.setBias(target.layer, target.node, v);
      else actions.setWeight(target.layer, target.node, target.source, v);
    });

    linkEls = layout.links.map((ln) => {
      const name = `weight from ${sourceName(ln.layer, ln.source)} to ${destName(ln.layer, ln.node)}`;
      const path = svgEl('path', { className: 'link', attrs: { d: ln.d } });
      const hit = svgEl('path', {
        className: 'link-hit',
        attrs: { d: ln.d, tabindex: '0', role: 'button', 'aria-label': `Edit the ${name}` },
      });
      const target = {
        kind: 'weight',
        layer: ln.layer,
        node: ln.node,
        source: ln.source,
        name,
        k: weightIndex(sizes, offsets, ln.layer, ln.node, ln.source),
      };
      const mx = (ln.sx + ln.tx) / 2;
      const my = (ln.sy + ln.ty) / 2;
      bindCard(hit, target, mx, my);
      linkGroup.append(path);
      hitGroup.append(hit);
      return { path, k: target.k, target, lastW: null, lastC: null, lastDead: null };
    });
    biasEls = layout.biases.map((b) => {
      const name = `bias of ${destName(b.layer, b.node)}`;
      const rect = svgEl('rect', {
        className: 'bias',
        attrs: {
          x: b.x,
          y: b.y,
          width: BIAS_SIZE,
          height: BIAS_SIZE,
          tabindex: '0',
          role: 'button',
          'aria-label': `Edit the ${name}`,
        },
      });
      const target = {
        kind: 'bias',
        layer: b.layer,
        node: b.node,
        name,
        k: biasIndex(sizes, offsets, b.layer, b.node),
      };
      bindCard(rect, target, b.x, b.y + BIAS_SIZE);
      biasGroup.append(rect);
      return { rect, k: target.k, lastC: null };
    });

    nodes = [];
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
          node.tabIndex = 0;
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
            } else {
              for (const x of nodes) x.el.classList.remove('pinned');
              pinned = n.grid;
              node.classList.add('pinned');
              actions.preview({ grid: n.grid });
            }
          });
        }
        body.append(node);
        nodes.push({ grid: n.grid, heatmap, el: node });
      });
    });
    diagram.append(controls, body);
    built.svg = svg;
    pinned = null;
  }

  function bindCard(target, info, x, y) {
    let touch = false;
    target.addEventListener('pointerdown', (e) => {
      touch = e.pointerType !== 'mouse';
    });
    // Pointer positions in the diagram's own px (the embed view scales the diagram).
    const at = (e) => {
      const svg = target.ownerSVGElement;
      const r = svg.getBoundingClientRect();
      const k = r.width > 0 ? Number(svg.getAttribute('width')) / r.width : 1;
      return [(e.clientX - r.left) * k, (e.clientY - r.top) * k];
    };
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
    const dead = view.dead;
    for (const L of linkEls) {
      const w = params[L.k];
      const isDead = dead[L.k] === 1;
      const width = isDead ? 1 : Math.round(linkWidth(w) * 10) / 10;
      const colour = isDead ? PALETTE.deadLink : linkColour(w);
      if (width !== L.lastW) {
        L.path.setAttribute('stroke-width', String(width));
        L.lastW = width;
      }
      if (colour !== L.lastC) {
        L.path.setAttribute('stroke', colour);
        L.lastC = colour;
      }
      if (isDead !== L.lastDead) {
        L.path.classList.toggle('dead', isDead);
        L.target.dead = isDead;
        L.lastDead = isDead;
      }
    }
    for (const b of biasEls) {
      const colour = linkColour(params[b.k]);
      if (colour !== b.lastC) {
        b.rect.setAttribute('fill', colour);
        b.lastC = colour;
      }
    }
    if (card && card.target) card.update(params[card.target.k]);
  }

  return {
    update(view) {
      const { config, page } = view;
      if (!measured) measured = scroller.clientWidth;
      const width = Math.max(240, measured || 0);
      const key = JSON.stringify([
        view.sizes,
        config.networkShape,
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
        view.grid.changed = true;
      }
      // The dashes flow by a CSS animation (web/style.css) that runs while playing: a class
      // toggled at play and pause, not a style written every frame (that invalidated the
      // whole diagram's style each frame and left garbage in the renderer).
      if (built.flowing !== view.playing) {
        built.svg.classList.toggle('flowing', view.playing);
        built.flowing = view.playing;
      }
      if (view.grid.changed && view.grid.nodes) {
        for (const n of nodes) {
          if (n.grid < 0) continue;
          n.heatmap.draw(blockAverage(view.grid.nodes, n.grid, R, B, scratch), {
            discretize: page.discretize,
          });
        }
      }
      styleLinks(view);
    },
  };
}
