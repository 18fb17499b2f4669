// The decision line of one neuron, w0 + w1·x1 + w2·x2 = 0, as a reader solves it: for x2 when
// w2 is not 0 (x2 = m·x1 + b), for x1 when only w1 is not 0 (a vertical line), none when both
// are 0 (z = w0 everywhere). This is drawing geometry, not the network's maths: the outputs
// and the training are the engine's. Pure: no DOM.

/** {kind: 'slope', m, b} | {kind: 'vertical', x1} | {kind: 'none'} for weights w0, w1, w2. */
export function decisionLine(w0, w1, w2) {
  if (w2 !== 0) return { kind: 'slope', m: -w1 / w2, b: -w0 / w2 };
  if (w1 !== 0) return { kind: 'vertical', x1: -w0 / w1 };
  return { kind: 'none' };
}

/**
 * The part of the line inside a box {xmin, xmax, ymin, ymax}: [[x1, x2], [x1, x2]] or null
 * (no line, or it misses the box). Clipped here, so a nearly vertical line with a huge slope
 * never hands the canvas huge coordinates.
 */
export function lineSegment(w0, w1, w2, box) {
  const line = decisionLine(w0, w1, w2);
  if (line.kind === 'none') return null;
  if (line.kind === 'vertical') {
    if (!(line.x1 >= box.xmin && line.x1 <= box.xmax)) return null;
    return [
      [line.x1, box.ymin],
      [line.x1, box.ymax],
    ];
  }
  // Points of the line on the four edges; keep those inside the box.
  const pts = [];
  const add = (x, y) => {
    const eps = 1e-12;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    if (x < box.xmin - eps || x > box.xmax + eps || y < box.ymin - eps || y > box.ymax + eps)
      return;
    if (pts.some(([px, py]) => Math.abs(px - x) < 1e-9 && Math.abs(py - y) < 1e-9)) return;
    pts.push([x, y]);
  };
  add(box.xmin, line.m * box.xmin + line.b);
  add(box.xmax, line.m * box.xmax + line.b);
  if (line.m !== 0) {
    add((box.ymin - line.b) / line.m, box.ymin);
    add((box.ymax - line.b) / line.m, box.ymax);
  }
  if (pts.length < 2) return null;
  // The two points farthest apart (a corner hit can give three).
  let best = [pts[0], pts[1]];
  let bestD = -1;
  for (let i = 0; i < pts.length; i++) {
    for (let j = i + 1; j < pts.length; j++) {
      const d = (pts[i][0] - pts[j][0]) ** 2 + (pts[i][1] - pts[j][1]) ** 2;
      if (d > bestD) {
        bestD = d;
        best = [pts[i], pts[j]];
      }
    }
  }
  return best;
}

/** A number for prose: up to `digits` decimals, trailing zeros dropped, a real minus sign,
 *  never "-0". */
export function formatNumber(v, digits = 2) {
  if (!Number.isFinite(v)) return v > 0 ? '∞' : v < 0 ? '−∞' : '–';
  let s = v.toFixed(digits);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  if (/^-0$/.test(s)) s = '0';
  return s.replace('-', '−');
}

/** "+ 2", "− 4": a signed term's operator and magnitude, for "3 − 4·x1 + 2·x2". */
function term(v, digits) {
  const abs = formatNumber(Math.abs(v), digits);
  return (v < 0 && abs !== '0' ? '− ' : '+ ') + abs;
}

/**
 * The sentences beside the plot: {general, live, solved, note}. general is always
 * "0 = w0 + w1·x1 + w2·x2, so x2 = m·x1 + b"; live is the same with the weights in it, solved
 * for x2 when it can be; solved gives m and b (or the vertical line, or why there is none);
 * note says which side is which (for relu, where the class boundary is).
 */
export function equationText(w0, w1, w2, digits = 2, activation = 'sigmoid') {
  const f = (v) => formatNumber(v, digits);
  const general = '0 = w0 + w1·x1 + w2·x2, so x2 = m·x1 + b';
  const sum = `0 = ${f(w0)} ${term(w1, digits)}·x1 ${term(w2, digits)}·x2`;
  const line = decisionLine(w0, w1, w2);
  let live;
  let solved;
  if (line.kind === 'slope') {
    live = `${sum}, so x2 = ${f(line.m)}·x1 ${term(line.b, digits)}`; // view.js breaks at ", so"
    solved = `m = −w1/w2 = ${f(line.m)},  b = −w0/w2 = ${f(line.b)}`;
  } else if (line.kind === 'vertical') {
    live = `${sum}, so x1 = ${f(line.x1)}`;
    solved = `w2 = 0: x2 drops out, there is no m or b; the line is vertical at x1 = −w0/w1 = ${f(line.x1)}`;
  } else {
    live = sum;
    solved =
      `w1 = w2 = 0: z = w0 = ${f(w0)} everywhere, so there is no line; ` +
      (w0 > 0
        ? 'the whole plane is on the positive side.'
        : w0 < 0
          ? 'the whole plane is on the negative side.'
          : 'z is 0 everywhere.');
  }
  let note = '';
  if (line.kind !== 'none') {
    note =
      activation === 'relu'
        ? 'On the line z = 0: relu is 0 on the orange side and rises on the other; the output ' +
          'reaches 0.5 (the class boundary) on the parallel line z = 0.5.'
        : 'On the line z = 0 the output is halfway; blue where z > 0, orange where z < 0.';
  }
  return { general, live, solved, note, kind: line.kind };
}
