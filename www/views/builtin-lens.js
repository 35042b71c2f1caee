// @ts-check
// A built-in lens opened in the workbench, read-only: its questions, choices and risk rules,
// and "Try the risk rules" on each question with the engine's own lens. Nothing is saved.
import * as api from '../api.js';
import { h, routeLink } from '../ui/dom.js';
import { lensPreview } from '../ui/lens-preview.js';
import { lensName } from '../ui/lens-text.js';

/** @param {import('../app.js').ViewContext} ctx */
export async function render(ctx) {
  const { lensAlias } = ctx.params;
  if (!(await api.lenses()).some((l) => l.lensAlias === lensAlias)) {
    throw api.engineError('NotFound', `There is no built-in lens "${lensAlias}".`);
  }
  const [lens, model] = await Promise.all([api.lensEngine(lensAlias), api.lensModel(lensAlias)]);
  const name = lensName(model, lensAlias);
  ctx.setTitle(`${name} — Lenses`);
  return h('section.page.lenses-page',
    h('nav.breadcrumbs', { 'aria-label': 'Breadcrumb' },
      h('ol',
        h('li', routeLink('#/lenses', {}, 'Lenses')),
        h('li', { 'aria-current': 'page' }, name))),
    h('h1', name),
    model.description ? h('p.lead', model.description) : null,
    h('p.banner.read-only', 'A built-in lens, read-only. Trying its risk rules changes no workload and nothing is kept.'),
    h('section.panel', { 'aria-labelledby': 'preview-h', dataset: { preview: '' } },
      h('h2', { id: 'preview-h' }, 'Preview'),
      lensPreview(model, { explain: (answer) => lens.explain(answer) })));
}
