// The part of the TypeScript consumer that uses DOM types: checked only in the configurations
// of tests/js/typecheck.mjs that have the DOM lib. With DOM, `init`'s inputs are the web types.
import init, { initSync, type InitInput, type InitOutput } from "plumbline-review";
import wasmUrl from "plumbline-review/plumbline_bg.wasm";

const url: InitInput = new URL("plumbline_bg.wasm", import.meta.url);
const fromUrl: InitOutput = await init({ module_or_path: url });
const fromBundler: InitOutput = await init({ module_or_path: wasmUrl });
const compiled: WebAssembly.Module = await WebAssembly.compileStreaming(fetch(wasmUrl));
const fromModule: InitOutput = await init({ module_or_path: compiled });
const memory: WebAssembly.Memory = fromUrl.memory;
const sync: (module: { module: BufferSource | WebAssembly.Module }) => InitOutput = initSync;

export { fromBundler, fromModule, memory, sync };
