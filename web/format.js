// Number formatting for the page, as the reference shows them. Pure: no DOM.

/** Epoch counter in the reference's "000,000" style (at least six digits), without its wrap at
 *  a million: 1234567 -> "1,234,567". */
export function formatEpoch(n) {
  if (!Number.isFinite(n) || n < 0) return '000,000';
  const digits = String(Math.floor(n)).padStart(6, '0');
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A loss to 3 decimals as the reference shows it; "–" when there is none (an empty set),
 *  "∞" when it diverged to infinity. */
export function formatLoss(x) {
  if (typeof x !== 'number' || Number.isNaN(x)) return '–';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '-∞';
  return x.toFixed(3);
}

/** A number in plain decimal (never exponent notation), as the reference's hash writes the
 *  values its controls offer: 0.00001 -> "0.00001", 1e21 -> "1000000000000000000000". */
export function plainNumber(n) {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  const [mant, expPart] = s.split(/e/i);
  const exp = Number(expPart);
  const neg = mant.startsWith('-');
  const [intPart, frac = ''] = mant.replace('-', '').split('.');
  const digits = intPart + frac;
  const point = intPart.length + exp; // position of the decimal point in digits
  let out;
  if (point <= 0) out = '0.' + '0'.repeat(-point) + digits;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = digits.slice(0, point) + '.' + digits.slice(point);
  return (neg ? '-' : '') + out;
}

/** An accuracy (a fraction in [0, 1]) as "97.2% right"; "" when there is none (regression, an
 *  empty set) so the element stays empty. */
export function formatAccuracy(x) {
  if (typeof x !== 'number' || !Number.isFinite(x)) return '';
  return `${(x * 100).toFixed(1)}% right`;
}
