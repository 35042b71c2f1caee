// @ts-check
// Nothing typed is lost. Views register their edits here instead of listening to the page's
// lifecycle themselves:
//
//   const edits = trackEdits({ flush, unsaved });
//   edits.changed();   // after anything that may change unsaved() (input, save done, failure)
//   edits.release();   // when the view goes away
//
// - flush(): start saving now. Called on `pagehide` and when the tab becomes hidden (the
//   user switches tabs, closes it, or the system may discard it): a save that starts then
//   usually completes, but one that needs several round trips to IndexedDB dies with a page
//   that is being reloaded. So every save also goes to the journal (../edit-journal.js,
//   localStorage, synchronous), and the next start of the app replays what is left there.
// - unsaved(): true while the view holds changes that flushing cannot save (a form not
//   submitted, a save that failed). Only then does the page ask "Leave site?" on unload: the
//   `beforeunload` listener is attached while something is unsaved and removed when nothing
//   is, because a page with that listener is kept out of the browser's back/forward cache.

const tracked = new Set();
let guarding = false;

function flushAll() {
  for (const entry of tracked) {
    try {
      entry.flush?.();
    } catch (e) {
      console.error(e);
    }
  }
}

/** True when a registered view holds changes that would be lost by leaving. */
export function hasUnsaved() {
  for (const entry of tracked) if (entry.unsaved?.()) return true;
  return false;
}

/** @param {BeforeUnloadEvent} ev */
function warnBeforeUnload(ev) {
  if (!hasUnsaved()) return;
  ev.preventDefault();
  ev.returnValue = ''; // older Chromium needs a value to show the dialog
}

function refresh() {
  const want = hasUnsaved();
  if (want === guarding) return;
  guarding = want;
  if (want) window.addEventListener('beforeunload', warnBeforeUnload);
  else window.removeEventListener('beforeunload', warnBeforeUnload);
}

/**
 * Registers a view's edits: {flush?, unsaved?} → {changed(), release()}.
 * @param {{flush?: () => void, unsaved?: () => boolean}} edits
 */
export function trackEdits({ flush, unsaved }) {
  const entry = { flush, unsaved };
  tracked.add(entry);
  refresh();
  return {
    changed: refresh,
    release() {
      tracked.delete(entry);
      refresh();
    },
  };
}

window.addEventListener('pagehide', flushAll);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') flushAll();
});
