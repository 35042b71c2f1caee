// @ts-check
// Narrows where the page may connect to: its own files, and the team server chosen in this
// browser, if any (ui: the Shares tab). The policy in index.html and _headers allows any http(s)
// address for connections, because a static file cannot know the team's server; this script
// runs before any module and adds a second policy that allows only that one origin, and the
// browser enforces both. A different server takes effect after a reload, which the Shares tab
// does when the server changes. A classic script, deferred (index.html): it runs before every
// module, in document order, without stopping the parser while it downloads and runs.
(function narrowConnections() {
  let origin = '';
  try {
    const stored = JSON.parse(localStorage.getItem('plumbline-sync') || 'null');
    const url = new URL(stored && stored.server);
    if (url.protocol === 'https:' || url.protocol === 'http:') origin = url.origin;
  } catch {
    // No server set, or storage unavailable: the page's own files only.
  }
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = `connect-src 'self'${origin ? ` ${origin}` : ''}`;
  document.head.append(meta);
  document.documentElement.dataset.syncOrigin = origin;
})();
