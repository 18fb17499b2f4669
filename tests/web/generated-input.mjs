// Seeded generators of hostile input for the generated-input tests of the page's parsers
// (tests/web/*-generated.test.mjs): a small deterministic random stream, random strings
// biased towards what breaks parsers (separators, percent signs, non-ASCII, long runs), and
// mutations of valid text. NNPLAY_GEN_SEED=<integer> replays another stream; a failing case's
// message names the seed and the case's index so it can be replayed alone.

/** The stream's seed: NNPLAY_GEN_SEED, or a fixed one so that every run tests the same cases. */
export const GEN_SEED = Number.parseInt(process.env.NNPLAY_GEN_SEED ?? '', 10) || 20240519;

/** A random stream (mulberry32): next() in [0, 1), int(n) in 0..n-1, pick(array), chance(p). */
export function randomStream(seed = GEN_SEED) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { next, int, pick: (xs) => xs[int(xs.length)], chance: (p) => next() < p };
}

// Characters a hash parser must survive: its own separators, percent escapes (valid, cut,
// invalid UTF-8), control characters, markup, non-ASCII (two-, three- and four-byte UTF-8)
// and lone surrogate halves. (One table, kept dense.)
// prettier-ignore
const ATOMS = [
  '&', '=', '#', '%', '%2', '%25', '%26', '%3D', '%ZZ', '%C3', '%C3%A9', '%E2%82%AC', '%F0%9F%98%80',
  '%FF', '%00', '+', ',', ',,', '-', '.', 'e', 'E', '1e999', '-0', '0x1F', 'NaN', 'Infinity',
  ' ', '\t', '\n', '\u0000', '\u007f', '<', '>', '"', "'", '\\', '/', '?', '_hide', 'é', '€',
  '😀', '\ud800', '\udfff', 'true', 'false', 'null', 'undefined', '__proto__', 'constructor',
];

/** A random string of up to `max` atoms and characters. */
export function randomText(rnd, max = 12) {
  let s = '';
  const n = rnd.int(max + 1);
  for (let i = 0; i < n; i++) {
    const r = rnd.next();
    if (r < 0.5) s += rnd.pick(ATOMS);
    else if (r < 0.8) s += String.fromCharCode(32 + rnd.int(95));
    else if (r < 0.95) s += String(rnd.int(1000));
    else s += 'a'.repeat(rnd.int(3000));
  }
  return s;
}

/** A random number as text: in and out of range, huge, tiny, negative, non-decimal forms. */
export function randomNumberText(rnd) {
  return rnd.pick([
    () => String(rnd.int(200) - 50),
    () => String((rnd.next() - 0.2) * 10 ** rnd.int(12)),
    () => String(rnd.next() * 10 ** -rnd.int(30)),
    () => `${rnd.int(10)}e${rnd.int(700) - 350}`,
    () => rnd.pick(['0', '-0', '1.', '.5', '+3', '1e308', '1e309', '9007199254740993']),
    () => randomText(rnd, 3),
  ])();
}

/** One of a few mutations of text: a character deleted, inserted, replaced or repeated, a cut,
 *  two pieces swapped, a piece percent-encoded or an atom spliced in. */
export function mutate(rnd, text) {
  const at = text.length ? rnd.int(text.length) : 0;
  const to = at + rnd.int(Math.max(1, text.length - at));
  switch (rnd.int(8)) {
    case 0:
      return text.slice(0, at) + text.slice(at + 1);
    case 1:
      return text.slice(0, at) + String.fromCharCode(rnd.int(256)) + text.slice(at);
    case 2:
      return text.slice(0, at) + rnd.pick(ATOMS) + text.slice(at + 1);
    case 3:
      return text.slice(0, to) + text.slice(at, to) + text.slice(to);
    case 4:
      return text.slice(0, at);
    case 5:
      return text.slice(at, to) + text.slice(0, at) + text.slice(to);
    case 6: {
      let enc;
      try {
        enc = encodeURIComponent(text.slice(at, to));
      } catch {
        enc = '%';
      }
      return text.slice(0, at) + enc + text.slice(to);
    }
    default:
      return text.slice(0, at) + rnd.pick(ATOMS) + text.slice(at);
  }
}

/** The hash a browser would hand the page for text typed after "#" (location.hash form). */
export function asLocationHash(text) {
  return new URL(`http://localhost/#${text}`).hash;
}
