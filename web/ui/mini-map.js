// The phone's pinned map: a small live copy of the big heatmap and its points in the sticky
// play bar, shown while the big map is scrolled out of view. On a phone the network diagram
// lies below the map, so a tapped neuron's map (shown in the big heatmap) is then also in
// view at the top of the screen, beside the finger. A tap on the copy scrolls to the map.
// web/style.css shows it on narrow screens only; elsewhere it has no size and draws nothing.

import { fitCanvas } from '../canvas.js';

/** els: {button, canvas: the copy; heatmap, points: the big map's canvases; frame: their
 *  .heatmap-frame}. Returns {update()}: copies the map when the copy is shown. */
export function mountMiniMap(els) {
  let offScreen = false; // the big map is mostly out of view
  let size = 0; // the copy's CSS size (0: not displayed)
  new IntersectionObserver(
    (entries) => {
      const e = entries[entries.length - 1];
      offScreen = e.intersectionRatio < 0.6;
      els.button.classList.toggle('shown', offScreen);
      if (offScreen) draw();
    },
    { threshold: [0, 0.6, 1] },
  ).observe(els.frame);
  new ResizeObserver((entries) => {
    size = Math.round(entries[0].contentRect.width);
    draw();
  }).observe(els.canvas);
  els.button.addEventListener('click', () =>
    els.frame.scrollIntoView({ block: 'center', behavior: 'smooth' }),
  );

  function draw() {
    if (!offScreen || !size) return;
    const { ctx } = fitCanvas(els.canvas, size); // cleared, in CSS px
    ctx.drawImage(els.heatmap, 0, 0, size, size);
    if (els.points.width > 1) ctx.drawImage(els.points, 0, 0, size, size);
  }
  // A frame runs when something changed (or while training): the copy follows it.
  return { update: draw };
}
