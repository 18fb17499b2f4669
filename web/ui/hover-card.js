// The weight/bias card of the network diagram: "Weight is 0.15" on hover or focus; a click
// (or a tap, or Enter) turns it into a field for a new value. Text only (never HTML). The
// owner says what it is about and where (in the parent's px); the card places itself in the
// viewport (position: fixed, kept inside the window, also on a 375 px phone), so it never
// widens the diagram's scroller or pushes the diagram sideways.
//
// Editing: Enter or leaving the field applies the value, Escape cancels (the old value stays,
// nothing was applied). The text is read as a whole number literal (parseValue): "1e400" and
// "0.5abc" are refused with a message in the card, never cut or half read. While the field is
// open, training goes on (the page does not pause) and the field is not overwritten: the card's
// "Weight is ..." line follows the network, the field keeps what is typed, and Enter applies it.

import { el } from '../dom.js';
import { setText } from './writes.js';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const MARGIN = 4; // px kept between the card and the window's edge

/** Reads a field's whole text as a finite number: {ok: true, value} or {ok: false, message}. */
export function parseValue(text) {
  const s = String(text).trim();
  const shown = s.length > 24 ? `${s.slice(0, 24)}…` : s;
  if (s === '') return { ok: false, message: 'type a number' };
  if (!NUMBER.test(s)) return { ok: false, message: `${shown} is not a number` };
  const value = Number(s);
  if (!Number.isFinite(value)) return { ok: false, message: `${shown} is not a finite number` };
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}

/** Where a card of size w x h goes for a wished top-left (x, y) in a window of size
 *  (vw, vh): moved left and up as needed to stay inside it, never past its top-left. */
export function fitInView(x, y, w, h, vw, vh) {
  return [
    Math.max(MARGIN, Math.min(x, vw - w - MARGIN)),
    Math.max(MARGIN, Math.min(y, vh - h - MARGIN)),
  ];
}

/** parent: the element whose px the owner gives (x, y) in, and that the card lives in;
 *  onEdit(target, value) applies a value. */
export function createHoverCard(parent, onEdit) {
  const text = el('span', { className: 'hovercard-text' });
  const hint = el('span', { className: 'hovercard-hint' });
  const input = el('input', {
    type: 'text',
    className: 'hovercard-input',
    hidden: true,
    spellcheck: false,
    autocomplete: 'off',
    attrs: { 'aria-label': 'New value', inputmode: 'decimal', enterkeyhint: 'done' },
  });
  const error = el('span', {
    className: 'hovercard-error',
    hidden: true,
    attrs: { role: 'alert' },
  });
  const card = el('div', { className: 'hovercard', hidden: true }, text, input, error, hint);
  card.style.position = 'fixed';
  parent.append(card);
  let target = null; // {kind, label, ...owner's indices}
  let editing = false;

  const label = (t) => (t.kind === 'bias' ? 'Bias' : 'Weight');
  function render(value) {
    if (!target) return;
    const dead = target.dead
      ? ' (a dead link: L1 regularisation set it to zero; setting a value revives it)'
      : '';
    setText(
      text,
      `${label(target)} is ${Number.isFinite(value) ? value.toPrecision(2) : String(value)}${dead}`,
    );
  }
  function showError(message) {
    error.textContent = message;
    error.hidden = !message;
  }

  // Places the card at (x, y) of the parent's px, inside the window. A transformed ancestor
  // (the embed view scales the diagram) is the fixed box's frame: measured, not assumed.
  function place(x, y) {
    const box = parent.getBoundingClientRect();
    const k = parent.offsetWidth > 0 ? box.width / parent.offsetWidth : 1;
    card.style.left = '0px';
    card.style.top = '0px';
    const origin = card.getBoundingClientRect();
    const s = card.offsetWidth > 0 ? origin.width / card.offsetWidth || 1 : 1;
    const doc = document.documentElement;
    const [vx, vy] = fitInView(
      box.left + x * k,
      box.top + y * k,
      origin.width,
      origin.height,
      doc.clientWidth || window.innerWidth,
      window.innerHeight,
    );
    card.style.left = `${Math.round((vx - origin.left) / s)}px`;
    card.style.top = `${Math.round((vy - origin.top) / s)}px`;
  }

  // Applies the field's value; false (and the message shown) when it is not a finite number.
  function apply() {
    const parsed = parseValue(input.value);
    if (!parsed.ok) {
      showError(`${parsed.message}: the ${label(target).toLowerCase()} was not changed`);
      return false;
    }
    onEdit(target, parsed.value);
    return true;
  }

  input.addEventListener('input', () => showError(''));
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      api.hide(true);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (target && apply()) api.hide(true);
    }
  });
  input.addEventListener('blur', () => {
    if (!editing || !target) return;
    if (apply()) {
      api.hide(true);
      return;
    }
    // Left with a value that is not a number: nothing applied, the message stays in view.
    const message = error.textContent;
    const t = target;
    api.hide(true);
    target = t;
    card.hidden = false;
    hint.hidden = true;
    showError(message);
  });

  const api = {
    get target() {
      return target;
    },
    get editing() {
      return editing;
    },
    /** Shows the card for target at (x, y) px in the parent; edit: open the field at once. */
    show(t, value, x, y, { edit = false } = {}) {
      if (editing && !edit) return;
      target = t;
      card.hidden = false;
      render(value);
      showError('');
      hint.textContent = edit ? 'Enter applies, Escape cancels.' : 'Click to edit.';
      hint.hidden = false;
      input.hidden = !edit;
      input.setAttribute('aria-label', `New value of the ${t.name}`);
      editing = edit;
      if (edit) input.value = Number.isFinite(value) ? String(Number(value.toPrecision(6))) : '';
      place(x, y);
      if (edit) {
        input.focus({ preventScroll: true });
        input.select();
      }
    },
    /** Refreshes the shown value (while training); an open field keeps what is typed. */
    update(value) {
      if (target && !card.hidden) render(value);
    },
    /** Hides the card; an open editor only when force (nothing is applied). */
    hide(force = false) {
      if (editing && !force) return;
      const wasEditing = editing;
      editing = false;
      target = null;
      card.hidden = true;
      input.hidden = true;
      showError('');
      if (wasEditing && api.onClose) api.onClose();
    },
    onClose: null,
  };
  return api;
}
