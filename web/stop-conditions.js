// Stop conditions: the page's own keys (never sent to the engine) that pause training at an
// epoch (`stopEpoch`), when the test loss falls to a value (`stopTestLoss`), or when the test
// loss has not improved for `earlyStop` epochs (the patience; 0 off), `restoreBest` then
// bringing back the best weights seen (Keras's restore_best_weights: the weights, not the
// epoch counter). The watch is told what each training call gave (observe) and caps a frame's
// epochs (cap) so that an epoch stop and an early stop land on their epoch exactly at any speed.
// The test loss is measured once per training call (a frame's epochs at speeds > 1), so the
// loss stop and the best epoch are the first and the best of those measured. Pure: no DOM.

import { formatEpoch, formatLoss } from './format.js';

export const STOP_KEYS = Object.freeze(['stopEpoch', 'stopTestLoss', 'earlyStop', 'restoreBest']);
export const STOP_DEFAULTS = Object.freeze({
  stopEpoch: null,
  stopTestLoss: null,
  earlyStop: 0,
  restoreBest: false,
});
export const MAX_STOP_EPOCH = 2 ** 53;
export const MAX_PATIENCE = 1e9;

/** Reads a value typed for a stop key: {ok: true, value} (null: off) or {ok: false, reason}
 *  naming the key. */
export function readStopValue(key, text) {
  const s = String(text).trim();
  if (key === 'restoreBest') return { ok: true, value: Boolean(text) };
  if (s === '') return { ok: true, value: key === 'earlyStop' ? 0 : null };
  const n = /^[+]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) ? Number(s) : NaN;
  if (key === 'stopEpoch') {
    if (!Number.isInteger(n) || n < 1 || n > MAX_STOP_EPOCH)
      return { ok: false, reason: `stopEpoch: a whole number of epochs, 1 or more (not "${s}")` };
    return { ok: true, value: n };
  }
  if (key === 'stopTestLoss') {
    if (!Number.isFinite(n) || n < 0)
      return { ok: false, reason: `stopTestLoss: a loss of 0 or more (not "${s}")` };
    return { ok: true, value: n };
  }
  if (key === 'earlyStop') {
    if (!Number.isInteger(n) || n < 0 || n > MAX_PATIENCE)
      return {
        ok: false,
        reason: `earlyStop: a patience in whole epochs, 0 (off) to ${MAX_PATIENCE} (not "${s}")`,
      };
    return { ok: true, value: n };
  }
  return { ok: false, reason: `${key}: not a stop condition` };
}

/** The watch over one network's training (reset it when the network changes). */
export function createStopWatch() {
  let best = null; // {loss, epoch}: the lowest test loss measured and its epoch
  let lossFired = false; // the loss stop fired (training on does not stop there again)
  let waitFrom = 0; // an early stop fired here: training on waits another patience from it
  const since = () => Math.max(best.epoch, waitFrom);
  return {
    /** A new network, or new conditions: the best starts at what is shown now. */
    reset(epoch, testLoss) {
      best = { loss: Number.isFinite(testLoss) ? testLoss : Infinity, epoch };
      lossFired = false;
      waitFrom = epoch;
    },
    best: () => best,
    /** The epochs a frame may train from `epoch` (asked: `wanted`) so that it ends on the
     *  stop epoch or the early stop's epoch, not past them. */
    cap(epoch, wanted, stops) {
      let n = wanted;
      if (stops.stopEpoch > epoch) n = Math.min(n, stops.stopEpoch - epoch);
      if (stops.earlyStop > 0 && best && Number.isFinite(best.loss)) {
        const at = since() + stops.earlyStop;
        if (at > epoch) n = Math.min(n, at - epoch);
      }
      return Math.max(1, n);
    },
    /** After training from epoch `from` to `epoch` with test loss `testLoss`: {improved}
     *  (a new best: save the weights) and, when a condition holds, stop: {key, message}. */
    observe(from, epoch, testLoss, stops) {
      if (!best) this.reset(from, NaN);
      const improved = Number.isFinite(testLoss) && testLoss < best.loss;
      if (improved) best = { loss: testLoss, epoch };
      let stop = null;
      if (stops.stopEpoch !== null && from < stops.stopEpoch && stops.stopEpoch <= epoch) {
        stop = { key: 'stopEpoch', message: `Stopped at epoch ${formatEpoch(epoch)}.` };
      } else if (stops.stopTestLoss !== null && !lossFired && testLoss <= stops.stopTestLoss) {
        lossFired = true;
        stop = {
          key: 'stopTestLoss',
          message: `Stopped at epoch ${formatEpoch(epoch)}: the test loss fell to ${formatLoss(testLoss)}, at or below ${stops.stopTestLoss}.`,
        };
      } else if (
        stops.earlyStop > 0 &&
        Number.isFinite(best.loss) &&
        epoch - since() >= stops.earlyStop
      ) {
        stop = {
          key: 'earlyStop',
          bestEpoch: best.epoch,
          message: `Early stop at epoch ${formatEpoch(epoch)}: the test loss has not improved for ${stops.earlyStop} epochs since epoch ${formatEpoch(best.epoch)} (${formatLoss(best.loss)}).`,
        };
        waitFrom = epoch;
      }
      return { improved, stop };
    },
  };
}
