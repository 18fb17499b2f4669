// Unit tests of web/params-codec.js and web/params-layout.js: the `params` link key round-trips
// every double exactly with the dead flags and the epoch; bad codes fail with a reason; the
// flat layout and the engine's nested form agree with docs/BINDING.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeParams, decodeParams } from '../../web/params-codec.js';
import {
  paramCount,
  layerOffsets,
  weightIndex,
  biasIndex,
  toNestedParams,
} from '../../web/params-layout.js';

const SIZES = [2, 4, 2, 1];

function sample(sizes) {
  const p = paramCount(sizes);
  const params = Float64Array.from(
    { length: p },
    (_, k) => Math.sin(k + 1) / 3 + (k % 5 === 0 ? 1e-17 : 0),
  );
  const dead = new Uint8Array(p);
  dead[1] = 1;
  dead[5] = 1;
  return { params, dead };
}

test('layout: counts, offsets and indices follow docs/BINDING.md', () => {
  assert.equal(paramCount(SIZES), 2 * 4 + 4 + 4 * 2 + 2 + 2 + 1);
  assert.deepEqual(layerOffsets(SIZES), [0, 12, 22]);
  const off = layerOffsets(SIZES);
  assert.equal(weightIndex(SIZES, off, 0, 1, 1), 3);
  assert.equal(biasIndex(SIZES, off, 0, 0), 8);
  assert.equal(weightIndex(SIZES, off, 1, 1, 3), 12 + 7);
  assert.equal(biasIndex(SIZES, off, 2, 0), 22 + 2);
  assert.equal(paramCount([3, 1]), 4);
});

test('nested form: one list per layer of {bias, w, dead}', () => {
  const { params, dead } = sample(SIZES);
  const nested = toNestedParams(SIZES, params, dead);
  assert.equal(nested.length, 3);
  assert.deepEqual(
    nested.map((l) => l.length),
    [4, 2, 1],
  );
  assert.deepEqual(nested[0][0], { bias: params[8], w: [params[0], params[1]], dead: [1] });
  assert.deepEqual(nested[0][2], { bias: params[10], w: [params[4], params[5]], dead: [1] });
  assert.equal(nested[0][1].dead, undefined);
  assert.deepEqual(nested[2][0], { bias: params[24], w: [params[22], params[23]] });
});

test('encode/decode round-trips exactly, with dead flags and the epoch', () => {
  const { params, dead } = sample(SIZES);
  params[3] = -0.1 + 0.2 - 0.1; // a double with a long expansion
  const code = encodeParams({ sizes: SIZES, params, dead, epoch: 123456 });
  assert.match(code, /^[A-Za-z0-9_-]+$/);
  const back = decodeParams(code);
  assert.deepEqual(back.sizes, SIZES);
  assert.equal(back.epoch, 123456);
  assert.deepEqual(Array.from(back.params), Array.from(params));
  assert.deepEqual(Array.from(back.dead), Array.from(dead));
  // compact: header + epoch + bitset + 8 bytes per value, in base64
  assert.ok(code.length <= Math.ceil(((6 + 8 + 4 + 8 * 25) * 4) / 3) + 1, `length ${code.length}`);
});

test('a large network encodes (64-wide layers)', () => {
  const sizes = [7, 64, 64, 1];
  const { params, dead } = sample(sizes);
  const back = decodeParams(encodeParams({ sizes, params, dead, epoch: 0 }));
  assert.equal(back.params.length, paramCount(sizes));
  assert.equal(back.params[4000], params[4000]);
});

test('bad codes fail with a reason', () => {
  const { params } = sample(SIZES);
  const good = encodeParams({ sizes: SIZES, params, epoch: 1 });
  assert.throws(() => decodeParams('abc$'), /base64url/);
  assert.throws(() => decodeParams(''), /too short/);
  assert.throws(() => decodeParams(good.slice(0, -4)), /length/);
  assert.throws(() => decodeParams(good + 'AAAA'), /length/);
  assert.throws(() => decodeParams('Ag' + good.slice(2)), /version/);
  const nan = Float64Array.from(params);
  nan[0] = NaN;
  const bytesWithNaN = (() => {
    const ok = encodeParams({ sizes: SIZES, params, epoch: 1 });
    const raw = Buffer.from(ok, 'base64url');
    const at = 2 + SIZES.length + 8 + Math.ceil(params.length / 8);
    raw.writeDoubleLE(NaN, at);
    return raw.toString('base64url');
  })();
  assert.throws(() => decodeParams(bytesWithNaN), /not finite/);
  assert.throws(() => encodeParams({ sizes: SIZES, params: new Float64Array(3) }), /parameters/);
});
