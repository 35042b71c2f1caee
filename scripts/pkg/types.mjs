// Rewrites the declarations wasm-bindgen made (pkg/plumbline.d.ts) so that they compile in every
// strict setup (`skipLibCheck: false`), with or without the DOM lib, and writes the
// declarations of the other entries from them:
// - `Symbol.dispose` needs the `esnext.disposable` lib, which a project on `lib: ["ES2022"]`
//   lacks: the file references it.
// - `init`'s inputs name DOM types (RequestInfo, Response, BufferSource, WebAssembly.Module),
//   which a Node project without DOM types does not have. Each is read off `globalThis` when
//   the project declares it and is `never` otherwise, so nothing is required and nothing is
//   added to the project's globals.
// - node.d.cts: the same declarations for the CommonJS entry (a .d.cts, so that TypeScript
//   knows that file is CommonJS); node.d.ts re-exports the ESM ones.
// - plumbline_bg.wasm.d.ts (.d.cts for `require`): the engine file as bundlers hand it over (a URL string, with
//   esbuild's `file` loader or webpack's `asset/resource`), replacing wasm-bindgen's
//   description of its raw exports, which no consumer can import.
import { readFileSync, writeFileSync } from "node:fs";

const file = "pkg/plumbline.d.ts";
let dts = readFileSync(file, "utf8");

function patch(from, to) {
  if (!dts.includes(from)) throw new Error(`${file}: ${JSON.stringify(from)} not found (wasm-bindgen changed its declarations?)`);
  dts = dts.replaceAll(from, to);
}

const FROM_GLOBAL = `
// Web types taken from the project's own globals when it declares them (the DOM lib, or
// @types/node) and \`never\` otherwise: these declarations need no particular lib.
type GlobalClass<Name extends string> = typeof globalThis extends { [K in Name]: { prototype: infer T } } ? T : never;
type GlobalWebAssembly<Name extends string> = typeof globalThis extends { WebAssembly: { [K in Name]: { prototype: infer T } } } ? T : never;
export type WasmModule = GlobalWebAssembly<"Module">;
`;

patch("export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;",
  `${FROM_GLOBAL}
export type InitInput = string | GlobalClass<"Request"> | GlobalClass<"URL"> | GlobalClass<"Response"> | ArrayBuffer | ArrayBufferView | WasmModule;`);
patch("export type SyncInitInput = BufferSource | WebAssembly.Module;", "export type SyncInitInput = ArrayBuffer | ArrayBufferView | WasmModule;");
patch("readonly memory: WebAssembly.Memory;", 'readonly memory: GlobalWebAssembly<"Memory">;');
patch("readonly __wbindgen_externrefs: WebAssembly.Table;", 'readonly __wbindgen_externrefs: GlobalWebAssembly<"Table">;');
dts = `/// <reference lib="esnext.disposable" />\n${dts}`;
for (const dom of ["RequestInfo |", "BufferSource |", ": WebAssembly.", "| WebAssembly."]) {
  if (dts.includes(dom)) throw new Error(`${file} still names the DOM type ${dom}`);
}
writeFileSync(file, dts);
writeFileSync("pkg/node.d.cts", dts);
writeFileSync("pkg/plumbline_bg.wasm.d.ts", `// The engine file, as a bundler that emits it as an asset hands it over: its URL (esbuild
// \`--loader:.wasm=file\`, webpack \`type: "asset/resource"\`). Pass it to init:
// \`await init({ module_or_path: wasmUrl })\`. In Vite, import "plumbline-review/plumbline_bg.wasm?url".
declare const wasmUrl: string;
export default wasmUrl;
`);
// The same for `require` (webpack and esbuild hand the URL over as the module itself).
writeFileSync("pkg/plumbline_bg.wasm.d.cts", `// The engine file's URL, as a bundler that emits it as an asset hands it to \`require\`.
declare const wasmUrl: string;
export = wasmUrl;
`);
console.log(`${file}, node.d.cts, plumbline_bg.wasm.d.ts/.d.cts: declarations for every lib setup`);
