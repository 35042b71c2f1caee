//! Reviews: answers to a lens's questions, the risk they imply, and what to improve first.

pub mod analysis;
pub mod answers;
pub mod evaluate;
pub mod plan;
pub mod risk;

pub use answers::{Answer, AnswerReason, ChoiceAnswer, ChoiceReason, ChoiceStatus};
pub use evaluate::{evaluate, question_risk, LensEvaluation, PillarEvaluation, QuestionEvaluation};
pub use plan::{improvement_plan, PlanBestPractice, PlanItem, PlanOptions};
pub use risk::{Risk, RiskCounts};
