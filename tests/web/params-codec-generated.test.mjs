// Generated-input tests of the `params` link key's codec (web/params-codec.js), from a seeded
// stream (tests/web/generated-input.mjs): random networks round-trip bit for bit; random and
// mutated codes either decode to a network that is whole and within the codec's limits or
// are refused with an Error that says why, never anything else; and what decodes, encodes to
// a code that decodes to the same network.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeParams, decodeParams, PARAMS_VERSION } from '../../web/params-codec.js';
import { paramCount } from '../../web/params-layout.js';
import { GEN_SEED, randomStream, mutate } from './generated-input.mjs';

const CASES = 2000;

// Doubles a network may hold: ordinary, tiny, huge, subnormal, signed zeros.
function randomDouble(rnd) {
  return rnd.pick([
    () => rnd.next() - 0.5,
    () => (rnd.next() - 0.5) * 10 ** (rnd.int(600) - 300),
    () => rnd.pick([0, -0, 5e-324, -5e-324, Number.MAX_VALUE, -Number.MIN_VALUE, 1 / 3]),
  ])();
}

function randomNetwork(rnd) {
  const sizes = Array.from(
    { length: 2 + rnd.int(4) },
    () => 1 + rnd.int(rnd.chance(0.1) ? 255 : 8),
  );
  // Keep a case small: a wide layer goes with few layers.
  while (paramCount(sizes) > 20000) sizes.pop();
  if (sizes.length < 2) sizes.push(1);
  const p = paramCount(sizes);
  const params = Float64Array.from({ length: p }, () => randomDouble(rnd));
  const dead = Uint8Array.from({ length: p }, () => (rnd.chance(0.1) ? 1 : 0));
  const epoch = rnd.pick([0, 1 + rnd.int(1000), 2 ** 52, rnd.int(2 ** 30) * 4096]);
  return { sizes, params, dead, epoch };
}

// A decoded network is whole and within the codec's limits.
function checkDecoded(net, where) {
  assert.ok(Array.isArray(net.sizes) && net.sizes.length >= 2, `${where}: layers`);
  assert.ok(
    net.sizes.every((s) => Number.isInteger(s) && s >= 1 && s <= 255),
    `${where}: sizes`,
  );
  const p = paramCount(net.sizes);
  assert.ok(net.params instanceof Float64Array && net.params.length === p, `${where}: params`);
  assert.ok(net.params.every(Number.isFinite), `${where}: a value not finite`);
  assert.ok(net.dead instanceof Uint8Array && net.dead.length === p, `${where}: dead`);
  assert.ok(
    net.dead.every((d) => d === 0 || d === 1),
    `${where}: dead flags`,
  );
  assert.ok(
    Number.isInteger(net.epoch) && net.epoch >= 0 && net.epoch <= 2 ** 52,
    `${where}: epoch`,
  );
}

const same = (a, b) =>
  a.sizes.join() === b.sizes.join() &&
  a.epoch === b.epoch &&
  a.params.length === b.params.length &&
  a.params.every((v, k) => Object.is(v, b.params[k])) &&
  a.dead.every((v, k) => v === b.dead[k]);

test(`random networks encode and decode bit for bit (seed ${GEN_SEED})`, () => {
  const rnd = randomStream(GEN_SEED + 10);
  for (let i = 0; i < 300; i++) {
    const net = randomNetwork(rnd);
    const code = encodeParams(net);
    assert.match(code, /^[A-Za-z0-9_-]+$/, `case ${i}: not base64url`);
    const back = decodeParams(code);
    checkDecoded(back, `case ${i}`);
    assert.ok(same(back, net), `case ${i}: the round trip changed the network`);
  }
});

function checkCode(code, where) {
  let net;
  try {
    net = decodeParams(code);
  } catch (e) {
    assert.ok(e instanceof Error, `${where}: threw a non-Error ${e}`);
    assert.ok(typeof e.message === 'string' && e.message.length > 0, `${where}: no reason`);
    return false;
  }
  checkDecoded(net, where);
  const again = decodeParams(encodeParams(net));
  assert.ok(same(again, net), `${where}: decode(encode(decode(x))) differs`);
  return true;
}

test(`mutated codes decode whole or are refused with a reason (seed ${GEN_SEED})`, () => {
  const rnd = randomStream(GEN_SEED + 11);
  const valid = Array.from({ length: 40 }, () => {
    const net = randomNetwork(rnd);
    while (paramCount(net.sizes) > 200) net.sizes[rnd.int(net.sizes.length)] = 1;
    const p = paramCount(net.sizes);
    return encodeParams({ ...net, params: net.params.slice(0, p), dead: net.dead.slice(0, p) });
  });
  let decoded = 0;
  for (let i = 0; i < CASES; i++) {
    let code = rnd.pick(valid);
    for (let m = 1 + rnd.int(3); m > 0; m--) code = mutate(rnd, code);
    if (checkCode(code, `case ${i}`)) decoded++;
  }
  // Some mutations (a changed weight's bits) still decode: the check above saw both sides.
  assert.ok(decoded > 0 && decoded < CASES, `${decoded} of ${CASES} decoded`);
});

test(`random bytes as codes: the same (seed ${GEN_SEED})`, () => {
  const rnd = randomStream(GEN_SEED + 12);
  for (let i = 0; i < CASES; i++) {
    const n = rnd.int(64);
    const bytes = Uint8Array.from({ length: n }, () => rnd.int(256));
    if (n > 0 && rnd.chance(0.7)) bytes[0] = PARAMS_VERSION;
    if (n > 1 && rnd.chance(0.7)) bytes[1] = rnd.int(6);
    const code = Buffer.from(bytes).toString('base64url');
    checkCode(
      rnd.chance(0.1) ? `${code}${rnd.pick(['=', '+', '/', '.', ' ', '%'])}` : code,
      `case ${i}`,
    );
  }
});
