// The "copy link" control: writes a link that reproduces what is on screen. With "include the
// trained network" the link carries the weights and the epoch (params); without, the seed and
// the resets (the same data and starting weights). That choice is visible beside the button,
// starts off (a link is short and shows the seed's network unless asked), and is remembered in
// localStorage for the next visit. Copies with navigator.clipboard when it can and always shows
// the link in a read-only field, selected, to copy by hand.

import { el } from '../dom.js';

export const SHARE_NETWORK_KEY = 'nnplay.share.includeNetwork';

/** The remembered choice: true only when "true" was stored (storage may be refused). */
export function readShareChoice(storage) {
  try {
    return Boolean(storage) && storage.getItem(SHARE_NETWORK_KEY) === 'true';
  } catch {
    return false;
  }
}

export function writeShareChoice(storage, on) {
  try {
    if (storage) storage.setItem(SHARE_NETWORK_KEY, on ? 'true' : 'false');
  } catch {
    /* storage refused (private mode, a sandboxed frame): the choice lasts for this page */
  }
}

function localStore() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** What the status says after a copy, by what the link could carry (shareKind). */
export const SHARE_NOTES = Object.freeze({
  full: '',
  weights:
    ' It carries the weights but not the optimizer state (the link would pass 8,000 characters): training on from it will differ.',
  file: ' The network is too large for a link (over 8,000 characters): it carries the seed only; download the model file to share the network.',
});

/** root: #share; getLink({network}) -> absolute URL string; options.kind() -> 'full',
 *  'weights' or 'file' (Playground.shareKind), options.download() saves the model file.
 *  Returns {update(view)}. */
export function mountShare(root, getLink, storage = localStore(), options = {}) {
  const button = el('button', {
    type: 'button',
    id: 'copy-link',
    className: 'text-button',
    text: 'Copy link',
    attrs: { 'aria-label': 'Copy a link to what is on screen' },
  });
  const box = el('input', {
    type: 'checkbox',
    id: 'share-network',
    checked: readShareChoice(storage),
    on: { change: () => writeShareChoice(storage, box.checked) },
  });
  const withNet = el(
    'label',
    { className: 'toggle share-toggle' },
    box,
    ' include the trained network',
  );
  const field = el('input', {
    id: 'share-url',
    className: 'share-url',
    readOnly: true,
    hidden: true,
    attrs: { 'aria-label': 'Link to what is on screen' },
  });
  const status = el('span', { className: 'share-status', attrs: { role: 'status' } });
  const fileButton = el('button', {
    type: 'button',
    id: 'share-model-file',
    className: 'text-button',
    text: 'Download the model file',
    hidden: true,
    attrs: { 'aria-label': 'Download the model file instead of a link' },
    on: { click: () => options.download && options.download() },
  });
  root.append(button, withNet, field, status, fileButton);

  button.addEventListener('click', async () => {
    const kind = box.checked && options.kind ? options.kind() : 'full';
    const url = getLink({ network: box.checked && kind !== 'file' });
    fileButton.hidden = kind !== 'file';
    field.value = url;
    field.hidden = false;
    field.focus();
    field.select();
    status.textContent = '';
    let copied = false;
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(url);
        copied = true;
      }
    } catch {
      /* no permission: the field is there to copy by hand */
    }
    status.textContent =
      (copied ? 'Link copied.' : 'Copy the link from the field.') + SHARE_NOTES[kind];
  });
  return { update() {} };
}
