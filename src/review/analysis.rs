//! Rule analysis. INTERFACE STUB: signature fixed, body to be written by the review work.

use crate::lens::model::Lens;
use crate::lens::Severity;

/// One analysis finding; `lens::lint` turns it into a diagnostic with line:column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    pub code: &'static str,
    /// JSON path of the question or rule, e.g. `pillars[0].questions[2].riskRules[1]`.
    pub path: String,
    pub message: String,
}

/// Exhaustive analysis of every question's rules over every selection of its choices.
pub fn analyze(lens: &Lens) -> Vec<Finding> {
    let _ = lens;
    Vec::new()
}
