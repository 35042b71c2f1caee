// @ts-check
// A lens of a workload: its overview (risk counts, questions answered, lens notes with Edit),
// each pillar with its counts and its own notes (Edit per pillar), and the answers file in the
// AWS format both ways (Export answers / Import answers). When a custom lens has a newer
// published version than the one the workload's review uses, a banner offers to upgrade.
// Notes typed in an open editor are saved when the page is hidden or closed.
import * as api from '../api.js';
import { h, routeLink } from '../ui/dom.js';
import { answeredOf, formatDate, isoDate } from '../ui/format.js';
import { riskSummary, updateRiskSummary } from '../ui/risk.js';
import { notesEditor } from '../ui/notes-editor.js';
import { answersFilePanel } from '../ui/answers-file.js';
import { confirmDialog } from '../ui/dialog.js';
import { trackEdits } from '../ui/pending-edits.js';
import { journal, forget } from '../edit-journal.js';
import { sayError } from '../errors.js';
import { flatQuestions, questionHeading, lensName as nameOfLens } from '../ui/lens-text.js';

export const NOTES_MAX = 2084;

/** This page: its node, and what to do when it is left. @typedef {{node: HTMLElement, leave: () => void}} LensPage */

/**
 * @param {import('../app.js').ViewContext} ctx
 * @returns {Promise<LensPage>}
 */
export async function render(ctx) {
  const { workloadId, lensAlias } = ctx.params;
  const w = await api.getWorkload(workloadId);
  if (!w.lenses.includes(lensAlias)) throw api.engineError('NotFound', `The lens "${lensAlias}" is not applied to this workload.`);
  let review = await api.getLensReview(workloadId, lensAlias);
  const model = await api.lensModel(lensAlias, review.lensVersion);
  const lensName = nameOfLens(model, lensAlias);
  const numbered = flatQuestions(model);
  ctx.setTitle(`${lensName} — ${w.workloadName}`);
  const lensBase = `#/workloads/${workloadId}/lenses/${encodeURIComponent(lensAlias)}`;

  const summary = riskSummary(review.riskCounts, { id: 'lens-risks' });
  const updated = h('time', { datetime: isoDate(review.updatedAt) }, formatDate(review.updatedAt));

  // Both kinds of notes live in the one lens review record: every save names its revision,
  // and a refused one (Conflict) re-reads it so the next Save goes over the current one.
  // Journaled first (pillarId null = the lens notes), so a closing page cannot cut it off.
  const pillarNotes = (/** @type {import('../pkg/plumbline.js').LensReview} */ r, /** @type {string} */ id) => r.pillarReviewSummaries.find((p) => p.pillarId === id)?.notes || '';
  /** @param {string | null} pillarId null for the lens notes @param {string} text */
  async function saveNotes(pillarId, text) {
    const before = { notes: pillarId ? pillarNotes(review, pillarId) : review.notes || '' };
    const key = journal('reviewNotes', [workloadId, lensAlias, pillarId], before, { notes: text });
    const update = pillarId ? { pillarNotes: { [pillarId]: text } } : { lensNotes: text };
    try {
      review = await api.updateLensReview(workloadId, lensAlias, { ...update, expectedRevision: review.revision });
    } finally {
      forget(key); // stored, or refused and shown in the editor: nothing left to replay
    }
    updated.textContent = formatDate(review.updatedAt);
    updated.setAttribute('datetime', isoDate(review.updatedAt) || '');
    return review;
  }
  async function reloadReview() {
    review = await api.getLensReview(workloadId, lensAlias);
    return review;
  }

  const onChange = () => edits.changed();
  const lensNotes = notesEditor({
    onChange,
    label: 'Lens notes',
    value: review.notes,
    max: NOTES_MAX,
    emptyText: 'No lens notes yet.',
    save: async (text) => (await saveNotes(null, text)).notes || '',
    reload: async () => (await reloadReview()).notes || '',
  });

  const pillarCells = new Map();
  const editors = [lensNotes];
  const edits = trackEdits({
    flush: () => editors.forEach((e) => e.flush()),
    unsaved: () => editors.some((e) => e.unsaved()),
  });
  const pillarItems = review.pillarReviewSummaries.map((p) => {
    const name = p.pillarName || p.pillarId;
    const figures = h('p.pillar-figures', { dataset: { pillarFigures: p.pillarId } });
    pillarCells.set(p.pillarId, figures);
    const editor = notesEditor({
      onChange,
      label: `Notes on ${name}`,
      value: p.notes,
      max: NOTES_MAX,
      emptyText: 'No notes on this pillar.',
      save: async (text) => pillarNotes(await saveNotes(p.pillarId, text), p.pillarId),
      reload: async () => pillarNotes(await reloadReview(), p.pillarId),
    });
    editors.push(editor);
    return h('li.pillar-item', { dataset: { pillar: p.pillarId } },
      h('h3', name), figures, editor.node);
  });
  function drawFigures() {
    updateRiskSummary(summary, review.riskCounts);
    for (const p of review.pillarReviewSummaries) {
      const c = p.riskCounts;
      const a = answeredOf(p.riskCounts);
      pillarCells.get(p.pillarId)?.replaceChildren(
        `Questions answered ${a.answered}/${a.total} · High risk ${c.HIGH} · Medium risk ${c.MEDIUM}`);
    }
  }
  drawFigures();

  const answersFile = answersFilePanel({
    workloadName: w.workloadName,
    lensAlias,
    exportAnswers: (options) => api.exportAnswers(workloadId, lensAlias, undefined, options),
    importAnswers: (text) => api.importAnswers(workloadId, lensAlias, text),
    questionName: (id) => {
      const entry = numbered.find((q) => q.question.id === id);
      return entry ? questionHeading(entry) : undefined;
    },
    onImported: async () => {
      await reloadReview();
      drawFigures();
    },
  });

  /** @type {LensPage | null} */
  let redrawn = null; // this page drawn again at a new lens version (Upgrade): it leaves too
  const page = h('section.page.lens-page',
    h('nav.breadcrumbs', { 'aria-label': 'Breadcrumb' },
      h('ol',
        h('li', routeLink('#/workloads', {}, 'Workloads')),
        h('li', routeLink(`#/workloads/${workloadId}`, {}, w.workloadName)),
        h('li', { 'aria-current': 'page' }, lensName))),
    upgradeBanner(ctx, workloadId, lensAlias, review, (/** @type {LensPage} */ fresh) => {
      edits.release();
      redrawn = fresh;
      page.replaceWith(fresh.node);
      return fresh.node;
    }),
    h('div.page-head',
      h('div', h('h1', lensName), h('p.subtle', `Workload: ${w.workloadName}`)),
      h('div.head-actions',
        routeLink(`${lensBase}/review`, { class: 'button primary' }, answeredOf(review.riskCounts).answered ? 'Continue reviewing' : 'Start reviewing'),
        routeLink(`${lensBase}/plan`, { class: 'button secondary' }, 'Improvement plan'))),
    h('section.panel', { 'aria-labelledby': 'lo-h' },
      h('h2', { id: 'lo-h' }, 'Lens overview'),
      summary,
      h('dl.props',
        h('div', h('dt', 'Lens version'), h('dd', review.lensVersion || '—')),
        h('div', h('dt', 'Last updated'), h('dd', updated))),
      h('h3', { id: 'lens-notes-h' }, 'Lens notes'),
      lensNotes.node),
    h('section.panel', { 'aria-labelledby': 'pillars-h' },
      h('h2', { id: 'pillars-h' }, 'Pillars'),
      h('ul.pillar-list', pillarItems)),
    answersFile);
  return {
    node: page,
    leave: () => {
      edits.release();
      redrawn?.leave();
    },
  };
}

/** @param {import('../pkg/plumbline.js').LensModel} model */
const questionsOf = (model) =>
  model.pillars.flatMap((p) => p.questions.map((q) => ({ id: q.id, title: q.title })));

/**
 * "This workload uses version X of the lens; version Y is available." with Upgrade lens
 * version: a dialog says what the upgrade does (with the questions removed and added), then
 * the page is drawn again at the new version. Nothing when the review is on the latest.
 * @param {import('../app.js').ViewContext} ctx
 * @param {string} workloadId
 * @param {string} lensAlias
 * @param {import('../pkg/plumbline.js').LensReview} review
 * @param {(fresh: LensPage) => HTMLElement} replacePage
 */
function upgradeBanner(ctx, workloadId, lensAlias, review, replacePage) {
  const from = review.lensVersion;
  const to = review.latestLensVersion;
  if (to === from) return null;
  const error = h('p.error-text', { role: 'alert', hidden: true });
  const button = h('button', { type: 'button', class: 'primary', on: { click: upgrade } }, 'Upgrade lens version');

  async function upgrade() {
    error.hidden = true;
    /** @type {{id: string, title: string}[]} */
    let removed = [];
    /** @type {{id: string, title: string}[]} */
    let added = [];
    try {
      const [before, after] = await Promise.all([api.lensModel(lensAlias, from), api.lensModel(lensAlias, to)]);
      const oldQs = questionsOf(before);
      const newQs = questionsOf(after);
      removed = oldQs.filter((q) => !newQs.some((n) => n.id === q.id));
      added = newQs.filter((q) => !oldQs.some((o) => o.id === q.id));
    } catch (e) {
      console.error(e); // the dialog still explains the rules without the lists
    }
    const list = (/** @type {{id: string, title: string}[]} */ qs) => h('ul', qs.map((q) => h('li', q.title || q.id)));
    const ok = await confirmDialog({
      title: `Upgrade to version ${to}?`,
      body: [
        h('p', `This workload's review of the lens moves from version ${from} to version ${to}, with ${to}'s questions, best practices and risk rules.`),
        h('ul',
          h('li', 'Answers to questions that version ', to, ' keeps stay; a best practice it no longer has is removed from the answer.'),
          h('li', removed.length
            ? `${removed.length} question${removed.length === 1 ? ' is' : 's are'} removed in version ${to}: their answers are kept but no longer count in the risks, the improvement plan or reports.`
            : `No question is removed in version ${to}.`),
          added.length ? h('li', `${added.length} new question${added.length === 1 ? '' : 's'} start${added.length === 1 ? 's' : ''} unanswered.`) : null,
          h('li', 'Risk counts are recalculated. Milestones keep version ', from, '.')),
        removed.length ? h('div', h('h3', 'Questions removed'), list(removed)) : null,
        added.length ? h('div', h('h3', 'New questions'), list(added)) : null,
        h('p', 'This cannot be undone.'),
      ],
      confirmLabel: 'Upgrade lens version',
    });
    if (!ok) return;
    button.disabled = true;
    try {
      await api.upgradeLensReview(workloadId, lensAlias);
    } catch (e) {
      button.disabled = false;
      error.hidden = false;
      error.textContent = sayError(e);
      button.focus();
      return;
    }
    // Drawn again at the new version: its questions, pillars and counts.
    const fresh = await render(ctx);
    if (!ctx.isCurrent()) {
      fresh.leave();
      return;
    }
    const heading = replacePage(fresh).querySelector('h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
    ctx.announce(`The workload now uses version ${to} of the lens.`);
  }

  return h('section.banner', { 'aria-label': 'Newer lens version', dataset: { lensUpgrade: '' } },
    h('p', `This workload uses version ${from} of the lens; version ${to} is available.`),
    button,
    error);
}
