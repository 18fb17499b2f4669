// The network diagram's links on one canvas under the nodes: the reference's curves with the
// width and colour web/render/network.js gives a weight, dead (L1) links thin, grey and dotted,
// and a dash that flows toward the output while training. One canvas instead of one SVG path
// per link: a frame that changes weights writes nothing to the document. The links are drawn
// in passes into a back canvas, LINKS_PER_FRAME a frame while playing, and the finished pass
// is copied to the visible one; a pass starts at most FLOW_MS apart (LARGE_MS beyond
// LARGE_LINKS links), so a frame's drawing cost is bounded whatever the network. Hit tests are geometric
// (the distance to the curve), at least HIT_RADIUS px either side. Thick antialiased strokes
// are slow in a software canvas (about 0.05 ms a link here), hence passes over frames.

import {
  linkWidth,
  linkColour,
  linkPoints,
  polylineDistance,
  LINK_SAMPLES,
} from '../render/network.js';
import { PALETTE } from '../render/palette.js';

export const HIT_RADIUS = 12; // px either side of a link's curve: a 24 px wide hit band
export const FLOW_MS = 50; // a new pass at most 20 times a second while playing
export const LINKS_PER_FRAME = 96; // links drawn a frame while playing (a pass spans frames)
export const LARGE_LINKS = 2000; // beyond: a new pass at most every LARGE_MS while playing
export const LARGE_MS = 2000;
const FLOW_PX_PER_MS = 30 / 1500; // the reference's pace: 20 px/s, a 30 px loop
const DASH = [9, 1];
const DEAD_DASH = [2, 4];

/** links: layoutNetwork's links; keys[i]: link i's index in the params view. */
export function createLinkCanvas(links, keys, width, height) {
  const canvas = document.createElement('canvas');
  canvas.className = 'link-canvas';
  const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
  canvas.width = Math.ceil(width * dpr);
  canvas.height = Math.ceil(height * dpr);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  canvas.setAttribute('aria-hidden', 'true');
  const ctx = canvas.getContext('2d');
  const n = links.length;
  const stride = 2 * (LINK_SAMPLES + 1);
  const pts = new Float32Array(n * stride);
  const box = new Float32Array(n * 4); // each curve's bounding box, for a quick reject
  links.forEach((ln, i) => {
    linkPoints(ln.sx, ln.sy, ln.tx, ln.ty, pts.subarray(i * stride, (i + 1) * stride));
    box[4 * i] = Math.min(ln.sx, ln.tx);
    box[4 * i + 1] = Math.min(ln.sy, ln.ty);
    box[4 * i + 2] = Math.max(ln.sx, ln.tx);
    box[4 * i + 3] = Math.max(ln.sy, ln.ty);
  });
  const widths = new Float64Array(n); // Float64: compared with the values written
  const colours = new Array(n).fill('');
  const dead = new Uint8Array(n);
  // Links are drawn into a back canvas, at most LINKS_PER_FRAME a frame while playing (or for a
  // large network), and shown whole when a pass is done: a frame's cost stays bounded.
  const back = document.createElement('canvas');
  back.width = canvas.width;
  back.height = canvas.height;
  const bctx = back.getContext('2d');
  let stale = true; // a style changed since the last pass began
  let pass = -1; // the next link of the pass under way; -1: none
  let lastPass = -Infinity; // when the last pass began
  let offset = 0; // the dash offset of the pass
  let focused = -1;
  let drawn = 0; // passes shown
  const reduced = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)');
  const large = n > LARGE_LINKS;

  function path(i) {
    const ln = links[i];
    const mx = (ln.sx + ln.tx) / 2;
    bctx.moveTo(ln.sx, ln.sy);
    bctx.bezierCurveTo(mx, ln.sy, mx, ln.ty, ln.tx, ln.ty);
  }

  function begin(now) {
    bctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    bctx.clearRect(0, 0, width, height);
    bctx.lineCap = 'butt';
    if (focused >= 0) {
      bctx.setLineDash([]);
      bctx.strokeStyle = PALETTE.focus;
      bctx.globalAlpha = 0.35;
      bctx.lineWidth = Math.max(9, widths[focused] + 6);
      bctx.beginPath();
      path(focused);
      bctx.stroke();
      bctx.globalAlpha = 1;
    }
    stale = false;
    lastPass = now;
    pass = 0;
  }

  /** Draws up to `count` links of the pass; shows the pass when it is done. */
  function drawSome(count) {
    const end = Math.min(n, pass + count);
    let dashed = -1;
    for (let i = pass; i < end; i++) {
      if (dead[i] !== dashed) {
        dashed = dead[i];
        bctx.setLineDash(dashed ? DEAD_DASH : DASH);
        bctx.lineDashOffset = dashed ? 0 : -offset;
        bctx.globalAlpha = dashed ? 0.7 : 1;
      }
      bctx.strokeStyle = colours[i];
      bctx.lineWidth = widths[i];
      bctx.beginPath();
      path(i);
      bctx.stroke();
    }
    bctx.globalAlpha = 1;
    pass = end;
    if (pass < n) return;
    pass = -1;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(back, 0, 0);
    drawn++;
  }

  const api = {
    canvas,
    /** Restyles the links from the weights (params, dead: the engine's views) and draws them:
     *  a new pass when a style changed (while playing: at most every FLOW_MS, LARGE_MS for a
     *  large network, with the dash moved on), all at once when paused (a small network), else
     *  LINKS_PER_FRAME links a frame. Returns true while a pass is under way (the caller asks
     *  for another frame). */
    update(params, deadView, playing, now = performance.now()) {
      for (let i = 0; i < n; i++) {
        const w = params[keys[i]];
        const isDead = deadView[keys[i]] === 1 ? 1 : 0;
        const wd = isDead ? 1 : Math.round(linkWidth(w) * 10) / 10;
        const c = isDead ? PALETTE.deadLink : linkColour(w);
        if (wd !== widths[i] || c !== colours[i] || isDead !== dead[i]) {
          widths[i] = wd;
          colours[i] = c;
          dead[i] = isDead;
          stale = true;
        }
      }
      const flowing = playing && !(reduced && reduced.matches);
      if (pass < 0) {
        const due = now - lastPass >= (large ? LARGE_MS : FLOW_MS);
        if (playing ? !due || !(stale || flowing) : !stale) return false;
        if (flowing && !large)
          offset = (offset + Math.min(now - lastPass, 1000) * FLOW_PX_PER_MS) % 30;
        begin(now);
      }
      drawSome(playing || large ? LINKS_PER_FRAME : n);
      return pass >= 0;
    },
    /** The link nearest (x, y) (diagram px) within its hit band, or -1. */
    hit(x, y) {
      let best = -1;
      let bestD = Infinity;
      for (let i = 0; i < n; i++) {
        const r = Math.max(HIT_RADIUS, widths[i] / 2 + 4);
        if (
          x < box[4 * i] - r ||
          x > box[4 * i + 2] + r ||
          y < box[4 * i + 1] - r ||
          y > box[4 * i + 3] + r
        )
          continue;
        const d = polylineDistance(pts, i * stride, LINK_SAMPLES + 1, x, y);
        if (d <= r && d < bestD) {
          bestD = d;
          best = i;
        }
      }
      return best;
    },
    /** Highlights link i (-1: none), as a focused SVG link was. */
    focus(i) {
      if (i === focused) return;
      focused = i;
      stale = true; // the next update draws it
    },
    /** A point on link i's curve at t in [0, 1] (diagram px). */
    point(i, t = 0.5) {
      const ln = links[i];
      const out = new Float32Array(2 * (LINK_SAMPLES + 1));
      linkPoints(ln.sx, ln.sy, ln.tx, ln.ty, out);
      const k = Math.round(t * LINK_SAMPLES);
      return [out[2 * k], out[2 * k + 1]];
    },
  };
  // What the canvas shows, for tests and tools (the canvas has no DOM per link to read).
  canvas.links = {
    get count() {
      return n;
    },
    get offset() {
      return offset;
    },
    get focused() {
      return focused;
    },
    get drawn() {
      return drawn;
    },
    style: (i) => ({ width: widths[i], colour: colours[i], dead: dead[i] === 1 }),
    point: (i, t) => api.point(i, t),
    hit: (x, y) => api.hit(x, y),
  };
  return api;
}
