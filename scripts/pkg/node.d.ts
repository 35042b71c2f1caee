// The Node entry exports exactly the web entry's API; the engine is already initialised.
export * from "./plumbline.js";
export { default } from "./plumbline.js";
