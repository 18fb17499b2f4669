// The images mode's link keys (mode=images&data=digits): the data set. Bad values are listed
// and ignored, as the other modes do.

export const IMAGE_DATA = ['digits', 'fashion'];
export const IMAGE_DEFAULTS = { data: 'digits' };

const preview = (s) => (String(s).length > 40 ? `${String(s).slice(0, 40)}…` : String(s));

/** entries: the router's [{key, raw, problem}] -> {settings, problems}. */
export function parseImagesEntries(entries) {
  const settings = { ...IMAGE_DEFAULTS };
  const problems = [];
  for (const { key, raw, problem } of entries) {
    if (problem) problems.push({ key, value: raw, reason: problem });
    else if (key !== 'data')
      problems.push({ key: preview(key), value: preview(raw), reason: 'unknown key' });
    else if (!IMAGE_DATA.includes(raw))
      problems.push({ key, value: preview(raw), reason: `must be ${IMAGE_DATA.join(' or ')}` });
    else settings.data = raw;
  }
  return { settings, problems };
}

/** The mode's hash body. */
export function serializeImages(settings) {
  return `data=${settings.data}`;
}
