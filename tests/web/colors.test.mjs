// Unit tests of web/render/colors.js and web/render/heatmap.js's pixel fill: the reference's
// 31-shade scale, its end points and middle, quantisation, non-finite values, discretize.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SHADES, NUM_SHADES, shadeIndex, shadeRgb, shadeCss, GREY_INDEX } from '../../web/render/colors.js';
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
  assert.deepEqual([r, g, b], [0xf5, 0x93, 0x22].map((c, i) => Math.round(c + ([0xe8, 0xea, 0xeb][i] - c) / 3)));
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
