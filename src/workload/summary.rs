//! The derived summary of one lens review: what `workload/{id}` keeps so that lists and the
//! dashboard never evaluate a lens. Computed by the review engine, from the stored answers.

use std::collections::HashMap;

use super::record::{AtRiskQuestion, LensSummaryRecord, PillarSummaryRecord};
use crate::catalog::CatalogLens;
use crate::review::{self, Answer, LensEvaluation, Risk, RiskCounts};

/// Evaluates `answers` against `lens` and condenses the result.
pub fn summarize(lens: &CatalogLens, answers: &[Answer]) -> LensSummaryRecord {
    condense(lens, &review::evaluate(&lens.lens, answers))
}

/// The risk of every question of an evaluation, by question id.
pub fn risks_by_question(evaluation: &LensEvaluation) -> HashMap<&str, Risk> {
    evaluation
        .questions
        .iter()
        .map(|q| (q.question_id.as_str(), q.risk))
        .collect()
}

/// Per-pillar and per-lens counts and the questions at risk, in lens order.
pub fn condense(lens: &CatalogLens, evaluation: &LensEvaluation) -> LensSummaryRecord {
    let risk_of = risks_by_question(evaluation);

    let mut pillars = Vec::with_capacity(lens.lens.pillars.len());
    let mut risks = Vec::new();
    let mut total = RiskCounts::default();
    for pillar in &lens.lens.pillars {
        let mut counts = RiskCounts::default();
        for question in &pillar.questions {
            // A question the engine did not report is unanswered: counts always add up to
            // the lens's question count.
            let risk = risk_of
                .get(question.id.as_str())
                .copied()
                .unwrap_or(Risk::Unanswered);
            counts.add(risk);
            if matches!(risk, Risk::High | Risk::Medium) {
                risks.push(AtRiskQuestion {
                    question_id: question.id.clone(),
                    pillar_id: pillar.id.clone(),
                    question_title: question.title.clone(),
                    risk,
                });
            }
        }
        total.merge(&counts);
        pillars.push(PillarSummaryRecord {
            pillar_id: pillar.id.clone(),
            pillar_name: pillar.name.clone(),
            risk_counts: counts,
        });
    }
    LensSummaryRecord {
        lens_version: lens.version.clone(),
        risk_counts: total,
        questions_answered: total.answered(),
        question_count: lens.question_count() as u32,
        pillars,
        risks,
    }
}
