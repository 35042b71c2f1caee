// @ts-check
// Saving a file the page made: a Blob, an object URL and a temporary link with `download`.
// Nothing leaves the browser; the URL is revoked once the click has been handled.

/**
 * A file name made of letters, digits, dots, dashes and underscores only.
 * @param {...(string | number)} parts
 */
export function fileName(...parts) {
  return parts.map((p) => String(p).trim().replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, ''))
    .filter(Boolean).join('-').slice(0, 120) || 'plumbline';
}

/** @param {string} name @param {string} text @param {string} type */
export function downloadText(name, text, type) {
  downloadBlob(name, new Blob([text], { type }));
}

/** @param {string} name @param {Blob} blob */
export function downloadBlob(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.setAttribute('href', url);
  a.setAttribute('download', name);
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
