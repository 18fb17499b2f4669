// Draws an R x R grid of values (image order: row 0 is y = +6, column 0 is x = -6) into a
// canvas in the reference's colour scale, alpha 160/255, through one reused ImageData.
// The canvas holds R x R pixels; CSS scales it to its display size.

import { SHADES, HEATMAP_ALPHA, shadeIndex } from './palette.js';

/** Fills RGBA pixels (length 4·values.length) from values; discretize maps >= 0 to +1, else
 *  -1 (non-finite values stay grey either way). Pure, so node tests can call it. */
export function fillPixels(pixels, values, discretize = false) {
  const n = values.length;
  for (let k = 0, p = 0; k < n; k++, p += 4) {
    let v = values[k];
    if (discretize && Number.isFinite(v)) v = v >= 0 ? 1 : -1;
    const s = shadeIndex(v) * 3;
    pixels[p] = SHADES[s];
    pixels[p + 1] = SHADES[s + 1];
    pixels[p + 2] = SHADES[s + 2];
    pixels[p + 3] = HEATMAP_ALPHA;
  }
  return pixels;
}

/** A heatmap bound to one canvas: draw(values, {discretize}) with values of length R·R.
 *  The ImageData is made once per resolution and reused on every frame. */
export function createHeatmap(canvas) {
  const ctx = canvas.getContext('2d');
  let image = null;
  return {
    draw(values, { discretize = false } = {}) {
      const r = Math.round(Math.sqrt(values.length));
      if (r * r !== values.length) throw new Error('heatmap: values are not a square grid');
      if (!image || image.width !== r) {
        canvas.width = r;
        canvas.height = r;
        image = ctx.createImageData(r, r);
      }
      fillPixels(image.data, values, discretize);
      ctx.putImageData(image, 0, 0);
    },
  };
}
