// The page's one palette: every colour the JS draws with, named, and the reference's colour
// scale built from three of them: 31 quantised shades over [-1, 1], orange #f59322 at -1,
// grey #e8eaeb at 0, blue #0877bd at +1 (interpolated per channel and rounded, as d3 does).
// web/style.css declares the colours it shares as custom properties (CSS_VARIABLES says which);
// tests/web/palette.test.mjs holds the two equal. Pure: no DOM.

/** Named colours, "#rrggbb". */
export const PALETTE = Object.freeze({
  orange: '#f59322', // the scale at -1: the negative class
  grey: '#e8eaeb', // the scale at 0
  blue: '#0877bd', // the scale at +1: the positive class
  teal: '#183d4e', // the banner and the play button
  ink: '#222222', // text
  muted: '#666666', // secondary text
  line: '#dddddd', // rules and frames
  bar: '#f4f4f4', // the top bar
  focus: '#0877bd', // the keyboard focus ring
  deadLink: '#c8c8c8', // a link L1 regularisation set to zero
  trainLoss: '#777777', // the loss chart's training line (the reference's grey)
  testLoss: '#000000', // the loss chart's test line
  chartBackdrop: '#ffffff', // behind a chart's range labels (drawn at 80% opacity)
  trainPointEdge: '#ffffff', // the outline of a training point
  testPointEdge: '#000000', // the outline of a test point
  drawingInk: '#ffffff', // the images mode's pad: white ink on black, as MNIST's digits are
  drawingPaper: '#000000',
  pictureBackdrop: '#ffffff', // behind a picture shown on the pad
  chartFrame: '#cccccc', // the images mode's chart frame
});

/** The palette's colours web/style.css declares on :root, as {customProperty: paletteName}. */
export const CSS_VARIABLES = Object.freeze({
  '--orange': 'orange',
  '--grey': 'grey',
  '--blue': 'blue',
  '--teal': 'teal',
  '--ink': 'ink',
  '--muted': 'muted',
  '--line': 'line',
  '--bar': 'bar',
  '--focus': 'focus',
});

/** A "#rrggbb" colour at opacity alpha in [0, 1], as CSS rgba(). */
export function withAlpha(hex, alpha) {
  const [r, g, b] = hexRgb(hex);
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** [r, g, b] of a "#rrggbb" colour. */
export function hexRgb(hex) {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

// The reference's scale.
export const NUM_SHADES = 30; // 31 colours: shades 0..30
export const HEATMAP_ALPHA = 160;
const ORANGE = hexRgb(PALETTE.orange);
const GREY = hexRgb(PALETTE.grey);
const BLUE = hexRgb(PALETTE.blue);
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
  return (
    '#' +
    shadeRgb(v)
      .map((c) => c.toString(16).padStart(2, '0'))
      .join('')
  );
}

const hex2 = (c) => c.toString(16).padStart(2, '0');

/** The continuous (not quantised) colour of a value clamped to [-1, 1], as the reference
 *  colours links and bias squares; non-finite values are grey. "#rrggbb". */
export function continuousCss(v) {
  if (!Number.isFinite(v)) return PALETTE.grey;
  const t = v < -1 ? -1 : v > 1 ? 1 : v;
  const rgb = t < 0 ? mix(GREY, ORANGE, -t) : mix(GREY, BLUE, t);
  return '#' + rgb.map(hex2).join('');
}
