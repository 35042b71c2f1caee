// @ts-check
// The browser's storage for this site: whether it is persistent (the browser will not clear it
// to free space), how much is used of the quota, and the request to make it persistent. Every
// call tolerates a browser without navigator.storage (it reports "not persistent", no figures).

const ASKED = 'plumbline.storage.persistRequested';

/** True when the browser keeps the site's data until the user clears it. */
export async function isPersisted() {
  try {
    return Boolean(await navigator.storage?.persisted?.());
  } catch {
    return false;
  }
}

/** Asks the browser for persistent storage; resolves to whether it is granted. */
export async function requestPersistence() {
  try {
    return Boolean(await navigator.storage?.persist?.());
  } catch {
    return false;
  }
}

/**
 * Asks once per browser profile (the first workload defined): Chromium decides without a
 * prompt, Firefox shows one, and asking at every save would nag. Settings can ask again.
 */
export async function requestPersistenceOnce() {
  try {
    if (localStorage.getItem(ASKED)) return isPersisted();
    localStorage.setItem(ASKED, new Date().toISOString());
  } catch {
    return false;
  }
  return requestPersistence();
}

/** {usage, quota} in bytes, or null when the browser does not tell. */
export async function storageEstimate() {
  try {
    const e = await navigator.storage?.estimate?.();
    return e && Number.isFinite(e.usage) && Number.isFinite(e.quota) ? { usage: e.usage, quota: e.quota } : null;
  } catch {
    return null;
  }
}

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'];

/** 1536 → "1.5 KB" (powers of 1024, as browsers and file managers show them). */
/** @param {number} bytes */
export function formatBytes(bytes) {
  let n = Math.max(0, Number(bytes) || 0);
  let unit = 0;
  while (n >= 1024 && unit < UNITS.length - 1) {
    n /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || n >= 100 ? 0 : 1;
  return `${n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${UNITS[unit]}`;
}
