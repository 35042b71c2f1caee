// Engine measurements through the package's JS API (`Lens.parse`, `Lens.lint`, `lens.evaluate`,
// `lens.improvementPlan`), the same code in Node (scripts/bench/node.mjs) and in Chromium
// (benches/web/index.html driven by scripts/bench/browser.mjs). `core` is the optional
// benchmark-only wasm module (benches/wasm/) that times the Rust core inside wasm without the JS
// boundary, and the one way to time rule analysis alone.
import { bench, paired, mapStats } from './harness.mjs';

/** The AWS-shaped answers a mask set stands for (see benches/support/fixtures.rs). */
export function answersOf(model, masks) {
  const out = [];
  let k = 0;
  for (const pillar of model.pillars) {
    for (const q of pillar.questions) {
      const [flags, sel, na] = masks[k++];
      if (flags === 0) continue;
      const ids = (mask) => q.choices.filter((_, i) => mask & (1 << i)).map((c) => c.id);
      out.push({
        questionId: q.id,
        selectedChoices: ids(sel),
        choiceAnswers: ids(na).map((choiceId) => ({ choiceId, status: 'NOT_APPLICABLE', reason: 'OUT_OF_SCOPE' })),
        isApplicable: flags !== 2,
      });
    }
  }
  return out;
}

function firstError(e) {
  const d = e?.diagnostics?.find?.((x) => x.severity === 'error');
  return d ? `${d.code} at ${d.line}:${d.column}: ${d.message}` : e?.message || String(e);
}

/**
 * @param {object} p
 * @param {{Lens: any}} p.engine the package's exports
 * @param {any} [p.core] the benchmark-only module (CoreLens), or null
 * @param {{inputs: {label: string, text: string}[], evalText: string, answerSets: number[][][]}} p.fixtures
 */
export function runEngineBench({ engine, core, coreWhyNot, fixtures, cfg, rec }) {
  const { Lens } = engine;

  // ---- parse + validate, paired with JSON.parse of the same text ---------------------------
  for (const { label, text } of fixtures.inputs) {
    let valid = true;
    try {
      Lens.parse(text).free();
    } catch (e) {
      valid = false;
      if (e?.kind !== 'LensInvalid') {
        rec.skip(`Lens.parse — ${label}`, firstError(e));
        continue;
      }
    }
    const lint = Lens.lint(text);
    const errors = lint.diagnostics.filter((d) => d.severity === 'error').length;
    const note = `${errors} errors, ${lint.diagnostics.length - errors} warnings`;
    if (valid) {
      const r = paired(cfg, () => { Lens.parse(text).free(); return 1; }, () => JSON.parse(text));
      rec.add('parse', `Lens.parse — ${label}`, 's', r.a, { note });
      rec.add('parse', `JSON.parse — ${label}`, 's', r.b);
      rec.add('parse', `ratio Lens.parse / JSON.parse — ${label}`, 'x', r.ratio, { aim: '≤3x (aim ≤1.5x)' });
      // The same lens given as the file's bytes, as a page or a Node script that read the file
      // as bytes can: no transcoding. And what the transcoding of the string alone costs.
      const encoder = new TextEncoder();
      const bytes = encoder.encode(text);
      const b = paired(cfg, () => { Lens.parse(bytes).free(); return 1; }, () => JSON.parse(text));
      rec.add('parse', `Lens.parse of the UTF-8 bytes (Uint8Array) — ${label}`, 's', b.a);
      rec.add('parse', `ratio Lens.parse(bytes) / JSON.parse(text) — ${label}`, 'x', b.ratio, { aim: '≤2x' });
      const scratch = new Uint8Array(text.length * 3);
      const e = paired(cfg, () => encoder.encodeInto(text, scratch).written, () => JSON.parse(text));
      rec.add('parse', `ratio TextEncoder.encodeInto (a string's copy into wasm) / JSON.parse — ${label}`, 'x', e.ratio);
    } else {
      rec.skip(`Lens.parse — ${label}`, `the lens has errors (${note}); timed with Lens.lint instead`);
    }
    const r = paired(cfg, () => Lens.lint(text), () => JSON.parse(text));
    rec.add('parse', `Lens.lint (diagnostics + model as JS objects) — ${label}`, 's', r.a, valid ? {} : { note });
    rec.add('parse', `ratio Lens.lint / JSON.parse — ${label}`, 'x', r.ratio);
  }

  // ---- risk evaluation, improvement plan, growth -------------------------------------------
  let lens = null;
  try {
    lens = Lens.parse(fixtures.evalText);
  } catch (e) {
    rec.skip('risk evaluation, improvement plan, growth', `the 60-question lens does not parse: ${firstError(e)}`);
  }
  if (lens && !fixtures.answerSets) {
    rec.skip('risk evaluation, improvement plan, growth', 'no answer sets (the native bench writes them)');
    lens.free();
    lens = null;
  }
  if (lens) {
    const model = JSON.parse(fixtures.evalText);
    const q = model.pillars.reduce((n, p) => n + p.questions.length, 0);
    const sets = fixtures.answerSets.map((m) => answersOf(model, m));
    let i = 0;
    const st = bench(cfg, () => lens.evaluate(sets[(i = (i + 1) % sets.length)]));
    rec.add('eval', `lens.evaluate, ${q} questions: question evaluations/s`, '1/s', mapStats(st, (t) => q / t), { aim: '≥1M/s in wasm' });
    rec.add('eval', `lens.evaluate, ${q} questions: time per lens`, 's', st);
    i = 0;
    const plan = bench(cfg, () => lens.improvementPlan(sets[(i = (i + 1) % sets.length)]));
    rec.add('eval', `lens.improvementPlan, ${q} questions`, 's', plan);
    for (const n of [1, 10, 100, 1000]) {
      const m = Math.min(n, sets.length);
      const g = bench(cfg, () => {
        let high = 0;
        for (let k = 0; k < m; k++) high += lens.evaluate(sets[k]).riskCounts.HIGH;
        return high;
      });
      const r = rec.add('growth', `lens.evaluate × ${m}`, 's', g);
      r.series = `evaluate, ${q} questions`;
      r.units = m;
    }
    lens.free();
  }

  // ---- the core inside wasm, without the JS boundary ---------------------------------------
  if (!core) {
    rec.skip('rule analysis and core-only evaluation in wasm', coreWhyNot || 'the benchmark-only wasm module (benches/wasm) is not built');
    return;
  }
  let evalCore = null;
  try {
    evalCore = new core.CoreLens(fixtures.evalText);
  } catch (e) {
    rec.skip('core-only evaluation in wasm', firstError(e));
  }
  if (evalCore && fixtures.answerSets) {
    const q = evalCore.questionCount();
    evalCore.loadAnswers(JSON.stringify(fixtures.answerSets));
    let i = 0;
    const st = bench(cfg, () => evalCore.evaluate((i = (i + 1) % 1000), 1));
    rec.add('eval', `review::evaluate in wasm (no JS boundary): question evaluations/s`, '1/s', mapStats(st, (t) => q / t), { aim: '≥1M/s in wasm' });
    i = 0;
    const qr = bench(cfg, () => evalCore.questionRisks((i = (i + 1) % 1000), 1));
    rec.add('eval', `review::question_risk alone in wasm: question evaluations/s`, '1/s', mapStats(qr, (t) => q / t));
    i = 0;
    const pl = bench(cfg, () => evalCore.plan((i = (i + 1) % 1000), 1));
    rec.add('eval', `review::improvement_plan in wasm (no JS boundary)`, 's', pl);
    evalCore.free();
  }
  for (const { label, text } of fixtures.inputs) {
    const r = paired(cfg, () => core.CoreLens.lint(text), () => JSON.parse(text));
    rec.add('parse', `lens::lint in wasm (no JS objects made) — ${label}`, 's', r.a);
    rec.add('parse', `ratio lens::lint in wasm / JSON.parse — ${label}`, 'x', r.ratio);
  }
  for (const { label, text } of fixtures.inputs) {
    let c;
    try {
      c = new core.CoreLens(text);
    } catch (e) {
      rec.skip(`rule analysis — ${label}`, firstError(e));
      continue;
    }
    const findings = c.analyze();
    const st = bench(cfg, () => c.analyze());
    rec.add('analysis', `rule analysis — ${label}`, 's', st, { aim: '<200 ms in wasm', note: `${c.questionCount()} questions, ${findings} findings` });
    c.free();
  }
}
