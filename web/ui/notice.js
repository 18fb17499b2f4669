// The notice band: a readable list of what was ignored (a bad hash, a rejected config) or why
// the engine could not start. Everything is inserted as text, never as HTML.

/** Binds a notice element: show(title, items) with items as {key, value, reason} or strings;
 *  clear() hides it. The close button hides it too. */
export function createNotice(el) {
  el.replaceChildren();
  const title = document.createElement('p');
  title.className = 'notice-title';
  const list = document.createElement('ul');
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'notice-close';
  close.textContent = '×';
  close.setAttribute('aria-label', 'Dismiss this notice');
  close.addEventListener('click', () => { el.hidden = true; });
  el.append(close, title, list);
  return {
    show(text, items = [], { kind = 'warning', max = 20 } = {}) {
      el.dataset.kind = kind;
      title.textContent = text;
      list.replaceChildren(...items.slice(0, max).map((item) => {
        const li = document.createElement('li');
        if (typeof item === 'string') li.textContent = item;
        else {
          const key = document.createElement('code');
          key.textContent = item.value === undefined ? item.key : `${item.key}=${item.value}`;
          li.append(key, `: ${item.reason}`);
        }
        return li;
      }));
      if (items.length > max) {
        const li = document.createElement('li');
        li.textContent = `and ${items.length - max} more`;
        list.append(li);
      }
      list.hidden = items.length === 0;
      el.hidden = false;
    },
    clear() { el.hidden = true; },
  };
}
