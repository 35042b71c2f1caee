//! Reviews: answers to a lens's questions, the risk they imply, and what to improve first.
//!
//! - [`answers`]: the AWS-shaped answer types; [`conform`]: validating and normalising them;
//!   [`choices`]: what an answer means as bit sets over a question's choices;
//!   [`import`]: reading AWS ListAnswers / GetAnswer JSON; [`export`]: writing ListAnswers JSON.
//! - [`evaluate`]: question risk and risk counts; [`risk`]: the risk values.
//! - [`impact`] and [`plan`]: the improvement plan.
//! - [`selections`] and [`analysis`]: exhaustive checks of a lens's risk rules.

pub mod analysis;
pub mod answers;
pub mod choices;
pub mod conform;
pub mod evaluate;
pub mod export;
pub mod impact;
pub mod import;
pub mod plan;
pub mod risk;
pub mod selections;

pub use answers::{Answer, AnswerReason, ChoiceAnswer, ChoiceReason, ChoiceStatus};
pub use conform::AnswerError;
pub use evaluate::{
    evaluate, explain, question_risk, LensEvaluation, PillarEvaluation, QuestionEvaluation,
    RiskExplanation,
};
pub use impact::best_practice_impact;
pub use plan::{improvement_plan, PlanBestPractice, PlanItem, PlanOptions};
pub use risk::{Risk, RiskCounts};
