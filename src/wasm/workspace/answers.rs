//! Answers, lens reviews and their notes, the improvement plan, and answers files (AWS
//! ListAnswers JSON) in and out.

use wasm_bindgen::prelude::*;

use super::JsWorkspace;
use crate::wasm::convert::{input, milestone_option, plan_options, string};
#[cfg(feature = "full")]
use crate::wasm::error::invalid_argument;
use crate::workload::ops::{answers, reviews, upgrade};

#[wasm_bindgen(js_class = Workspace)]
impl JsWorkspace {
    /// Answers a question: `selectedChoices` replaces the selection; `choiceUpdates` marks
    /// choices not applicable (with a reason) or adds notes. Returns the answer with its `risk`.
    #[wasm_bindgen(js_name = updateAnswer, unchecked_return_type = "Promise<Answer>")]
    pub fn update_answer(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
        #[wasm_bindgen(js_name = lensAlias, unchecked_param_type = "string")] lens_alias: JsValue,
        #[wasm_bindgen(js_name = questionId, unchecked_param_type = "string")] question_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "AnswerUpdate")] update: JsValue,
    ) -> js_sys::Promise {
        let args = (
            string(workload_id, "workloadId"),
            string(lens_alias, "lensAlias"),
            string(question_id, "questionId"),
            input(update, "update"),
        );
        self.perform(args, |(id, alias, question, update)| {
            answers::update_answer(id, alias, question, update)
        })
    }

    #[wasm_bindgen(js_name = getAnswer, unchecked_return_type = "Promise<Answer>")]
    pub fn get_answer(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
        #[wasm_bindgen(js_name = lensAlias, unchecked_param_type = "string")] lens_alias: JsValue,
        #[wasm_bindgen(js_name = questionId, unchecked_param_type = "string")] question_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ReadOptions")] options: JsValue,
    ) -> js_sys::Promise {
        let args = (
            string(workload_id, "workloadId"),
            string(lens_alias, "lensAlias"),
            string(question_id, "questionId"),
            milestone_option(options),
        );
        self.perform(args, |(id, alias, question, milestone)| {
            answers::get_answer(id, alias, question, milestone)
        })
    }

    /// Every question of the lens with its answer (unanswered ones included), in lens order.
    #[wasm_bindgen(js_name = listAnswers, unchecked_return_type = "Promise<Answer[]>")]
    pub fn list_answers(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
        #[wasm_bindgen(js_name = lensAlias, unchecked_param_type = "string")] lens_alias: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ReadOptions")] options: JsValue,
    ) -> js_sys::Promise {
        self.perform(
            review_read(workload_id, lens_alias, options),
            |(id, alias, milestone)| answers::list_answers(id, alias, milestone),
        )
    }

    /// Risk counts for the lens and each pillar, with notes; of a milestone if one is named.
    #[wasm_bindgen(js_name = getLensReview, unchecked_return_type = "Promise<LensReview>")]
    pub fn get_lens_review(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
        #[wasm_bindgen(js_name = lensAlias, unchecked_param_type = "string")] lens_alias: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ReadOptions")] options: JsValue,
    ) -> js_sys::Promise {
        self.perform(
            review_read(workload_id, lens_alias, options),
            |(id, alias, milestone)| reviews::get_lens_review(id, alias, milestone),
        )
    }

    /// Sets lens notes and pillar notes.
    #[wasm_bindgen(js_name = updateLensReview, unchecked_return_type = "Promise<LensReview>")]
    pub fn update_lens_review(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
        #[wasm_bindgen(js_name = lensAlias, unchecked_param_type = "string")] lens_alias: JsValue,
        #[wasm_bindgen(unchecked_param_type = "LensReviewUpdate")] update: JsValue,
    ) -> js_sys::Promise {
        let args = (
            string(workload_id, "workloadId"),
            string(lens_alias, "lensAlias"),
            input(update, "update"),
        );
        self.perform(args, |(id, alias, update)| {
            reviews::update_lens_review(id, alias, update)
        })
    }

    /// Moves the review of a custom lens to the lens's latest published version, in one
    /// commit: answers to kept questions stay (choices the version lacks leave the selection),
    /// answers to removed questions are kept but no longer counted, risk counts are recomputed;
    /// milestones keep their version. Throws `kind: "Validation"` (`field: "lensAlias"`) for a
    /// shipped lens or a review already on the latest version.
    #[wasm_bindgen(js_name = upgradeLensReview, unchecked_return_type = "Promise<LensReview>")]
    pub fn upgrade_lens_review(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
        #[wasm_bindgen(js_name = lensAlias, unchecked_param_type = "string")] lens_alias: JsValue,
    ) -> js_sys::Promise {
        let args = (
            string(workload_id, "workloadId"),
            string(lens_alias, "lensAlias"),
        );
        self.perform(args, |(id, alias)| upgrade::upgrade_lens_review(id, alias))
    }

    /// The lens review's improvement plan, ordered by risk, then the workload's pillar
    /// priorities, then question order; each item with its backlog fields, the resolved
    /// items (no longer at risk, fields kept) last.
    #[wasm_bindgen(js_name = improvementPlan, unchecked_return_type = "Promise<BacklogItem[]>")]
    pub fn improvement_plan(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
        #[wasm_bindgen(js_name = lensAlias, unchecked_param_type = "string")] lens_alias: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "WorkspacePlanOptions")] options: JsValue,
    ) -> js_sys::Promise {
        let args = (
            string(workload_id, "workloadId"),
            string(lens_alias, "lensAlias"),
            plan_options(options),
        );
        self.perform(args, |(id, alias, (options, milestone))| {
            reviews::improvement_plan(id, alias, options, milestone)
        })
    }
}

// Answers files are rare next to answering: full engine only (Cargo.toml, feature `full`).
#[cfg(feature = "full")]
#[wasm_bindgen(js_class = Workspace)]
impl JsWorkspace {
    /// The lens review's answers as the JSON text `aws wellarchitected list-answers` prints
    /// (`{WorkloadId, LensAlias, AnswerSummaries}`); of a milestone if one is named. With
    /// `includeNotes: true`, also every question's and choice's notes, in GetAnswer's `Notes`
    /// fields (`importAnswers` reads them back).
    #[wasm_bindgen(js_name = exportAnswers, unchecked_return_type = "Promise<string>")]
    pub fn export_answers(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
        #[wasm_bindgen(js_name = lensAlias, unchecked_param_type = "string")] lens_alias: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ExportAnswersOptions")] options: JsValue,
    ) -> js_sys::Promise {
        let args = (
            string(workload_id, "workloadId"),
            string(lens_alias, "lensAlias"),
            input::<ExportAnswersOptions>(options, "options"),
        );
        self.call(args, |ws, (id, alias, o)| async move {
            let milestone = o.milestone_number;
            if o.include_notes {
                ws.export_answers_with_notes(&id, &alias, milestone).await
            } else {
                ws.export_answers(&id, &alias, milestone).await
            }
        })
    }

    /// Applies an answers file (AWS ListAnswers or GetAnswer JSON text) to the lens review, in
    /// one transaction: a file with any problem changes nothing.
    #[wasm_bindgen(js_name = importAnswers, unchecked_return_type = "Promise<ImportSummary>")]
    pub fn import_answers(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
        #[wasm_bindgen(js_name = lensAlias, unchecked_param_type = "string")] lens_alias: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> js_sys::Promise {
        let args = (
            string(workload_id, "workloadId"),
            string(lens_alias, "lensAlias"),
            text.as_string().ok_or_else(|| {
                invalid_argument("text", "must be the answers file's text (a string)")
            }),
        );
        self.call(args, |ws, (id, alias, text)| async move {
            ws.import_answers(&id, &alias, &text).await
        })
    }
}

/// `exportAnswers`' options: `ReadOptions` and `includeNotes`.
#[cfg(feature = "full")]
#[derive(serde::Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
struct ExportAnswersOptions {
    milestone_number: Option<u32>,
    include_notes: bool,
}

/// The arguments of every read of one lens review: the workload, the lens and the
/// `{milestoneNumber}` options (the current state without one).
type ReviewRead = (
    Result<String, JsValue>,
    Result<String, JsValue>,
    Result<Option<u32>, JsValue>,
);

fn review_read(workload_id: JsValue, lens_alias: JsValue, options: JsValue) -> ReviewRead {
    (
        string(workload_id, "workloadId"),
        string(lens_alias, "lensAlias"),
        milestone_option(options),
    )
}

#[wasm_bindgen(typescript_custom_section)]
const EXCHANGE_TYPES: &str = include_str!("../types/exchange.d.ts");
