// The review: three panels as on the console's question page. Left: pillars and their
// questions (Done / N/A). Center: the question, its best practices, "Question does not apply",
// per-choice not applicable, notes, Previous / Next / Save and exit. Right: helpful resources
// and Info. A change shows its risk and the counts at once (evaluated in the page with the
// loaded lens), then is saved; a failed save shows the stored answer again (re-read, so after
// another tab's change it is that tab's answer) and says why next to the control, with Reload.
// Typed notes are saved when the page is hidden or closed (ui/pending-edits.js), through the
// journal (edit-journal.js) so a reload that cuts the save off does not lose them.
import * as api from '../api.js';
import { h, append, routeLink, externalLink, nextId } from '../ui/dom.js';
import { REASONS, RISK_LABELS } from '../ui/format.js';
import { riskBadge, riskSummary, updateRiskSummary } from '../ui/risk.js';
import { flatQuestions, questionHeading, isNoneOfThese } from '../ui/lens-text.js';
import { evaluateQuestion, tally } from '../ui/local-risk.js';
import { trackEdits } from '../ui/pending-edits.js';
import { journal, forget, answerFields } from '../edit-journal.js';

const NOTES_MAX = 2084;
const CHOICE_NOTES_MAX = 250;

function reasonSelect(id, value, labelText) {
  const select = h('select', { id }, REASONS.map(([v, t]) => h('option', { value: v }, t)));
  select.value = value || 'OUT_OF_SCOPE';
  return h('div.inline-field', h('label', { for: id }, labelText), select);
}

/** Why a save failed, in words the user can act on. */
function saveFailure(e) {
  if (e?.kind === 'Conflict') return 'this answer was changed in another tab or window. Its saved answer is shown now; make your change again if it still applies.';
  if (e?.kind === 'QuotaExceeded') return 'the browser has no storage space left for this site. Free some space (delete old workloads or milestones), then try again.';
  return e?.message || String(e);
}

export async function render(ctx) {
  const { workloadId, lensAlias } = ctx.params;
  const [w, review, answers] = await Promise.all([
    api.getWorkload(workloadId),
    api.getLensReview(workloadId, lensAlias),
    api.listAnswers(workloadId, lensAlias),
  ]);
  // The version this workload reviews (a custom lens can have newer ones).
  const [model, engineLens] = await Promise.all([
    api.lensModel(lensAlias, review.lensVersion),
    api.lensEngine(lensAlias, review.lensVersion),
  ]);
  if (!(w.lenses || []).includes(lensAlias)) {
    const e = new Error(`The lens "${lensAlias}" is not applied to this workload.`);
    e.kind = 'NotFound';
    throw e;
  }
  const entries = flatQuestions(model);
  const risks = new Map(answers.map((a) => [a.questionId, a.risk || 'UNANSWERED']));
  let entry = entries.find((e) => e.question.id === ctx.params.questionId);
  if (!ctx.params.questionId) entry = entries.find((e) => (risks.get(e.question.id) || 'UNANSWERED') === 'UNANSWERED') || entries[0];
  if (!entry) {
    const e = new Error('This question is not in the lens.');
    e.kind = 'NotFound';
    throw e;
  }
  const q = entry.question;
  const base = `#/workloads/${workloadId}/lenses/${encodeURIComponent(lensAlias)}/review`;
  const lensName = model.name || lensAlias;
  ctx.setTitle(`${entry.number} — ${lensName} — ${w.workloadName}`);

  let answer = await api.getAnswer(workloadId, lensAlias, q.id);

  // ---- left panel --------------------------------------------------------------------------
  const navItems = new Map();
  const pillarCounts = new Map();
  function markFor(risk) {
    if (risk === 'NOT_APPLICABLE') return 'N/A';
    if (risk && risk !== 'UNANSWERED') return 'Done';
    return '';
  }
  const left = h('nav.review-nav', { 'aria-label': 'Questions' },
    h('h2.panel-title', 'Pillars'),
    model.pillars.map((pillar) => {
      const inPillar = entries.filter((e) => e.pillar === pillar);
      const count = h('span.pillar-count');
      pillarCounts.set(pillar.id, { el: count, questions: inPillar.map((e) => e.question.id) });
      return h('details', { open: pillar === entry.pillar },
        h('summary', h('span', pillar.name), ' ', count),
        h('ol.question-list', inPillar.map((e) => {
          const mark = h('span.mark');
          const link = routeLink(`${base}/${encodeURIComponent(e.question.id)}`,
            { 'aria-current': e === entry ? 'page' : undefined }, h('span.q-text', questionHeading(e)), ' ', mark);
          navItems.set(e.question.id, mark);
          return h('li', link);
        })));
    }));
  function refreshNav() {
    for (const [qid, mark] of navItems) {
      const m = markFor(risks.get(qid));
      mark.textContent = m ? `(${m})` : '';
      mark.className = `mark ${m === 'Done' ? 'mark-done' : m === 'N/A' ? 'mark-na' : ''}`;
    }
    for (const { el, questions } of pillarCounts.values()) {
      const done = questions.filter((id) => (risks.get(id) || 'UNANSWERED') !== 'UNANSWERED').length;
      el.textContent = `(${done}/${questions.length})`;
    }
  }

  // ---- right panel -------------------------------------------------------------------------
  const infoTitle = h('h3', { id: 'info-title', tabindex: '-1' });
  const infoBody = h('div.info-body');
  const right = h('aside.review-info', { 'aria-labelledby': 'info-heading' },
    h('h2.panel-title', { id: 'info-heading' }, 'Helpful resources'),
    infoTitle, infoBody);
  function showInfo(title, resource, description, focus) {
    infoTitle.textContent = title;
    infoBody.replaceChildren();
    append(infoBody, [
      description ? h('p', description) : null,
      resource?.displayText ? h('p', resource.displayText) : null,
      resource?.url ? h('p', externalLink(resource.url, 'Read more')) : null,
      !description && !resource ? h('p.subtle', 'No further information for this item.') : null]);
    if (focus) infoTitle.focus();
  }
  const showQuestionInfo = (focus) => showInfo(questionHeading(entry), q.helpfulResource, q.description, focus);
  showQuestionInfo(false);

  // ---- center panel ------------------------------------------------------------------------
  const riskLive = h('p.question-risk', 'Question risk: ', riskBadge(answer.risk || 'UNANSWERED'));
  const naId = nextId('q-na');
  const naBox = h('input', { type: 'checkbox', id: naId, dataset: { role: 'question-na' } });
  const naReasonId = nextId('q-na-reason');
  const naReason = reasonSelect(naReasonId, answer.reason, 'Reason the question does not apply');
  const naReasonSelect = naReason.querySelector('select');

  const choiceRows = q.choices.map((c) => {
    const id = nextId('choice');
    const box = h('input', { type: 'checkbox', id, value: c.id, dataset: { choice: c.id } });
    const info = h('button', {
      type: 'button', class: 'link-button info-button', 'aria-label': `Info: ${c.title}`,
      on: { click: () => showInfo(c.title, c.helpfulResource, c.description, true) },
    }, 'Info');
    let na = null;
    if (!isNoneOfThese(c)) {
      const naCid = nextId('choice-na');
      const naInput = h('input', { type: 'checkbox', id: naCid, dataset: { choiceNa: c.id } });
      const reasonId = nextId('choice-na-reason');
      const reason = reasonSelect(reasonId, null, 'Reason');
      const notesId = nextId('choice-notes');
      const notes = h('input', { type: 'text', id: notesId, maxlength: String(CHOICE_NOTES_MAX), 'aria-describedby': `${notesId}-hint`, autocomplete: 'off' });
      const extra = h('div.choice-na-extra', { hidden: true },
        reason,
        h('div.inline-field', h('label', { for: notesId }, 'Notes on this best practice'), notes,
          h('span.hint', { id: `${notesId}-hint` }, `At most ${CHOICE_NOTES_MAX} characters.`)));
      na = { input: naInput, reason: reason.querySelector('select'), notes, extra };
    }
    const row = h('li.choice', { dataset: { choiceRow: c.id } },
      h('div.choice-main', box, h('label', { for: id }, c.title), info),
      na ? h('div.choice-na',
        h('div.choice-line', na.input, h('label', { for: na.input.id }, 'Best practice does not apply to this workload', h('span.visually-hidden', `: ${c.title}`))),
        na.extra) : null);
    return { choice: c, box, na, row };
  });

  const notesId = nextId('notes');
  const notes = h('textarea', { id: notesId, rows: 4, 'aria-describedby': `${notesId}-count ${notesId}-hint` });
  const notesCount = h('p.counter', { id: `${notesId}-count` });
  const updateNotesCount = () => {
    const left = NOTES_MAX - notes.value.length;
    notesCount.textContent = left >= 0 ? `${left} characters remaining` : `${-left} characters too many`;
  };
  const saveState = h('p.save-state', { role: 'status' });
  // Placed next to the control whose save failed (see showFailure), announced through the
  // page's live region rather than as an alert of its own, so it is read once.
  const errorText = h('p.error-text');
  const errorBox = h('div.save-error', { hidden: true, dataset: { saveError: '' } },
    errorText,
    h('button', { type: 'button', class: 'secondary', on: { click: () => ctx.reload() } }, 'Reload'));

  const choiceFieldset = h('fieldset.choices',
    h('legend', 'Select from the following'),
    h('ul.choice-list', choiceRows.map((r) => r.row)));

  const idx = entry.index;
  const prev = entries[idx - 1];
  const next = entries[idx + 1];
  const overview = `#/workloads/${workloadId}`;
  const buttons = h('div.actions.review-actions',
    prev ? h('button', { type: 'button', class: 'secondary', on: { click: () => go(`${base}/${encodeURIComponent(prev.question.id)}`) } }, 'Previous') : null,
    h('button', { type: 'button', class: 'secondary', on: { click: () => go(overview) } }, 'Save and exit'),
    next ? h('button', { type: 'button', class: 'primary', on: { click: () => go(`${base}/${encodeURIComponent(next.question.id)}`) } }, 'Next')
      : h('button', { type: 'button', class: 'primary', on: { click: () => go(overview) } }, 'Finish'));

  const questionTitleId = 'question-title';
  const center = h('section.review-question', { 'aria-labelledby': questionTitleId },
    h('div.question-head',
      h('h2', { id: questionTitleId, tabindex: '-1' }, questionHeading(entry)),
      h('button', { type: 'button', class: 'link-button info-button', 'aria-label': 'Info: about this question', on: { click: () => showQuestionInfo(true) } }, 'Info')),
    q.description ? h('p.question-description', q.description) : null,
    riskLive,
    h('div.question-na',
      h('div.choice-line', naBox, h('label', { for: naId }, 'Question does not apply to this workload')),
      h('div.na-reason', { hidden: true }, naReason)),
    choiceFieldset,
    h('div.field',
      h('label', { for: notesId }, 'Notes', h('span.optional', ' – optional')),
      notes,
      h('p.hint', { id: `${notesId}-hint` }, 'If the question does not apply or you follow none of these, say why here.'),
      notesCount),
    errorBox,
    saveState,
    buttons);

  const allIds = entries.map((e) => e.question.id);
  const summary = riskSummary(tally(risks, allIds), { id: 'review-risks' });
  // Shows `risk` for this question everywhere on the page: badge, nav marks, counts.
  function showRisk(risk) {
    risks.set(q.id, risk || 'UNANSWERED');
    riskLive.replaceChildren('Question risk: ', riskBadge(risk || 'UNANSWERED'));
    updateRiskSummary(summary, tally(risks, allIds));
    refreshNav();
  }

  // ---- state ↔ form -------------------------------------------------------------------------
  function fill(a, { force = false } = {}) {
    const applicable = a.isApplicable !== false;
    naBox.checked = !applicable;
    naReasonSelect.value = a.reason && a.reason !== 'NONE' ? a.reason : naReasonSelect.value;
    naReason.parentElement.hidden = applicable;
    choiceFieldset.disabled = !applicable;
    const selected = new Set(a.selectedChoices || []);
    const byChoice = new Map((a.choiceAnswers || []).map((ca) => [ca.choiceId, ca]));
    for (const r of choiceRows) {
      const ca = byChoice.get(r.choice.id);
      const isNa = ca?.status === 'NOT_APPLICABLE';
      r.box.checked = selected.has(r.choice.id) && !isNa;
      r.box.disabled = isNa;
      if (r.na) {
        r.na.input.checked = isNa;
        r.na.extra.hidden = !isNa;
        if (ca?.reason) r.na.reason.value = ca.reason;
        if (force || document.activeElement !== r.na.notes) r.na.notes.value = ca?.notes || '';
      }
    }
    if (force || document.activeElement !== notes) notes.value = a.notes || '';
    updateNotesCount();
    riskLive.replaceChildren('Question risk: ', riskBadge(a.risk || 'UNANSWERED'));
  }

  function collect() {
    const selectedChoices = choiceRows.filter((r) => r.box.checked && !(r.na && r.na.input.checked)).map((r) => r.choice.id);
    const choiceUpdates = {};
    for (const r of choiceRows) {
      if (!r.na) continue;
      if (r.na.input.checked) {
        choiceUpdates[r.choice.id] = { status: 'NOT_APPLICABLE', reason: r.na.reason.value, notes: r.na.notes.value };
      } else {
        choiceUpdates[r.choice.id] = { status: selectedChoices.includes(r.choice.id) ? 'SELECTED' : 'UNSELECTED', notes: r.na.notes.value };
      }
    }
    const update = { selectedChoices, choiceUpdates, isApplicable: !naBox.checked, notes: notes.value };
    if (naBox.checked) update.reason = naReasonSelect.value;
    return update;
  }

  // Saves run one after another; the form is refilled from the engine's answer (which applies
  // "None of these" and not-applicable rules) only when no later change is waiting, so a
  // quick series of clicks is never undone by an older response. A refused save drops the
  // saves queued behind it (they were made on the state it failed to change).
  let queue = Promise.resolve();
  let pending = 0;
  let failures = 0;
  let dirtyNotes = false;
  let journalKey = null;

  // The control a save came from → the block the message goes after.
  const blockOf = (source) => source?.closest?.('li.choice, .question-na, .field') || notes.closest('.field');

  async function showFailure(e, source, update) {
    if (e?.kind === 'Conflict') {
      // Show what is stored now (another tab's answer), not this tab's stale copy.
      try {
        answer = await api.getAnswer(workloadId, lensAlias, q.id);
      } catch (readError) {
        console.error(readError);
      }
    }
    fill(answer, { force: true });
    showRisk(answer.risk);
    const lostNotes = update.notes && update.notes !== (answer.notes || '') ? update.notes : '';
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

  function save(source) {
    const update = collect();
    dirtyNotes = false;
    pending += 1;
    const epoch = failures;
    // Journaled first, synchronously: if the page goes away before IndexedDB has it, the next
    // start of the app finishes this save.
    journalKey = journal('answer', [workloadId, lensAlias, q.id, update], answerFields(answer), answerFields(update));
    saveState.textContent = 'Saving…';
    // On screen first: the risk from the lens in memory, within the frame of the click.
    const shown = risks.get(q.id);
    const local = evaluateQuestion(engineLens, q.id, entry.pillar.id, update);
    if (local) {
      showRisk(local);
      if (local !== shown) ctx.announce(`Question risk is now ${RISK_LABELS[local] || local}.`);
    }
    queue = queue.then(async () => {
      if (epoch !== failures) {
        pending = Math.max(0, pending - 1);
        return;
      }
      try {
        // Name the revision read, so a change made meanwhile in another tab is refused.
        if (answer.revision !== undefined) update.expectedRevision = answer.revision;
        answer = await api.updateAnswer(workloadId, lensAlias, q.id, update);
        pending -= 1;
        errorBox.hidden = true;
        if (pending > 0) return;
        forget(journalKey);
        fill(answer);
        showRisk(answer.risk);
        saveState.textContent = 'All changes saved.';
        if (!local && shown !== answer.risk) ctx.announce(`Question risk is now ${RISK_LABELS[answer.risk] || answer.risk}.`);
      } catch (e) {
        failures += 1;
        pending = Math.max(0, pending - 1);
        forget(journalKey); // reported here; nothing for the next start to replay
        await showFailure(e, source, update);
      }
    });
    return queue;
  }

  naBox.addEventListener('change', () => {
    naReason.parentElement.hidden = !naBox.checked;
    choiceFieldset.disabled = naBox.checked;
    save(naBox);
  });
  naReasonSelect.addEventListener('change', () => save(naReasonSelect));
  for (const r of choiceRows) {
    r.box.addEventListener('change', () => {
      if (r.box.checked) {
        // "None of these" excludes every other choice, and the other way round.
        for (const other of choiceRows) {
          if (other !== r && (isNoneOfThese(r.choice) || isNoneOfThese(other.choice))) other.box.checked = false;
        }
      }
      save(r.box);
    });
    if (r.na) {
      r.na.input.addEventListener('change', () => {
        r.na.extra.hidden = !r.na.input.checked;
        r.box.disabled = r.na.input.checked;
        if (r.na.input.checked) r.box.checked = false;
        save(r.na.input);
      });
      r.na.reason.addEventListener('change', () => save(r.na.reason));
      r.na.notes.addEventListener('change', () => save(r.na.notes));
    }
  }
  let notesTimer = null;
  notes.addEventListener('input', () => {
    updateNotesCount();
    dirtyNotes = true;
    clearTimeout(notesTimer);
    notesTimer = setTimeout(() => { if (dirtyNotes) save(notes); }, 800);
  });
  notes.addEventListener('change', () => { if (dirtyNotes) save(notes); });

  // Starts saving whatever is typed and not saved yet (also from pagehide: see pending-edits).
  function flushNow() {
    clearTimeout(notesTimer);
    const typing = choiceRows.find((r) => r.na && document.activeElement === r.na.notes);
    if (dirtyNotes || typing) save(typing ? typing.na.notes : notes);
  }
  const edits = trackEdits({ flush: flushNow });

  async function flush() {
    flushNow();
    await queue;
  }

  async function go(route) {
    await flush();
    ctx.navigate(route);
  }

  fill(answer);
  refreshNav();

  const node = h('section.page.review-page',
    h('nav.breadcrumbs', { 'aria-label': 'Breadcrumb' },
      h('ol',
        h('li', routeLink('#/workloads', {}, 'Workloads')),
        h('li', routeLink(overview, {}, w.workloadName)),
        h('li', { 'aria-current': 'page' }, `Review: ${lensName}`))),
    h('div.page-head',
      h('h1', `${w.workloadName}: ${lensName}`),
      h('div.head-actions',
        routeLink(`#/workloads/${workloadId}/lenses/${encodeURIComponent(lensAlias)}`, { class: 'button secondary' }, 'Lens overview'),
        routeLink(`#/workloads/${workloadId}/lenses/${encodeURIComponent(lensAlias)}/plan`, { class: 'button secondary' }, 'Improvement plan'))),
    h('div.review-status', { 'aria-label': 'Lens progress', role: 'group' }, summary),
    h('div.review-layout', left, center, right));
  const leave = async () => {
    await flush();
    edits.release();
  };
  return { node, leave, focus: ctx.params.questionId ? `#${questionTitleId}` : 'h1' };
}
