//! Workloads, lens reviews, answers, milestones and the dashboard, kept in a
//! [`crate::store::Store`] by the [`Workspace`].
//!
//! - [`model`], [`answer`], [`lens_review`], [`milestone`], [`dashboard`]: the types the JS
//!   API takes and returns (AWS shapes, camelCase).
//! - [`backlog`]: the improvement plan as a backlog (owner, status, due date, notes per item).
//! - [`validate`] and `properties`: the rules of workload fields.
//! - `record` and `keys`: what is stored, and under which ids. Stored records have types of
//!   their own (never an API type inside), pinned by `tests/golden/stored/`.
//! - [`Workspace`]: the operations. Each is a synchronous plan (`plan`: given the documents
//!   read, the documents to write, or a typed error), one file per area in `ops/`, run by the
//!   one async shell (`shell`: read what the plan asks for, commit, plan again on a conflict).
//!   `operation`: an operation as data (its plan and its result once committed), which the
//!   JS API runs without a future of its own.
//! - [`template`]: review templates (answers prepared once, copied into workloads, updates).
//! - [`profile`]: profiles (business priorities), their questionnaire, notifications.
//! - [`custom_lens`]: custom lenses kept in the store — drafts, published versions, the lookup.
//! - [`shipped`]: the shipped lenses a workspace offers, each one's content had on first need.
//! - [`compare`]: two states of a workload (milestones or now) side by side.
//! - [`exchange`]: answers files in and out (AWS ListAnswers JSON).
//! - [`backup`]: the whole workspace in one file, and restoring it.
//! - [`damage`]: damaged records, reported by id and kept local; repair.
//! - [`env`]: the clock and entropy the host injects; [`time`]: ISO 8601 formatting.
//! - [`input::from_json`]: JSON from JavaScript into the input types, with field-level errors.
//! - [`turnstile`]: the FIFO async lock that runs the calls on one JS `Workspace` in order.

pub mod answer;
pub mod backlog;
pub mod backup;
pub mod compare;
pub mod custom_lens;
pub mod damage;
pub mod dashboard;
pub mod env;
pub mod error;
pub mod exchange;
pub mod input;
mod keys;
pub mod lens_review;
pub mod milestone;
pub mod model;
pub(crate) mod operation;
pub(crate) mod ops;
pub(crate) mod plan;
pub mod profile;
mod properties;
mod record;
mod shell;
pub mod shipped;
mod summary;
pub mod template;
pub mod time;
pub mod turnstile;
pub mod validate;
mod workspace;

pub use answer::{AnswerUpdate, AnswerView, ChoiceUpdate, ChoiceView};
pub use backlog::{BacklogItem, ImprovementItemUpdate, ItemStatus};
pub use compare::{CompareRequest, MilestoneComparison, RiskChange};
pub use custom_lens::{
    CustomLensDetail, ImportLensOptions, ImportLensResult, LensVersionInput, LensVersionOptions,
    LensVersionSummary,
};
pub use damage::{DamagedRecord, RepairReport};
pub use dashboard::{
    Dashboard, DashboardFilter, DashboardTotals, ImprovementItem, PillarIssues, WorkloadIssues,
    WorkloadPillar,
};
pub use env::{DeterministicEnvironment, Environment};
pub use error::{Problem, WorkspaceError};
pub use exchange::{AnswersFileError, ImportAnswersError, ImportSummary};
pub use input::from_json;
pub use lens_review::{LensReview, LensReviewUpdate, PillarReviewSummary};
pub use milestone::{Milestone, MilestoneSummary};
pub use model::{
    ImprovementStatus, Workload, WorkloadEnvironment, WorkloadInput, WorkloadPatch,
    WorkloadProperties, WorkloadSummary,
};
pub use record::{TemplateLink, TemplateSource};
pub use template::{
    QuestionCounts, ReviewTemplate, TemplateInput, TemplateLensReview, TemplateNotice,
    TemplatePatch, TemplateResolution, TemplateUpdate, TemplateUpdateOptions, TemplateUser,
};
pub use workspace::Workspace;
