// The "copy link" control: writes a link that reproduces what is on screen. With "include the
// trained network" the link carries the weights and the epoch (params); without, the seed and
// the resets (the same data and starting weights). Copies with navigator.clipboard when it can
// and always shows the link in a read-only field, selected, to copy by hand.

import { el } from '../dom.js';

/** root: #share; getLink({network}) -> absolute URL string. Returns {update(view)}. */
export function mountShare(root, getLink) {
  const button = el('button', {
    type: 'button',
    id: 'copy-link',
    className: 'text-button',
    text: 'Copy link',
    attrs: { 'aria-label': 'Copy a link to what is on screen' },
  });
  const box = el('input', { type: 'checkbox', id: 'share-network', checked: true });
  const withNet = el(
    'label',
    { className: 'toggle share-toggle' },
    box,
    ' with the trained network',
  );
  const field = el('input', {
    id: 'share-url',
    className: 'share-url',
    readOnly: true,
    hidden: true,
    attrs: { 'aria-label': 'Link to what is on screen' },
  });
  const status = el('span', { className: 'share-status', attrs: { role: 'status' } });
  root.append(button, withNet, field, status);

  button.addEventListener('click', async () => {
    const url = getLink({ network: box.checked });
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
    status.textContent = copied ? 'Link copied.' : 'Copy the link from the field.';
  });
  return { update() {} };
}
