// The PouchDB chunks for the development server (scripts/serve.mjs --dev): www/sync/pouch.js and
// www/sync/pouch-replication.js import npm packages by name, which a browser cannot resolve, so
// the unbundled app gets them built as scripts/bundle.mjs builds them for the site (same
// options, same chunk names), in memory, once per server. Imported by serve.mjs only when such
// a file is asked for, so that the server itself needs no package.
import { build } from "esbuild";
import { pouchBuildOptions } from "./bundle.mjs";

const OUT = "/pouch-dev";

/**
 * Builds the chunks; resolves to a map from their path below the site root ("sync/pouch.js",
 * "sync/chunk-….js") to their bytes.
 * @returns {Promise<Map<string, Uint8Array>>}
 */
export async function buildPouchChunks() {
  const result = await build({ ...pouchBuildOptions(OUT), write: false });
  return new Map(result.outputFiles.map((f) => [f.path.slice(OUT.length + 1).split("\\").join("/"), f.contents]));
}
