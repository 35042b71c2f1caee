// @ts-check
// Checks lens texts off the page's main thread: a text with tens of thousands of problems
// takes the engine seconds, and in the page that would freeze typing, scrolling and screen
// readers for as long. api.lintLens posts {id, text, options}; the answer is {id, lint} or
// {id, error: {message, kind}}. The engine is loaded here once, through engine.js as in the page.
import { loadEngine } from './engine.js';
import { errorText, kindOf } from './errors.js';

self.addEventListener('message', async ({ data }) => {
  const { id, text, options } = data || {};
  try {
    const { Lens } = await loadEngine();
    self.postMessage({ id, lint: options ? Lens.lint(text, options) : Lens.lint(text) });
  } catch (e) {
    self.postMessage({ id, error: { message: errorText(e), kind: kindOf(e) } });
  }
});
