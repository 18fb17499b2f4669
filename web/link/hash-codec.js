// The URL hash's grammar and value codec, shared by every mode's link schema: the tokenizer
// ("a=b&c=d" -> decoded entries), one parser per kind of value (enum, bool, number, shape,
// text, code), their writers, and the keys every mode shares (`mode`, `embed`, `hostOrigins`).
//
// One rule for a value beyond a limit, in every mode: it is clipped to the limit and listed
// (the notice says "clipped to ..."), not dropped. A value that is not of its kind (not a
// number, an unknown name) is dropped and listed. Pure: no DOM, no engine.

import { plainNumber } from '../format.js';

/** A guard against huge strings, not a limit of any value: a longer raw value is dropped
 *  (a kind may allow more, as a seed or a params code does). */
export const MAX_VALUE_LENGTH = 1000;
/** Longer keys are unknown keys (listed shortened). */
export const MAX_KEY_LENGTH = 60;

/** Shortens a value for a notice (the notice shows it as text, never as HTML). */
export function preview(raw, max = 40) {
  const s = String(raw);
  return s.length > max ? s.slice(0, max) + '…' : s;
}

/**
 * The entries of a hash ("#a=b&c=d" or "a=b&c=d"), decoded: [{key, raw}] in order, or
 * {key, raw, problem} for an entry that is not valid percent-encoding.
 */
export function hashEntries(hash) {
  const out = [];
  const body = String(hash || '').replace(/^#/, '');
  for (const part of body.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const raw = eq < 0 ? '' : part.slice(eq + 1);
    try {
      out.push({ key: decodeURIComponent(key), raw: decodeURIComponent(raw) });
    } catch {
      out.push({ key: preview(key), raw: preview(raw), problem: 'badly encoded' });
    }
  }
  return out;
}

/** Kinds of value (a schema entry is {key, ...kind}). */
export const enumOf = (values) => ({ kind: 'enum', values });
export const numberIn = (min, max, integer = false) => ({ kind: 'number', min, max, integer });
export const BOOL = Object.freeze({ kind: 'bool' });
/** A comma list of whole numbers: at most maxLength entries, each in min..max. */
export const shapeOf = (maxLength, min, max) => ({ kind: 'shape', maxLength, min, max });
/** A comma list of values of one kind (`item`, another kind): at most maxLength entries (the
 *  first maxLength kept, listed); an entry not of its kind drops the whole value, an entry
 *  beyond a limit is clipped and listed. oneIsAll: a single entry is read as that value alone
 *  (the engine's "one number for every layer"). */
export const listOf = (item, maxLength, { oneIsAll = false } = {}) => ({
  kind: 'list',
  item,
  maxLength,
  oneIsAll,
});
/** Any text up to max characters, or max UTF-8 bytes with {bytes: true} (kept verbatim,
 *  encoded on the way out). */
export const textOf = (max, { bytes = false } = {}) => ({ kind: 'text', max, bytes });
/** A base64url code (a params network), up to max characters. */
export const codeOf = (max) => ({ kind: 'code', max });

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const clip = (n, min, max) => Math.min(max, Math.max(min, n));
const range = (min, max) =>
  max === Infinity || max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `${min} to ${max}`;

const utf8 = new TextEncoder();
const textLength = (s, bytes) => (bytes ? utf8.encode(s).length : s.length);
// The longest start of s within max units, never splitting a character.
function clipText(s, max, bytes) {
  if (!bytes) return s.slice(0, max);
  let out = '';
  let used = 0;
  for (const ch of s) {
    const n = utf8.encode(ch).length;
    if (used + n > max) break;
    out += ch;
    used += n;
  }
  return out;
}

/**
 * Parses one raw (decoded) value by its schema entry:
 * {ok: true, value} | {ok: true, value, clipped: reason} (beyond a limit: clipped, to be
 * listed) | {ok: false, reason} (not of its kind: dropped).
 */
export function parseValue(spec, raw) {
  switch (spec.kind) {
    case 'enum':
      return spec.values.includes(raw)
        ? { ok: true, value: raw }
        : { ok: false, reason: `not one of ${spec.values.join(', ')}` };
    case 'bool':
      return raw === 'true'
        ? { ok: true, value: true }
        : raw === 'false'
          ? { ok: true, value: false }
          : { ok: false, reason: 'not true or false' };
    case 'number': {
      if (!DECIMAL.test(raw)) return { ok: false, reason: 'not a number' };
      const n = Number(raw) + 0; // -0 is 0: a link writes it as "0"
      if (!Number.isFinite(n)) return { ok: false, reason: 'not a finite number' };
      if (spec.integer && !Number.isInteger(n)) return { ok: false, reason: 'not a whole number' };
      if (n < spec.min || n > spec.max) {
        const value = clip(n, spec.min, spec.max);
        return {
          ok: true,
          value,
          clipped: `out of range (${range(spec.min, spec.max)}): clipped to ${plainNumber(value)}`,
        };
      }
      return { ok: true, value: n };
    }
    case 'shape': {
      if (raw === '') return { ok: true, value: [] };
      const parts = raw.split(',');
      if (!parts.every((p) => /^\d+$/.test(p)))
        return { ok: false, reason: 'not a list of whole numbers' };
      const notes = [];
      if (parts.length > spec.maxLength)
        notes.push(`more than ${spec.maxLength} layers: the first ${spec.maxLength} kept`);
      const shape = parts.slice(0, spec.maxLength).map(Number);
      if (shape.some((n) => n < spec.min || n > spec.max)) {
        notes.push(`a layer size out of range (${spec.min} to ${spec.max}): clipped to it`);
      }
      const value = shape.map((n) => clip(n, spec.min, spec.max));
      return notes.length ? { ok: true, value, clipped: notes.join('; ') } : { ok: true, value };
    }
    case 'list': {
      const parts = raw === '' ? [] : raw.split(',');
      const notes = [];
      if (parts.length > spec.maxLength)
        notes.push(`more than ${spec.maxLength} entries: the first ${spec.maxLength} kept`);
      const values = [];
      for (const [i, part] of parts.slice(0, spec.maxLength).entries()) {
        const r = parseValue(spec.item, part);
        if (!r.ok)
          return { ok: false, reason: `entry ${i + 1} (${preview(part, 20)}): ${r.reason}` };
        if (r.clipped) notes.push(`entry ${i + 1}: ${r.clipped}`);
        values.push(r.value);
      }
      const value = spec.oneIsAll && values.length === 1 ? values[0] : values;
      return notes.length ? { ok: true, value, clipped: notes.join('; ') } : { ok: true, value };
    }
    case 'text': {
      const unit = spec.bytes ? 'bytes' : 'characters';
      if (textLength(raw, spec.bytes) <= spec.max) return { ok: true, value: raw };
      return {
        ok: true,
        value: clipText(raw, spec.max, spec.bytes),
        clipped: `longer than ${spec.max} ${unit}: the first ${spec.max} kept`,
      };
    }
    case 'code':
      if (raw.length > spec.max) return { ok: false, reason: `longer than ${spec.max} characters` };
      return /^[A-Za-z0-9_-]+$/.test(raw)
        ? { ok: true, value: raw }
        : { ok: false, reason: 'not a params code (base64url)' };
    default:
      return { ok: false, reason: 'unsupported' };
  }
}

/** The longest raw value a schema entry reads (longer ones are dropped unread): text is
 *  clipped at any length; a code may be as long as its own limit. */
export function maxRawLength(spec) {
  if (spec.kind === 'text') return Infinity;
  return spec.kind === 'code' ? Math.max(MAX_VALUE_LENGTH, spec.max) : MAX_VALUE_LENGTH;
}

/**
 * Reads one entry by its schema entry: pushes a problem ({key, value, reason}) when it is
 * dropped or clipped; returns {ok, value}. The rule every mode's parser follows.
 */
export function readEntry(spec, key, raw, problems) {
  const max = maxRawLength(spec);
  if (raw.length > max) {
    problems.push({ key, value: preview(raw), reason: `longer than ${max} characters` });
    return { ok: false };
  }
  const parsed = parseValue(spec, raw);
  if (!parsed.ok) {
    problems.push({ key, value: preview(raw), reason: parsed.reason });
    return { ok: false };
  }
  if (parsed.clipped) problems.push({ key, value: preview(raw), reason: parsed.clipped });
  return { ok: true, value: parsed.value };
}

/** Writes one value by its schema entry (the inverse of parseValue). */
export function formatValue(spec, v) {
  switch (spec.kind) {
    case 'bool':
      return v ? 'true' : 'false';
    case 'number':
      return plainNumber(v);
    case 'shape':
      return v.join(',');
    case 'list':
      return (Array.isArray(v) ? v : [v]).map((x) => formatValue(spec.item, x)).join(',');
    default:
      return encodeURIComponent(String(v));
  }
}

// --- the keys every mode shares -----------------------------------------------------------

/** The origin form a host's page has ("https://deck.example", "http://localhost:8000"), or
 *  "null" (a page opened from disk). */
export function isOrigin(s) {
  if (s === 'null') return true;
  if (!/^https?:\/\/[^/?#\s@]+$/.test(s)) return false;
  try {
    return new URL(s).origin === s;
  } catch {
    return false;
  }
}

/** Reads a `hostOrigins` value: the comma list of origins a host's messages may come from
 *  (docs/EMBEDDING.md). A bad entry is listed and left out; a list with none left allows
 *  no host at all (a host that asked for a list is never widened to any origin). */
export function parseHostOrigins(raw, problems) {
  if (raw.length > MAX_VALUE_LENGTH) {
    problems.push({
      key: 'hostOrigins',
      value: preview(raw),
      reason: `longer than ${MAX_VALUE_LENGTH} characters: no host allowed`,
    });
    return [];
  }
  const out = [];
  for (const part of raw.split(',')) {
    if (isOrigin(part)) {
      if (!out.includes(part)) out.push(part);
    } else {
      problems.push({
        key: 'hostOrigins',
        value: preview(part),
        reason: 'not an origin (such as https://deck.example): left out',
      });
    }
  }
  return out;
}

/**
 * Splits a hash into the keys every mode shares and the active mode's own entries:
 * {mode (a name of `modes`; the first when absent), embed, hostOrigins (null, or the origins a
 * host's messages may come from), entries, problems}. The first `mode` and `hostOrigins` keys
 * decide; a bad `mode` or `embed` value is listed and ignored.
 */
export function splitShared(hash, modes) {
  const problems = [];
  let mode = null;
  let embed = false;
  let hostOrigins = null;
  const entries = [];
  for (const entry of hashEntries(hash)) {
    if (entry.key === 'mode' && !entry.problem) {
      if (mode !== null) continue;
      if (modes.includes(entry.raw)) mode = entry.raw;
      else
        problems.push({
          key: 'mode',
          value: preview(entry.raw),
          reason: `not one of ${modes.join(', ')}`,
        });
    } else if (entry.key === 'hostOrigins' && !entry.problem) {
      if (hostOrigins === null) hostOrigins = parseHostOrigins(entry.raw, problems);
    } else if (entry.key === 'embed' && !entry.problem) {
      const r = readEntry(BOOL, 'embed', entry.raw, problems);
      if (r.ok) embed = r.value;
    } else {
      entries.push(entry);
    }
  }
  return { mode: mode ?? modes[0], embed, hostOrigins, entries, problems };
}

/** A hash body (no "#"): `mode=<name>` first unless it is the default mode, the mode's own
 *  body, then `hostOrigins=...` when a list is given, then `embed=true` when on. */
export function joinShared({ mode, isDefault, embed, hostOrigins = null }, body) {
  return [
    isDefault ? '' : `mode=${encodeURIComponent(mode)}`,
    body,
    Array.isArray(hostOrigins) ? `hostOrigins=${hostOrigins.join(',')}` : '',
    embed ? 'embed=true' : '',
  ]
    .filter((s) => s !== '')
    .join('&');
}
