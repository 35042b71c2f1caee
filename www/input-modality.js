// @ts-check
// Whether the person is using the keyboard or a pointer, kept as `data-input` on <html>. The
// app moves focus itself (a page's heading after navigation, an error box) so that screen
// readers start there; a ring on that focus tells a keyboard user where they are, but puzzles a
// mouse user, and Chrome's :focus-visible guess shows it after a click too. styles.css shows it
// only under data-input="keyboard".

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock']);

/** @param {HTMLElement} [root] */
export function trackInputModality(root = document.documentElement) {
  document.addEventListener('keydown', (e) => {
    if (!MODIFIERS.has(e.key)) root.dataset.input = 'keyboard';
  }, true);
  document.addEventListener('pointerdown', () => {
    root.dataset.input = 'pointer';
  }, true);
}
