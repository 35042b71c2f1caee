//! Risk evaluation. INTERFACE STUB: signatures fixed, bodies to be written by the review work.

use serde::Serialize;

use super::answers::Answer;
use super::risk::{Risk, RiskCounts};
use crate::lens::model::{Lens, Question};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionEvaluation {
    pub question_id: String,
    pub pillar_id: String,
    pub risk: Risk,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PillarEvaluation {
    pub pillar_id: String,
    pub risk_counts: RiskCounts,
}

/// The `plumbline evaluate` output shape.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LensEvaluation {
    pub questions: Vec<QuestionEvaluation>,
    pub pillars: Vec<PillarEvaluation>,
    pub risk_counts: RiskCounts,
}

/// The risk of one question given its answer (`None`: never answered).
pub fn question_risk(question: &Question, answer: Option<&Answer>) -> Risk {
    let _ = (question, answer);
    Risk::Unanswered
}

/// Risk per question (lens order), per pillar and for the lens.
pub fn evaluate(lens: &Lens, answers: &[Answer]) -> LensEvaluation {
    let _ = (lens, answers);
    LensEvaluation {
        questions: vec![],
        pillars: vec![],
        risk_counts: RiskCounts::default(),
    }
}
