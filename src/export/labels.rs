//! The words the human-readable exports use for codes (risks, statuses, reasons) and question
//! numbers. The JSON export keeps the API's codes; people reading a spreadsheet or a wiki page
//! get the words the app shows.

use crate::review::{AnswerReason, ChoiceReason, ChoiceStatus, Risk};
use crate::workload::WorkloadEnvironment;

/// Pillar prefixes of the framework's question numbers ("OPS 3"), as the app's lens-text.js.
const PREFIXES: [(&str, &str); 6] = [
    ("operationalExcellence", "OPS"),
    ("security", "SEC"),
    ("reliability", "REL"),
    ("performance", "PERF"),
    ("costOptimization", "COST"),
    ("sustainability", "SUS"),
];

/// The number of the `index`th (0-based) question of pillar `pillar_id`: "OPS 1" for the
/// framework's pillars, the bare position for pillars without a known prefix (as the app).
pub fn question_number(pillar_id: &str, index: usize) -> String {
    match PREFIXES.iter().find(|(id, _)| *id == pillar_id) {
        Some((_, prefix)) => format!("{prefix} {}", index + 1),
        None => (index + 1).to_string(),
    }
}

pub fn environment(environment: WorkloadEnvironment) -> &'static str {
    match environment {
        WorkloadEnvironment::Production => "Production",
        WorkloadEnvironment::Preproduction => "Pre-production",
    }
}

pub fn risk(risk: Risk) -> &'static str {
    match risk {
        Risk::Unanswered => "Unanswered",
        Risk::High => "High",
        Risk::Medium => "Medium",
        Risk::None => "None",
        Risk::NotApplicable => "Not applicable",
    }
}

pub fn status(status: ChoiceStatus) -> &'static str {
    match status {
        ChoiceStatus::Selected => "Selected",
        ChoiceStatus::NotApplicable => "Not applicable",
        ChoiceStatus::Unselected => "Not selected",
    }
}

pub fn choice_reason(reason: ChoiceReason) -> &'static str {
    match reason {
        ChoiceReason::OutOfScope => "Out of scope",
        ChoiceReason::BusinessPriorities => "Business priorities",
        ChoiceReason::ArchitectureConstraints => "Architecture constraints",
        ChoiceReason::Other => "Other",
        ChoiceReason::None => "None",
    }
}

pub fn answer_reason(reason: AnswerReason) -> &'static str {
    match reason {
        AnswerReason::OutOfScope => "Out of scope",
        AnswerReason::BusinessPriorities => "Business priorities",
        AnswerReason::ArchitectureConstraints => "Architecture constraints",
        AnswerReason::Other => "Other",
        AnswerReason::None => "None",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn framework_pillars_get_their_prefix_and_others_a_bare_number() {
        assert_eq!(question_number("security", 0), "SEC 1");
        assert_eq!(question_number("costOptimization", 10), "COST 11");
        assert_eq!(question_number("myPillar", 2), "3");
    }
}
