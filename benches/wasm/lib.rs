//! Benchmark-only exports over the Plumbline core (see Cargo.toml). The timing is done in JS
//! (benches/web/engine-bench.mjs); these functions only do the work and return a checksum.

use plumbline::lens::{self, Lens};
use plumbline::review::{self, analysis, Answer, PlanOptions, Risk};
use wasm_bindgen::prelude::*;

#[path = "../support/fixtures.rs"]
#[allow(dead_code)]
mod fixtures;

/// A lens model (built also when the lens has errors) with answer sets to evaluate.
#[wasm_bindgen]
pub struct CoreLens {
    lens: Lens,
    sets: Vec<Vec<Answer>>,
    aligned: Vec<Vec<Option<usize>>>,
}

#[wasm_bindgen]
impl CoreLens {
    #[wasm_bindgen(constructor)]
    pub fn new(text: &str) -> Result<CoreLens, JsError> {
        let report = plumbline::lint::lint(text);
        let lens = report.lens.ok_or_else(|| {
            JsError::new(&format!(
                "no lens model: {}",
                report
                    .diagnostics
                    .first()
                    .map_or("no diagnostic".into(), |d| d.message.clone())
            ))
        })?;
        Ok(CoreLens {
            lens,
            sets: Vec::new(),
            aligned: Vec::new(),
        })
    }

    /// `lens::lint` inside wasm (the text crosses the boundary once, as in `Lens.parse`, but no
    /// object is made for JS): the number of diagnostics.
    pub fn lint(text: &str) -> usize {
        plumbline::lint::lint(text).diagnostics.len()
    }

    #[wasm_bindgen(js_name = questionCount)]
    pub fn question_count(&self) -> usize {
        self.lens.pillars.iter().map(|p| p.questions.len()).sum()
    }

    /// `review::analysis::analyze`: the number of findings.
    pub fn analyze(&self) -> usize {
        analysis::analyze(&self.lens).len()
    }

    /// Loads answer sets given as the masks JSON that the native bench writes.
    #[wasm_bindgen(js_name = loadAnswers)]
    pub fn load_answers(&mut self, masks_json: &str) -> Result<(), JsError> {
        let masks: Vec<Vec<fixtures::Mask>> =
            serde_json::from_str(masks_json).map_err(|e| JsError::new(&e.to_string()))?;
        self.sets = masks
            .iter()
            .map(|m| fixtures::answers_of(&self.lens, m))
            .collect();
        let questions: Vec<&str> = self
            .lens
            .pillars
            .iter()
            .flat_map(|p| &p.questions)
            .map(|q| q.id.as_str())
            .collect();
        self.aligned = self
            .sets
            .iter()
            .map(|set| {
                questions
                    .iter()
                    .map(|id| set.iter().position(|a| a.question_id == *id))
                    .collect()
            })
            .collect();
        Ok(())
    }

    /// `review::evaluate` of `count` answer sets from `start` (cycling): HIGH questions seen.
    pub fn evaluate(&self, start: usize, count: usize) -> u32 {
        (0..count)
            .map(|k| {
                let set = &self.sets[(start + k) % self.sets.len()];
                review::evaluate(&self.lens, set).risk_counts.high
            })
            .sum()
    }

    /// `review::question_risk` for every question of `count` answer sets (answers pre-matched).
    #[wasm_bindgen(js_name = questionRisks)]
    pub fn question_risks(&self, start: usize, count: usize) -> u32 {
        let questions = self.lens.pillars.iter().flat_map(|p| &p.questions);
        let mut high = 0;
        for k in 0..count {
            let i = (start + k) % self.sets.len();
            for (question, slot) in questions.clone().zip(&self.aligned[i]) {
                let answer = slot.map(|j| &self.sets[i][j]);
                high += (review::question_risk(question, answer) == Risk::High) as u32;
            }
        }
        high
    }

    /// `review::improvement_plan` of `count` answer sets: the number of items.
    pub fn plan(&self, start: usize, count: usize) -> usize {
        let options = PlanOptions::default();
        (0..count)
            .map(|k| {
                let set = &self.sets[(start + k) % self.sets.len()];
                review::improvement_plan(&self.lens, set, &options).len()
            })
            .sum()
    }
}
