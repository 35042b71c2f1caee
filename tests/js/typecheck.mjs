// The TypeScript matrix of the test command (not a node:test file; scripts/test.sh runs it):
// the TypeScript consumer, in a scratch project with the packed tarball installed, type-checks
// with TypeScript 5.x, the version the repository builds with and the latest, each with
// moduleResolution bundler and nodenext, with and without the DOM lib, always with
// `skipLibCheck: false` so the package's own declarations are checked too. Each run must
// have read the declarations of the entry that resolution picks (bundler: the web entry's;
// nodenext: node.d.ts for import, node.d.cts for require). Then arethetypeswrong checks the
// tarball and must report no problem.
import { execFileSync } from "node:child_process";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, scratchProject, tarball } from "./scratch.mjs";

const COMPILERS = {
  "typescript-5": "node_modules/typescript-5/bin/tsc",
  typescript: "node_modules/typescript/bin/tsc",
  "typescript-latest": "node_modules/typescript-latest/bin/tsc",
};
const RESOLUTIONS = {
  bundler: { module: "ESNext", moduleResolution: "Bundler", files: ["consumer.ts"], reads: ["plumbline.d.ts"] },
  nodenext: { module: "NodeNext", moduleResolution: "NodeNext", files: ["consumer.ts", "consumer_cjs.cts"], reads: ["node.d.ts", "node.d.cts"] },
};
const LIBS = { dom: ["ES2022", "DOM"], "no-dom": ["ES2022"] };

const dir = scratchProject("typescript", { manifest: { type: "module" } });
for (const f of ["consumer.ts", "consumer_dom.ts", "consumer_cjs.cts"]) copyFileSync(join(ROOT, "tests/js", f), join(dir, f));

const failures = [];
let runs = 0;
for (const [tsName, tsc] of Object.entries(COMPILERS)) {
  const tsVersion = JSON.parse(readFileSync(join(ROOT, "node_modules", tsName, "package.json"), "utf8")).version;
  for (const [resolution, r] of Object.entries(RESOLUTIONS)) {
    for (const [libName, lib] of Object.entries(LIBS)) {
      const label = `TypeScript ${tsVersion}, ${resolution}, ${libName}`;
      const config = `tsconfig.${tsName}.${resolution}.${libName}.json`;
      const files = libName === "dom" ? [...r.files, "consumer_dom.ts"] : r.files;
      writeFileSync(join(dir, config), JSON.stringify({
        compilerOptions: {
          target: "ES2022", module: r.module, moduleResolution: r.moduleResolution, lib, types: [],
          strict: true, noEmit: true, skipLibCheck: false,
        },
        files,
      }, null, 2));
      runs++;
      let listed;
      try {
        listed = execFileSync(process.execPath, [join(ROOT, tsc), "-p", config, "--listFiles"], { cwd: dir, encoding: "utf8" });
      } catch (e) {
        // Diagnostics only, not the list of absolute paths.
        failures.push(`${label}:\n${String(e.stdout).split("\n").filter((l) => !l.startsWith("/")).join("\n")}`);
        continue;
      }
      for (const decl of r.reads) {
        if (!listed.split("\n").some((l) => l.trim().endsWith(`node_modules/plumbline-review/${decl}`))) {
          failures.push(`${label}: did not read the package's ${decl}`);
        }
      }
      console.log(`ok  ${label}`);
    }
  }
}

console.log("arethetypeswrong:");
try {
  console.log(execFileSync(join(ROOT, "node_modules/.bin/attw"), [tarball(), "--format", "ascii"], { encoding: "utf8" }));
} catch (e) {
  failures.push(`arethetypeswrong reported problems:\n${e.stdout}${e.stderr}`);
}

if (failures.length) {
  console.error(failures.join("\n\n"));
  process.exit(1);
}
console.log(`${runs} TypeScript configurations and arethetypeswrong: no problem`);
