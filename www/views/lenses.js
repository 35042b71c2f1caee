// @ts-check
// The Lenses page, a workbench for lens authors: the built-in lenses (each opens read-only in
// the preview), "Check a lens file" with the engine's findings, and the preview of the checked
// lens with "Try the risk rules" when it has no error, and the workspace's custom lenses
// (Preview, Import lens, Publish lens, Export lens, Delete; see ui/custom-lenses.js).
import * as api from '../api.js';
import { h, routeLink } from '../ui/dom.js';
import { scrollTable } from '../ui/table.js';
import { lensCheckPanel } from '../ui/lens-check.js';
import { lensPreview } from '../ui/lens-preview.js';
import { customLensesPanel } from '../ui/custom-lenses.js';
import { sayError } from '../errors.js';

/** @param {import('../pkg/plumbline.js').LensSummary[]} lenses */
function catalogPanel(lenses) {
  const rows = lenses.map((l) => h('tr', { dataset: { lensAlias: l.lensAlias } },
    h('th', { scope: 'row' }, l.lensName),
    h('td', h('code', l.lensAlias)),
    h('td', l.lensVersion || '—'),
    h('td', l.description || ''),
    h('td', routeLink(`#/lenses/${encodeURIComponent(l.lensAlias)}`, { 'aria-label': `Preview ${l.lensName || l.lensAlias}` }, 'Preview'))));
  return h('section.panel', { 'aria-labelledby': 'builtin-h' },
    h('h2', { id: 'builtin-h' }, 'Built-in lenses'),
    h('p', 'The lenses that come with Plumbline. Preview one to read its questions and try its risk rules.'),
    scrollTable('Built-in lenses', h('table.data',
      h('caption.visually-hidden', `Built-in lenses (${lenses.length})`),
      h('thead', h('tr',
        h('th', { scope: 'col' }, 'Name'),
        h('th', { scope: 'col' }, 'Alias'),
        h('th', { scope: 'col' }, 'Version'),
        h('th', { scope: 'col' }, 'Description'),
        h('th', { scope: 'col' }, 'Actions'))),
      h('tbody', rows))));
}

/**
 * For a lens with errors: its risk rules as written in the text (the engine's draft model
 * leaves out rules it could not read), matched by question id so a shifted index never shows
 * another question's rules, and which rules a diagnostic points into.
 * @param {string} text
 * @param {import('../pkg/plumbline.js').Diagnostic[]} diagnostics
 * @returns {import('../ui/lens-preview.js').DraftRules}
 */
function draftRules(text, diagnostics) {
  /** @type {any} the author's JSON, whatever its shape */
  let raw = null;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = null;
  }
  const errorPaths = diagnostics.filter((d) => d.severity === 'error').map((d) => d.path);
  return {
    rules({ pillar, question }, q) {
      const written = raw?.pillars?.[pillar]?.questions?.[question];
      return written?.id === q.id && Array.isArray(written.riskRules) ? written.riskRules : null;
    },
    hasError: (path) => errorPaths.some((p) => p === path || p.startsWith(`${path}.`)),
  };
}

/** @type {import('../ui/custom-lenses.js').CustomLensStore} */
const customLensStore = {
  list: async () => {
    const [all, damaged] = await Promise.all([api.lenses(), api.damagedLenses()]);
    return { lenses: all.filter((l) => l.lensType === 'CUSTOM_SELF'), damaged };
  },
  importLens: api.importLens,
  createLensVersion: api.createLensVersion,
  exportLens: api.exportLens,
  deleteLens: api.deleteLens,
  tagLens: api.tagLens,
};

/** @param {import('../app.js').ViewContext} ctx */
export async function render(ctx) {
  ctx.setTitle('Lenses');
  const lenses = (await api.lenses()).filter((l) => l.lensType !== 'CUSTOM_SELF');
  const custom = customLensesPanel({
    store: customLensStore,
    announce: ctx.announce,
    // A custom lens, draft or published, is previewed as its draft text in the workbench: the
    // same check, findings and preview as a file, so a draft with errors can be read too.
    preview: async (text, name) => {
      await check.load(text);
      const heading = /** @type {HTMLElement | null} */ (preview.querySelector('h2'));
      heading?.setAttribute('tabindex', '-1');
      heading?.focus();
      heading?.scrollIntoView({ block: 'start' });
      ctx.announce(`Preview of ${name}.`);
    },
  });
  await custom.refresh();
  /** @type {import('../pkg/plumbline.js').Lens | null} */
  let parsed = null; // the engine Lens of the last text checked with no error
  const release = () => {
    parsed?.free();
    parsed = null;
  };

  const preview = h('section.panel', { 'aria-labelledby': 'preview-h', hidden: true, dataset: { preview: '' } });

  /** @param {{text: string, lint: import('../pkg/plumbline.js').LintResult} | null} checked */
  async function showPreview(checked) {
    release();
    if (!checked) {
      preview.hidden = true;
      preview.replaceChildren();
      return;
    }
    const { text, lint } = checked;
    const errors = lint.diagnostics.filter((d) => d.severity === 'error').length;
    preview.hidden = false;
    if (!lint.model) {
      preview.replaceChildren(h('h2', { id: 'preview-h' }, 'Preview'),
        h('p.tryout-unavailable', 'No preview: the structure of the lens could not be read. Fix the errors listed above and choose Check lens again.'));
      return;
    }
    let unavailable = '';
    if (lint.valid) {
      try {
        parsed = await api.parseLens(text);
      } catch (e) {
        unavailable = `Trying the risk rules is unavailable. ${sayError(e)}`;
      }
    } else {
      unavailable = `Trying the risk rules is unavailable: the lens has ${errors} error${errors === 1 ? '' : 's'}, and the engine only evaluates a lens without errors (as AWS only publishes one). Fix them and choose Check lens again.`;
    }
    const lens = parsed;
    preview.replaceChildren(
      h('h2', { id: 'preview-h' }, 'Preview: ', lint.model.name),
      lint.model.description ? h('p.lead', lint.model.description) : '',
      lensPreview(lint.model, { explain: lens ? (answer) => lens.explain(answer) : null, unavailable, draft: lens ? null : draftRules(text, lint.diagnostics) }));
  }

  const check = lensCheckPanel({
    lint: api.lintLens,
    onChecked: async (checked) => {
      custom.setChecked(checked);
      await showPreview(checked);
    },
    announce: ctx.announce,
  });

  const node = h('section.page.lenses-page',
    h('h1', 'Lenses'),
    h('p.lead', 'Write a custom lens and find out what is wrong with it: check the file, preview its questions and try its risk rules. Import it into this workspace and publish a version to review workloads with it.'),
    h('p.banner.read-only', { dataset: { note: 'lenses' } },
      'Everything on this page happens in this browser: a lens file is read here and nothing is uploaded. A checked text is kept only when you import it; the text box is emptied when you leave the page.'),
    catalogPanel(lenses),
    custom.tableNode,
    check.node,
    check.results,
    custom.importNode,
    preview);
  return { node, leave: release };
}
