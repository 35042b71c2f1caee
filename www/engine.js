// @ts-check
// engine.js — the one module of the web app that owns the Plumbline engine (the wasm package).
//
// The page imports only this file, never ./pkg/ directly, so that the engine is fetched and
// initialised exactly once, in one place, whatever the number of views that need it:
//
//   import { loadEngine } from "./engine.js";
//   const { Lens, Workspace, version } = await loadEngine();
//
// It converts nothing: Lens, Workspace and version are the package's own exports (see
// pkg/plumbline.d.ts for their types). The URL is relative, so the site works from any
// sub-path (https://example.org/tools/plumbline/) and offline once cached.
import init, { Lens, Workspace, version } from "./pkg/plumbline.js";

let loading = null;

/**
 * Loads and initialises the engine on the first call; later calls return the same promise.
 * A failed load (network, a browser without WebAssembly) rejects, and the next call retries.
 * @returns {Promise<{Lens: typeof Lens, Workspace: typeof Workspace, version: typeof version}>}
 */
export function loadEngine() {
  loading ??= init().then(
    () => Object.freeze({ Lens, Workspace, version }),
    (err) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}
