// @ts-check
// Review templates: the list (search by name or description, filter by tag, Create template,
// Import template) and one template's page (its lenses with question counts and a Review link
// each, Edit, Define workload from template, Export, Delete). Deleting a template in use says
// which workloads use it first: they keep their answers, their link to it is marked deleted.
import * as api from '../api.js';
import { h, routeLink, nextId } from '../ui/dom.js';
import { scrollTable } from '../ui/table.js';
import { confirmDialog } from '../ui/dialog.js';
import { downloadText, fileName } from '../ui/download.js';
import { routeQuery, replaceRoute } from '../ui/route-query.js';
import { sayError } from '../errors.js';

/** @typedef {import('../pkg/plumbline.js').ReviewTemplate} ReviewTemplate */

const tagText = (/** @type {Record<string, string>} */ tags) => Object.entries(tags).map(([k, v]) => (v ? `${k}=${v}` : k));

/** @param {ReviewTemplate} t */
const answeredText = (t) => `${t.questionCounts.ANSWERED} of ${t.questionCounts.ANSWERED + t.questionCounts.UNANSWERED}`;

/** @param {import('../app.js').ViewContext} ctx */
export async function render(ctx) {
  ctx.setTitle('Review templates');
  const templates = await api.listReviewTemplates();
  const query = routeQuery();
  const searchId = nextId('template-search');
  const tagId = nextId('template-tag');
  const search = /** @type {HTMLInputElement} */ (h('input', { id: searchId, type: 'search', autocomplete: 'off' }));
  search.value = query.get('q') ?? '';
  const allTags = [...new Set(templates.flatMap((t) => tagText(t.tags)))].sort();
  const tagSelect = /** @type {HTMLSelectElement} */ (h('select', { id: tagId },
    h('option', { value: '' }, 'Any tag'), allTags.map((t) => h('option', { value: t }, t))));
  tagSelect.value = query.get('tag') ?? '';
  const status = h('p.visually-hidden', { role: 'status' });
  const body = h('tbody');

  function draw() {
    const words = search.value.trim().toLowerCase();
    const tag = tagSelect.value;
    const shown = templates.filter((t) => (!words || `${t.templateName} ${t.description}`.toLowerCase().includes(words))
      && (!tag || tagText(t.tags).includes(tag)));
    body.replaceChildren(...shown.map((t) => h('tr', { dataset: { templateId: t.templateId } },
      h('th', { scope: 'row' }, routeLink(`#/templates/${t.templateId}`, {}, t.templateName)),
      h('td', t.description),
      h('td', answeredText(t)),
      h('td', String(t.templateVersion)),
      h('td', tagText(t.tags).join(', ')),
      h('td', String(t.usedBy.length)))));
    status.textContent = `${shown.length} of ${templates.length} templates shown.`;
    const params = new URLSearchParams();
    if (search.value) params.set('q', search.value);
    if (tag) params.set('tag', tag);
    replaceRoute(`#/templates${params.size ? `?${params}` : ''}`);
  }
  search.addEventListener('input', draw);
  tagSelect.addEventListener('change', draw);
  draw();

  const importError = h('p.error-text', { hidden: true });
  const importId = nextId('template-file');
  const importInput = /** @type {HTMLInputElement} */ (h('input', { id: importId, type: 'file', accept: '.json,application/json' }));
  importInput.addEventListener('change', async () => {
    const file = importInput.files?.[0];
    if (!file) return;
    importError.hidden = true;
    try {
      const t = await api.importReviewTemplate(await file.text());
      ctx.announce(`Template ${t.templateName} imported.`);
      ctx.navigate(`#/templates/${t.templateId}`);
    } catch (e) {
      importError.hidden = false;
      importError.textContent = `The file was not imported: ${sayError(e)}`;
      importInput.value = '';
    }
  });

  return h('section.page',
    h('div.page-head',
      h('h1', 'Review templates'),
      h('div.head-actions', routeLink('#/templates/new', { class: 'button primary' }, 'Create template'))),
    h('p', 'A template holds answers and notes prepared once. A workload defined from it starts with them; when the template changes, the workload can take the changes its team has not overridden.'),
    h('div.field', h('label', { for: importId }, 'Import template (a file exported from Plumbline)'), importInput, importError),
    h('div.filters',
      h('div.field', h('label', { for: searchId }, 'Search templates'), search),
      h('div.field', h('label', { for: tagId }, 'Tag'), tagSelect)),
    status,
    templates.length
      ? scrollTable('Review templates', h('table.data',
        h('caption.visually-hidden', 'Review templates'),
        h('thead', h('tr', ['Name', 'Description', 'Questions answered', 'Version', 'Tags', 'Workloads using it'].map((c) => h('th', { scope: 'col' }, c)))),
        body))
      : h('p', 'No review templates yet.'));
}

/** @param {import('../app.js').ViewContext} ctx */
export async function detail(ctx) {
  const { templateId } = ctx.params;
  const t = await api.getReviewTemplate(templateId);
  ctx.setTitle(t.templateName);
  const reviews = await Promise.all(t.lenses.map((alias) => api.getReviewTemplateLensReview(templateId, alias)));
  const base = `#/templates/${templateId}`;

  async function remove() {
    const users = t.usedBy.map((u) => h('li', u.workloadName));
    const ok = await confirmDialog({
      title: `Delete template ${t.templateName}?`,
      body: users.length
        ? [h('p', `${users.length} workload(s) were defined from it. They keep their answers and notes; their link to the template is marked deleted and they can no longer update from it.`), h('ul', users)]
        : [h('p', 'No workload uses it. Its answers and notes are deleted.')],
      confirmLabel: 'Delete template',
      danger: true,
    });
    if (!ok) return;
    await api.deleteReviewTemplate(templateId);
    ctx.announce(`Template ${t.templateName} deleted.`);
    ctx.navigate('#/templates');
  }

  async function exportFile() {
    downloadText(`${fileName(t.templateName, 'template')}.json`, await api.exportReviewTemplate(templateId), 'application/json');
  }

  return h('section.page',
    h('nav.breadcrumbs', { 'aria-label': 'Breadcrumb' },
      h('ol', h('li', routeLink('#/templates', {}, 'Review templates')), h('li', { 'aria-current': 'page' }, t.templateName))),
    h('div.page-head',
      h('h1', t.templateName),
      h('div.head-actions',
        routeLink(`#/workloads/new?template=${templateId}`, { class: 'button primary' }, 'Define workload from template'),
        routeLink(`${base}/edit`, { class: 'button secondary' }, 'Edit'),
        h('button', { type: 'button', class: 'secondary', on: { click: exportFile } }, 'Export'),
        h('button', { type: 'button', class: 'danger', on: { click: remove } }, 'Delete'))),
    h('p', t.description),
    t.notes ? h('p.notes', t.notes) : null,
    h('p', `Version ${t.templateVersion}. Questions answered: ${answeredText(t)}. Tags: ${tagText(t.tags).join(', ') || 'none'}.`),
    h('p', t.usedBy.length ? `Used by: ${t.usedBy.map((u) => u.workloadName).join(', ')}.` : 'No workload uses it yet.'),
    h('h2', 'Lenses'),
    h('ul.template-lenses', reviews.map((r) => h('li',
      routeLink(`${base}/lenses/${encodeURIComponent(r.lensAlias)}/review`, {}, `Review ${r.lensName}`),
      ` — ${r.questionCounts.ANSWERED} answered, ${r.questionCounts.UNANSWERED} unanswered`))));
}
