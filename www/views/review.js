// @ts-check
// The review: three panels as on the console's question page. Left: pillars and their
// questions (Done / N/A). Center: the question, its best practices, "Question does not apply",
// per-choice not applicable, notes, Previous / Next / Save and exit. Right: helpful resources
// and Info. A change shows its risk and the counts at once (evaluated in the page with the
// loaded lens), then is saved; a failed save shows the stored answer again (re-read, so after
// another tab's change it is that tab's answer) and says why next to the control, with Reload.
// Typed notes are saved when the page is hidden or closed (ui/pending-edits.js), through the
// journal (edit-journal.js) so a reload that cuts the save off does not lose them.
//
// The state (the answer being edited, each question's risk, saves in flight, where the review
// stands) is models/review-model.js and the parts of the page are ui/review-parts.js; this
// file puts them together and turns the user's changes into model calls and saves.
import * as api from '../api.js';
import { h, routeLink, nextId } from '../ui/dom.js';
import { RISK_LABELS } from '../ui/format.js';
import { riskBadge, riskSummary, updateRiskSummary } from '../ui/risk.js';
import { flatQuestions, questionHeading, lensName as nameOfLens } from '../ui/lens-text.js';
import { evaluateQuestion } from '../ui/local-risk.js';
import { trackEdits } from '../ui/pending-edits.js';
import { journal, forget, answerFields } from '../edit-journal.js';
import {
  RiskBoard, SaveTracker, position, formFromAnswer, selectChoice, markChoiceNotApplicable,
  editChoice, editQuestion, answerUpdate,
} from '../models/review-model.js';
import {
  reasonSelect, questionNav, infoPanel, choiceRow, notesField, reviewActions, drawForm, naToggle,
} from '../ui/review-parts.js';
import { sayError, kindOf } from '../errors.js';
import { prioritizedBadge, prioritizedCounts, prioritizedFilter } from '../ui/prioritized.js';
import { readOnlyReason } from '../sync/shared-list.js';

/** @typedef {import('../pkg/plumbline.js').AnswerUpdate} AnswerUpdate */
/** @typedef {import('../pkg/plumbline.js').Risk} Risk */
/** @typedef {import('../models/review-model.js').AnswerForm} AnswerForm */
/** @typedef {ReturnType<typeof flatQuestions>[number]} Entry */

const QUESTION_TITLE_ID = 'question-title';

/**
 * Why a save failed, in words the user can act on.
 * @param {unknown} e the engine's error
 */
function saveFailure(e) {
  if (kindOf(e) === 'Conflict') return 'this answer was changed in another tab or window. Its saved answer is shown now; make your change again if it still applies.';
  if (kindOf(e) === 'QuotaExceeded') return 'the browser has no storage space left for this site. Free some space (delete old workloads or milestones), then try again.';
  return sayError(e);
}

/**
 * The answer's controls; on a read-only shared workload inside a disabled fieldset (which
 * disables every control in it whatever the form's own state) with the reason said above them.
 * @param {string} workloadId @param {...HTMLElement} parts
 */
function answerPartsOf(workloadId, ...parts) {
  const reason = readOnlyReason(workloadId);
  if (!reason) return parts;
  return h('fieldset.read-only-answer', { disabled: true, dataset: { readOnly: '' } },
    h('legend', 'Answer (read-only)'), h('p.banner.read-only', { role: 'note' }, reason), parts);
}

/** @param {string} message */
function notFound(message) {
  return api.engineError('NotFound', message);
}

/** @param {import('../app.js').ViewContext} ctx */
export async function render(ctx) {
  const { workloadId, lensAlias } = ctx.params;
  // A review template's questions are answered on this same page (its answers are stored and
  // checked as a workload's); it shows no risk, as templates are not evaluated, and has no profile.
  const template = ctx.params.mode === 'template';
  const [w, review, answers, priorities] = await Promise.all([
    template ? api.getReviewTemplate(workloadId).then((t) => ({ workloadName: t.templateName, lenses: t.lenses, reviewTemplate: undefined }))
      : api.getWorkload(workloadId),
    api.getLensReview(workloadId, lensAlias),
    api.listAnswers(workloadId, lensAlias),
    template ? null : api.prioritizedQuestions(workloadId),
  ]);
  const prioritized = priorities?.questions[lensAlias] || [];
  // The version this workload reviews (a custom lens can have newer ones).
  const [model, engineLens] = await Promise.all([
    api.lensModel(lensAlias, review.lensVersion),
    api.lensEngine(lensAlias, review.lensVersion),
  ]);
  if (!w.lenses.includes(lensAlias)) throw notFound(`The lens "${lensAlias}" is not applied to this workload.`);
  const entries = flatQuestions(model);
  const board = new RiskBoard(entries.map((e) => e.question.id), answers);
  const at = position(entries, ctx.params.questionId, board.risks);
  if (!at) throw notFound('This question is not in the lens.');
  const entry = at.current;
  const q = entry.question;
  const overview = template ? `#/templates/${workloadId}` : `#/workloads/${workloadId}`;
  const base = `${overview}/lenses/${encodeURIComponent(lensAlias)}/review`;
  const lensName = nameOfLens(model, lensAlias);
  ctx.setTitle(`${entry.number} — ${lensName} — ${w.workloadName}`);

  let answer = await api.getAnswer(workloadId, lensAlias, q.id);
  let form = formFromAnswer(q.choices, answer);
  const saves = new SaveTracker();

  const nav = questionNav(model, entries, entry, base, board);
  const info = infoPanel();
  // The question's description stands under its title already: the panel gives the resource.
  const showQuestionInfo = (/** @type {boolean} */ focus) => info.show(questionHeading(entry), q.helpfulResource, undefined, focus);
  showQuestionInfo(false);

  // ---- center panel ------------------------------------------------------------------------
  const riskLive = h('p.question-risk', { hidden: template }, 'Question risk: ', riskBadge(answer.risk));
  // Until the team changes it, an answer copied from a review template says so.
  const sourceMark = h('p.template-mark', { dataset: { fromTemplate: '' } });
  const showSource = () => {
    const link = w.reviewTemplate;
    sourceMark.hidden = !answer.fromTemplate || !link;
    sourceMark.textContent = link ? `From template ${link.templateName}${link.deleted ? ' (deleted)' : ''}` : '';
  };
  showSource();
  const naId = nextId('q-na');
  const naBox = /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox', id: naId, dataset: { role: 'question-na' } }));
  const naReason = reasonSelect(nextId('q-na-reason'), 'Reason the question does not apply');
  const naReasonBlock = h('div.na-reason', { hidden: true }, naReason.node);
  const choiceRows = q.choices.map((c) => choiceRow(c, (choice) => info.show(choice.title, choice.helpfulResource, choice.description, true)));
  const notes = notesField();
  const saveState = h('p.save-state', { role: 'status' });
  // Placed next to the control whose save failed (see showFailure), announced through the
  // page's live region rather than as an alert of its own, so it is read once.
  const errorText = h('p.error-text');
  const errorBox = h('div.save-error', { hidden: true, dataset: { saveError: '' } },
    errorText,
    h('button', { type: 'button', class: 'secondary', on: { click: () => ctx.reload() } }, 'Reload'));
  const choiceListId = nextId('choice-list');
  const naShown = naToggle(choiceListId, () => drawForm(controls, form));
  const choiceFieldset = /** @type {HTMLFieldSetElement} */ (h('fieldset.choices',
    h('legend', 'Select from the following'),
    h('ul.choice-list', { id: choiceListId }, choiceRows.map((r) => r.row)),
    choiceRows.some((r) => r.na) ? naShown : null));
  const controls = { naBox, naReason: naReason.select, naReasonBlock, choiceFieldset, choiceRows, notes, naShown };
  const questionRoute = (/** @type {Entry | null} */ e) => (e ? `${base}/${encodeURIComponent(e.question.id)}` : null);

  const answerParts = (/** @type {HTMLElement[]} */ ...parts) => answerPartsOf(workloadId, ...parts);
  const center = h('section.review-question', { 'aria-labelledby': QUESTION_TITLE_ID },
    h('div.question-head',
      h('h2', { id: QUESTION_TITLE_ID, tabindex: '-1' }, questionHeading(entry)),
      h('button', { type: 'button', class: 'link-button info-button', 'aria-label': 'Info: about this question', on: { click: () => showQuestionInfo(true) } }, 'Info')),
    q.description ? h('p.question-description', q.description) : null,
    riskLive,
    sourceMark,
    answerParts(
      h('div.question-na',
        h('div.choice-line', naBox, h('label', { for: naId }, 'Question does not apply to this workload')),
        naReasonBlock),
      choiceFieldset,
      notes.node),
    errorBox,
    saveState,
    reviewActions({ previous: questionRoute(at.previous), next: questionRoute(at.next), overview }, (route) => go(route)));

  const summary = riskSummary(board.counts(), { id: 'review-risks' });
  /**
   * Shows `risk` for this question everywhere on the page: badge, nav marks, counts.
   * @param {Risk} risk
   */
  function showRisk(risk) {
    board.set(q.id, risk);
    riskLive.replaceChildren('Question risk: ', riskBadge(risk));
    updateRiskSummary(summary, board.counts());
    nav.refresh();
  }

  /** The text fields being typed in now, which a returning save must leave as they are. */
  function typingNow() {
    const typing = new Set();
    if (document.activeElement === notes.input) typing.add('notes');
    for (const r of choiceRows) if (r.na && document.activeElement === r.na.notes) typing.add(r.choice.id);
    return typing;
  }

  // Saves run one after another (see SaveTracker for which ones refill the form).
  let queue = Promise.resolve();
  /** @type {string | null} */
  let journalKey = null;

  // The control a save came from → the block the message goes after.
  const blockOf = (/** @type {HTMLElement} */ source) => source.closest('li.choice, .question-na, .field') ?? notes.node;

  /**
   * @param {unknown} e
   * @param {HTMLElement} source
   * @param {AnswerUpdate} update
   */
  async function showFailure(e, source, update) {
    if (kindOf(e) === 'Conflict') {
      // Show what is stored now (another tab's answer), not this tab's stale copy.
      try {
        answer = await api.getAnswer(workloadId, lensAlias, q.id);
      } catch (readError) {
        console.error(readError);
      }
    }
    form = formFromAnswer(q.choices, answer, form);
    drawForm(controls, form);
    showRisk(answer.risk);
    const lostNotes = update.notes && update.notes !== (answer.notes ?? '') ? update.notes : '';
    const message = `Your change was not saved: ${saveFailure(e)}`;
    errorText.textContent = lostNotes ? `${message} The notes you typed were: “${lostNotes}”` : message;
    const block = blockOf(source);
    if (block.matches('li')) block.append(errorBox); // inside the choice's item: a list holds only items
    else block.after(errorBox);
    errorBox.hidden = false;
    errorBox.scrollIntoView({ block: 'nearest' });
    saveState.textContent = 'Not saved.';
    ctx.announce(message);
  }

  /** @param {HTMLElement} source the control the change came from */
  function save(source) {
    const update = answerUpdate(form);
    const ticket = saves.start();
    // Journaled first, synchronously: if the page goes away before IndexedDB has it, the next
    // start of the app finishes this save.
    journalKey = journal('answer', [workloadId, lensAlias, q.id, update], answerFields(answer), answerFields(update));
    saveState.textContent = 'Saving…';
    // On screen first: the risk from the lens in memory, within the frame of the click.
    const shown = board.get(q.id);
    const local = evaluateQuestion(engineLens, q.id, entry.pillar.id, update);
    if (local) {
      showRisk(local);
      if (local !== shown) ctx.announce(`Question risk is now ${RISK_LABELS[local]}.`);
    }
    const key = journalKey;
    queue = queue.then(async () => {
      if (saves.dropped(ticket)) return;
      try {
        // Name the revision read, so a change made meanwhile in another tab is refused.
        update.expectedRevision = answer.revision;
        answer = await api.updateAnswer(workloadId, lensAlias, q.id, update);
        const last = saves.stored();
        errorBox.hidden = true;
        if (!last) return;
        forget(key);
        form = formFromAnswer(q.choices, answer, form, typingNow());
        drawForm(controls, form);
        showRisk(answer.risk);
        showSource();
        saveState.textContent = 'All changes saved.';
        if (!local && shown !== answer.risk) ctx.announce(`Question risk is now ${RISK_LABELS[answer.risk]}.`);
      } catch (e) {
        saves.refused();
        forget(key); // reported here; nothing for the next start to replay
        await showFailure(e, source, update);
      }
    });
    return queue;
  }

  /**
   * The user changed the form: the model takes the change, the controls show the result, and
   * the answer is saved.
   * @param {AnswerForm} next
   * @param {HTMLElement} source
   */
  function change(next, source) {
    form = next;
    drawForm(controls, form);
    save(source);
  }

  naBox.addEventListener('change', () => change(editQuestion(form, { isApplicable: !naBox.checked }), naBox));
  naReason.select.addEventListener('change', () => change(editQuestion(form, { reason: /** @type {any} */ (naReason.select.value) }), naReason.select));
  for (const r of choiceRows) {
    r.box.addEventListener('change', () => change(selectChoice(form, q.choices, r.choice.id, r.box.checked), r.box));
    const na = r.na;
    if (!na) continue;
    na.input.addEventListener('change', () => change(markChoiceNotApplicable(form, r.choice.id, na.input.checked), na.input));
    na.reason.addEventListener('change', () => change(editChoice(form, r.choice.id, { reason: /** @type {any} */ (na.reason.value) }), na.reason));
    na.notes.addEventListener('input', () => { form = editChoice(form, r.choice.id, { notes: na.notes.value }); });
    na.notes.addEventListener('change', () => save(na.notes));
  }
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let notesTimer;
  notes.input.addEventListener('input', () => {
    form = editQuestion(form, { notes: notes.input.value });
    notes.updateCount();
    saves.dirtyNotes = true;
    clearTimeout(notesTimer);
    notesTimer = setTimeout(() => { if (saves.dirtyNotes) save(notes.input); }, 800);
  });
  notes.input.addEventListener('change', () => { if (saves.dirtyNotes) save(notes.input); });

  // Starts saving whatever is typed and not saved yet (also from pagehide: see pending-edits).
  function flushNow() {
    clearTimeout(notesTimer);
    const typing = choiceRows.find((r) => r.na && document.activeElement === r.na.notes);
    if (saves.dirtyNotes || typing?.na) save(typing?.na ? typing.na.notes : notes.input);
  }
  const edits = trackEdits({ flush: flushNow });

  async function flush() {
    flushNow();
    await queue;
  }

  /** @param {string} route */
  async function go(route) {
    await flush();
    ctx.navigate(route);
  }

  drawForm(controls, form);
  nav.refresh();
  const profileParts = prioritized.length ? showPrioritized(nav.node, center, base, prioritized) : null;

  const node = h('section.page.review-page',
    h('nav.breadcrumbs', { 'aria-label': 'Breadcrumb' },
      h('ol',
        template ? h('li', routeLink('#/templates', {}, 'Review templates')) : h('li', routeLink('#/workloads', {}, 'Workloads')),
        h('li', routeLink(overview, {}, w.workloadName)),
        h('li', { 'aria-current': 'page' }, `Review: ${lensName}`))),
    h('div.page-head',
      h('h1', `${w.workloadName}: ${lensName}`),
      template ? null : h('div.head-actions',
        routeLink(`#/workloads/${workloadId}/lenses/${encodeURIComponent(lensAlias)}`, { class: 'button secondary' }, 'Lens overview'),
        routeLink(`#/workloads/${workloadId}/lenses/${encodeURIComponent(lensAlias)}/plan`, { class: 'button secondary' }, 'Improvement plan'))),
    h('div.review-status', { 'aria-label': 'Lens progress', role: 'group', hidden: template }, summary,
      profileParts ? prioritizedCounts(answers, prioritized, priorities?.profile?.profileName) : null),
    h('div.review-layout', nav.node, center, info.node));
  const leave = async () => {
    await flush();
    edits.release();
  };
  return { node, leave, focus: ctx.params.questionId ? `#${QUESTION_TITLE_ID}` : 'h1' };
}

/**
 * Marks the prioritised questions (badge in the question list and on the question) and puts the
 * "Prioritized by profile" filter above the list, which then shows only them.
 * @param {HTMLElement} navNode @param {HTMLElement} center @param {string} base @param {string[]} prioritized
 */
function showPrioritized(navNode, center, base, prioritized) {
  for (const a of navNode.querySelectorAll('a')) {
    const id = decodeURIComponent((a.getAttribute('href') || '').slice(base.length + 1));
    const li = a.closest('li');
    if (prioritized.includes(id)) a.append(' ', prioritizedBadge());
    else if (li) li.dataset.notPrioritized = '';
  }
  const current = decodeURIComponent(location.hash.split('?')[0].slice(base.length + 1));
  const heading = center.querySelector('h2');
  if (heading && prioritized.includes(current)) heading.after(prioritizedBadge());
  const filter = prioritizedFilter((on) => {
    for (const li of /** @type {NodeListOf<HTMLElement>} */ (navNode.querySelectorAll('li[data-not-prioritized]'))) li.hidden = on;
  });
  navNode.prepend(filter.node);
  return filter;
}
