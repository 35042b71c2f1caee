// A TypeScript application using the package by name. `tsc --noEmit` checks it twice (the
// test command's step 9): as a bundler app resolves the package (tsconfig.json: the web
// entry's plumbline.d.ts) and as Node does (tsconfig.node.json: node.d.ts). Extend it with
// every API that ships, so its declarations stay usable.
import init, { initSync, version, Lens, Workspace, type InitInput, type InitOutput, type ImportSummary, type RiskCounts } from "plumbline";

const wasmUrl: InitInput = new URL("plumbline_bg.wasm", import.meta.url);
const output: InitOutput = await init({ module_or_path: wasmUrl });
const memory: WebAssembly.Memory = output.memory;
const sync: (module: { module: BufferSource | WebAssembly.Module }) => InitOutput = initSync;
const engine: string = version();

const lensText = "{}";
const lint = Lens.lint(lensText);
const lens: Lens = Lens.parse(lensText);
const lensName: string = lens.name;
lens.free();

// Answers files in the AWS ListAnswers format, both ways.
const ws: Workspace = await Workspace.open({ storage: "memory" });
const exported: string = await ws.exportAnswers("0".repeat(32), "wellarchitected", { milestoneNumber: 1 });
const imported: ImportSummary = await ws.importAnswers("0".repeat(32), "wellarchitected", exported);
const changed: number = imported.questionsUpdated;
const afterImport: RiskCounts = imported.riskCounts;

export { memory, sync, engine, lint, lensName, changed, afterImport };
