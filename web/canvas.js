// One canvas sizing for the device pixel ratio: the backing store is the CSS size times the
// ratio (sharp on high-density screens), resized only when that changes (a resize clears
// and reallocates), and the context is scaled so that drawing code works in CSS pixels.

/** Backing pixels per CSS pixel on this screen (1 in node tests). */
export function pixelRatio() {
  return globalThis.devicePixelRatio || 1;
}

/** Sizes `canvas` for cssWidth x cssHeight CSS pixels, clears it, and returns
 *  {ctx, scale, width, height}: ctx is transformed to CSS pixels, width/height are the
 *  backing store's pixels. */
export function fitCanvas(canvas, cssWidth, cssHeight = cssWidth, scale = pixelRatio()) {
  const width = Math.max(1, Math.round(cssWidth * scale));
  const height = Math.max(1, Math.round(cssHeight * scale));
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  const ctx = canvas.getContext('2d');
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  return { ctx, scale, width, height };
}
