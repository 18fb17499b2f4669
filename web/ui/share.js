// The "copy link" control: writes a link that reproduces what is on screen. With "include the
// trained network" the link carries the weights and the epoch (params); without, the seed and
// the resets (the same data and starting weights). Copies with navigator.clipboard when it can
// and always shows the link in a read-only field, selected, to copy by hand.

/** root: #share; getLink({network}) -> absolute URL string. Returns {update(view)}. */
export function mountShare(root, getLink) {
  const button = document.createElement('button');
  button.type = 'button';
  button.id = 'copy-link';
  button.className = 'text-button';
  button.textContent = 'Copy link';
  button.setAttribute('aria-label', 'Copy a link to what is on screen');
  const withNet = document.createElement('label');
  withNet.className = 'toggle share-toggle';
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.id = 'share-network';
  box.checked = true;
  withNet.append(box, ' with the trained network');
  const field = document.createElement('input');
  field.id = 'share-url';
  field.className = 'share-url';
  field.readOnly = true;
  field.hidden = true;
  field.setAttribute('aria-label', 'Link to what is on screen');
  const status = document.createElement('span');
  status.className = 'share-status';
  status.setAttribute('role', 'status');
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
    } catch { /* no permission: the field is there to copy by hand */ }
    status.textContent = copied ? 'Link copied.' : 'Copy the link from the field.';
  });
  return { update() {} };
}
