// The lab's progress, so that a learner can tell "slow" from "stuck" from "impossible": each
// truth-table row's error over time (a short history sampled once per training frame or step,
// drawn as a sparkline beside the row, with its trend in words), and the stall test (every
// wrong row's output saturated: the activation is flat there, so each step moves the weights by
// almost nothing; a weight too large for the learning rate). Pure: no DOM, no engine.

/** Samples of each row's |error| kept (oldest dropped). */
export const HISTORY_LENGTH = 60;
/** Below this slope of the activation at a wrong row's output, the row counts as saturated. */
export const FLAT_SLOPE = 0.01;
/** Training frames a stall must last before the hint shows (a passing saturation is not one). */
export const STALL_FRAMES = 30;

/** One row's error history: add(v), values (oldest first), clear(). */
export function createRowHistory(length = HISTORY_LENGTH) {
  const values = [];
  return {
    values,
    add(v) {
      values.push(v);
      if (values.length > length) values.shift();
    },
    clear() {
      values.length = 0;
    },
  };
}

/** 'falling', 'rising' or 'flat': the last sample against the first of the history (|error|
 *  values), by more than 1% of the larger of the two (and 1e-4). */
export function trend(values) {
  if (values.length < 2) return 'flat';
  const first = values[0];
  const last = values[values.length - 1];
  const margin = Math.max(1e-4, 0.01 * Math.max(Math.abs(first), Math.abs(last)));
  if (last < first - margin) return 'falling';
  if (last > first + margin) return 'rising';
  return 'flat';
}

/** The activation's slope at its output value o (sigmoid, tanh, linear, relu). */
export function slopeAt(activation, o) {
  switch (activation) {
    case 'sigmoid':
      return o * (1 - o);
    case 'tanh':
      return 1 - o * o;
    case 'relu':
      return o > 0 ? 1 : 0;
    default:
      return 1; // linear: never flat
  }
}

/** True when some row is wrong and every wrong row's output sits where the activation is
 *  flat (rows: the lab's [{output, right}]). */
export function saturated(rows, activation) {
  const wrong = rows.filter((r) => !r.right);
  return wrong.length > 0 && wrong.every((r) => slopeAt(activation, r.output) < FLAT_SLOPE);
}
