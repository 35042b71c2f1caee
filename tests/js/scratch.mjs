// Scratch projects for the consumer tests (not a test file itself): a folder under
// target/consumers/ with its own package.json and the packed tarball installed by npm, as a
// user of the published package would have it. npm's cache makes a repeat install take a
// second or two; each call starts from an empty folder so no earlier run leaks in.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** pkg/package.json, the manifest of the packed package. */
export const manifest = () => JSON.parse(readFileSync(join(ROOT, "pkg/package.json"), "utf8"));

/** The tarball that scripts/pack.sh made (the name and version of pkg/package.json). */
export function tarball() {
  const { name, version } = manifest();
  return join(ROOT, "target/npm", `${name}-${version}.tgz`);
}

/**
 * Makes target/consumers/NAME with `files` (path → text) and a package.json (`manifest`
 * merged in), installs the tarball there, and returns the folder's absolute path.
 */
export function scratchProject(name, { manifest = {}, files = {} } = {}) {
  const dir = join(ROOT, "target/consumers", name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: `consumer-${name}`, private: true, ...manifest }, null, 2));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--no-package-lock", "--loglevel=error", tarball()], {
    cwd: dir,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, npm_config_update_notifier: "false" },
  });
  return dir;
}

/** Runs `node ARGS` in `dir` and returns its stdout (throws with stderr when it fails). */
export function runNode(dir, args) {
  return execFileSync(process.execPath, args, { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}
