// The embed view (`embed=true` in the hash; docs/EMBEDDING.md): for an iframe in a slide deck,
// only the play controls with the epoch and the two losses, the network diagram and the
// heatmap, scaled to the frame from 400 x 300 to 1920 x 1080 without scrollbars.
//
// web/embed/embed.css does the layout (a grid on <body> under html.embed; the heatmap a square
// as large as fits). This view switches the class with the page state, and fits the network
// diagram into what is left: the diagram is laid out in its own px (web/render/network.js) and
// scaled as a whole (CSS transform), as large as the pane allows, so that a 400 x 300 frame
// still shows every neuron and a 1920 x 1080 one does not show a small diagram in a big space.
// index.html sets the class before the page's scripts run, so a frame never flashes the page.

import { layoutNetwork } from '../render/network.js';
import { LABEL_WIDTH } from '../ui/network-view.js';

export const EMBED_CLASS = 'embed';
export const MAX_DIAGRAM_SCALE = 2.6; // larger, a node's 10 x 10 thumbnail turns to blocks
export const LABELS_MIN_SCALE = 0.62; // smaller, the features' 13 px labels fall under 8 px
const MIN_DIAGRAM_WIDTH = 240; // web/ui/network-view.js never lays out narrower

/** The diagram's unscaled size for layer sizes [inputs, ...hidden, 1] in the embed view (the
 *  features in use only): {width: the narrowest layout, height}. */
export function diagramSize(sizes) {
  const inputs = Array.from({ length: sizes[0] || 0 }, () => ({ active: true }));
  const layout = layoutNetwork({ inputs, hidden: sizes.slice(1, -1), width: 0, left: LABEL_WIDTH });
  return { width: Math.max(MIN_DIAGRAM_WIDTH, layout.width), height: layout.height };
}

/**
 * Fits a diagram of natural size {width (narrowest), height} into a pane: the scale (at most
 * maxScale), the width to lay the diagram out at (it then fills the pane's width once scaled),
 * the offset {x, y} (centred vertically) and whether the features' labels show. When the
 * labels would be too small to read they go, and so does the room kept for them at the left
 * (labelWidth px of the layout, but for a 4 px margin), which the diagram then grows into.
 * null when there is nothing to fit.
 */
export function fitDiagram({
  paneWidth,
  paneHeight,
  width,
  height,
  labelWidth = LABEL_WIDTH,
  maxScale = MAX_DIAGRAM_SCALE,
}) {
  if (!(paneWidth > 0 && paneHeight > 0 && width > 0 && height > 0)) return null;
  const scaleFor = (w) => Math.min(paneHeight / height, paneWidth / w, maxScale);
  let scale = scaleFor(width);
  let crop = 0;
  if (scale < LABELS_MIN_SCALE && labelWidth > 4 && width > labelWidth) {
    crop = labelWidth - 4;
    scale = scaleFor(width - crop);
  }
  return {
    scale,
    layoutWidth: paneWidth / scale + crop,
    x: -crop * scale,
    y: Math.max(0, (paneHeight - height * scale) / 2),
    labels: crop === 0,
  };
}

/**
 * root: <html>; els: {pane: the network column, scroller: its .network-scroll (made by the
 * network view), heatmap: the .heatmap-frame}; redraw(): redraws the heatmap and its points
 * (their canvas is sized when drawn, so a new frame size needs a redraw).
 * Returns {update(view)}.
 */
export function mountEmbedView(root, els, redraw) {
  let on = false;
  let natural = null; // diagramSize of the shown sizes
  let sizesKey = '';
  let pane = { width: 0, height: 0 };
  let applied = '';

  function fit() {
    const scroller = els.pane.querySelector('.network-scroll');
    if (!scroller) return;
    const f =
      on && natural
        ? fitDiagram({ paneWidth: pane.width, paneHeight: pane.height, ...natural })
        : null;
    const key = f ? [f.layoutWidth, f.scale, f.x, f.y].map((v) => v.toFixed(3)).join('|') : '';
    if (key === applied) return;
    applied = key;
    scroller.style.width = f ? `${f.layoutWidth}px` : '';
    scroller.style.transform = f ? `translate(${f.x}px, ${f.y}px) scale(${f.scale})` : '';
    els.pane.classList.toggle('embed-no-labels', Boolean(f) && !f.labels);
  }

  new ResizeObserver((entries) => {
    const r = entries[0].contentRect;
    pane = { width: r.width, height: r.height };
    fit();
  }).observe(els.pane);
  let heatmapSize = 0;
  new ResizeObserver((entries) => {
    const w = Math.round(entries[0].contentRect.width);
    if (heatmapSize && w !== heatmapSize) redraw();
    heatmapSize = w;
  }).observe(els.heatmap);

  return {
    update(view) {
      const embed = Boolean(view.page.embed);
      if (embed !== on) {
        on = embed;
        root.classList.toggle(EMBED_CLASS, on);
      }
      const key = view.sizes.join(',');
      if (key !== sizesKey) {
        sizesKey = key;
        natural = view.sizes.length >= 2 ? diagramSize(view.sizes) : null;
      }
      fit();
    },
  };
}
