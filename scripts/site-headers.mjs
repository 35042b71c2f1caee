// The response headers of the site, read from www/_headers: the one copy of the
// Content-Security-Policy and friends. That file is in the format Netlify and Cloudflare Pages
// read themselves, so the development server (serve.mjs) and those hosts send the same
// headers, and tests compare index.html's meta tag and README's nginx snippet with it.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const HEADERS_FILE = fileURLToPath(new URL("../www/_headers", import.meta.url));

/**
 * The headers of the `/*` rule of a _headers text, as `{name: value}` with names in lower case.
 * Throws, naming the line, on a header line outside a rule or without a colon: a broken file
 * must stop the server rather than serve the site without its policy.
 */
export function parseHeaders(text, file = "_headers") {
  const rules = new Map();
  let current = null;
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "" || line.trimStart().startsWith("#")) return;
    if (!/^\s/.test(line)) {
      current = {};
      rules.set(line.trim(), current);
      return;
    }
    const colon = line.indexOf(":");
    if (!current || colon < 0) throw new Error(`${file}:${i + 1}: expected "Name: value" under a path`);
    current[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  });
  const all = rules.get("/*");
  if (!all) throw new Error(`${file}: no "/*" rule`);
  return all;
}

/** The headers every response of the site carries. */
export function siteHeaders(file = HEADERS_FILE) {
  return parseHeaders(readFileSync(file, "utf8"), file);
}
