// A stand-in for www/engine.js, used by the end-to-end tests ONLY while the real engine
// (Rust → wasm, branch `wasm`) has not landed. It follows the JS API contract of
// docs/design.md closely enough to drive the web app: same names, same shapes, errors with
// `kind` and `field`. Storage is localStorage so that reloads and browser restarts keep data.
// It is served in place of /engine.js by tests/e2e/support.mjs when www/engine.js is missing.

export const version = () => '0.0.0-fake';

let loading = null;
export function loadEngine() {
  loading ??= Promise.resolve(Object.freeze({ Lens, Workspace, version }));
  return loading;
}

const RISKS = ['UNANSWERED', 'HIGH', 'MEDIUM', 'NONE', 'NOT_APPLICABLE'];
const LENS_RISK = { HIGH_RISK: 'HIGH', MEDIUM_RISK: 'MEDIUM', NO_RISK: 'NONE' };

function err(kind, message, extra = {}) {
  const e = new Error(message);
  e.kind = kind;
  Object.assign(e, extra);
  return e;
}

function zeroCounts() {
  return Object.fromEntries(RISKS.map((r) => [r, 0]));
}

// ---- risk rules: ! > && > || ------------------------------------------------------------
function evalCondition(src, isTrue) {
  if (src.trim() === 'default') return true;
  const toks = src.match(/[A-Za-z0-9_]+|&&|\|\||!|\(|\)/g) || [];
  let i = 0;
  const or = () => { let v = and(); while (toks[i] === '||') { i++; const r = and(); v = v || r; } return v; };
  const and = () => { let v = not(); while (toks[i] === '&&') { i++; const r = not(); v = v && r; } return v; };
  const not = () => {
    if (toks[i] === '!') { i++; return !not(); }
    if (toks[i] === '(') { i++; const v = or(); i++; return v; }
    return isTrue(toks[i++]);
  };
  return or();
}

function questionRisk(q, a) {
  if (!a) return 'UNANSWERED';
  if (a.isApplicable === false) return 'NOT_APPLICABLE';
  const na = new Set((a.choiceAnswers || []).filter((c) => c.status === 'NOT_APPLICABLE').map((c) => c.choiceId));
  const sel = new Set(a.selectedChoices || []);
  if (sel.size === 0 && na.size === 0) return 'UNANSWERED';
  return riskFor(q, (id) => sel.has(id) || na.has(id));
}

function riskFor(q, isTrue) {
  for (const r of q.riskRules) if (evalCondition(r.condition, isTrue)) return LENS_RISK[r.risk];
  return 'NONE';
}

const RANK = { HIGH: 0, MEDIUM: 1, NONE: 2, NOT_APPLICABLE: 3, UNANSWERED: 4 };

export class Lens {
  constructor(model, alias) { this.model = model; this.alias = alias; }
  static parse(text) { return new Lens(JSON.parse(text), null); }
  static lint(text) { try { JSON.parse(text); return { diagnostics: [] }; } catch (e) { return { diagnostics: [{ severity: 'error', message: e.message }] }; } }
  static async builtin(alias) {
    const res = await fetch(new URL(`./__fake/lenses/${alias}.json`, import.meta.url));
    if (!res.ok) throw err('NotFound', `no built-in lens "${alias}"`);
    return new Lens(await res.json(), alias);
  }
  toJSON() { return structuredClone(this.model); }
  questions() { return this.model.pillars.flatMap((p) => p.questions.map((q) => ({ p, q }))); }
  evaluate(answers) {
    const byQ = new Map(answers.map((a) => [a.questionId, a]));
    const questions = []; const pillars = []; const total = zeroCounts();
    for (const p of this.model.pillars) {
      const rc = zeroCounts();
      for (const q of p.questions) {
        const risk = questionRisk(q, byQ.get(q.id));
        rc[risk]++; total[risk]++;
        questions.push({ questionId: q.id, pillarId: p.id, risk });
      }
      pillars.push({ pillarId: p.id, riskCounts: rc });
    }
    return { questions, pillars, riskCounts: total };
  }
  improvementPlan(answers, options = {}) {
    const byQ = new Map(answers.map((a) => [a.questionId, a]));
    const order = [...(options.pillarPriority || [])];
    for (const p of this.model.pillars) if (!order.includes(p.id)) order.push(p.id);
    const items = [];
    this.questions().forEach(({ p, q }, qi) => {
      const a = byQ.get(q.id);
      const risk = questionRisk(q, a);
      if (risk !== 'HIGH' && risk !== 'MEDIUM') return;
      if (options.risks?.length && !options.risks.includes(risk)) return;
      if (options.pillars?.length && !options.pillars.includes(p.id)) return;
      const sel = new Set(a.selectedChoices || []);
      const na = new Set((a.choiceAnswers || []).filter((c) => c.status === 'NOT_APPLICABLE').map((c) => c.choiceId));
      const bps = q.choices
        .filter((c) => !c.id.endsWith('_no') && !sel.has(c.id) && !na.has(c.id))
        .map((c) => ({
          choiceId: c.id,
          title: c.title,
          improvementPlan: c.improvementPlan,
          additionalResources: (c.additionalResources || []).filter((r) => r.type === 'IMPROVEMENT_PLAN').flatMap((r) => r.content),
          impact: riskFor(q, (id) => id !== c.id && !id.endsWith('_no')),
        }))
        .sort((x, y) => RANK[x.impact] - RANK[y.impact]);
      items.push({ questionId: q.id, pillarId: p.id, questionTitle: q.title, risk, bestPractices: bps, _k: [RANK[risk], order.indexOf(p.id), qi] });
    });
    items.sort((x, y) => x._k[0] - y._k[0] || x._k[1] - y._k[1] || x._k[2] - y._k[2]);
    return items.map(({ _k, ...it }) => it);
  }
}

// ---- storage ------------------------------------------------------------------------------
const KEY = 'plumbline-fake-store';
const load = () => JSON.parse(localStorage.getItem(KEY) || '{"workloads":{},"answers":{},"milestones":{},"reviews":{}}');
const save = (db) => localStorage.setItem(KEY, JSON.stringify(db));
const hex = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
const norm = (s) => s.replace(/\s+/g, '').toLowerCase();
const now = () => new Date().toISOString();

function checkName(value, field, label) {
  if (typeof value !== 'string' || value.length < 3 || value.length > 100 || value.replace(/\s/g, '').length < 3)
    throw err('Validation', `${label} must be from 3 to 100 characters, at least 3 of them not whitespace`, { field });
}

function validateWorkload(w, db, selfId) {
  checkName(w.workloadName, 'workloadName', 'The name');
  for (const o of Object.values(db.workloads))
    if (o.workloadId !== selfId && norm(o.workloadName) === norm(w.workloadName))
      throw err('Validation', 'A workload with this name already exists (spaces and capitalization are ignored)', { field: 'workloadName' });
  if (!w.description || w.description.length < 3 || w.description.length > 250)
    throw err('Validation', 'The description must be from 3 to 250 characters', { field: 'description' });
  if (!w.reviewOwner || w.reviewOwner.length < 3 || w.reviewOwner.length > 255 || w.reviewOwner.replace(/\s/g, '').length < 3)
    throw err('Validation', 'The review owner must be from 3 to 255 characters, at least 3 of them not whitespace', { field: 'reviewOwner' });
  if (!['PRODUCTION', 'PREPRODUCTION'].includes(w.environment))
    throw err('Validation', 'Choose an environment', { field: 'environment' });
  if (!(w.awsRegions?.length || w.nonAwsRegions?.length))
    throw err('Validation', 'Give at least one AWS Region or non-AWS region', { field: 'awsRegions' });
  if ((w.nonAwsRegions || []).length > 5 || (w.nonAwsRegions || []).some((r) => r.length < 3 || r.length > 25))
    throw err('Validation', 'Up to 5 unique regions, each from 3 to 25 characters', { field: 'nonAwsRegions' });
  if ((w.accountIds || []).some((a) => !/^\d{12}$/.test(a)))
    throw err('Validation', 'Account IDs are 12 digits', { field: 'accountIds' });
  if (w.architecturalDesign && !/^(https?|ftp):\/\/[^\s/$.?#].[^\s]*$/.test(w.architecturalDesign))
    throw err('Validation', 'The URL must begin with http://, https:// or ftp://', { field: 'architecturalDesign' });
  if ((w.notes || '').length > 2084) throw err('Validation', 'Notes can be at most 2084 characters', { field: 'notes' });
}

const FIELDS = ['workloadName', 'description', 'environment', 'reviewOwner', 'awsRegions', 'nonAwsRegions', 'accountIds',
  'architecturalDesign', 'industryType', 'industry', 'notes', 'tags', 'pillarPriorities', 'improvementStatus'];

export class Workspace {
  constructor() { this.lensCache = new Map(); }
  static async open() {
    const ws = new Workspace();
    for (const a of ['wellarchitected', 'serverless']) ws.lensCache.set(a, await Lens.builtin(a));
    return ws;
  }
  async lenses() {
    return [...this.lensCache].map(([alias, l]) => ({ lensAlias: alias, lensName: l.model.name, description: l.model.description }));
  }
  async lens(alias) {
    const l = this.lensCache.get(alias);
    if (!l) throw err('NotFound', `no lens "${alias}"`);
    return l;
  }
  _wl(db, id) {
    const w = db.workloads[id];
    if (!w) throw err('NotFound', `no workload ${id}`);
    return w;
  }
  _answers(db, id, alias) { return Object.values(db.answers[`${id}/${alias}`] || {}); }
  _counts(db, w) {
    const total = zeroCounts();
    for (const alias of w.lenses) {
      const ev = this.lensCache.get(alias).evaluate(this._answers(db, w.workloadId, alias));
      for (const r of RISKS) total[r] += ev.riskCounts[r];
    }
    return total;
  }
  _full(db, w) {
    const riskCounts = this._counts(db, w);
    const questionCount = Object.values(riskCounts).reduce((a, b) => a + b, 0);
    return { ...structuredClone(w), riskCounts, questionCount, questionsAnswered: questionCount - riskCounts.UNANSWERED };
  }
  async defineWorkload(input) {
    const db = load();
    const w = { environment: undefined, awsRegions: [], nonAwsRegions: [], accountIds: [], architecturalDesign: '', industryType: '', industry: '', notes: '', tags: {}, pillarPriorities: [], ...input };
    validateWorkload(w, db, null);
    const lenses = ['wellarchitected', ...(input.lenses || []).filter((l) => l !== 'wellarchitected')];
    for (const l of lenses) if (!this.lensCache.has(l)) throw err('Validation', `Unknown lens ${l}`, { field: 'lenses' });
    const rec = {};
    for (const f of FIELDS) if (w[f] !== undefined) rec[f] = w[f];
    Object.assign(rec, { workloadId: hex(), lenses, improvementStatus: 'NOT_APPLICABLE', updatedAt: now(), revision: 1 });
    db.workloads[rec.workloadId] = rec;
    save(db);
    return this._full(db, rec);
  }
  async listWorkloads() {
    const db = load();
    return Object.values(db.workloads).map((w) => {
      const f = this._full(db, w);
      return {
        workloadId: w.workloadId, workloadName: w.workloadName, updatedAt: w.updatedAt, lenses: w.lenses,
        improvementStatus: w.improvementStatus, riskCounts: f.riskCounts, questionCount: f.questionCount, questionsAnswered: f.questionsAnswered,
      };
    });
  }
  async getWorkload(id) { const db = load(); return this._full(db, this._wl(db, id)); }
  async updateWorkload(id, patch) {
    const db = load();
    const w = this._wl(db, id);
    const next = { ...w };
    for (const f of FIELDS) if (patch[f] !== undefined) next[f] = patch[f];
    validateWorkload(next, db, id);
    next.updatedAt = now(); next.revision = w.revision + 1;
    db.workloads[id] = next;
    save(db);
    return this._full(db, next);
  }
  async deleteWorkload(id) {
    const db = load();
    this._wl(db, id);
    delete db.workloads[id];
    delete db.milestones[id];
    for (const k of Object.keys(db.answers)) if (k.startsWith(`${id}/`)) delete db.answers[k];
    save(db);
  }
  async associateLenses(id, aliases) {
    const db = load(); const w = this._wl(db, id);
    for (const a of aliases) if (!w.lenses.includes(a)) w.lenses.push(a);
    w.updatedAt = now(); save(db);
  }
  async disassociateLenses(id, aliases) {
    const db = load(); const w = this._wl(db, id);
    if (aliases.includes('wellarchitected')) throw err('Validation', 'The Well-Architected Framework lens cannot be removed', { field: 'lenses' });
    w.lenses = w.lenses.filter((l) => !aliases.includes(l));
    w.updatedAt = now(); save(db);
  }
  _question(alias, qid) {
    const l = this.lensCache.get(alias);
    for (const p of l.model.pillars) for (const q of p.questions) if (q.id === qid) return { p, q };
    throw err('NotFound', `no question ${qid}`);
  }
  _answer(db, id, alias, qid, snapshot) {
    const { p, q } = this._question(alias, qid);
    const src = snapshot ? snapshot.answers[alias] : db.answers[`${id}/${alias}`];
    const a = src?.[qid] || { questionId: qid, selectedChoices: [], choiceAnswers: [], isApplicable: true, notes: '' };
    return { ...structuredClone(a), questionId: qid, pillarId: p.id, questionTitle: q.title, questionDescription: q.description, risk: questionRisk(q, a) };
  }
  async updateAnswer(id, alias, qid, upd) {
    const db = load(); const w = this._wl(db, id);
    const { q } = this._question(alias, qid);
    const key = `${id}/${alias}`;
    db.answers[key] ||= {};
    const a = db.answers[key][qid] || { questionId: qid, selectedChoices: [], choiceAnswers: [], isApplicable: true, notes: '' };
    if (upd.notes !== undefined) {
      if (upd.notes.length > 2084) throw err('Validation', 'Notes can be at most 2084 characters', { field: 'notes' });
      a.notes = upd.notes;
    }
    if (upd.isApplicable !== undefined) { a.isApplicable = upd.isApplicable; a.reason = upd.reason; }
    const ca = new Map(a.choiceAnswers.map((c) => [c.choiceId, c]));
    for (const [cid, cu] of Object.entries(upd.choiceUpdates || {})) {
      if (cid.endsWith('_no') && cu.status === 'NOT_APPLICABLE') throw err('Validation', '"None of these" cannot be marked not applicable', { field: 'choiceUpdates' });
      ca.set(cid, { choiceId: cid, status: cu.status, reason: cu.reason, notes: cu.notes });
    }
    let sel = upd.selectedChoices !== undefined ? [...upd.selectedChoices] : a.selectedChoices;
    const no = q.choices.find((c) => c.id.endsWith('_no'))?.id;
    if (no && sel.includes(no) && sel.length > 1) {
      const prev = new Set(a.selectedChoices);
      sel = prev.has(no) ? sel.filter((c) => c !== no) : [no];
    }
    for (const [cid, c] of ca) if (c.status === 'NOT_APPLICABLE') sel = sel.filter((s) => s !== cid);
    for (const c of q.choices) {
      const cur = ca.get(c.id);
      if (sel.includes(c.id)) ca.set(c.id, { ...cur, choiceId: c.id, status: 'SELECTED' });
      else if (cur?.status === 'SELECTED') ca.set(c.id, { ...cur, status: 'UNSELECTED' });
    }
    a.selectedChoices = sel;
    a.choiceAnswers = [...ca.values()];
    db.answers[key][qid] = a;
    w.updatedAt = now();
    save(db);
    return this._answer(db, id, alias, qid);
  }
  async getAnswer(id, alias, qid, opts = {}) {
    const db = load();
    return this._answer(db, id, alias, qid, opts.milestoneNumber ? this._ms(db, id, opts.milestoneNumber) : null);
  }
  async listAnswers(id, alias, opts = {}) {
    const db = load();
    const snap = opts.milestoneNumber ? this._ms(db, id, opts.milestoneNumber) : null;
    return this.lensCache.get(alias).questions().map(({ q }) => this._answer(db, id, alias, q.id, snap));
  }
  async getLensReview(id, alias, opts = {}) {
    const db = load();
    const snap = opts.milestoneNumber ? this._ms(db, id, opts.milestoneNumber) : null;
    const l = this.lensCache.get(alias);
    const answers = snap ? Object.values(snap.answers[alias] || {}) : this._answers(db, id, alias);
    const ev = l.evaluate(answers);
    const notes = (snap ? snap.reviews : db.reviews)[`${id}/${alias}`] || {};
    return {
      lensAlias: alias, lensName: l.model.name, lensVersion: '1', riskCounts: ev.riskCounts, notes: notes.lensNotes || '',
      pillarReviewSummaries: l.model.pillars.map((p, i) => ({ pillarId: p.id, pillarName: p.name, riskCounts: ev.pillars[i].riskCounts, notes: notes.pillarNotes?.[p.id] || '' })),
    };
  }
  async updateLensReview(id, alias, upd) {
    const db = load(); this._wl(db, id);
    const k = `${id}/${alias}`;
    db.reviews[k] = { ...(db.reviews[k] || {}), ...upd };
    save(db);
    return this.getLensReview(id, alias);
  }
  async improvementPlan(id, alias, opts = {}) {
    const db = load();
    const snap = opts.milestoneNumber ? this._ms(db, id, opts.milestoneNumber) : null;
    const w = snap ? snap.workload : this._wl(db, id);
    const answers = snap ? Object.values(snap.answers[alias] || {}) : this._answers(db, id, alias);
    return this.lensCache.get(alias).improvementPlan(answers, { pillarPriority: w.pillarPriorities || [], ...opts });
  }
  _ms(db, id, n) {
    const m = (db.milestones[id] || []).find((x) => x.milestoneNumber === Number(n));
    if (!m) throw err('NotFound', `no milestone ${n}`);
    return m;
  }
  async createMilestone(id, name) {
    const db = load(); const w = this._wl(db, id);
    checkName(name, 'milestoneName', 'The milestone name');
    const list = db.milestones[id] ||= [];
    if (list.some((m) => norm(m.milestoneName) === norm(name)))
      throw err('Validation', 'Milestone names within a workload must be unique (spaces and capitalization are ignored)', { field: 'milestoneName' });
    const answers = {}; const reviews = {};
    for (const alias of w.lenses) { answers[alias] = structuredClone(db.answers[`${id}/${alias}`] || {}); reviews[`${id}/${alias}`] = db.reviews[`${id}/${alias}`]; }
    const m = { milestoneNumber: list.length + 1, milestoneName: name, recordedAt: now(), workload: this._full(db, w), answers, reviews };
    list.push(m); save(db);
    return { milestoneNumber: m.milestoneNumber, milestoneName: name, recordedAt: m.recordedAt };
  }
  async listMilestones(id) {
    const db = load(); this._wl(db, id);
    return (db.milestones[id] || []).map((m) => ({ milestoneNumber: m.milestoneNumber, milestoneName: m.milestoneName, recordedAt: m.recordedAt, riskCounts: m.workload.riskCounts })).reverse();
  }
  async getMilestone(id, n) {
    const db = load(); const m = this._ms(db, id, n);
    return { milestoneNumber: m.milestoneNumber, milestoneName: m.milestoneName, recordedAt: m.recordedAt, workload: m.workload };
  }
  async dashboard(filter = {}) {
    const db = load();
    const pf = filter.pillars?.length ? filter.pillars : null;
    const rf = filter.risks || [];
    const pillarsOf = new Map();
    const totals = { workloads: 0, workloadsWithHighRisks: 0, workloadsWithMediumRisks: 0, highRisks: 0, mediumRisks: 0 };
    const workloads = []; const improvements = new Map();
    const ws = Object.values(db.workloads).sort((a, b) => a.workloadName.toLowerCase().localeCompare(b.workloadName.toLowerCase()));
    for (const w of ws) {
      totals.workloads++;
      const rc = zeroCounts(); const perPillar = new Map();
      for (const alias of w.lenses) {
        const l = this.lensCache.get(alias);
        const answers = this._answers(db, w.workloadId, alias);
        const ev = l.evaluate(answers);
        l.model.pillars.forEach((p, i) => {
          if (pf && !pf.includes(p.id)) return;
          if (!pillarsOf.has(p.id)) pillarsOf.set(p.id, { pillarId: p.id, pillarName: p.name, riskCounts: zeroCounts(), workloadsWithHighRisks: 0, workloadsWithMediumRisks: 0 });
          const pc = perPillar.get(p.id) || { pillarId: p.id, pillarName: p.name, riskCounts: zeroCounts() };
          for (const r of RISKS) { pc.riskCounts[r] += ev.pillars[i].riskCounts[r]; rc[r] += ev.pillars[i].riskCounts[r]; }
          perPillar.set(p.id, pc);
        });
        for (const it of l.improvementPlan(answers)) {
          if (pf && !pf.includes(it.pillarId)) continue;
          if (rf.length && !rf.includes(it.risk)) continue;
          const k = `${alias}/${it.questionId}/${it.risk}`;
          const cur = improvements.get(k) || { lensAlias: alias, questionId: it.questionId, questionTitle: it.questionTitle, pillarId: it.pillarId, risk: it.risk, workloadCount: 0, workloadIds: [] };
          cur.workloadCount++; cur.workloadIds.push(w.workloadId);
          improvements.set(k, cur);
        }
      }
      if (rc.HIGH) totals.workloadsWithHighRisks++;
      if (rc.MEDIUM) totals.workloadsWithMediumRisks++;
      totals.highRisks += rc.HIGH; totals.mediumRisks += rc.MEDIUM;
      for (const pc of perPillar.values()) {
        const t = pillarsOf.get(pc.pillarId);
        for (const r of RISKS) t.riskCounts[r] += pc.riskCounts[r];
        if (pc.riskCounts.HIGH) t.workloadsWithHighRisks++;
        if (pc.riskCounts.MEDIUM) t.workloadsWithMediumRisks++;
      }
      if (rf.length && !rf.some((r) => rc[r] > 0)) continue;
      const f = this._full(db, w);
      workloads.push({ workloadId: w.workloadId, workloadName: w.workloadName, reviewOwner: w.reviewOwner, improvementStatus: w.improvementStatus,
        updatedAt: w.updatedAt, questionsAnswered: f.questionsAnswered, questionCount: f.questionCount, riskCounts: rc, pillars: [...perPillar.values()] });
    }
    const items = [...improvements.values()].sort((a, b) => b.workloadCount - a.workloadCount || (a.risk === b.risk ? 0 : a.risk === 'HIGH' ? -1 : 1));
    return { totals, pillars: [...pillarsOf.values()], workloads, improvements: items };
  }
}
