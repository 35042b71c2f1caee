//! The improvement plan as a backlog: an item's owner, status, due date and notes.

use wasm_bindgen::prelude::*;

use super::JsWorkspace;
use crate::wasm::convert::{input, string};
use crate::workload::ops::backlog;

#[wasm_bindgen(js_class = Workspace)]
impl JsWorkspace {
    /// Sets an improvement item's `owner`, `status` (with `statusReason` for `POSTPONED` and
    /// `RISK_ACKNOWLEDGED`), `dueDate` (`YYYY-MM-DD`) or `notes`; an empty string clears one.
    /// The answer is not changed. Returns the item as `improvementPlan` lists it. Throws
    /// `kind: "NotFound"` for a question not in the lens, `kind: "Validation"` with `field`
    /// for a broken rule or a question that is not an improvement item.
    #[wasm_bindgen(js_name = updateImprovementItem, unchecked_return_type = "Promise<BacklogItem>")]
    pub fn update_improvement_item(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
        #[wasm_bindgen(js_name = lensAlias, unchecked_param_type = "string")] lens_alias: JsValue,
        #[wasm_bindgen(js_name = questionId, unchecked_param_type = "string")] question_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "ImprovementItemUpdate")] update: JsValue,
    ) -> js_sys::Promise {
        let args = (
            string(workload_id, "workloadId"),
            string(lens_alias, "lensAlias"),
            string(question_id, "questionId"),
            input(update, "update"),
        );
        self.perform(args, |(id, alias, question, update)| {
            backlog::update_improvement_item(id, alias, question, update)
        })
    }
}

#[wasm_bindgen(typescript_custom_section)]
const BACKLOG_TYPES: &str = include_str!("../types/backlog.d.ts");
