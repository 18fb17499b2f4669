// Unit tests of web/render/palette.js and web/render/heatmap.js's pixel fill: the reference's
// 31-shade scale, its end points and middle, quantisation, non-finite values, discretize; and
// the palette as the one source of colours: web/style.css's custom properties equal it, the
// stylesheets use those properties rather than the palette's values, and no script of the page
// writes a colour of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  SHADES,
  NUM_SHADES,
  shadeIndex,
  shadeRgb,
  shadeCss,
  GREY_INDEX,
  PALETTE,
  CSS_VARIABLES,
  hexRgb,
} from '../../web/render/palette.js';
import { fillPixels } from '../../web/render/heatmap.js';

test('31 shades: orange at -1, grey at 0, blue at +1', () => {
  assert.equal(SHADES.length, 31 * 3);
  assert.equal(NUM_SHADES, 30);
  assert.equal(shadeCss(-1), '#f59322');
  assert.equal(shadeCss(0), '#e8eaeb');
  assert.equal(shadeCss(1), '#0877bd');
  const distinct = new Set(Array.from({ length: 31 }, (_, i) => shadeCss(-1 + (2 * i + 1) / 31)));
  assert.equal(distinct.size, 31);
});

test('values are quantised over [-1, 1] into 31 bins and clamped', () => {
  assert.equal(shadeIndex(-1), 0);
  assert.equal(shadeIndex(-5), 0);
  assert.equal(shadeIndex(1), 30);
  assert.equal(shadeIndex(7), 30);
  assert.equal(shadeIndex(0), 15);
  assert.equal(shadeIndex(-1 + 2 / 31 - 1e-12), 0);
  assert.equal(shadeIndex(-1 + 2 / 31 + 1e-12), 1);
  assert.equal(shadeIndex(0.999), 30);
});

test('interpolation is per channel and rounded (between the end points)', () => {
  // shade 5 is orange -> grey at t = (5/30)/0.5 = 1/3
  const [r, g, b] = shadeRgb(-1 + (2 * 5 + 1) / 31);
  assert.deepEqual(
    [r, g, b],
    [0xf5, 0x93, 0x22].map((c, i) => Math.round(c + ([0xe8, 0xea, 0xeb][i] - c) / 3)),
  );
});

test('non-finite values are grey', () => {
  for (const v of [NaN, Infinity, -Infinity, undefined]) assert.equal(shadeIndex(v), GREY_INDEX);
  assert.equal(shadeCss(NaN), '#e8eaeb');
});

test('fillPixels writes the shade and alpha 160, discretize leaves two colours', () => {
  const values = new Float32Array([-1, 0, 1, NaN, 0.2, -0.2]);
  const px = fillPixels(new Uint8ClampedArray(values.length * 4), values);
  assert.deepEqual([...px.slice(0, 4)], [0xf5, 0x93, 0x22, 160]);
  assert.deepEqual([...px.slice(4, 8)], [0xe8, 0xea, 0xeb, 160]);
  assert.deepEqual([...px.slice(8, 12)], [0x08, 0x77, 0xbd, 160]);
  assert.deepEqual([...px.slice(12, 16)], [0xe8, 0xea, 0xeb, 160]);
  const d = fillPixels(new Uint8ClampedArray(values.length * 4), values, true);
  assert.deepEqual([...d.slice(4, 8)], [0x08, 0x77, 0xbd, 160], '0 counts as positive');
  assert.deepEqual([...d.slice(12, 16)], [0xe8, 0xea, 0xeb, 160], 'NaN stays grey');
  assert.deepEqual([...d.slice(16, 20)], [0x08, 0x77, 0xbd, 160]);
  assert.deepEqual([...d.slice(20, 24)], [0xf5, 0x93, 0x22, 160]);
});

const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web');
const read = (rel) => fs.readFileSync(path.join(WEB, rel), 'utf8');
const withoutComments = (text) =>
  text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
/** "#abc" / "#aabbcc" / "rgb(a, b, c)" / "rgba(a, b, c, x)" -> "#aabbcc" (alpha dropped). */
function normalise(colour) {
  const c = colour.trim().toLowerCase();
  const rgb = c.match(/^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)/);
  if (rgb)
    return (
      '#' +
      rgb
        .slice(1, 4)
        .map((v) => Number(v).toString(16).padStart(2, '0'))
        .join('')
    );
  if (/^#[0-9a-f]{3}$/.test(c)) return '#' + [...c.slice(1)].map((d) => d + d).join('');
  return c;
}
const COLOUR = /#[0-9a-fA-F]{3,8}\b|rgba?\([^)]*\)/g;

test('the palette: "#rrggbb" colours, the scale built from its orange, grey and blue', () => {
  for (const [name, hex] of Object.entries(PALETTE)) assert.match(hex, /^#[0-9a-f]{6}$/, name);
  assert.deepEqual(hexRgb(PALETTE.orange), [...SHADES.slice(0, 3)]);
  assert.deepEqual(hexRgb(PALETTE.grey), [...SHADES.slice(GREY_INDEX * 3, GREY_INDEX * 3 + 3)]);
  assert.deepEqual(hexRgb(PALETTE.blue), [...SHADES.slice(NUM_SHADES * 3)]);
});

test("web/style.css declares every shared colour on :root with the palette's value", () => {
  const css = withoutComments(read('style.css'));
  const root = css.match(/:root\s*{([^}]*)}/);
  assert.ok(root, 'style.css has a :root block');
  const declared = Object.fromEntries(
    [...root[1].matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1], m[2]]),
  );
  for (const [property, name] of Object.entries(CSS_VARIABLES)) {
    assert.ok(name in PALETTE, `${property} names palette colour ${name}`);
    assert.ok(property in declared, `style.css declares ${property}`);
    assert.equal(normalise(declared[property]), PALETTE[name], `${property} is PALETTE.${name}`);
  }
});

test('the stylesheets use the custom properties, not copies of their colours', () => {
  const shared = new Map(
    Object.entries(CSS_VARIABLES).map(([property, name]) => [PALETTE[name], property]),
  );
  for (const file of ['style.css', 'embed/embed.css']) {
    const css = withoutComments(read(file)).replace(/:root\s*{[^}]*}/, '');
    for (const literal of css.match(COLOUR) || []) {
      const property = shared.get(normalise(literal));
      assert.equal(
        property,
        undefined,
        `${file}: ${literal} is ${property}; write var(${property})`,
      );
    }
  }
});

// The perceptron lab's renderer still draws with colours of its own (its ring for a wrong row,
// its ink); it is checked once they are in the palette.
const OWN_COLOURS = new Set(['perceptron/render.js']);

test('no script of the page writes a colour literal: they all come from the palette', () => {
  const scripts = fs.readdirSync(WEB, { recursive: true }).filter((f) => f.endsWith('.js'));
  assert.ok(scripts.length > 20, `${scripts.length} scripts`);
  for (const file of scripts) {
    if (file === path.join('render', 'palette.js') || OWN_COLOURS.has(file)) continue;
    const found = withoutComments(read(file)).match(COLOUR);
    assert.equal(found, null, `${file} writes ${found}; name it in web/render/palette.js`);
  }
});
