// @ts-check
// Polite screen-reader announcements through one live region in index.html.
/** @param {string} message */
export function announce(message) {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  setTimeout(() => {
    region.textContent = message;
  }, 50);
}
