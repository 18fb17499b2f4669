// The reference's colour scale: 31 quantised shades over [-1, 1], orange #f59322 at -1,
// grey #e8eaeb at 0, blue #0877bd at +1 (interpolated per channel and rounded, as d3 does).
// Pure: no DOM. Used by the heatmap, the points and (issue 3) links, thumbnails, legend.

export const NUM_SHADES = 30; // 31 colours: shades 0..30
export const HEATMAP_ALPHA = 160;
const ORANGE = [0xf5, 0x93, 0x22];
const GREY = [0xe8, 0xea, 0xeb];
const BLUE = [0x08, 0x77, 0xbd];
/** Index of the grey shade, used for values that are not finite. */
export const GREY_INDEX = NUM_SHADES / 2;

function mix(a, b, t) {
  return [0, 1, 2].map((c) => Math.round(a[c] + (b[c] - a[c]) * t));
}

/** Flat [r, g, b, r, g, b, ...] for the 31 shades, orange first. */
export const SHADES = (() => {
  const out = new Uint8Array((NUM_SHADES + 1) * 3);
  for (let i = 0; i <= NUM_SHADES; i++) {
    const a = i / NUM_SHADES; // position in [0, 1]
    const rgb = a < 0.5 ? mix(ORANGE, GREY, a / 0.5) : mix(GREY, BLUE, (a - 0.5) / 0.5);
    out.set(rgb, i * 3);
  }
  return out;
})();

/** The shade index for a value (quantize over [-1, 1], clamped; non-finite -> grey). */
export function shadeIndex(v) {
  if (!Number.isFinite(v)) return GREY_INDEX;
  const i = Math.floor(((v + 1) * (NUM_SHADES + 1)) / 2);
  return i < 0 ? 0 : i > NUM_SHADES ? NUM_SHADES : i;
}

/** [r, g, b] of a value's shade. */
export function shadeRgb(v) {
  const i = shadeIndex(v) * 3;
  return [SHADES[i], SHADES[i + 1], SHADES[i + 2]];
}

/** A CSS colour string ("#rrggbb") of a value's shade. */
export function shadeCss(v) {
  return '#' + shadeRgb(v).map((c) => c.toString(16).padStart(2, '0')).join('');
}

const hex2 = (c) => c.toString(16).padStart(2, '0');

/** The continuous (not quantised) colour of a value clamped to [-1, 1], as the reference
 *  colours links and bias squares; non-finite values are grey. "#rrggbb". */
export function continuousCss(v) {
  if (!Number.isFinite(v)) return '#' + GREY.map(hex2).join('');
  const t = v < -1 ? -1 : v > 1 ? 1 : v;
  const rgb = t < 0 ? mix(GREY, ORANGE, -t) : mix(GREY, BLUE, t);
  return '#' + rgb.map(hex2).join('');
}
