// @ts-check
// Asks the browser, as early as the page can, for the names of this origin's IndexedDB
// databases: they decide which store the app opens (sync/app-store.js: none of them on a first
// visit). On a new profile the first IndexedDB request of an origin is slow (the browser sets up
// its storage first: 70–140 ms measured on the 2-core machine), so it is made here, while the
// app's code is still downloading, and the app takes the answer from
// `globalThis.plumblineDatabaseNames` (a promise of the names, or of null where the browser
// cannot list them). Listing creates nothing. A classic script, loaded async: it runs as soon
// as it arrives (it connects nowhere, so it need not wait for csp.js).
/** @type {{ plumblineDatabaseNames?: Promise<string[] | null> }} */ (globalThis).plumblineDatabaseNames = (async () => {
  try {
    return indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name ?? '') : null;
  } catch {
    return null; // no IndexedDB (some private modes), or it refused
  }
})();
